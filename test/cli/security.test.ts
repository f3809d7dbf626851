/**
 * `avglint scan` and `avglint catalogue check` on hostile repositories, run as a user runs them (a child process
 * with a time limit, so a hang or a memory blow-up is a failed test, not a stuck suite): a catalogue that leads out of
 * the repository is refused with a positioned problem and exit 2 and nothing of the outside file is shown; a pipe
 * named `*.ts` is not read; folders named `..gen` are scanned.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { HOSTILE_CASES, SECRET, SECRET_PATTERN } from '../helpers/hostile';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

const BSN = "export const bsn = '111222333';\n";
const CLI = require.resolve('avglint/dist/main');

function avglint(args: readonly string[], cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, maxBuffer: 16 * 1024 * 1024 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('avglint scan and catalogue check on hostile repositories', function () {
  this.timeout(120_000);
  const project = tempProjectsForSuite();

  for (const c of HOSTILE_CASES) {
    it(`${c.name}: ${c.code} at ${c.line}:${c.column}, exit 2 (scan) and 1 (check), nothing of the file shown`, () => {
      const outside = project({ 'secret.yaml': SECRET });
      const repo = project({ 'package.json': '{}', 'src/ids.ts': BSN });
      c.arrange(repo, outside);
      const scan = avglint(['scan', repo.dir, '--format', 'sarif'], repo.dir);
      assert.equal(scan.status, 2, scan.output);
      assert.ok(scan.output.includes(`"id": "${c.code}"`), scan.output);
      assert.doesNotMatch(scan.output, SECRET_PATTERN);
      const check = avglint(['catalogue', 'check'], repo.dir);
      assert.equal(check.status, 1, check.output);
      assert.match(check.output, new RegExp(`^avglint\\.catalogue\\.yaml:${c.line}:${c.column}: error ${c.code}: `, 'mu'));
      assert.doesNotMatch(check.output, SECRET_PATTERN);
    });
  }

  it('does not hang on a FIFO named *.ts: the other files are scanned and reported', () => {
    const repo = project({ 'package.json': '{}', 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    execFileSync('mkfifo', [path.join(repo.dir, 'src', 'pipe.ts')]);
    const scan = avglint(['scan', repo.dir], repo.dir);
    assert.equal(scan.status, 1, scan.output);
    assert.match(scan.output, /1 finding in 1 file; 1 file scanned/u);
  });

  for (const typed of [false, true]) {
    it(`scans folders whose names start with \`..\` (${typed ? 'typed' : 'untyped'})`, () => {
      const repo = project({
        'package.json': '{}',
        'avglint.catalogue.yaml': fixtureCatalogueText(),
        '..gen/ids.ts': BSN,
        '..groep/more.ts': BSN,
        // TypeScript's own `**/*` passes folders starting with `.` by; named explicitly, they are in the program.
        ...(typed ? { 'tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, types: [] }, include: ['..gen/*.ts', '..groep/*.ts'] }) } : {}),
      });
      const scan = avglint(['scan', repo.dir, '--format', 'json'], repo.dir);
      assert.equal(scan.status, 1, scan.output);
      const json = JSON.parse(scan.output) as { findings: { file: string; line: number; column: number }[]; fileCount: number };
      assert.equal(json.fileCount, 2);
      assert.deepEqual(json.findings.map((f) => [path.relative(repo.dir, f.file), f.line, f.column]), [
        [path.join('..gen', 'ids.ts'), 1, 20],
        [path.join('..groep', 'more.ts'), 1, 20],
      ]);
    });
  }
});
