/**
 * `npm run reliability`: the full reliability run (RELIABILITY.md records its results).
 *
 *   node test/dist/reliability/run.js [parts…] [--quick] [--json <file>]
 *
 * Parts (all by default): `corpus` (four passes over TypeScript's tests/cases: typed/untyped × small/large catalogue,
 * each file under a watchdog), `hostile` (generated deep and long TypeScript), `catalogues` (10,000 fuzzed catalogues
 * with symlinks, special files and size bombs, through the CLI, ESLint and server hosts), `flood` (5,000 edits to
 * the language server), `network` (scan and the server under strace: no socket but Unix ones), `scaling` (a
 * 20,000-entry catalogue, a 100,000-term chain). `--quick` runs each part at a small size; `--every N` takes every
 * Nth corpus file and `--modes untyped|typed` only those passes (for a machine without the hour the whole needs);
 * `--count N` fuzzes N catalogues (10,000 by default, 300 with `--quick`). The corpus is
 * $AVGLINT_RELIABILITY_CORPUS or /work/.cache/ts-cases; without it the corpus part says SKIPPED.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import * as ts from 'typescript';
import { analyseFile, loadCatalogueFromText } from '@avglint/rules';
import { checkCatalogueCase } from './catalogueCase';
import { corpusDirectory, corpusFiles, corpusWorker, REPO, type CatalogueSize, type FileReport } from './corpus';
import { BASE_CATALOGUE, hostileTypeScript, makeOutside, mutateCatalogue, Random, writeMutation } from './generators';
import { editFlood } from './lspFlood';
import { corpusCatalogue } from './corpus';

const SELF = __filename;
/** A file still running after this long is a hang: the worker is stopped and the run continues after the file. */
const HANG_MS = 60_000;
/** Files slower than this are listed (the issue's bound). */
const SLOW_MS = 5_000;

type Summary = Record<string, unknown>;

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus

async function corpusPass(files: readonly string[], typed: boolean, size: CatalogueSize): Promise<Summary> {
  const name = `${typed ? 'typed' : 'untyped'} × ${size} catalogue`;
  const began = Date.now();
  const reports: FileReport[] = [];
  const hangs: string[] = [];
  let from = 0;
  while (from < files.length) {
    const listFile = path.join(os.tmpdir(), `avglint-corpus-${process.pid}.json`);
    fs.writeFileSync(listFile, JSON.stringify(files));
    const child = spawn(process.execPath, ['--stack-size=984', SELF, '--worker', 'corpus', listFile, String(from), typed ? 'typed' : 'untyped', size], { stdio: ['ignore', 'pipe', 'inherit'] });
    let running: number | undefined;
    let lastProgress = Date.now();
    const watchdog = setInterval(() => {
      if (running !== undefined && Date.now() - lastProgress > HANG_MS) child.kill('SIGKILL');
    }, 1_000);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      let message: { start?: number } & Partial<FileReport>;
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return;
      }
      lastProgress = Date.now();
      if (message.start !== undefined) running = message.start;
      else if (message.index !== undefined) {
        reports.push(message as FileReport);
        running = undefined;
        if (reports.length % 1_000 === 0) log(`  ${name}: ${reports.length}/${files.length} files, ${Math.round((Date.now() - began) / 1000)} s`);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(watchdog);
    const done = reports.length === 0 ? 0 : Math.max(...reports.map((r) => r.index)) + 1;
    if (running !== undefined) {
      // Killed by the watchdog, or the worker died (out of memory) on this file: charge it and go on after it.
      hangs.push(`${files[running] ?? running} (${code === null ? 'stopped after 60 s' : `worker exit ${code}`})`);
      from = running + 1;
    } else from = Math.max(from, done);
    if (code === 0 && running === undefined) break;
  }
  const crashes = reports.filter((r) => r.crash !== undefined);
  const internal = reports.filter((r) => r.internalErrors > 0);
  const ownProgram = reports.filter((r) => r.ownProgram === true);
  const slow = reports.filter((r) => r.ms > SLOW_MS);
  const slowest = [...reports].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const summary = {
    pass: name,
    files: reports.length + hangs.length,
    crashes: crashes.length,
    hangs: hangs.length,
    internalErrors: internal.length,
    analysedInOwnProgram: ownProgram.length,
    over5s: slow.length,
    maxMs: Math.round(slowest[0]?.ms ?? 0),
    slowest: slowest.map((r) => `${path.basename(r.file)} ${Math.round(r.ms)} ms`),
    maxRssMb: Math.max(0, ...reports.map((r) => r.rssMb)),
    findings: reports.reduce((n, r) => n + r.findings, 0),
    seconds: Math.round((Date.now() - began) / 1000),
    examples: [...crashes.slice(0, 3).map((r) => `crash ${r.file}: ${r.crash ?? ''}`), ...internal.slice(0, 3).map((r) => `internal error ${r.file}`), ...ownProgram.slice(0, 3).map((r) => `analysed in a program of its own ${r.file}`), ...hangs.slice(0, 3).map((h) => `hang ${h}`), ...slow.slice(0, 3).map((r) => `slow ${r.file} ${Math.round(r.ms)} ms`)],
  };
  log(`  ${JSON.stringify(summary)}`);
  return summary;
}

async function corpusPart(quick: boolean, every: number, modes: readonly ('typed' | 'untyped')[]): Promise<Summary> {
  const dir = corpusDirectory();
  if (!dir) {
    log('corpus: SKIPPED — no corpus. Set AVGLINT_RELIABILITY_CORPUS or put a copy of TypeScript\'s tests/cases in /work/.cache/ts-cases (RELIABILITY.md says how).');
    return { skipped: true };
  }
  let files = corpusFiles(dir);
  const step = quick ? 100 : every;
  if (step > 1) files = files.filter((_, i) => i % step === 0);
  log(`corpus: ${files.length} files from ${dir}${step > 1 ? ` (every ${step}th)` : ''}`);
  const passes: Summary[] = [];
  for (const typed of [false, true]) {
    if (!modes.includes(typed ? 'typed' : 'untyped')) continue;
    for (const size of ['small', 'large'] as const) passes.push(await corpusPass(files, typed, size));
  }
  return { directory: dir, passes };
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile TypeScript

function hostilePart(quick: boolean): Summary {
  const catalogue = corpusCatalogue('small');
  const results: string[] = [];
  let failures = 0;
  let maxMs = 0;
  for (const size of quick ? [1_000] : [1_000, 10_000, 100_000]) {
    for (const c of hostileTypeScript(size)) {
      const sourceFile = ts.createSourceFile(path.join(REPO, 'test/fixtures/project/src/hostile.ts'), c.code, ts.ScriptTarget.ES2022, true);
      const began = process.hrtime.bigint();
      let outcome: string;
      try {
        const result = analyseFile({ sourceFile, catalogue });
        const internal = result.problems.filter((p) => p.code.endsWith('internal-error'));
        outcome = internal.length > 0 ? `internal error: ${internal[0]?.message ?? ''}` : `${result.findings.length} findings`;
        if (internal.length > 0) failures++;
      } catch (error) {
        outcome = `crash: ${String(error).slice(0, 200)}`;
        failures++;
      }
      const ms = Number(process.hrtime.bigint() - began) / 1e6;
      maxMs = Math.max(maxMs, ms);
      if (ms > SLOW_MS) failures++;
      results.push(`${c.name}: ${outcome}, ${Math.round(ms)} ms`);
    }
  }
  for (const r of results) log(`  ${r}`);
  return { cases: results.length, failures, maxMs: Math.round(maxMs) };
}

// ---------------------------------------------------------------------------------------------------------------
// Fuzzed catalogues

/** A fuzz case is a hang after this much of the worker's CPU time, or this long without progress. */
const CASE_CPU_S = 20;
const CASE_WALL_MS = 600_000;

/** The CPU time (user + system, seconds) a process has used so far, from /proc; 0 where there is no /proc. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid ?? 0}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: state is field 3, utime and stime are fields 14 and 15, in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

interface FuzzTotals {
  cases: number;
  byKind: Record<string, number>;
  usable: number;
  exceptions: number;
  unpositioned: number;
  outsideReads: number;
  silentPasses: number;
  leaks: number;
  hangs: number;
  examples: string[];
}

/** Worker: cases `from…to` of the fuzz, one JSON line each (`start` first, so the parent can charge a hang). */
function fuzzWorker(from: number, to: number, write: (line: string) => void): void {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-fuzz-'));
  const outside = makeOutside(base);
  try {
    for (let seed = from; seed < to; seed++) {
      write(JSON.stringify({ start: seed }));
      const mutation = mutateCatalogue(new Random(seed));
      const repo = path.join(base, `r${seed}`);
      const file = writeMutation(repo, outside, mutation);
      const verdict = checkCatalogueCase(repo, file, 'GEHEIM');
      write(JSON.stringify({ seed, kind: mutation.kind === 'text' ? 'text' : `extends ${mutation.target}`, ...verdict }));
      fs.rmSync(repo, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function cataloguePart(count: number): Promise<Summary> {
  const began = Date.now();
  const totals: FuzzTotals = { cases: 0, byKind: {}, usable: 0, exceptions: 0, unpositioned: 0, outsideReads: 0, silentPasses: 0, leaks: 0, hangs: 0, examples: [] };
  let from = 0;
  while (from < count) {
    const child = spawn(process.execPath, ['--max-old-space-size=2048', SELF, '--worker', 'catalogues', String(from), String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let running: number | undefined;
    let lastProgress = Date.now();
    let cpuAtProgress = cpuSecondsOf(child.pid);
    // A hang is a case that used 20 s of the worker's own CPU, or one that makes no progress for 10 minutes (a blocked
    // read uses no CPU): on a shared machine a niced worker can wait longer than 20 s for a CPU without being stuck.
    const watchdog = setInterval(() => {
      if (running === undefined) return;
      const cpu = cpuSecondsOf(child.pid);
      if (cpu - cpuAtProgress > CASE_CPU_S || Date.now() - lastProgress > CASE_WALL_MS) child.kill('SIGKILL');
    }, 500);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { start?: number; seed?: number; kind?: string; usable?: boolean } & Record<string, string[] | undefined>;
      lastProgress = Date.now();
      cpuAtProgress = cpuSecondsOf(child.pid);
      if (message.start !== undefined) {
        running = message.start;
        return;
      }
      running = undefined;
      totals.cases++;
      const kind = message.kind ?? '?';
      totals.byKind[kind] = (totals.byKind[kind] ?? 0) + 1;
      if (message.usable) totals.usable++;
      for (const field of ['exceptions', 'unpositioned', 'outsideReads', 'silentPasses', 'leaks'] as const) {
        const found = message[field] ?? [];
        totals[field] += found.length > 0 ? 1 : 0;
        if (found.length > 0 && totals.examples.length < 12) totals.examples.push(`seed ${message.seed ?? '?'} (${kind}) ${field}: ${found.slice(0, 2).join('; ').slice(0, 300)}`);
      }
      if (totals.cases % 1_000 === 0) log(`  catalogues: ${totals.cases}/${count}, ${Math.round((Date.now() - began) / 1000)} s`);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(watchdog);
    if (running !== undefined) {
      totals.hangs++;
      totals.cases++;
      const kind = mutateCatalogue(new Random(running)).kind === 'text' ? 'text' : 'extends';
      if (totals.examples.length < 12) totals.examples.push(`seed ${running} (${kind}) hang or worker death (exit ${String(code)})`);
      from = running + 1;
    } else break;
  }
  const summary = { ...totals, seconds: Math.round((Date.now() - began) / 1000) };
  log(`  ${JSON.stringify(summary)}`);
  return summary;
}

// ---------------------------------------------------------------------------------------------------------------
// No network

/** `avglint scan` of the demo project (25 files, planted findings): what the network part runs traced and offline. */
const SCAN_DEMO = [path.join(REPO, 'cli/dist/main.js'), 'scan', path.join(REPO, 'examples')];

function networkPart(): Summary {
  const strace = spawnSync('strace', ['-V']);
  if (strace.status !== 0) {
    log('network: SKIPPED — strace is not installed (apt-get install strace).');
    return { skipped: true };
  }
  const trace = path.join(os.tmpdir(), `avglint-strace-${process.pid}`);
  const runs: Summary[] = [];
  const commands: [string, string[]][] = [
    ['scan (typed demo project)', SCAN_DEMO],
    ['catalogue check', [path.join(REPO, 'cli/dist/main.js'), 'catalogue', 'check', path.join(REPO, 'examples/avglint.catalogue.yaml')]],
    ['language server over a flood of 200 edits', [SELF, '--worker', 'flood', '200']],
  ];
  for (const [name, args] of commands) {
    spawnSync('strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', trace, process.execPath, ...args], { stdio: 'ignore', timeout: 600_000 });
    const lines = fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8').split('\n').filter(Boolean) : [];
    const sockets = lines.filter((l) => /socket\(/.test(l));
    const network = sockets.filter((l) => !/AF_UNIX|AF_LOCAL/.test(l));
    const connects = lines.filter((l) => /connect\(/.test(l) && !/sa_family=AF_UNIX/.test(l));
    runs.push({ name, sockets: sockets.length, networkSockets: network.length, networkConnects: connects.length, examples: [...network, ...connects].slice(0, 3) });
    fs.rmSync(trace, { force: true });
  }
  // Offline, the scan must say what it says online (the demo's planted findings, exit 1), apart from its timing line.
  const online = spawnSync(process.execPath, SCAN_DEMO, { encoding: 'utf8', timeout: 600_000 });
  const offline = spawnSync('unshare', ['-n', process.execPath, ...SCAN_DEMO], { encoding: 'utf8', timeout: 600_000 });
  const withoutTiming = (text: string | null): string => (text ?? '').split('\n').slice(0, -2).join('\n');
  const summary = {
    runs,
    onlineScanExit: online.status,
    unshareScanExit: offline.status,
    sameOutputOffline: withoutTiming(online.stdout) === withoutTiming(offline.stdout),
    unshareScanError: offline.error ? String(offline.error) : undefined,
  };
  log(`  ${JSON.stringify(summary)}`);
  return summary;
}

// ---------------------------------------------------------------------------------------------------------------
// Scaling: what issue 13 timed, timed again (CPU time of this process)

function cpuMs<T>(f: () => T): { ms: number; result: T } {
  const before = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(before);
  return { ms: Math.round((used.user + used.system) / 1000), result };
}

function scalingPart(quick: boolean): Summary {
  const host = { readFile: (): undefined => undefined, fileExists: (): boolean => false };
  const catalogueOf = (n: number): string => {
    const lines: string[] = [...BASE_CATALOGUE];
    const at = lines.indexOf('categories:');
    lines.splice(at + 1, 0, ...Array.from({ length: n }, (_, i) => `  extra${i}: { label: Extra ${i}, retention: leerlingdossier, match: { names: [naam${i}] } }`));
    lines.splice(lines.indexOf('roles:') + 1, 0, ...Array.from({ length: n }, (_, i) => `  rol${i}: { label: Rol ${i} }`));
    return `${lines.join('\n')}\n`;
  };
  const results: Summary = {};
  const sizes = quick ? [2_000, 20_000] : [2_000, 20_000, 40_000];
  for (const n of sizes) {
    const text = catalogueOf(n / 2);
    loadCatalogueFromText('/repo/avglint.catalogue.yaml', text, host);
    const { ms, result } = cpuMs(() => loadCatalogueFromText('/repo/avglint.catalogue.yaml', text, host));
    // The same catalogue read by the `yaml` package alone (as before the fast reading): a last comment holding `&x`
    // makes the fast reading decline the file (plain.ts), and changes nothing else.
    const slow = cpuMs(() => loadCatalogueFromText('/repo/avglint.catalogue.yaml', `${text}# &x\n`, host));
    results[`catalogue ${n} entries (${n / 2} categories + ${n / 2} roles)`] = `${ms} ms CPU, ${result.problems.length} problems; read by the yaml package alone ${slow.ms} ms CPU (${(slow.ms / Math.max(1, ms)).toFixed(1)}×)`;
  }
  const catalogue = corpusCatalogue('small');
  for (const terms of quick ? [8_000] : [8_000, 100_000]) {
    const code = `declare const a: { b: string };\nexport const x = ${Array.from({ length: terms }, () => 'a.b').join(' + ')};\n`;
    const sourceFile = ts.createSourceFile(path.join(REPO, 'test/fixtures/project/src/chain.ts'), code, ts.ScriptTarget.ES2022, true);
    const { ms, result } = cpuMs(() => analyseFile({ sourceFile, catalogue }));
    results[`a.b + a.b + … ${terms} terms (untyped)`] = `${ms} ms CPU, ${result.problems.length} problems`;
  }
  for (const [k, v] of Object.entries(results)) log(`  ${k}: ${String(v)}`);
  return results;
}

// ---------------------------------------------------------------------------------------------------------------

async function main(args: readonly string[]): Promise<number> {
  if (args[0] === '--worker') {
    const write = (line: string): void => void fs.writeSync(1, `${line}\n`);
    if (args[1] === 'corpus') {
      const files = JSON.parse(fs.readFileSync(args[2] ?? '', 'utf8')) as string[];
      corpusWorker(files, Number(args[3]), args[4] === 'typed', (args[5] ?? 'small') as CatalogueSize, write);
    } else if (args[1] === 'catalogues') fuzzWorker(Number(args[2]), Number(args[3]), write);
    else if (args[1] === 'flood') log(JSON.stringify(await editFlood(Number(args[2]))));
    return 0;
  }
  const quick = args.includes('--quick');
  const valueOf = (option: string): string | undefined => {
    const at = args.indexOf(option);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const jsonFile = valueOf('--json');
  // `--every 4`: every fourth corpus file; `--modes untyped` (or `typed`): only those passes.
  const every = Math.max(1, Number(valueOf('--every') ?? '1'));
  const modes = (valueOf('--modes') ?? 'untyped,typed').split(',') as ('typed' | 'untyped')[];
  const parts = args.filter((a, i) => !a.startsWith('--') && !['--json', '--every', '--modes', '--count'].includes(args[i - 1] ?? ''));
  const wanted = (part: string): boolean => parts.length === 0 || parts.includes(part);
  const report: Summary = { date: new Date().toISOString(), quick, node: process.version, cpus: os.cpus().length };
  const began = Date.now();
  if (wanted('scaling')) {
    log('scaling:');
    report['scaling'] = scalingPart(quick);
  }
  if (wanted('hostile')) {
    log('hostile TypeScript:');
    report['hostile'] = hostilePart(quick);
  }
  if (wanted('catalogues')) {
    const count = Number(valueOf('--count') ?? (quick ? '300' : '10000'));
    log(`catalogues: ${count} fuzzed`);
    report['catalogues'] = await cataloguePart(count);
  }
  if (wanted('flood')) {
    const edits = quick ? 300 : 5_000;
    log(`flood: ${edits} edits to the language server`);
    const flood = await editFlood(edits);
    log(`  ${JSON.stringify(flood)}`);
    report['flood'] = flood;
  }
  if (wanted('network')) {
    log('network:');
    report['network'] = networkPart();
  }
  if (wanted('corpus')) report['corpus'] = await corpusPart(quick, every, modes);
  report['seconds'] = Math.round((Date.now() - began) / 1000);
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`reliability: done in ${String(report['seconds'])} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reliability: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
