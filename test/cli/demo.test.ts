/**
 * The demo: ESLint with examples/eslint.config.mjs over examples/ reports exactly the planted violations — each
 * marked on its line with `// expect: avglint/<rule-id>` — and nothing on the correct code beside them. The markers
 * are read here with this test's own parser, not the demo's, so a bug in one cannot hide a bug in the other.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { ESLint } from 'eslint';
import { eslintPointer, RULE_IDS, SUMMARY_LIMIT } from '@avglint/rules';
import { lintExamples } from 'avglint/dist/demo';
import { scanProject } from 'avglint/dist/scan';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const CLI = path.join(ROOT, 'cli', 'dist', 'main.js');

/** `file:line rule`, the unit the markers speak in. */
function plantedMarkers(): string[] {
  const planted: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') visit(full);
      else if (entry.isFile() && /\.(?:[cm]?[jt]s|[jt]sx)$/u.test(entry.name) && entry.name !== 'eslint.config.mjs') {
        fs.readFileSync(full, 'utf8')
          .split(/\r?\n/u)
          .forEach((line, index) => {
            const comment = line.indexOf('// expect:');
            if (comment < 0) return;
            for (const rule of line.slice(comment + '// expect:'.length).split(',')) planted.push(`${path.relative(EXAMPLES, full)}:${index + 1} ${rule.trim()}`);
          });
      }
    }
  };
  visit(EXAMPLES);
  return planted.sort();
}

function reported(results: readonly ESLint.LintResult[]): string[] {
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(EXAMPLES, r.filePath)}:${m.line} ${m.ruleId ?? `(fatal: ${m.message})`}`))
    .sort();
}

/** What one multiset lacks of the other, both ways: a readable failure instead of a long array diff. */
function difference(planted: readonly string[], found: readonly string[]): { missing: string[]; unexpected: string[] } {
  const left = [...found];
  const missing: string[] = [];
  for (const marker of planted) {
    const at = left.indexOf(marker);
    if (at < 0) missing.push(marker);
    else left.splice(at, 1);
  }
  return { missing, unexpected: left };
}

describe('avglint demo (examples/)', function () {
  this.timeout(180_000);
  let results: ESLint.LintResult[] = [];
  let eslint: ESLint | undefined;

  before(async () => {
    ({ results, eslint } = await lintExamples(EXAMPLES));
  });

  it('plants at least one violation of every rule', () => {
    const rules = new Set(plantedMarkers().map((m) => m.split(' ')[1]));
    // Every rule but `catalogue`, which reports a broken catalogue: the demo's catalogue is sound.
    assert.deepEqual(RULE_IDS.filter((id) => id !== 'catalogue' && !rules.has(`avglint/${id}`)), []);
  });

  it('lints TypeScript files of the examples, without parse errors', () => {
    assert.ok(results.some((r) => r.filePath.endsWith('.ts')), 'no TypeScript file was linted');
    assert.deepEqual(results.flatMap((r) => r.messages.filter((m) => m.fatal === true).map((m) => `${r.filePath}: ${m.message}`)), []);
  });

  it('gives each finding a one-line ESLint message, so the stylish formatter pads no line to hundreds of characters', async () => {
    const findings = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('avglint/')));
    assert.ok(findings.length > 0);
    // The summary (≤ SUMMARY_LIMIT) and at most the pointer to `avglint scan` for why and what to do.
    assert.deepEqual(findings.filter((m) => m.message.includes('\n') || m.message.length > SUMMARY_LIMIT + eslintPointer('detail', 'nl').length).map((m) => m.message), []);
    assert.ok(eslint);
    const stylish = await eslint.loadFormatter('stylish');
    const text = stripVTControlCharacters(await stylish.format(results.map((r) => ({ ...r, filePath: path.relative(EXAMPLES, r.filePath) }))));
    // A finding's row: position, severity, message padded to the file's longest, rule id. Was 490 with the detail in it.
    const longest = Math.max(...text.split('\n').map((line) => line.length));
    assert.ok(longest <= 180, `the stylish formatter printed a line of ${longest} characters`);
  });

  it('reports exactly the planted violations: same file, line and rule', () => {
    assert.deepEqual(difference(plantedMarkers(), reported(results)), { missing: [], unexpected: [] });
  });

  it('the standalone scanner (`avglint scan --strict`, no ESLint) finds exactly what ESLint finds', async () => {
    // The rule options come from the examples' own ESLint config, so both hosts run the same rules the same way.
    const anyTsFile = results.find((r) => r.filePath.endsWith('.ts'))?.filePath;
    assert.ok(eslint && anyTsFile);
    const config = (await eslint.calculateConfigForFile(anyTsFile)) as { rules?: Record<string, unknown[]> };
    const ruleOptions = Object.fromEntries(
      Object.entries(config.rules ?? {})
        .filter(([name, entry]) => name.startsWith('avglint/') && typeof entry[1] === 'object')
        .map(([name, entry]) => [name.slice('avglint/'.length), entry[1]]),
    );
    const scanned = scanProject({ dir: EXAMPLES, strict: true, ruleOptions });
    const byScan = scanned.findings.map((f) => `${path.relative(EXAMPLES, f.file)}:${f.line} avglint/${f.ruleId}`).sort();
    const byEslint = reported(results).filter((r) => / avglint\//u.test(r));
    assert.deepEqual(difference(byEslint, byScan), { missing: [], unexpected: [] });
  });

  it('`avglint demo` exits 0, prints the per-rule summary and writes examples/avglint.sarif', () => {
    const sarif = path.join(EXAMPLES, 'avglint.sarif');
    fs.rmSync(sarif, { force: true });
    const run = spawnSync(process.execPath, [CLI, 'demo'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    for (const id of RULE_IDS) assert.match(run.stdout, new RegExp(`avglint/${id}\\s+\\d+ found`, 'u'));
    assert.match(run.stdout, /Demo OK/u);
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { version: string; runs: { results: { suppressions?: unknown[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    // Findings hidden by a disable comment are in the SARIF too, marked as suppressed in source, as code scanning expects.
    const active = log.runs[0]?.results.filter((r) => (r.suppressions ?? []).length === 0) ?? [];
    assert.equal(active.length, plantedMarkers().length);
  });
});
