/**
 * `avglint demo`: lints examples/ with ESLint and the plugin exactly as a project's CI would (ESLint's JS API with
 * examples/eslint.config.mjs), prints the findings in ESLint's stylish format, writes examples/avglint.sarif with
 * the SARIF formatter, and checks the findings against the violations planted in examples/: every planted line ends
 * in `// expect: avglint/<rule-id>` (several separated by commas). The demo passes (exit 0) only when the findings
 * are exactly the planted ones — nothing missing, nothing on the correct code. It also writes the FG's privacy report,
 * examples/avglint-report.html (`avglint report`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listSourceFiles } from '@avglint/node';
import type { ESLint } from 'eslint';
import { RULE_IDS } from '@avglint/rules';
import type { Command } from './main';
import { projectReport } from './report/command';
import { renderHtml } from './formats/html';
import { WORDS } from './formats/words';

/** A planted violation or a finding, reduced to what the markers say: file, line and rule. */
export interface Expectation {
  /** Absolute path. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** `avglint/<rule-id>`; for ESLint's own messages (a parse error, an unused directive) `(fatal|eslint: message)`. */
  readonly rule: string;
}

export interface DemoComparison {
  readonly missing: readonly Expectation[];
  readonly unexpected: readonly Expectation[];
}

/** The examples folder of this repository, from cli/dist. */
export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
const MARKER = /\/\/\s*expect:\s*(.*)$/u;
const MARKED_RULE = /avglint\/[a-z]+(?:-[a-z]+)*/gu;

/** Every `// expect: avglint/<id>` marker in the source files under `dir`. */
export function readMarkers(dir: string): Expectation[] {
  const markers: Expectation[] = [];
  for (const file of sourceFiles(dir)) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/u);
    lines.forEach((text, index) => {
      const marker = MARKER.exec(text);
      if (marker === null) return;
      for (const rule of marker[1]?.match(MARKED_RULE) ?? []) markers.push({ file, line: index + 1, rule });
    });
  }
  return sortExpectations(markers);
}

/** The examples' source files, by the same walk as `avglint scan` (the ESLint config itself holds no marker). */
function sourceFiles(dir: string): string[] {
  return listSourceFiles(dir).filter((file) => path.basename(file) !== 'eslint.config.mjs');
}

/** Lints `dir` with its own eslint.config.mjs, as `npx eslint .` there would. */
export async function lintExamples(dir: string): Promise<{ eslint: ESLint; results: ESLint.LintResult[] }> {
  // Loaded here, not at the top: ESLint is an optional peer of the CLI, and only the demo needs it.
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(dir, 'eslint.config.mjs') });
  const results = await eslint.lintFiles(['.']);
  return { eslint, results };
}

/**
 * Every message in ESLint's results. Besides avglint's findings that includes parse errors and ESLint's own reports
 * (an unused disable directive in the examples means a suppression that hides nothing — a violation the rules miss),
 * so the demo fails on those too: no marker can expect them.
 */
export function findingsOf(results: readonly ESLint.LintResult[]): Expectation[] {
  const findings: Expectation[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const rule = message.ruleId ?? `(${message.fatal === true ? 'fatal' : 'eslint'}: ${message.message})`;
      findings.push({ file: result.filePath, line: message.line, rule });
    }
  }
  return sortExpectations(findings);
}

/** Compares as multisets: two markers for one rule on one line expect two findings there. */
export function compareExpectations(markers: readonly Expectation[], findings: readonly Expectation[]): DemoComparison {
  const key = (e: Expectation): string => `${e.file}\0${e.line}\0${e.rule}`;
  const remaining = new Map<string, Expectation[]>();
  for (const m of markers) remaining.set(key(m), [...(remaining.get(key(m)) ?? []), m]);
  const unexpected: Expectation[] = [];
  for (const f of findings) {
    const planted = remaining.get(key(f));
    if (planted !== undefined && planted.length > 0) planted.pop();
    else unexpected.push(f);
  }
  const missing = [...remaining.values()].flat();
  return { missing: sortExpectations(missing), unexpected: sortExpectations(unexpected) };
}

function sortExpectations(list: Expectation[]): Expectation[] {
  return list.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

export const DEMO_USAGE = `Usage: avglint demo [dir]

Lints the examples (default: this repository's examples/) with ESLint and examples/eslint.config.mjs, prints the
findings, writes <dir>/avglint.sarif, and checks them against the planted \`// expect: avglint/<rule>\` markers.
Exit code: 0 the findings are exactly the planted violations, 1 they are not, 2 the demo could not run.`;

export const demoCommand: Command = {
  summary: 'lint examples/ with ESLint, print the findings, write examples/avglint.sarif and the privacy report, check the planted markers',
  usage: DEMO_USAGE,
  run: (args) => runDemo(args),
};

export async function runDemo(args: readonly string[]): Promise<number> {
  if (args.length > 1) {
    process.stderr.write(`${DEMO_USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(args[0] ?? EXAMPLES_DIR);
  const configFile = path.join(dir, 'eslint.config.mjs');
  if (!fs.existsSync(configFile)) {
    // The published CLI has no examples/: the demo belongs to a clone of the repository.
    process.stderr.write(`avglint demo: ${configFile} does not exist. The demo runs in a clone of the avglint repository (npm run demo); in your own project run \`avglint init\`, then \`npx eslint .\`.\n`);
    return 2;
  }
  const { eslint, results } = await lintExamples(dir);
  const stylish = await eslint.loadFormatter('stylish');
  const out = (text: string): boolean => process.stdout.write(text);
  // Paths relative to the working directory, so the output reads the same on every clone (and in the README).
  out(await stylish.format(results.map((r) => ({ ...r, filePath: path.relative(process.cwd(), r.filePath) || r.filePath }))));

  const sarifFile = path.join(dir, 'avglint.sarif');
  const sarif = await eslint.loadFormatter(require.resolve('@microsoft/eslint-formatter-sarif'));
  fs.writeFileSync(sarifFile, await sarif.format(results));

  // The FG's view of the same project: the privacy report, one self-contained HTML file beside the SARIF.
  const reportFile = path.join(dir, 'avglint-report.html');
  const { report } = projectReport(dir, { locale: 'nl' });
  if (report !== undefined) {
    fs.writeFileSync(reportFile, renderHtml(report, { words: WORDS.nl, locale: 'nl', link: (p) => p.file.split('/').map(encodeURIComponent).join('/') }));
  }

  const markers = readMarkers(dir);
  const findings = findingsOf(results);
  const { missing, unexpected } = compareExpectations(markers, findings);
  const relative = (file: string): string => path.relative(process.cwd(), file) || file;

  out('\nFindings per rule (planted in the examples):\n');
  const width = Math.max(...RULE_IDS.map((id) => id.length)) + 'avglint/'.length;
  for (const id of RULE_IDS) {
    const rule = `avglint/${id}`;
    const found = findings.filter((f) => f.rule === rule).length;
    const planted = markers.filter((m) => m.rule === rule).length;
    out(`  ${rule.padEnd(width)}  ${String(found).padStart(3)} found  ${String(planted).padStart(3)} planted${found === planted ? '' : '  ✗'}\n`);
  }
  for (const m of missing) out(`missing:    ${relative(m.file)}:${m.line}  ${m.rule} is planted here but was not reported\n`);
  for (const f of unexpected) out(`unexpected: ${relative(f.file)}:${f.line}  ${f.rule} was reported but not planted\n`);
  out(`SARIF written to ${relative(sarifFile)}\n`);
  out(report !== undefined ? `Privacy report (for the FG) written to ${relative(reportFile)}\n` : 'Privacy report not written: the catalogue could not be loaded.\n');
  const ok = missing.length === 0 && unexpected.length === 0 && report !== undefined;
  out(
    ok
      ? `Demo OK: ${findings.length} findings in ${results.length} files, exactly the ${markers.length} planted violations.\n`
      : `Demo FAILED: ${missing.length} planted violations missing, ${unexpected.length} unexpected findings.\n`,
  );
  return ok ? 0 : 1;
}
