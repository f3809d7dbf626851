/**
 * The Node layer's file reading and walking, on a real file system (temp folders): only regular files are read, with
 * a size limit; a pipe or a device never hangs or floods a host; the walk skips what is not source.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSkippedPath, isSourceFileName, listSourceFiles, MAX_SOURCE_BYTES, readRegularFile, readTextFile } from '@avglint/node';
import { tempProjectsForSuite } from '../helpers/tempProject';

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('@avglint/node: reading files', () => {
  const project = tempProjectsForSuite();

  const cases: readonly { readonly name: string; readonly make: (dir: string) => string; readonly expected: ReturnType<typeof readRegularFile> }[] = [
    { name: 'a regular file', make: (dir) => path.join(dir, 'a.ts'), expected: { ok: true, text: 'export const a = 1;\n' } },
    { name: 'an empty file', make: (dir) => path.join(dir, 'empty.ts'), expected: { ok: true, text: '' } },
    { name: 'a missing file', make: (dir) => path.join(dir, 'nope.ts'), expected: { ok: false, reason: 'missing' } },
    { name: 'a file below a file', make: (dir) => path.join(dir, 'a.ts', 'x.ts'), expected: { ok: false, reason: 'missing' } },
    { name: 'a folder', make: (dir) => path.join(dir, 'src'), expected: { ok: false, reason: 'not-a-file' } },
    {
      name: 'a FIFO named *.ts (opening it would block until a writer came)',
      make: (dir) => {
        mkfifo(path.join(dir, 'pipe.ts'));
        return path.join(dir, 'pipe.ts');
      },
      expected: { ok: false, reason: 'not-a-file' },
    },
    {
      name: 'a symbolic link to /dev/zero (reading it would never end)',
      make: (dir) => {
        fs.symlinkSync('/dev/zero', path.join(dir, 'zero.ts'));
        return path.join(dir, 'zero.ts');
      },
      expected: { ok: false, reason: 'not-a-file' },
    },
    {
      name: 'a file one byte over the limit (sparse, so the test writes nothing)',
      make: (dir) => {
        const file = path.join(dir, 'big.ts');
        fs.writeFileSync(file, '');
        fs.truncateSync(file, MAX_SOURCE_BYTES + 1);
        return file;
      },
      expected: { ok: false, reason: 'too-large', size: MAX_SOURCE_BYTES + 1 },
    },
  ];
  for (const c of cases) {
    it(`reads ${c.name}: ${JSON.stringify(c.expected)}`, () => {
      const p = project({ 'a.ts': 'export const a = 1;\n', 'empty.ts': '', 'src/b.ts': '' });
      assert.deepEqual(readRegularFile(c.make(p.dir), MAX_SOURCE_BYTES), c.expected);
    });
  }

  it('stops at the limit it is given, and readTextFile turns every failure into undefined', () => {
    const p = project({ 'a.ts': '12345' });
    assert.deepEqual(readRegularFile(path.join(p.dir, 'a.ts'), 5), { ok: true, text: '12345' });
    assert.deepEqual(readRegularFile(path.join(p.dir, 'a.ts'), 4), { ok: false, reason: 'too-large', size: 5 });
    assert.equal(readTextFile(path.join(p.dir, 'a.ts'), 4), undefined);
    assert.equal(readTextFile(path.join(p.dir, 'a.ts')), '12345');
  });
});

describe('@avglint/node: walking source files', () => {
  const project = tempProjectsForSuite();

  it('lists regular source files sorted, skipping dependency and build folders, declarations, pipes and links that leave', () => {
    const outside = project({ 'secret.ts': 'export const key = 1;\n', 'lib/x.ts': '' });
    const p = project({
      'a.ts': '',
      'b.d.ts': '',
      'c.d.mts': '',
      'src/z.tsx': '',
      'src/y.mjs': '',
      'src/notes.md': '',
      '..gen/generated.ts': '',
      '..groep/x.js': '',
      'node_modules/dep/index.js': '',
      'dist/a.js': '',
      'build/a.js': '',
      'coverage/a.js': '',
      '.git/hooks/a.js': '',
      'out/a.js': '',
      'inside/target.ts': '',
    });
    mkfifo(path.join(p.dir, 'src', 'pipe.ts'));
    fs.symlinkSync(path.join(p.dir, 'inside', 'target.ts'), path.join(p.dir, 'src', 'linked.ts'));
    fs.symlinkSync(path.join(outside.dir, 'secret.ts'), path.join(p.dir, 'src', 'leaves.ts'));
    fs.symlinkSync(path.join(outside.dir, 'lib'), path.join(p.dir, 'linked-folder'));
    fs.symlinkSync(p.dir, path.join(p.dir, 'src', 'loop'));
    assert.deepEqual(
      listSourceFiles(p.dir).map((f) => path.relative(p.dir, f)),
      ['..gen/generated.ts', '..groep/x.js', 'a.ts', 'inside/target.ts', 'src/linked.ts', 'src/y.mjs', 'src/z.tsx'].map((f) => f.split('/').join(path.sep)),
    );
  });

  const names: readonly (readonly [string, boolean])[] = [
    ['a.ts', true],
    ['a.tsx', true],
    ['a.mts', true],
    ['a.cts', true],
    ['a.js', true],
    ['a.jsx', true],
    ['a.mjs', true],
    ['a.cjs', true],
    ['a.d.ts', false],
    ['a.d.mts', false],
    ['a.d.cts', false],
    ['a.json', false],
    ['a.ts.orig', false],
  ];
  for (const [name, expected] of names) {
    it(`${name} is ${expected ? '' : 'not '}a source file`, () => assert.equal(isSourceFileName(name), expected));
  }

  const paths: readonly (readonly [string, boolean])[] = [
    ['/repo/src/a.ts', false],
    ['/repo/..gen/a.ts', false],
    ['/repo/src/..groep/a.ts', false],
    ['/repo/node_modules/x/a.ts', true],
    ['/repo/src/dist/a.ts', true],
    ['/repo/../elsewhere/a.ts', true],
    ['/elsewhere/a.ts', true],
  ];
  for (const [file, expected] of paths) {
    it(`${file} is ${expected ? '' : 'not '}skipped under /repo`, () => assert.equal(isSkippedPath('/repo', file), expected));
  }
});
