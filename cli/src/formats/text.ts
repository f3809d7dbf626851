/** Text for people (`avglint scan`'s default): findings grouped by file, each followed by its flow path, and a summary. */
import * as path from 'node:path';
import { hasErrors, STEP_KINDS } from '@avglint/rules';
import type { ScannedFinding, ScanResult } from '../scan';
import type { Format } from './format';

export function formatText(result: ScanResult): string {
  const lines: string[] = [];
  const relative = (file: string): string => path.relative(process.cwd(), file) || file;
  if (hasErrors(result.catalogueProblems)) {
    // The line ESLint and the editor show for the same catalogue, then every problem with its hint.
    if (result.catalogueSummary !== undefined) lines.push(result.catalogueSummary);
    lines.push(`avglint cannot scan ${relative(result.dir)}: the catalogue is missing or invalid.`);
    for (const p of result.catalogueProblems) lines.push(`${relative(p.file)}:${p.line}:${p.column}: ${p.severity} ${p.message}`, `  hint: ${p.hint}`);
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
      lines.push(`  ${f.line}:${f.column}  error  ${f.summary}  avglint/${f.ruleId}`);
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
  if (incomplete > 0) lines.push(`The result is incomplete: avglint could not fully analyse ${incomplete} file${incomplete === 1 ? '' : 's'} (see above), so findings may be missing.`);
  return lines.join('\n') + '\n';
}

/** `N findings in M files; K files scanned …`, and how many were suppressed when any were. */
export function scanSummary(result: ScanResult): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const files = new Set(result.findings.map((f) => f.file)).size;
  const suppressed = result.suppressed.length > 0 ? ` (${result.suppressed.length} more suppressed)` : '';
  return (
    `${plural(result.findings.length, 'finding')}${suppressed} in ${plural(files, 'file')}; ` +
    `${plural(result.fileCount, 'file')} scanned ${result.inferred ? 'as an inferred program (no tsconfig.json: modules followed, no declared types)' : result.typed ? 'with type information' : 'without type information'} in ${Math.round(result.milliseconds)} ms.`
  );
}

export const text: Format = {
  name: 'text',
  scan: {
    description: 'findings grouped by file, each with its flow path, and a summary line',
    default: true,
    render: (result) => formatText(result),
  },
};
