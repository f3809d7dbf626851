/** The report's tables as CSV (RFC 4180, `;`-free: comma-separated with quoted fields), for a spreadsheet. */
import type { Report } from '@avglint/rules';
import type { Format } from './format';
import type { Words } from './words';

export const CSV_TABLES = ['register', 'inventory', 'stores', 'exceptions', 'agreements', 'unclassified'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const field = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
};
const lines = (rows: readonly (readonly (string | number | undefined)[])[]): string => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

export function renderCsv(report: Report, w: Words, which: CsvTable): string {
  const c = w.columns;
  switch (which) {
    case 'register':
      return lines([[c.processor, c.role, c.basis, c.categories, c.retention, c.agreement, c.purposes, c.used], ...report.register.map((r) => [r.label, w.role[r.role], r.legalBasis, r.categories.join('; '), r.retention.join('; '), r.agreement, r.purposes.join('; '), r.used ? w.yes : w.no])]);
    case 'inventory':
      return lines([
        [c.category, c.action, 'file', 'line', 'column', c.what, c.to, c.verdict],
        ...report.categories.flatMap((cat) => cat.items.map((i) => [cat.label, w.actions[i.action], i.file, i.line, i.column, i.what, i.to, i.allowed ? w.verdicts.allowed : w.verdicts.notAllowed])),
      ]);
    case 'stores':
      return lines([['file', 'line', c.store, c.categories, c.term, c.max, c.clock, c.verdict], ...report.stores.map((s) => [s.file, s.line, s.store, s.categories.join('; '), s.term, s.maxDays !== undefined ? Math.round(s.maxDays) : undefined, s.clockStarts, w.verdicts.store[s.verdict]])]);
    case 'exceptions':
      return lines([[c.status, 'file', 'line', c.rules, c.reason, c.until, c.author, c.date], ...report.exceptions.map((x) => [w.verdicts.exception[x.status], x.file, x.line, x.rules.join('; '), x.reason, x.until, x.author, x.date])]);
    case 'agreements':
      return lines([[c.status, c.processor, c.role, c.agreement, c.ends, c.daysLeft], ...report.agreements.map((a) => [w.verdicts.agreement[a.status], a.label, w.role[a.role], a.reference, a.ends, a.daysLeft])]);
    case 'unclassified':
      return lines([[c.name, c.kind, c.occurrences], ...report.unclassified.map((u) => [u.name, u.kind, u.places.map((p) => `${p.file}:${p.line}`).join('; ')])]);
  }
}

export const csv: Format = {
  name: 'csv',
  report: {
    description: 'one table as CSV (see --csv-table), for a spreadsheet',
    render: (report, context) => renderCsv(report, context.words, context.csvTable),
  },
};
