/**
 * `avglint scan` fails closed: a rule that could not run on a file, a file that could not be parsed, or a project
 * with no file to analyse never ends in exit 0 or in SARIF that says the run succeeded. One bad file is a problem on
 * that file; the rest of the project is still analysed and reported.
 */
import * as assert from 'node:assert/strict';
import { runScan, type Io } from 'avglint/dist/scan';
import { FAILING_RULE, plantFailingCheck } from '../helpers/failingCheck';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

const BSN = "export const bsn = '111222333';\n";
/** About 800 nested parentheses overflow TypeScript's own recursive parser. */
const TOO_DEEP = `export const x = ${'('.repeat(2000)}1${')'.repeat(2000)};\n`;

async function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runScan(args, io);
  return { code, stdout, stderr };
}

interface Invocation {
  executionSuccessful: boolean;
  toolExecutionNotifications: { level: string; descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
}

function invocationOf(stdout: string): { invocation: Invocation; results: { ruleId: string }[] } {
  const log = JSON.parse(stdout) as { runs: { invocations: Invocation[]; results: { ruleId: string }[] }[] };
  const run = log.runs[0];
  assert.ok(run?.invocations[0]);
  return { invocation: run.invocations[0], results: run.results };
}

describe('avglint scan fails closed', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  describe('a rule that could not run on a file (analysis/internal-error)', async () => {
    let unplant: (() => void) | undefined;
    afterEach(() => unplant?.());

    it('exits 3, says the result is incomplete, and still reports the other rules’ findings', async () => {
      const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
      unplant = plantFailingCheck();
      const result = await scan([p.dir]);
      assert.equal(result.code, 3, result.stdout);
      assert.match(result.stdout, /1:20 {2}error {2}111222333 in a string passes the BSN-elfproef/u);
      assert.match(result.stdout, new RegExp(`src/ids\\.ts:1:1: error analysis/internal-error: avglint could not finish ${FAILING_RULE} on this file`, 'u'));
      assert.match(result.stdout, /The result is incomplete: avglint could not fully analyse 1 file/u);
    });

    it('writes SARIF with executionSuccessful: false and the failure as a notification at its place', async () => {
      const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
      unplant = plantFailingCheck();
      const result = await scan([p.dir, '--format', 'sarif']);
      assert.equal(result.code, 3);
      const { invocation, results } = invocationOf(result.stdout);
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(
        invocation.toolExecutionNotifications.map((n) => [n.level, n.descriptor.id, n.locations[0]?.physicalLocation.artifactLocation.uri, n.locations[0]?.physicalLocation.region.startLine]),
        [['error', 'analysis/internal-error', 'src/ids.ts', 1]],
      );
      assert.deepEqual(results.map((r) => r.ruleId), ['avglint/no-bsn-literal']);
      // Standard output holds the report; why the run failed goes to people on standard error.
      assert.match(result.stderr, /analysis\/internal-error/u);
    });

    it('a clean run is still exit 0 with executionSuccessful: true (the planted check is out)', async () => {
      const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': "export const bsn = '111222334';\n" });
      const result = await scan([p.dir, '--format', 'sarif']);
      assert.equal(result.code, 0, result.stdout);
      assert.equal(invocationOf(result.stdout).invocation.executionSuccessful, true);
    });
  });

  describe('no file to analyse is an error unless asked for', async () => {
    const cases: readonly { readonly name: string; readonly files: Readonly<Record<string, string>>; readonly at: string }[] = [
      { name: 'a tsconfig whose `include` matches nothing (a typo)', files: { 'tsconfig.json': JSON.stringify({ include: ['scr'] }), 'src/ids.ts': BSN }, at: 'tsconfig.json' },
      { name: 'a folder without source files', files: { 'README.md': '# leeg\n' }, at: '.' },
    ];
    for (const c of cases) {
      it(`${c.name}: exit 2 with scan/no-files; 0 with --allow-empty`, async () => {
        const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), ...c.files });
        const failing = await scan([p.dir, '--format', 'sarif']);
        assert.equal(failing.code, 2, failing.stdout + failing.stderr);
        const { invocation } = invocationOf(failing.stdout);
        assert.equal(invocation.executionSuccessful, false);
        assert.deepEqual(invocation.toolExecutionNotifications.map((n) => n.descriptor.id), ['scan/no-files']);
        assert.match(failing.stderr, /avglint analysed no file/u);
        const allowed = await scan([p.dir, '--allow-empty']);
        assert.equal(allowed.code, 0, allowed.stdout);
        assert.match(allowed.stdout, /^0 findings in 0 files; 0 files scanned/mu);
      });
    }
    it('names the tsconfig as the place to look', async () => {
      const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'tsconfig.json': JSON.stringify({ include: ['scr'] }) });
      assert.match((await scan([p.dir])).stdout, /[\\/]tsconfig\.json:1:1: error scan\/no-files: /u);
    });
  });

  for (const typed of [false, true]) {
    it(`one file too deeply nested for TypeScript's parser is a problem on that file; the rest is reported (${typed ? 'typed' : 'untyped'})`, async () => {
      const p = project({
        'avglint.catalogue.yaml': fixtureCatalogueText(),
        'src/deep.ts': TOO_DEEP,
        'src/ids.ts': BSN,
        ...(typed ? { 'tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, types: [] }, include: ['src'] }) } : {}),
      });
      const result = await scan([p.dir]);
      assert.equal(result.code, 3, result.stdout + result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /^ {2}1:20 {2}error {2}111222333 in a string passes the BSN-elfproef/mu);
      assert.match(result.stdout, /src[\\/]deep\.ts:1:1: error analysis\/file-not-parsed: avglint could not analyse this file: it is nested too deeply/u);
      assert.match(result.stdout, typed ? /1 file scanned with type information/u : /1 file scanned as an inferred program/u);
      assert.doesNotMatch(result.stdout, /^\s+at /mu);
    });
  }
});
