/**
 * The core alone: builds the corpus program once, then runs `analyseFile` over every file and reports the analysis
 * time, the garbage collection during it and, with `--alloc`, what the analysis allocated (V8's sampling heap profiler,
 * objects already collected included), by function. This is how the hot paths in BENCHMARKS.md ("Profile") were
 * found and checked; it isolates the core from ESLint's parse and from the load of a shared machine better than the
 * end-to-end commands can.
 *
 * With `--interleave`, each file is parsed again (`ts.createSourceFile`) and copied into one plain object per node just
 * before its analysis, as ESLint's parse and ESTree conversion do, and only `analyseFile` is timed: that shows what
 * running between ESLint's parses costs the core (its garbage collection copies the young AST ESLint just built).
 *
 * With `--dump <file>`, every finding is written to the file, one line each (file, rule, range, message, path): an
 * optimisation must leave that file byte for byte the same.
 *
 * Usage: node bench/dist/core.js bench/corpus/1000 [--rules no-unauthorised-transfer,require-consent-check]
 *        [--alloc [--top 30]] [--interleave] [--dump findings.txt]
 */
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import ts from 'typescript';
import { loadCatalogueFile } from '@avglint/node';
import { analyseFile, RULE_IDS, type RuleId } from '@avglint/rules';

interface SamplingNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

function post<T>(session: inspector.Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dump = value('--dump');
  const root = path.resolve(args.find((a) => !a.startsWith('--') && a !== value('--rules') && a !== value('--top') && a !== dump) ?? 'bench/corpus/1000');
  const rules = new Set((value('--rules')?.split(',') ?? RULE_IDS) as RuleId[]);
  const top = Number(value('--top') ?? 30);

  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`no tsconfig.json in ${root}`);
  let started = performance.now();
  const program = ts.createProgram(config.fileNames, config.options);
  program.getTypeChecker();
  const programMs = performance.now() - started;
  const { catalogue, problems } = loadCatalogueFile(path.join(root, 'avglint.catalogue.yaml'), { root });
  if (!catalogue) throw new Error(`catalogue: ${JSON.stringify(problems)}`);
  const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && f.fileName.startsWith(root));

  let gcMs = 0;
  let scavenges = 0;
  const gcEntries: Array<readonly [number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcEntries.push([entry.startTime, entry.startTime + entry.duration]);
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) scavenges++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const session = new inspector.Session();
  if (args.includes('--alloc')) {
    session.connect();
    await post(session, 'HeapProfiler.enable');
    await post(session, 'HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }

  started = performance.now();
  // CPU time of this process too: on a shared machine the wall time mostly measures the neighbours.
  const cpuBefore = process.cpuUsage();
  let findings = 0;
  const now = new Date('2026-11-30T12:00:00Z');
  const interleave = args.includes('--interleave');
  // With --interleave: the analyses' own time windows, and the parse copies of the last 50 files (ESLint keeps a few
  // files' worth of AST alive; all of them would only measure a larger heap).
  const windows: Array<readonly [number, number]> = [];
  const copies: unknown[][] = [];
  let analysedMs = 0;
  const dumped: string[] = [];
  for (const sourceFile of files) {
    if (interleave) {
      const copy = ts.createSourceFile(sourceFile.fileName, sourceFile.text, ts.ScriptTarget.Latest, true);
      const nodes: unknown[] = [];
      const convert = (node: ts.Node): void => {
        nodes.push({ type: node.kind, range: [node.pos, node.end], loc: { start: { line: 0, column: node.pos }, end: { line: 0, column: node.end } }, parent: null });
        ts.forEachChild(node, convert);
      };
      convert(copy);
      copies.push(nodes);
      if (copies.length > 50) copies.shift();
    }
    const from = performance.now();
    const result = analyseFile({ sourceFile, program, catalogue, options: { rules, now } });
    findings += result.findings.length;
    if (dump !== undefined) {
      for (const f of result.findings) dumped.push(`${path.relative(root, sourceFile.fileName)} ${f.ruleId} ${f.range.start}-${f.range.end} ${JSON.stringify(f.message)} ${JSON.stringify(f.path).split(root).join('.')}`);
    }
    const to = performance.now();
    analysedMs += to - from;
    windows.push([from, to]);
  }
  const analysisMs = interleave ? analysedMs : performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const analysisCpuMs = (cpu.user + cpu.system) / 1000;

  let allocation: Array<[string, number]> = [];
  let allocatedMb = 0;
  if (args.includes('--alloc')) {
    const { profile } = await post<{ profile: { head: SamplingNode } }>(session, 'HeapProfiler.stopSampling');
    const byFrame = new Map<string, number>();
    const name = (node: SamplingNode): string => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-3).join('/')}:${node.callFrame.lineNumber + 1}`;
    // A built-in (`set :0`, `slice :0`) is shown with the function that called it: the map or array that grows.
    const visit = (node: SamplingNode, caller: string): void => {
      const own = name(node);
      const frame = node.callFrame.url === '' && caller !== '' ? `${own} ← ${caller}` : own;
      byFrame.set(frame, (byFrame.get(frame) ?? 0) + node.selfSize);
      allocatedMb += node.selfSize / 1e6;
      for (const child of node.children) visit(child, node.callFrame.url === '' ? caller : own);
    };
    visit(profile.head, '');
    allocation = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, top);
  }
  if (dump !== undefined) fs.writeFileSync(dump, `${dumped.join('\n')}\n`);
  // GC entries arrive asynchronously: report after they have been delivered.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const lines = [
    `${files.length} files, program + checker ${programMs.toFixed(0)} ms`,
    `analysis ${analysisMs.toFixed(0)} ms (${((analysisMs / files.length) * 1000).toFixed(0)} µs per file; CPU ${analysisCpuMs.toFixed(0)} ms), ${findings} findings, rules: ${[...rules].join(', ')}`,
    `garbage collection during the run: ${gcMs.toFixed(0)} ms in ${scavenges} scavenges and the rest`,
  ];
  if (interleave) {
    // GC pauses that overlap the analyses' windows (both lists are in time order).
    let inside = 0;
    let w = 0;
    for (const [gcFrom, gcTo] of gcEntries) {
      while (w < windows.length && (windows[w]?.[1] ?? 0) <= gcFrom) w++;
      for (let i = w; i < windows.length && (windows[i]?.[0] ?? Infinity) < gcTo; i++) {
        const [from, to] = windows[i] as readonly [number, number];
        inside += Math.max(0, Math.min(to, gcTo) - Math.max(from, gcFrom));
      }
    }
    lines.push(`interleaved with a parse and an ESTree-like copy of each file: analyseFile alone ${analysisMs.toFixed(0)} ms, garbage collection inside it ${inside.toFixed(0)} ms`);
  }
  if (args.includes('--alloc')) {
    lines.push(`allocated (sampled, collected objects included): ${allocatedMb.toFixed(0)} MB; top ${top} by function:`);
    for (const [frame, bytes] of allocation) lines.push(`  ${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${frame}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
