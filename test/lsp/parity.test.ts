/**
 * The editor and CI must never disagree: for every source file of the demo project in examples/, the language server's
 * diagnostics equal what ESLint reports with the project's own flat config (the strict config, typed through the
 * project service) and what `avglint scan --strict` reports — the same rule at the same range, with the same first
 * sentence in the same language (the catalogue's `settings.locale`, which every host reads) and the same severity.
 * The server reads the project's ESLint config itself, as the editor does in a trusted workspace (the severities and
 * options it gives each file); rule options and the locale come from the catalogue's `settings`, which ESLint, scan and
 * the server each read themselves — so the test number the catalogue allows is allowed by all three, and no host
 * reports a settings conflict.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '@avglint/rules';
import { scanProject } from 'avglint/dist/scan';
import { ESLint } from 'eslint';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { REPO, TestClient } from './harness';

const EXAMPLES = path.join(REPO, 'examples');

interface Located {
  readonly rule: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** The summary, in the run's locale (ESLint's message without its pointer to `avglint scan`). */
  readonly summary: string;
  readonly severity: 'error' | 'warning';
}

function sortLocated(list: Located[]): Located[] {
  return list.sort((a, b) => a.line - b.line || a.character - b.character || a.endLine - b.endLine || a.endCharacter - b.endCharacter || a.rule.localeCompare(b.rule));
}

describe('parity: the language server and ESLint agree on examples/', function () {
  // ESLint's typed linting and the server's program over the whole demo take several seconds.
  this.timeout(180_000);

  it('reports the same rule at the same range in every file', async () => {
    const eslint = new ESLint({ cwd: EXAMPLES, overrideConfigFile: path.join(EXAMPLES, 'eslint.config.mjs') });
    const results = await eslint.lintFiles(['.']);
    // The scanner reads the catalogue's settings itself: no options are passed, as on the command line.
    const scanned = scanProject({ dir: EXAMPLES, strict: true });
    const byScan = (file: string): Located[] =>
      sortLocated(
        scanned.findings
          .filter((f) => f.file === file)
          .map((f) => ({ rule: f.ruleId, line: f.line - 1, character: f.column - 1, endLine: f.endLine - 1, endCharacter: f.endColumn - 1, summary: f.summary, severity: 'error' })),
      );
    assert.ok(results.length >= 10, `ESLint linted only ${results.length} files in examples/`);
    let total = 0;
    const mismatches: string[] = [];
    const client = new TestClient({ debounceMs: 0 });
    try {
      // Trusted: the server takes each file's severities and options from examples/eslint.config.mjs.
      await client.initialize(EXAMPLES, { workspaceTrusted: true });
      for (const result of results) {
        const fatal = result.messages.filter((m) => m.fatal);
        assert.deepEqual(fatal, [], `ESLint could not parse ${result.filePath}`);
        const expected = sortLocated(
          result.messages
            .filter((m) => m.ruleId?.startsWith('avglint/'))
            .map((m) => ({
              rule: (m.ruleId ?? '').slice('avglint/'.length),
              line: m.line - 1,
              character: m.column - 1,
              endLine: (m.endLine ?? m.line) - 1,
              endCharacter: (m.endColumn ?? m.column) - 1,
              summary: m.message.replace(/ \((?:why|waarom): avglint scan\)$/u, ''),
              severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
            })),
        );
        total += expected.length;
        if (result.filePath.endsWith('.d.ts')) {
          // The server does not analyse declaration files; ESLint must not find anything in them either.
          if (expected.length > 0) mismatches.push(`${result.filePath}: ESLint reports ${JSON.stringify(expected)}, the server does not analyse .d.ts`);
          continue;
        }
        const uri = client.open(result.filePath);
        const diagnostics = await client.diagnosticsFor(uri, 60_000);
        const others = diagnostics.filter((d) => !(RULE_IDS as readonly unknown[]).includes(d.code));
        assert.deepEqual(others.map((d) => `${String(d.code)}: ${String(d.message)}`), [], `the server reports problems in ${result.filePath}`);
        const actual = sortLocated(
          diagnostics.map((d) => ({
            rule: String(d.code),
            line: d.range.start.line,
            character: d.range.start.character,
            endLine: d.range.end.line,
            endCharacter: d.range.end.character,
            summary: String(d.message),
            severity: d.severity === DiagnosticSeverity.Error ? ('error' as const) : ('warning' as const),
          })),
        );
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          mismatches.push(`${path.relative(EXAMPLES, result.filePath)}:\n  ESLint: ${JSON.stringify(expected)}\n  server: ${JSON.stringify(actual)}`);
        }
        const scan = byScan(result.filePath);
        if (JSON.stringify(scan) !== JSON.stringify(expected)) {
          mismatches.push(`${path.relative(EXAMPLES, result.filePath)}:\n  ESLint: ${JSON.stringify(expected)}\n  scan:   ${JSON.stringify(scan)}`);
        }
        client.close(uri);
      }
    } finally {
      await client.dispose();
    }
    assert.deepEqual(mismatches, []);
    // The options are the catalogue's `settings.rules` in every host: its test number 123456782 is allowed, another
    // BSN-shaped literal in the same fixture is not; and nobody sets an option that differs (no settings/conflict).
    const testdata = path.join(EXAMPLES, 'src', 'testdata', 'leerlingen.ts');
    const lineOf = (text: string): number => fs.readFileSync(testdata, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
    const bsnLines = scanned.findings.filter((f) => f.file === testdata && f.ruleId === 'no-bsn-literal').map((f) => f.line);
    assert.ok(!bsnLines.includes(lineOf("BSN: '123456782'")) && bsnLines.includes(lineOf("BSN: '111222333'")), `no-bsn-literal in testdata: lines ${JSON.stringify(bsnLines)}`);
    assert.deepEqual(scanned.problems.map((p) => p.code), []);
    assert.deepEqual(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'avglint/catalogue').map((m) => m.message)), []);
    assert.ok(total >= 10, `ESLint found only ${total} findings in examples/; the demo plants violations of every rule`);
    // The catalogue says `locale: nl`: every host speaks Dutch.
    assert.ok(scanned.findings.some((f) => f.summary.includes('niet toegestaan door de catalogus')), 'the scan did not use the catalogue\'s locale');
  });
});
