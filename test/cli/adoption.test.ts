/**
 * Adopting avglint in an existing codebase with `avglint scan`: ESLint's bulk-suppressions file (old findings silent,
 * new ones reported, by ESLint's counting rule), `--ignore` globs and the ignores of the project's ESLint config,
 * `--output` writing the report to the file only, and the exit codes 0 / 1 / 2.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runScan, type Io } from 'avglint/dist/scan';
import { applyBulkSuppressions } from 'avglint/dist/bulkSuppressions';
import { globIgnores } from 'avglint/dist/ignores';
import { eslintConfig, fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';

const BSN = (n: number): string => `export const bsn${n} = '111222333';\n`;

async function scan(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runScan(args, io, cwd);
  return { code, stdout, stderr };
}

/** `file:line rule` of every finding in `--format json` output, relative to `dir`. */
function findingsOf(stdout: string, dir: string): string[] {
  const json = JSON.parse(stdout) as { findings: { file: string; line: number; ruleId: string }[] };
  return json.findings.map((f) => `${path.relative(dir, f.file).split(path.sep).join('/')}:${f.line} ${f.ruleId}`);
}

describe('avglint scan in an existing codebase', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();

  describe('ESLint bulk suppressions, counted as ESLint counts them', () => {
    // [what, findings per file (file → rule ids), suppressions (file → rule → count), reported]
    const cases: [string, Record<string, string[]>, Record<string, Record<string, number>>, string[]][] = [
      ['fewer or as many findings as counted: all suppressed', { 'a.ts': ['no-bsn-literal', 'no-bsn-literal'] }, { 'a.ts': { 'avglint/no-bsn-literal': 2 } }, []],
      ['one more than counted: all of them reported', { 'a.ts': ['no-bsn-literal', 'no-bsn-literal'] }, { 'a.ts': { 'avglint/no-bsn-literal': 1 } }, ['a.ts no-bsn-literal', 'a.ts no-bsn-literal']],
      ['another rule in the file is not suppressed', { 'a.ts': ['no-bsn-literal', 'require-retention'] }, { 'a.ts': { 'avglint/no-bsn-literal': 1 } }, ['a.ts require-retention']],
      ['another file is not suppressed', { 'a.ts': ['no-bsn-literal'], 'b.ts': ['no-bsn-literal'] }, { 'a.ts': { 'avglint/no-bsn-literal': 1 } }, ['b.ts no-bsn-literal']],
      ['paths are relative to the base with forward slashes', { 'src/x/a.ts': ['no-bsn-literal'] }, { 'src/x/a.ts': { 'avglint/no-bsn-literal': 1 } }, []],
      ['an inherited property name is no suppression', { 'constructor': ['no-bsn-literal'] }, {}, ['constructor no-bsn-literal']],
    ];
    for (const [what, files, counts, reported] of cases) {
      it(what, () => {
        const base = path.resolve('/project');
        const findings = Object.entries(files).flatMap(([file, rules]) => rules.map((ruleId) => ({ file: path.join(base, file), ruleId })));
        const suppressions = Object.fromEntries(Object.entries(counts).map(([file, rules]) => [file, Object.fromEntries(Object.entries(rules).map(([rule, count]) => [rule, { count }]))]));
        const { kept } = applyBulkSuppressions(findings, suppressions, base);
        assert.deepEqual(kept.map((f) => `${path.relative(base, f.file).split(path.sep).join('/')} ${f.ruleId}`), reported);
      });
    }
  });

  it('honours eslint-suppressions.json in the current directory: the old finding is silent, a new file is reported', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'src/old.ts': BSN(1),
      'eslint-suppressions.json': JSON.stringify({ 'src/old.ts': { 'avglint/no-bsn-literal': { count: 1 } } }),
    });
    const quiet = await scan(['--format', 'json'], p.dir);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.deepEqual(findingsOf(quiet.stdout, p.dir), []);
    p.write('src/new.ts', BSN(2));
    const loud = await scan(['--format', 'json'], p.dir);
    assert.equal(loud.code, 1);
    assert.deepEqual(findingsOf(loud.stdout, p.dir), ['src/new.ts:1 no-bsn-literal']);
  });

  it('reads another suppressions file with --suppressions-location, and exits 2 when it is missing or not JSON', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/old.ts': BSN(1), 'ci/s.json': JSON.stringify({ 'src/old.ts': { 'avglint/no-bsn-literal': { count: 1 } } }), 'bad.json': '{' });
    assert.equal((await scan(['--suppressions-location', 'ci/s.json'], p.dir)).code, 0);
    // The paths in the file are relative to the current directory (as in ESLint), not to the file or the scanned dir.
    assert.equal((await scan([p.dir, '--suppressions-location', path.join(p.dir, 'ci', 's.json')], path.dirname(p.dir))).code, 1);
    const missing = await scan(['--suppressions-location', 'nope.json'], p.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the suppressions file/u);
    const bad = await scan(['--suppressions-location', 'bad.json'], p.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not JSON/u);
  });

  it('leaves out what --ignore globs name, files and whole directories', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/a.ts': BSN(1), 'legacy/b.ts': BSN(2), 'legacy/deep/c.ts': BSN(3), 'src/gen.generated.ts': BSN(4) });
    const cases: [string[], string[]][] = [
      [[], ['legacy/b.ts:1 no-bsn-literal', 'legacy/deep/c.ts:1 no-bsn-literal', 'src/a.ts:1 no-bsn-literal', 'src/gen.generated.ts:1 no-bsn-literal']],
      [['--ignore', 'legacy'], ['src/a.ts:1 no-bsn-literal', 'src/gen.generated.ts:1 no-bsn-literal']],
      [['--ignore', 'legacy/'], ['src/a.ts:1 no-bsn-literal', 'src/gen.generated.ts:1 no-bsn-literal']],
      [['--ignore', 'legacy/deep/**', '--ignore', '**/*.generated.ts'], ['legacy/b.ts:1 no-bsn-literal', 'src/a.ts:1 no-bsn-literal']],
    ];
    for (const [args, expected] of cases) {
      const result = await scan([...args, '--format', 'json'], p.dir);
      assert.deepEqual(findingsOf(result.stdout, p.dir).sort(), expected, args.join(' '));
    }
    assert.equal(globIgnores(p.dir, ['legacy'])(path.join(p.dir, '..', 'legacy', 'x.ts')), false, 'outside the directory nothing is ignored');
  });

  it('leaves out what the ESLint config ignores, but still scans files the config does not cover', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      // Only .js files are configured; the .ts file is not linted by ESLint but must still be scanned.
      'eslint.config.mjs': eslintConfig("[{ ignores: ['vendor/**', '**/*.min.js'] }, { ...avglint.configs.recommended, files: ['**/*.js'] }]"),
      'src/a.js': BSN(1),
      'src/b.ts': BSN(2),
      'src/c.min.js': BSN(3),
      'vendor/d.js': BSN(4),
    });
    const result = await scan(['--format', 'json'], p.dir);
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(findingsOf(result.stdout, p.dir).sort(), ['src/a.js:1 no-bsn-literal', 'src/b.ts:1 no-bsn-literal']);
    const everything = await scan(['--format', 'json', '--no-ignore'], p.dir);
    assert.deepEqual(findingsOf(everything.stdout, p.dir).sort(), ['src/a.js:1 no-bsn-literal', 'src/b.ts:1 no-bsn-literal', 'src/c.min.js:1 no-bsn-literal', 'vendor/d.js:1 no-bsn-literal']);
  });

  it('reports an ESLint config that does not load, and scans everything', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'eslint.config.mjs': "throw new Error('broken on purpose');\n", 'vendor/d.js': BSN(4) });
    const result = await scan(['--format', 'json'], p.dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /ESLint config .* could not be loaded, so its ignores are not applied: .*broken on purpose/u);
    assert.deepEqual(findingsOf(result.stdout, p.dir), ['vendor/d.js:1 no-bsn-literal']);
  });

  it('writes the report to --output only (nothing on stdout, one summary line on stderr); exit 0, 1, 2', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/a.ts': BSN(1) });
    // [args, exit code]: findings, clean (the file fixed by an allow option), bad usage.
    const cases: [string[], number][] = [
      [['--format', 'sarif', '--output', 'out/avglint.sarif'], 1],
      [['--format', 'gitlab', '--output', 'out/gl.json', '--rule', 'no-bsn-literal={"allow":["111222333"]}'], 0],
      [['--format', 'text', '--output', 'out/avglint.txt'], 1],
    ];
    for (const [args, code] of cases) {
      const result = await scan(args, p.dir);
      assert.equal(result.code, code, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, /^avglint scan: \d+ findings? .* Report: out\/[a-z.]+\n$/u);
      assert.ok(fs.existsSync(path.join(p.dir, args[3] ?? '')));
    }
    assert.equal((await scan(['--no-such-option'], p.dir)).code, 2);
    assert.equal((await scan(['--format', 'xml'], p.dir)).code, 2);
  });
});
