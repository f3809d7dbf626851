/**
 * Checks the violations a tool found on a corpus against the ones the generator planted: per rule counts, and per
 * location (file, line, rule) so a mismatch says exactly which finding is missing or extra.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS, type Manifest, type PlantedRule } from './generate';

export interface FoundViolation {
  /** Relative to the corpus root, with `/`. */
  readonly file: string;
  readonly line: number;
  /** Rule id without the `avglint/` prefix. */
  readonly rule: string;
  readonly message?: string;
}

export interface CountCheck {
  readonly tool: string;
  readonly match: boolean;
  readonly expected: Readonly<Record<string, number>>;
  readonly found: Readonly<Record<string, number>>;
  /** Planted but not found (at most 20 listed). */
  readonly missing: readonly FoundViolation[];
  /** Found but not planted (at most 20 listed). */
  readonly unexpected: readonly FoundViolation[];
  readonly missingTotal: number;
  readonly unexpectedTotal: number;
  /** Problems the tool reported instead of findings (catalogue errors, internal errors, parse errors). */
  readonly problems: readonly string[];
}

function relative(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

/** Reads ESLint's `--format json` output; only `avglint/*` messages are findings, fatal messages are problems. */
export function readEslintFindings(jsonFile: string, root: string): { findings: FoundViolation[]; problems: string[] } {
  const results = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Array<{
    filePath: string;
    messages: Array<{ ruleId: string | null; line: number; message: string; fatal?: boolean }>;
  }>;
  const findings: FoundViolation[] = [];
  const problems: string[] = [];
  for (const result of results) {
    const file = relative(root, result.filePath);
    for (const m of result.messages) {
      if (m.ruleId?.startsWith('avglint/')) findings.push({ file, line: m.line, rule: m.ruleId.slice('avglint/'.length), message: m.message });
      else if (m.fatal) problems.push(`${file}:${m.line}: ${m.message}`);
    }
  }
  return { findings, problems };
}

/**
 * What ESLint's own `--stats` timing says about one run: time per file spent parsing, in avglint's rules, and in the
 * whole lint of the file. Measured inside the one process, so it is not disturbed by other load the way two separate
 * runs are; the rules' time includes any garbage collection that happened while they ran.
 */
export interface EslintStats {
  readonly files: number;
  readonly lintMs: number;
  readonly parseMs: number;
  readonly avglintMs: number;
  /** lint / (lint − avglint): the whole lint against the same lint without avglint's rules' time. */
  readonly ratio: number;
  readonly perFileP50Ms: number;
  readonly perFileP90Ms: number;
  readonly perFileP99Ms: number;
  readonly perFileMaxMs: number;
}

export function readEslintStats(jsonFile: string): EslintStats | undefined {
  const results = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Array<{
    stats?: { times?: { passes?: Array<{ total: number; parse: { total: number }; rules?: Record<string, { total: number }> }> } };
  }>;
  let lintMs = 0;
  let parseMs = 0;
  let avglintMs = 0;
  const perFile: number[] = [];
  for (const result of results) {
    const passes = result.stats?.times?.passes;
    if (!passes) continue;
    let file = 0;
    for (const pass of passes) {
      lintMs += pass.total;
      parseMs += pass.parse.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith('avglint/')) file += time.total;
    }
    avglintMs += file;
    perFile.push(file);
  }
  if (perFile.length === 0) return undefined;
  perFile.sort((a, b) => a - b);
  const at = (q: number): number => perFile[Math.min(perFile.length - 1, Math.floor(q * (perFile.length - 1)))] ?? 0;
  return { files: perFile.length, lintMs, parseMs, avglintMs, ratio: lintMs / (lintMs - avglintMs), perFileP50Ms: at(0.5), perFileP90Ms: at(0.9), perFileP99Ms: at(0.99), perFileMaxMs: at(1) };
}

/** Reads `avglint scan --format json` output (the CLI's ScanResult). */
export function readScanFindings(jsonFile: string, root: string): { findings: FoundViolation[]; problems: string[]; fileCount?: number } {
  const result = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as {
    findings?: Array<{ file: string; line: number; ruleId: string; message: string }>;
    problems?: Array<{ file: string; line: number; code: string; message: string }>;
    catalogueProblems?: Array<{ file: string; line: number; code: string; message: string; severity: string }>;
    fileCount?: number;
  };
  const findings = (result.findings ?? []).map((f) => ({ file: relative(root, f.file), line: f.line, rule: f.ruleId.replace(/^avglint\//, ''), message: f.message }));
  const problems = [
    ...(result.catalogueProblems ?? []).filter((p) => p.severity === 'error').map((p) => `${relative(root, p.file)}:${p.line}: ${p.code}: ${p.message}`),
    ...(result.problems ?? []).map((p) => `${relative(root, p.file)}:${p.line}: ${p.code}: ${p.message}`),
  ];
  return { findings, problems, fileCount: result.fileCount };
}

export function checkCounts(tool: string, manifest: Manifest, found: readonly FoundViolation[], problems: readonly string[]): CountCheck {
  const key = (v: { file: string; line: number; rule: string }): string => `${v.file}\0${v.line}\0${v.rule}`;
  const plantedKeys = new Map<string, number>();
  for (const p of manifest.locations) plantedKeys.set(key(p), (plantedKeys.get(key(p)) ?? 0) + 1);
  const foundKeys = new Map<string, number>();
  for (const f of found) foundKeys.set(key(f), (foundKeys.get(key(f)) ?? 0) + 1);

  const missing: FoundViolation[] = [];
  for (const p of manifest.locations) {
    const left = foundKeys.get(key(p)) ?? 0;
    if (left > 0) foundKeys.set(key(p), left - 1);
    else missing.push(p);
  }
  const unexpected: FoundViolation[] = [];
  const remainingPlanted = new Map(plantedKeys);
  for (const f of found) {
    const left = remainingPlanted.get(key(f)) ?? 0;
    if (left > 0) remainingPlanted.set(key(f), left - 1);
    else unexpected.push(f);
  }

  const expected: Record<string, number> = { ...manifest.violations };
  const counted: Record<string, number> = Object.fromEntries(RULE_IDS.map((r) => [r, 0]));
  for (const f of found) counted[f.rule] = (counted[f.rule] ?? 0) + 1;
  const countsEqual = Object.keys({ ...expected, ...counted }).every((rule) => (expected[rule as PlantedRule] ?? 0) === (counted[rule] ?? 0));
  return {
    tool,
    match: countsEqual && missing.length === 0 && unexpected.length === 0 && problems.length === 0,
    expected,
    found: counted,
    missing: missing.slice(0, 20),
    unexpected: unexpected.slice(0, 20),
    missingTotal: missing.length,
    unexpectedTotal: unexpected.length,
    problems: problems.slice(0, 20),
  };
}

/** A loud, multi-line description of a mismatch for the console. */
export function describeMismatch(check: CountCheck): string {
  const lines = [`!!! COUNT MISMATCH (${check.tool}): avglint's findings differ from the planted violations`];
  lines.push(`    rule                          planted  found`);
  for (const rule of Object.keys({ ...check.expected, ...check.found })) {
    const e = check.expected[rule] ?? 0;
    const f = check.found[rule] ?? 0;
    lines.push(`    ${rule.padEnd(30)}${String(e).padStart(7)}${String(f).padStart(7)}${e === f ? '' : '   <-- differs'}`);
  }
  if (check.missingTotal > 0) lines.push(`    missing (${check.missingTotal}):`, ...check.missing.map((m) => `      ${m.file}:${m.line} ${m.rule}`));
  if (check.unexpectedTotal > 0) {
    lines.push(`    unexpected (${check.unexpectedTotal}):`, ...check.unexpected.map((m) => `      ${m.file}:${m.line} ${m.rule}: ${(m.message ?? '').slice(0, 160)}`));
  }
  if (check.problems.length > 0) lines.push('    problems:', ...check.problems.map((p) => `      ${p.slice(0, 200)}`));
  return lines.join('\n');
}
