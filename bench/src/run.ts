/**
 * `npm run bench`: avglint's cost against the floors it sits on, side by side, on the same synthetic corpus.
 *
 *  1. ESLint (typescript-eslint parser + project service) with no rules vs. the same with avglint's strict config;
 *  2. `tsc --noEmit -p` vs. `avglint scan --strict`;
 *  3. the language server: 50 sequential edits of a 1,000-line file, edit → published diagnostics (p50, p95) vs.
 *     TypeScript's LanguageService semantic diagnostics after the same edits; peak memory vs. tsserver;
 *  4. 1 and 2 at several corpus sizes, and the growth exponent of a log-log fit;
 *  5. at the main size: `avglint scan --strict` vs. `avglint report` (the FG's HTML report from the same analysis), and
 *     how long Chromium takes to open and render that HTML (when Debian's Chromium and the e2e tier's playwright-core
 *     are installed; skipped with a note otherwise).
 * Every run also checks that the findings equal the violations the generator planted, per rule and per line.
 *
 * Options:
 *   --sizes 500,1000,2000,4000   corpus sizes (files) for 1, 2 and the growth fit (4)
 *   --size 2000                  the size at which the editor benchmark (3) runs; default 2000, or the largest size
 *   --reps 3                     repetitions of each measured command at the main size (median is reported)
 *   --growth-reps 3              repetitions at the other sizes
 *   --edits 50                   edits in the editor benchmark
 *   --only eslint,scan,editor,report  run only these measurements
 *   --report <date>              only rebuild the growth fit and the summary from bench/results/<date>-*.json
 *   --quick                      a tiny corpus, one repetition, 5 edits: checks that the harness works and counts match
 *                                (results go to bench/.tmp/results, not bench/results)
 * Exit code 1 when a count differs from the manifest or a measurement failed.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkCounts, describeMismatch, readEslintFindings, readEslintStats, readScanFindings, type CountCheck, type EslintStats } from './counts';
import { runServer, runTsServer, type EditorRun, type EditPlan } from './editor';
import { ensureCorpus, MIN_FILES, type Manifest } from './generate';
import { formatMs, logLogFit, machine, measurePair, percentile, type CommandSpec, type Machine, type PairResult } from './measure';

const BENCH = path.resolve(__dirname, '..');
const REPO = path.resolve(BENCH, '..');
const QUICK_SIZE = 32;

export const TARGETS = {
  eslintRatio: 1.1,
  /** Issue #9: ESLint's own `--stats` in the avglint run, all lint time over lint time without avglint's rules. */
  eslintInProcessRatio: 1.1,
  scanRatio: 1.3,
  editorP95Ratio: 1.5,
  editorMemoryRatio: 1.3,
  growthExponent: 1.0,
  reportRatio: 1.2,
  reportRenderMs: 2000,
} as const;

interface Options {
  readonly sizes: readonly number[];
  readonly mainSize: number;
  readonly reps: number;
  readonly growthReps: number;
  readonly edits: number;
  readonly only: ReadonlySet<string>;
  readonly quick: boolean;
  readonly resultsDir: string;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const quick = argv.includes('--quick');
  const numbers = (text: string): number[] => text.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const sizes = quick ? [QUICK_SIZE] : numbers(value('--sizes') ?? '500,1000,2000,4000');
  for (const size of sizes) if (size < MIN_FILES) throw new Error(`a corpus needs at least ${MIN_FILES} files (got ${size})`);
  const explicitMain = value('--size');
  const mainSize = quick ? QUICK_SIZE : explicitMain !== undefined ? Number(explicitMain) : sizes.includes(2000) ? 2000 : Math.max(...sizes);
  const reps = quick ? 1 : Number(value('--reps') ?? 3);
  const growthReps = quick ? 1 : Number(value('--growth-reps') ?? reps);
  const edits = quick ? 5 : Number(value('--edits') ?? 50);
  const only = new Set((value('--only') ?? 'eslint,scan,editor,report').split(',').map((s) => s.trim()));
  const allSizes = [...new Set([...sizes, mainSize])].sort((a, b) => a - b);
  return { sizes: allSizes, mainSize, reps, growthReps, edits, only, quick, resultsDir: quick ? path.join(BENCH, '.tmp', 'results') : path.join(BENCH, 'results') };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Results

interface PairMeasurement extends PairResult {
  readonly target: number;
  readonly met: boolean;
  /** For ESLint: ESLint's own `--stats` of every avglint run, and the run with the median in-process ratio. */
  /** `target` and `met` are absent in results written before the seventh session (`--report` of an older date). */
  inProcess?: { readonly runs: readonly EslintStats[]; readonly median: EslintStats; readonly target?: number; readonly met?: boolean };
}

interface EditorSummary {
  readonly openMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly editMs: readonly number[];
  readonly diagnostics: number;
  readonly peakRssMb: number;
}

interface EditorMeasurement {
  readonly file: string;
  readonly fileLines: number;
  readonly edits: number;
  readonly debounceMs: number;
  readonly server?: EditorSummary;
  readonly languageService?: EditorSummary;
  readonly tsserver?: EditorSummary;
  /** server p95 / LanguageService p95. */
  readonly p95Ratio?: number;
  readonly p95Met?: boolean;
  /** server peak RSS / tsserver peak RSS. */
  readonly memoryRatio?: number;
  readonly memoryMet?: boolean;
  readonly errors: readonly string[];
}

interface SizeResult {
  readonly date: string;
  /** The commit measured, with `+dirty` when the working tree had uncommitted changes to the measured packages. */
  readonly commit?: string;
  readonly size: number;
  readonly corpus: { readonly files: number; readonly lines: number; readonly seed: string; readonly generatorVersion: number; readonly violations: Manifest['violations'] };
  readonly machine: Machine;
  readonly reps: number;
  readonly commands: Readonly<Record<string, string>>;
  eslint?: PairMeasurement;
  /** The control at the main size: ESLint with no rules against ESLint with one rule that does nothing. */
  eslintControl?: PairResult;
  scan?: PairMeasurement;
  editor?: EditorMeasurement;
  /** At the main size: `avglint scan --strict` → `avglint report`, and the report's render time in Chromium. */
  report?: PairMeasurement & { renderMs?: number; renderMet?: boolean; renderSkipped?: string; htmlBytes?: number };
  readonly counts: CountCheck[];
  readonly errors: string[];
  durationMs?: number;
}

interface GrowthResult {
  readonly date: string;
  readonly machine: Machine;
  readonly sizes: readonly number[];
  /** Median wall ms per size, per command. */
  readonly points: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>>;
  readonly exponents: Readonly<Record<string, { exponent: number; r2: number }>>;
  readonly target: number;
  readonly met: Readonly<Record<string, boolean>>;
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

function resolveBin(pkg: string, bin: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), bin);
}

function writeEslintConfigs(root: string): { base: string; avglint: string; noop: string } {
  const shared = `{
    files: ['**/*.ts'],
    languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  }`;
  const base = path.join(root, 'eslint.base.config.mjs');
  fs.writeFileSync(
    base,
    `// The floor: typescript-eslint's parser with the project service (typed parse), and no rules at all.\nimport parser from '@typescript-eslint/parser';\n\nexport default [\n  ${shared},\n];\n`,
  );
  const avglint = path.join(root, 'eslint.avglint.config.mjs');
  fs.writeFileSync(
    avglint,
    `// The same setup plus avglint's strict config.\nimport parser from '@typescript-eslint/parser';\nimport avglint from 'eslint-plugin-avglint';\n\nexport default [\n  avglint.configs.strict,\n  ${shared},\n  { settings: { avglint: { catalogue: ${JSON.stringify(path.join(root, 'avglint.catalogue.yaml'))} } } },\n];\n`,
  );
  const noop = path.join(root, 'eslint.noop.config.mjs');
  fs.writeFileSync(
    noop,
    `// The control: the same setup plus one rule that does nothing, to show what having any rule costs.\nimport parser from '@typescript-eslint/parser';\n\nconst control = { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } };\n\nexport default [\n  { files: ['**/*.ts'], plugins: { control }, rules: { 'control/noop': 'error' } },\n  ${shared},\n];\n`,
  );
  return { base, avglint, noop };
}

function commandLine(spec: CommandSpec): string {
  return [spec.command === process.execPath ? 'node' : spec.command, ...spec.args.map((a) => path.relative(spec.cwd, a) || a)].join(' ');
}

function runNodeJson<T>(script: string, args: readonly string[], cwd: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-10_000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${path.basename(script)} exited ${code}: ${stderr.slice(-2000)}`));
      else resolve(JSON.parse(stdout) as T);
    });
  });
}

function summariseEditor(run: EditorRun): EditorSummary {
  return {
    openMs: run.openMs,
    p50Ms: percentile(run.editMs, 50),
    p95Ms: percentile(run.editMs, 95),
    maxMs: Math.max(...run.editMs),
    editMs: run.editMs.map((ms) => Math.round(ms * 100) / 100),
    diagnostics: run.diagnostics,
    peakRssMb: Math.round(run.peakRssMb * 10) / 10,
  };
}

function commitId(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'rules', 'eslint-plugin', 'cli', 'server'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------------
// One corpus size

async function measureSize(size: number, options: Options, date: string): Promise<SizeResult> {
  const started = performance.now();
  const root = path.join(BENCH, 'corpus', String(size));
  const tmp = path.join(BENCH, '.tmp', String(size));
  fs.mkdirSync(tmp, { recursive: true });
  log(`\n== ${size} files (${root})`);
  const manifest = ensureCorpus(root, size);
  log(`   ${manifest.files} files, ${manifest.lines} lines; planted ${Object.values(manifest.violations).reduce((a, b) => a + b, 0)} violations`);
  const reps = size === options.mainSize ? options.reps : options.growthReps;
  const node = process.execPath;
  const configs = writeEslintConfigs(root);
  const eslintBin = resolveBin('eslint', 'bin/eslint.js');
  const eslintOut = { base: path.join(tmp, 'eslint-base.json'), avglint: path.join(tmp, 'eslint-avglint.json'), noop: path.join(tmp, 'eslint-noop.json') };
  // `--stats` on every ESLint command alike: ESLint then times each rule on each file, which gives the in-process figure.
  const eslintCommand = (name: string, config: string, stdoutFile: string): CommandSpec => ({ name, command: node, args: [eslintBin, '--config', config, '--format', 'json', '--stats', 'src'], cwd: root, stdoutFile, okExitCodes: [0, 1] });
  const eslintBase = eslintCommand('eslint-base', configs.base, eslintOut.base);
  const eslintAvglint = eslintCommand('eslint-avglint', configs.avglint, eslintOut.avglint);
  const eslintNoop = eslintCommand('eslint-noop-rule', configs.noop, eslintOut.noop);
  const tsc: CommandSpec = { name: 'tsc', command: node, args: [resolveBin('typescript', 'bin/tsc'), '--noEmit', '-p', path.join(root, 'tsconfig.json')], cwd: root };
  const scanOut = path.join(tmp, 'scan.json');
  // --no-ignore: the corpus lies inside this repository, whose own ESLint config ignores bench/corpus/**; the scan
  // would otherwise leave out every file, as ESLint run there would.
  const scan: CommandSpec = {
    name: 'avglint-scan',
    command: node,
    args: [path.join(REPO, 'cli', 'dist', 'main.js'), 'scan', root, '--catalogue', path.join(root, 'avglint.catalogue.yaml'), '--strict', '--format', 'json', '--no-ignore'],
    cwd: root,
    stdoutFile: scanOut,
    okExitCodes: [0, 1],
  };
  const reportHtml = path.join(tmp, 'avglint-report.html');
  const report: CommandSpec = {
    name: 'avglint-report',
    command: node,
    args: [path.join(REPO, 'cli', 'dist', 'main.js'), 'report', root, '--catalogue', path.join(root, 'avglint.catalogue.yaml'), '--no-ignore', '--output', reportHtml],
    cwd: root,
    okExitCodes: [0],
  };
  const result: SizeResult = {
    date,
    commit: commitId(),
    size,
    corpus: { files: manifest.files, lines: manifest.lines, seed: manifest.seed, generatorVersion: manifest.generatorVersion, violations: manifest.violations },
    machine: machine(),
    reps,
    commands: Object.fromEntries([eslintBase, eslintAvglint, eslintNoop, tsc, scan, report].map((s) => [s.name, commandLine(s)])),
    counts: [],
    errors: [],
  };

  if (options.only.has('eslint')) {
    log(`-- (1) ESLint, no rules vs. avglint strict (${reps}×, alternating)`);
    try {
      const stats: EslintStats[] = [];
      const pair = await measurePair(eslintBase, eslintAvglint, reps, tmp, log, (spec) => {
        if (spec !== eslintAvglint) return;
        const one = readEslintStats(eslintOut.avglint);
        if (one) stats.push(one);
      });
      result.eslint = { ...pair, target: TARGETS.eslintRatio, met: pair.ratio <= TARGETS.eslintRatio };
      log(`   ratio ${pair.ratio.toFixed(3)}× wall${pair.cpuRatio !== undefined ? `, ${pair.cpuRatio.toFixed(3)}× cpu` : ''} (target ≤ ${TARGETS.eslintRatio}×: ${result.eslint.met ? 'met' : 'MISSED'})`);
      const median = [...stats].sort((a, b) => a.ratio - b.ratio)[Math.floor((stats.length - 1) / 2)];
      if (median) {
        const inProcess = { runs: stats, median, target: TARGETS.eslintInProcessRatio, met: median.ratio <= TARGETS.eslintInProcessRatio };
        result.eslint.inProcess = inProcess;
        log(`   in process (ESLint --stats): avglint's rules ${formatMs(median.avglintMs)} of ${formatMs(median.lintMs)} linting → ${median.ratio.toFixed(3)}× (target ≤ ${inProcess.target}×: ${inProcess.met ? 'met' : 'MISSED'}); per file p50 ${median.perFileP50Ms.toFixed(2)} ms, p90 ${median.perFileP90Ms.toFixed(2)} ms`);
      }
      if (size === options.mainSize) {
        log(`-- (1c) control: ESLint no rules vs. one rule that does nothing (${reps}×, alternating)`);
        const control = await measurePair(eslintBase, eslintNoop, reps, tmp, log);
        result.eslintControl = control;
        log(`   ratio ${control.ratio.toFixed(3)}× wall${control.cpuRatio !== undefined ? `, ${control.cpuRatio.toFixed(3)}× cpu` : ''} (no target: what any rule costs)`);
      }
    } catch (error) {
      result.errors.push(`eslint: ${errorText(error)}`);
      log(`   FAILED: ${errorText(error)}`);
    }
    if (fs.existsSync(eslintOut.avglint) && fs.statSync(eslintOut.avglint).size > 0) {
      try {
        const { findings, problems } = readEslintFindings(eslintOut.avglint, root);
        result.counts.push(checkCounts('eslint', manifest, findings, problems));
      } catch (error) {
        result.errors.push(`eslint output: ${errorText(error)}`);
      }
    }
  }

  if (options.only.has('scan')) {
    log(`-- (2) tsc --noEmit vs. avglint scan --strict (${reps}×, alternating)`);
    try {
      const pair = await measurePair(tsc, scan, reps, tmp, log);
      result.scan = { ...pair, target: TARGETS.scanRatio, met: pair.ratio <= TARGETS.scanRatio };
      log(`   ratio ${pair.ratio.toFixed(3)}× wall${pair.cpuRatio !== undefined ? `, ${pair.cpuRatio.toFixed(3)}× cpu` : ''} (target ≤ ${TARGETS.scanRatio}×: ${result.scan.met ? 'met' : 'MISSED'})`);
    } catch (error) {
      result.errors.push(`scan: ${errorText(error)}`);
      log(`   FAILED: ${errorText(error)}`);
    }
    if (fs.existsSync(scanOut) && fs.statSync(scanOut).size > 0) {
      try {
        const { findings, problems } = readScanFindings(scanOut, root);
        result.counts.push(checkCounts('scan', manifest, findings, problems));
      } catch (error) {
        result.errors.push(`scan output: ${errorText(error)}`);
      }
    }
  }

  if (options.only.has('editor') && size === options.mainSize) result.editor = await measureEditor(root, manifest, options);

  if (options.only.has('report') && size === options.mainSize) {
    log(`-- (5) avglint scan --strict vs. avglint report (${reps}×, alternating)`);
    try {
      const pair = await measurePair(scan, report, reps, tmp, log);
      const render = await renderTime(reportHtml);
      result.report = {
        ...pair,
        target: TARGETS.reportRatio,
        met: pair.ratio <= TARGETS.reportRatio,
        htmlBytes: fs.statSync(reportHtml).size,
        ...(typeof render === 'number' ? { renderMs: render, renderMet: render <= TARGETS.reportRenderMs } : { renderSkipped: render }),
      };
      log(`   ratio ${pair.ratio.toFixed(3)}× wall${pair.cpuRatio !== undefined ? `, ${pair.cpuRatio.toFixed(3)}× cpu` : ''} (target ≤ ${TARGETS.reportRatio}×: ${result.report.met ? 'met' : 'MISSED'})`);
      log(typeof render === 'number' ? `   HTML (${(result.report.htmlBytes ?? 0) / 1024 | 0} KiB) opens and renders in Chromium in ${render.toFixed(0)} ms (target ≤ ${TARGETS.reportRenderMs} ms: ${render <= TARGETS.reportRenderMs ? 'met' : 'MISSED'})` : `   render time: skipped (${render})`);
    } catch (error) {
      result.errors.push(`report: ${errorText(error)}`);
      log(`   FAILED: ${errorText(error)}`);
    }
  }

  for (const check of result.counts) log(check.match ? `   counts (${check.tool}): match the manifest (${Object.values(check.found).reduce((a, b) => a + b, 0)} findings)` : describeMismatch(check));
  result.durationMs = performance.now() - started;
  return result;
}

/**
 * How long Debian's Chromium takes to load and render the report (navigation start → load event, median of 3), with
 * the e2e tier's playwright-core; a string saying why when either is missing.
 */
async function renderTime(htmlFile: string): Promise<number | string> {
  const chromiumPath = process.env['AVGLINT_E2E_CHROMIUM'] ?? '/usr/bin/chromium';
  let playwright: { chromium: { launch(options: object): Promise<{ newPage(): Promise<{ goto(url: string, o: object): Promise<unknown>; evaluate<T>(f: () => T): Promise<T> }>; close(): Promise<void> }> } };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional tool of the e2e tier, loaded only when installed.
    playwright = require(require.resolve('playwright-core', { paths: [path.join(REPO, 'test', 'e2e', '.tools')] })) as typeof playwright;
  } catch {
    return 'playwright-core is not installed in test/e2e/.tools (npm run test:e2e installs it)';
  }
  if (!fs.existsSync(chromiumPath)) return `no Chromium at ${chromiumPath}`;
  const browser = await playwright.chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
      // Runs in the page: the browser's Navigation Timing entry (Node's types do not know the entry type).
      times.push(await page.evaluate(() => ((performance as unknown as { getEntriesByType(type: string): { loadEventEnd: number }[] }).getEntriesByType('navigation')[0]?.loadEventEnd ?? NaN)));
    }
    return percentile(times, 50);
  } finally {
    await browser.close();
  }
}

async function measureEditor(root: string, manifest: Manifest, options: Options): Promise<EditorMeasurement> {
  const plan: EditPlan = { file: manifest.serverFile.path, insertAfterLine: manifest.serverFile.insertAfterLine, edits: options.edits };
  const debounceMs = 0;
  const errors: string[] = [];
  log(`-- (3) editor: ${plan.edits} edits of ${plan.file} (${manifest.serverFile.lines} lines)`);
  let languageService: EditorSummary | undefined;
  let server: EditorSummary | undefined;
  let tsserver: EditorSummary | undefined;
  try {
    const run = await runNodeJson<EditorRun>(path.join(__dirname, 'ls-baseline.js'), [root, plan.file, String(plan.insertAfterLine), String(plan.edits)], root);
    languageService = summariseEditor(run);
    log(`    LanguageService: open ${formatMs(run.openMs)}, edit p50 ${formatMs(languageService.p50Ms)}, p95 ${formatMs(languageService.p95Ms)}, peak ${languageService.peakRssMb} MiB`);
  } catch (error) {
    errors.push(`languageService: ${errorText(error)}`);
    log(`    LanguageService FAILED: ${errorText(error)}`);
  }
  try {
    const run = await runServer({
      serverScript: path.join(REPO, 'server', 'dist', 'server.js'),
      root,
      catalogue: path.join(root, 'avglint.catalogue.yaml'),
      plan,
      debounceMs,
      timeoutMs: 120_000,
      log,
    });
    server = summariseEditor(run);
    log(`    avglint server: edit p50 ${formatMs(server.p50Ms)}, p95 ${formatMs(server.p95Ms)}, peak ${server.peakRssMb} MiB, ${run.diagnostics} diagnostics`);
  } catch (error) {
    errors.push(`server: ${errorText(error)}`);
    log(`    avglint server FAILED: ${errorText(error)}`);
  }
  try {
    const run = await runTsServer({ root, plan, timeoutMs: 120_000, log });
    tsserver = summariseEditor(run);
    log(`    tsserver: edit p50 ${formatMs(tsserver.p50Ms)}, p95 ${formatMs(tsserver.p95Ms)}, peak ${tsserver.peakRssMb} MiB`);
  } catch (error) {
    errors.push(`tsserver: ${errorText(error)}`);
    log(`    tsserver FAILED: ${errorText(error)}`);
  }
  const p95Ratio = server && languageService ? server.p95Ms / languageService.p95Ms : undefined;
  const memoryRatio = server && tsserver ? server.peakRssMb / tsserver.peakRssMb : undefined;
  if (p95Ratio !== undefined) log(`   p95 ratio ${p95Ratio.toFixed(2)}× (target ≤ ${TARGETS.editorP95Ratio}×: ${p95Ratio <= TARGETS.editorP95Ratio ? 'met' : 'MISSED'})`);
  if (memoryRatio !== undefined) log(`   memory ratio ${memoryRatio.toFixed(2)}× (target ≤ ${TARGETS.editorMemoryRatio}×: ${memoryRatio <= TARGETS.editorMemoryRatio ? 'met' : 'MISSED'})`);
  return {
    file: plan.file,
    fileLines: manifest.serverFile.lines,
    edits: plan.edits,
    debounceMs,
    server,
    languageService,
    tsserver,
    p95Ratio,
    p95Met: p95Ratio === undefined ? undefined : p95Ratio <= TARGETS.editorP95Ratio,
    memoryRatio,
    memoryMet: memoryRatio === undefined ? undefined : memoryRatio <= TARGETS.editorMemoryRatio,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Growth and the summary

function growth(results: readonly SizeResult[], date: string): GrowthResult | undefined {
  if (results.length < 2) return undefined;
  const points: Record<string, Array<[number, number]>> = {};
  const add = (name: string, files: number, ms: number | undefined): void => {
    if (ms === undefined || !Number.isFinite(ms)) return;
    (points[name] ??= []).push([files, ms]);
  };
  for (const r of results) {
    add('eslint-base', r.corpus.files, r.eslint?.baseline.medianWallMs);
    add('eslint-avglint', r.corpus.files, r.eslint?.subject.medianWallMs);
    add('tsc', r.corpus.files, r.scan?.baseline.medianWallMs);
    add('avglint-scan', r.corpus.files, r.scan?.subject.medianWallMs);
    // CPU time too: on a shared machine wall time measures the neighbours as much as the command.
    add('eslint-base (cpu)', r.corpus.files, r.eslint?.baseline.medianCpuMs);
    add('eslint-avglint (cpu)', r.corpus.files, r.eslint?.subject.medianCpuMs);
    add('tsc (cpu)', r.corpus.files, r.scan?.baseline.medianCpuMs);
    add('avglint-scan (cpu)', r.corpus.files, r.scan?.subject.medianCpuMs);
  }
  const exponents: Record<string, { exponent: number; r2: number }> = {};
  const met: Record<string, boolean> = {};
  for (const [name, pts] of Object.entries(points)) {
    if (pts.length < 2) continue;
    exponents[name] = logLogFit(pts);
    met[name] = (exponents[name]?.exponent ?? Infinity) <= TARGETS.growthExponent;
  }
  return { date, machine: machine(), sizes: results.map((r) => r.corpus.files), points, exponents, target: TARGETS.growthExponent, met };
}

const metText = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? 'met' : '**missed**');

export function markdownSummary(results: readonly SizeResult[], grow: GrowthResult | undefined): string {
  const lines: string[] = [];
  lines.push('| Files | Lines | Measurement | Baseline wall (CPU) | avglint wall (CPU) | Ratio wall | Ratio CPU | Target | Result (wall) | Result (CPU) |');
  lines.push('|---:|---:|---|---:|---:|---:|---:|---:|---|---|');
  for (const r of results) {
    const rows: ReadonlyArray<readonly [string, PairResult | undefined, number | undefined]> = [
      ['(1) ESLint no rules → + avglint strict', r.eslint, r.eslint?.target],
      ['(1c) control: ESLint no rules → + one rule that does nothing', r.eslintControl, undefined],
      ['(2) tsc --noEmit → avglint scan --strict', r.scan, r.scan?.target],
      ['(5) avglint scan --strict → avglint report (html)', r.report, r.report?.target],
    ];
    const cpu = (ms: number | undefined): string => (ms === undefined ? '' : ` (${formatMs(ms)})`);
    for (const [label, m, target] of rows) {
      if (!m) continue;
      // The control has no target: its row shows the figures only.
      const verdict =
        target === undefined
          ? '– | – | –'
          : `≤ ${target}× | ${metText(m.ratio <= target)} | ${metText(m.cpuRatio === undefined ? undefined : m.cpuRatio <= target)}`;
      lines.push(
        `| ${r.corpus.files} | ${r.corpus.lines} | ${label} | ${formatMs(m.baseline.medianWallMs)}${cpu(m.baseline.medianCpuMs)} | ${formatMs(m.subject.medianWallMs)}${cpu(m.subject.medianCpuMs)} | ${m.ratio.toFixed(2)}× | ${m.cpuRatio?.toFixed(2) ?? 'n/a'}× | ${verdict} |`,
      );
    }
  }
  const inProcess = results.filter((r) => r.eslint?.inProcess);
  if (inProcess.length > 0) {
    lines.push('');
    lines.push("In process (ESLint's own `--stats` timing of the avglint runs; the run with the median ratio):");
    lines.push('');
    lines.push("| Files | Linting, all files | of which parsing | of which avglint's rules | Lint / (lint − avglint) | Target | Result | Per file p50 | p90 | p99 | max |");
    lines.push('|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
    for (const r of inProcess) {
      const p = r.eslint?.inProcess;
      if (!p) continue;
      const m = p.median;
      lines.push(`| ${r.corpus.files} | ${formatMs(m.lintMs)} | ${formatMs(m.parseMs)} | ${formatMs(m.avglintMs)} | ${m.ratio.toFixed(3)}× | ${p.target === undefined ? '–' : `≤ ${p.target}×`} | ${metText(p.met)} | ${m.perFileP50Ms.toFixed(2)} ms | ${m.perFileP90Ms.toFixed(2)} ms | ${m.perFileP99Ms.toFixed(1)} ms | ${m.perFileMaxMs.toFixed(0)} ms |`);
    }
  }
  for (const r of results) {
    if (!r.report) continue;
    lines.push('');
    lines.push(
      r.report.renderMs !== undefined
        ? `Report HTML, ${r.corpus.files}-file corpus: ${((r.report.htmlBytes ?? 0) / 1024).toFixed(0)} KiB, opens and renders in Chromium in ${formatMs(r.report.renderMs)} (target ≤ ${formatMs(TARGETS.reportRenderMs)}: ${metText(r.report.renderMet)}).`
        : `Report HTML, ${r.corpus.files}-file corpus: render time not measured (${r.report.renderSkipped ?? 'n/a'}).`,
    );
  }
  for (const r of results) {
    const e = r.editor;
    if (!e) continue;
    lines.push('');
    lines.push(`Editor, ${r.corpus.files}-file corpus, ${e.edits} sequential edits of ${e.file} (${e.fileLines} lines), server debounce ${e.debounceMs} ms:`);
    lines.push('');
    lines.push('| Process | Open → diagnostics | Edit p50 | Edit p95 | Edit max | Peak RSS (VmHWM) |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    for (const [label, s] of [
      ['avglint server (publishDiagnostics)', e.server],
      ['TypeScript LanguageService (getSemanticDiagnostics)', e.languageService],
      ['tsserver (geterr → semanticDiag)', e.tsserver],
    ] as const) {
      if (s) lines.push(`| ${label} | ${formatMs(s.openMs)} | ${formatMs(s.p50Ms)} | ${formatMs(s.p95Ms)} | ${formatMs(s.maxMs)} | ${s.peakRssMb.toFixed(0)} MiB |`);
    }
    lines.push('');
    lines.push(`p95 server / LanguageService: ${e.p95Ratio?.toFixed(2) ?? 'n/a'}× (target ≤ ${TARGETS.editorP95Ratio}×: ${metText(e.p95Met)}); peak memory server / tsserver: ${e.memoryRatio?.toFixed(2) ?? 'n/a'}× (target ≤ ${TARGETS.editorMemoryRatio}×: ${metText(e.memoryMet)})`);
    if (e.errors.length > 0) lines.push('', ...e.errors.map((x) => `- error: ${x}`));
  }
  if (grow) {
    lines.push('');
    lines.push(`| Command | ${grow.sizes.map((s) => `${s} files`).join(' | ')} | Exponent (log-log) | r² | Target ≤ ${grow.target} |`);
    lines.push(`|---|${grow.sizes.map(() => '---:').join('|')}|---:|---:|---|`);
    for (const [name, pts] of Object.entries(grow.points)) {
      const fit = grow.exponents[name];
      const cells = grow.sizes.map((s) => {
        const p = pts.find(([files]) => files === s);
        return p ? formatMs(p[1]) : '–';
      });
      lines.push(`| ${name} | ${cells.join(' | ')} | ${fit?.exponent.toFixed(2) ?? 'n/a'} | ${fit?.r2.toFixed(3) ?? 'n/a'} | ${metText(grow.met[name])} |`);
    }
  }
  lines.push('');
  for (const r of results) {
    for (const c of r.counts) lines.push(`- ${r.corpus.files} files, ${c.tool}: ${c.match ? 'findings equal the planted violations' : `**MISMATCH** — missing ${c.missingTotal}, unexpected ${c.unexpectedTotal}`}`);
    for (const e of r.errors) lines.push(`- ${r.corpus.files} files: error: ${e.split('\n')[0]}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `--report <date>`: rebuilds the growth fit and the summary from the results files of that date (runs at different
 * sizes may have been made separately, e.g. the growth sizes with one repetition and the main size with three).
 */
function report(date: string): void {
  const dir = path.join(BENCH, 'results');
  const results = fs
    .readdirSync(dir)
    .filter((f) => new RegExp(`^${date}-\\d+\\.json$`).test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SizeResult)
    .sort((a, b) => a.size - b.size);
  const grow = growth(results, date);
  if (grow) fs.writeFileSync(path.join(dir, `${date}-growth.json`), `${JSON.stringify(grow, null, 2)}\n`);
  const summary = markdownSummary(results, grow);
  fs.mkdirSync(path.join(BENCH, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(BENCH, '.tmp', 'summary.md'), summary);
  log(summary);
}

async function main(): Promise<void> {
  const reportIndex = process.argv.indexOf('--report');
  if (reportIndex >= 0) {
    report(process.argv[reportIndex + 1] ?? new Date().toISOString().slice(0, 10));
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const date = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  log(`avglint benchmark: sizes ${options.sizes.join(', ')}; main size ${options.mainSize}; ${options.reps} reps (${options.growthReps} at other sizes); ${options.edits} edits`);
  log(`machine: ${JSON.stringify(machine())}`);
  fs.mkdirSync(options.resultsDir, { recursive: true });
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    const result = await measureSize(size, options, date);
    results.push(result);
    const file = path.join(options.resultsDir, `${date}-${size}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`   → ${path.relative(REPO, file)} (${formatMs(result.durationMs ?? 0)})`);
  }
  const grow = growth(results, date);
  if (grow) {
    const file = path.join(options.resultsDir, `${date}-growth.json`);
    fs.writeFileSync(file, `${JSON.stringify(grow, null, 2)}\n`);
    log(`   → ${path.relative(REPO, file)}`);
  }
  const summary = markdownSummary(results, grow);
  fs.mkdirSync(path.join(BENCH, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(BENCH, '.tmp', 'summary.md'), summary);
  log(`\n${summary}`);
  log(`total ${formatMs(performance.now() - started)}`);

  const mismatches = results.flatMap((r) => r.counts.filter((c) => !c.match));
  const failures = results.flatMap((r) => [...r.errors, ...(r.editor?.errors ?? [])]);
  if (mismatches.length > 0) log(`\n!!! ${mismatches.length} COUNT MISMATCH(ES): see above. The findings are not the planted violations.`);
  if (failures.length > 0) log(`\n!!! ${failures.length} measurement(s) failed.`);
  process.exitCode = mismatches.length > 0 || failures.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}
