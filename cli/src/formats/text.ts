/** Text for people (`avglint scan`'s default): findings grouped by file, each followed by its flow path, and a summary. */
import * as path from 'node:path';
import { hasErrors, STEP_KINDS, type Locale } from '@avglint/rules';
import type { ScannedFinding, ScanResult } from '../scan';
import type { Format } from './format';

/** avglint's own words around the findings, per locale (the findings and their paths are already in it). */
const WORDS: Readonly<Record<Locale, {
  readonly cannotScan: (dir: string) => string;
  readonly hint: string;
  readonly error: string;
  readonly count: (n: number, what: 'finding' | 'file') => string;
  readonly suppressed: (n: number) => string;
  readonly in: string;
  readonly scanned: (mode: 'inferred' | 'typed' | 'untyped', ms: number) => string;
  readonly incomplete: (files: number) => string;
}>> = {
  en: {
    cannotScan: (dir) => `avglint cannot scan ${dir}: the catalogue is missing or invalid.`,
    hint: 'hint',
    error: 'error',
    count: (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`,
    suppressed: (n) => ` (${n} more suppressed)`,
    in: 'in',
    scanned: (mode, ms) => `scanned ${mode === 'inferred' ? 'as an inferred program (no tsconfig.json: modules followed, no declared types)' : mode === 'typed' ? 'with type information' : 'without type information'} in ${ms} ms.`,
    incomplete: (files) => `The result is incomplete: avglint could not fully analyse ${files} file${files === 1 ? '' : 's'} (see above), so findings may be missing.`,
  },
  nl: {
    cannotScan: (dir) => `avglint kan ${dir} niet scannen: de catalogus ontbreekt of is ongeldig.`,
    hint: 'tip',
    error: 'fout',
    count: (n, what) => `${n} ${what === 'finding' ? (n === 1 ? 'melding' : 'meldingen') : n === 1 ? 'bestand' : 'bestanden'}`,
    suppressed: (n) => ` (nog ${n} onderdrukt)`,
    in: 'in',
    scanned: (mode, ms) => `gescand ${mode === 'inferred' ? 'als afgeleid programma (geen tsconfig.json: modules gevolgd, geen gedeclareerde types)' : mode === 'typed' ? 'met type-informatie' : 'zonder type-informatie'} in ${ms} ms.`,
    incomplete: (files) => `Het resultaat is onvolledig: avglint kon ${files} ${files === 1 ? 'bestand' : 'bestanden'} niet volledig analyseren (zie hierboven), dus er kunnen meldingen ontbreken.`,
  },
};

export function formatText(result: ScanResult): string {
  const lines: string[] = [];
  const words = WORDS[result.locale ?? 'en'];
  const relative = (file: string): string => path.relative(process.cwd(), file) || file;
  if (hasErrors(result.catalogueProblems)) {
    // The line ESLint and the editor show for the same catalogue, then every problem with its hint.
    if (result.catalogueSummary !== undefined) lines.push(result.catalogueSummary);
    lines.push(words.cannotScan(relative(result.dir)));
    for (const p of result.catalogueProblems) lines.push(`${relative(p.file)}:${p.line}:${p.column}: ${p.severity} ${p.message}`, `  ${words.hint}: ${p.hint}`);
    return lines.join('\n') + '\n';
  }
  // The path's kinds of step in the findings' locale (the descriptions already are).
  const kinds = STEP_KINDS[result.locale ?? 'en'];
  const width = Math.max(...Object.values(kinds).map((k) => k.length));
  const byFile = new Map<string, ScannedFinding[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(relative(file));
    for (const f of findings) {
      // The summary on the finding's line, the detail (why, what to do) indented below it, then the path.
      lines.push(`  ${f.line}:${f.column}  ${words.error}  ${f.summary}  avglint/${f.ruleId}`);
      if (f.detail !== '') for (const line of f.detail.split('\n')) lines.push(`      ${line}`);
      if (f.path.length > 1) {
        f.path.forEach((step, i) => lines.push(`      ${i + 1}. ${kinds[step.kind].padEnd(width)} ${relative(step.file)}:${step.line}:${step.column}  ${step.description}`));
      }
    }
    lines.push('');
  }
  for (const p of result.problems) lines.push(`${relative(p.file)}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message} (${p.hint})`);
  lines.push(scanSummary(result));
  const incomplete = new Set(result.problems.filter((p) => p.severity === 'error' && p.code !== 'scan/no-files').map((p) => p.file)).size;
  if (incomplete > 0) lines.push(words.incomplete(incomplete));
  return lines.join('\n') + '\n';
}

/** `N findings in M files; K files scanned …`, and how many were suppressed when any were, in the result's locale. */
export function scanSummary(result: ScanResult): string {
  const words = WORDS[result.locale ?? 'en'];
  const files = new Set(result.findings.map((f) => f.file)).size;
  const suppressed = result.suppressed.length > 0 ? words.suppressed(result.suppressed.length) : '';
  const mode = result.inferred ? 'inferred' : result.typed ? 'typed' : 'untyped';
  return `${words.count(result.findings.length, 'finding')}${suppressed} ${words.in} ${words.count(files, 'file')}; ${words.count(result.fileCount, 'file')} ${words.scanned(mode, Math.round(result.milliseconds))}`;
}

export const text: Format = {
  name: 'text',
  scan: {
    description: 'findings grouped by file, each with its flow path, and a summary line',
    default: true,
    render: (result) => formatText(result),
  },
};
