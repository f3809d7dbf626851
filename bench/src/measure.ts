/**
 * Measuring primitives: run a command in a child process and take its wall time, CPU time and peak memory; run two
 * commands as a pair with alternating order; medians, percentiles and a log-log fit.
 *
 * Every measured command runs in its own child process, one at a time (the benchmark machine has two cores, and two
 * measurements at once would measure each other).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CommandSpec {
  /** Short name for logs and results: `tsc`, `eslint-avglint`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Where to write the child's stdout (the tool's JSON output); discarded when absent. */
  readonly stdoutFile?: string;
  /** Exit codes that count as success (ESLint and the scan exit 1 when they find something). */
  readonly okExitCodes?: readonly number[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface Timing {
  readonly wallMs: number;
  /** User + system CPU time of the child, from /usr/bin/time when available. */
  readonly cpuMs?: number;
  /** Peak resident set size of the child in MiB, from /usr/bin/time when available. */
  readonly maxRssMb?: number;
  readonly exitCode: number;
}

export interface Sample {
  readonly name: string;
  readonly runs: readonly Timing[];
  readonly medianWallMs: number;
  readonly medianCpuMs?: number;
  readonly maxRssMb?: number;
}

const TIME = '/usr/bin/time';
const haveTime = fs.existsSync(TIME);

export class CommandFailed extends Error {
  constructor(
    readonly spec: CommandSpec,
    readonly exitCode: number,
    readonly stderr: string,
  ) {
    super(`${spec.name} exited ${exitCode}: ${stderr.trim().split('\n').slice(-8).join('\n')}`);
  }
}

/** Runs one command to completion and times it. Rejects when it exits with a code not in `okExitCodes`. */
export function timeCommand(spec: CommandSpec, tmpDir: string): Promise<Timing> {
  fs.mkdirSync(tmpDir, { recursive: true });
  const timeFile = path.join(tmpDir, `${spec.name}.time`);
  const [command, args] = haveTime ? [TIME, ['-f', '%e %U %S %M', '-o', timeFile, spec.command, ...spec.args]] : [spec.command, [...spec.args]];
  return new Promise((resolve, reject) => {
    const out = spec.stdoutFile ? fs.openSync(spec.stdoutFile, 'w') : 'ignore';
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: spec.cwd, stdio: ['ignore', out, 'pipe'], env: spec.env ?? process.env });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (typeof out === 'number') fs.closeSync(out);
      const exitCode = code ?? -1;
      if (!(spec.okExitCodes ?? [0]).includes(exitCode)) {
        reject(new CommandFailed(spec, exitCode, stderr));
        return;
      }
      let cpuMs: number | undefined;
      let maxRssMb: number | undefined;
      if (haveTime) {
        // /usr/bin/time writes "Command exited with non-zero status N" before the format line when the exit code is not 0.
        const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [, user, sys, rss] = line.split(' ').map(Number);
        if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuMs = (user + sys) * 1000;
        if (rss !== undefined && Number.isFinite(rss)) maxRssMb = rss / 1024;
      }
      resolve({ wallMs, cpuMs, maxRssMb, exitCode });
    });
  });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

function summarise(name: string, runs: readonly Timing[]): Sample {
  const cpu = runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined);
  const rss = runs.map((r) => r.maxRssMb).filter((v): v is number => v !== undefined);
  return {
    name,
    runs,
    medianWallMs: median(runs.map((r) => r.wallMs)),
    medianCpuMs: cpu.length === runs.length ? median(cpu) : undefined,
    maxRssMb: rss.length > 0 ? Math.max(...rss) : undefined,
  };
}

export interface PairResult {
  readonly baseline: Sample;
  readonly subject: Sample;
  /** subject / baseline, on median wall time. */
  readonly ratio: number;
  /** subject / baseline, on median CPU time (less sensitive to other load on the machine). */
  readonly cpuRatio?: number;
}

/**
 * Runs the baseline and the subject `reps` times each, alternating which goes first (A B, B A, A B, …), so that a
 * warm cache or a background job favours neither, and compares their medians.
 */
export async function measurePair(
  baseline: CommandSpec,
  subject: CommandSpec,
  reps: number,
  tmpDir: string,
  log: (line: string) => void,
  /** Called after every run, e.g. to read what the command wrote before the next run overwrites it. */
  onRun?: (spec: CommandSpec, timing: Timing) => void,
): Promise<PairResult> {
  const a: Timing[] = [];
  const b: Timing[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const order: Array<[CommandSpec, Timing[]]> = rep % 2 === 0 ? [[baseline, a], [subject, b]] : [[subject, b], [baseline, a]];
    for (const [spec, into] of order) {
      const timing = await timeCommand(spec, tmpDir);
      into.push(timing);
      onRun?.(spec, timing);
      log(`    ${spec.name} #${rep + 1}: ${formatMs(timing.wallMs)} wall${timing.cpuMs !== undefined ? `, ${formatMs(timing.cpuMs)} cpu` : ''}${timing.maxRssMb !== undefined ? `, ${timing.maxRssMb.toFixed(0)} MiB` : ''}`);
    }
  }
  const base = summarise(baseline.name, a);
  const subj = summarise(subject.name, b);
  return {
    baseline: base,
    subject: subj,
    ratio: subj.medianWallMs / base.medianWallMs,
    cpuRatio: base.medianCpuMs !== undefined && subj.medianCpuMs !== undefined ? subj.medianCpuMs / base.medianCpuMs : undefined,
  };
}

/** Least-squares fit of log(y) = k·log(x) + c; k is the growth exponent (1 = linear). */
export function logLogFit(points: ReadonlyArray<readonly [number, number]>): { exponent: number; r2: number } {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const n = points.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const exponent = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { exponent, r2 };
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly platform: string;
  readonly kernel: string;
  readonly node: string;
  readonly typescript: string;
  readonly eslint: string;
  readonly typescriptEslint: string;
  /** Load average when the run started: other work on the machine makes wall times noisy. */
  readonly loadAverage: readonly number[];
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    node: process.version,
    typescript: versionOf('typescript'),
    eslint: versionOf('eslint'),
    typescriptEslint: versionOf('@typescript-eslint/parser'),
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}
