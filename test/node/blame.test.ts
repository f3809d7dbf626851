/**
 * The exceptions register's `git blame` (node/src/blame.ts), shared by `avglint report` and the language server: each
 * disable comment gets the author and date of its line when git tracks the file; otherwise it stays as it was.
 */
import * as assert from 'node:assert/strict';
import { blameExceptions } from '@avglint/node';
import type { ReportFileInput } from '@avglint/rules';
import { commitAll, GIT_AUTHOR, GIT_DATE } from '../helpers/git';
import { tempProjectsForSuite } from '../helpers/tempProject';

function input(file: string, ...lines: number[]): ReportFileInput {
  return { file, observations: [], unclassified: [], exceptions: lines.map((line) => ({ file, line, column: 1, rules: ['no-unauthorised-transfer'], reason: 'proef' })) };
}

describe('blameExceptions (git blame for the exceptions register)', function () {
  this.timeout(30_000);
  const project = tempProjectsForSuite();

  it('adds author and date to committed lines only, and leaves untracked files as they are', () => {
    const p = project({ 'src/a.ts': 'const x = 1;\n// eslint-disable-next-line\nsend(x);\n', 'src/b.ts': '// eslint-disable-next-line\n' });
    commitAll(p.dir);
    p.write('src/a.ts', 'const x = 1;\n// eslint-disable-next-line\nsend(x);\n// eslint-disable-next-line -- new\n');
    p.write('src/c.ts', '// eslint-disable-next-line\n');
    const files = blameExceptions(p.dir, [input('src/a.ts', 2, 4), input('src/b.ts', 1), input('src/c.ts', 1), input('src/none.ts')]);
    assert.deepEqual(
      files.map((f) => f.exceptions.map((e) => [f.file, e.line, e.author, e.date])),
      [
        [['src/a.ts', 2, GIT_AUTHOR, GIT_DATE], ['src/a.ts', 4, undefined, undefined]],
        [['src/b.ts', 1, GIT_AUTHOR, GIT_DATE]],
        [['src/c.ts', 1, undefined, undefined]],
        [],
      ],
    );
  });

  it('changes nothing outside a git repository', () => {
    const p = project({ 'a.ts': '// eslint-disable-next-line\n' });
    const files = [input('a.ts', 1)];
    assert.deepEqual(blameExceptions(p.dir, files), files);
  });
});
