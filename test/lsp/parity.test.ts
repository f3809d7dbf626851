/**
 * The editor and CI must never disagree: for every source file of the demo project in examples/, the language server's
 * diagnostics equal what ESLint reports with the project's own flat config (the strict config, typed through the
 * project service) and what `avglint scan --strict` reports — the same rule at the same range, with the same first
 * sentence in the same language (the catalogue's `settings.locale`, which every host reads) and the same severity.
 * The server gets the severities ESLint computes for each file; rule options and the locale come from the catalogue's
 * `settings`, which ESLint, scan and the server each read themselves.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULE_IDS } from '@avglint/rules';
import { scanProject } from 'avglint/dist/scan';
import { ESLint, type Linter } from 'eslint';
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

/** The server settings equivalent to ESLint's computed config for a file. */
function settingsFromEslint(config: Linter.Config): Record<string, unknown> {
  const severity: Record<string, string> = { default: 'off' };
  const ruleOptions: Record<string, unknown> = {};
  for (const id of RULE_IDS) {
    const entry = config.rules?.[`avglint/${id}`];
    const level = Array.isArray(entry) ? entry[0] : entry;
    const on = level === 2 || level === 'error' || level === 1 || level === 'warn';
    severity[id] = on ? 'error' : 'off';
    if (Array.isArray(entry) && entry.length > 1 && typeof entry[1] === 'object') ruleOptions[id] = entry[1];
  }
  return { severity, ruleOptions, debounceMs: 0 };
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
    const client = new TestClient();
    try {
      await client.initialize(EXAMPLES);
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
        client.settings = settingsFromEslint((await eslint.calculateConfigForFile(result.filePath)) as Linter.Config);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
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
    assert.ok(total >= 10, `ESLint found only ${total} findings in examples/; the demo plants violations of every rule`);
    // The catalogue says `locale: nl`: every host speaks Dutch.
    assert.ok(scanned.findings.some((f) => f.summary.includes('niet toegestaan door de catalogus')), 'the scan did not use the catalogue\'s locale');
  });
});
