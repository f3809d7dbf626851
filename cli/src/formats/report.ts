/**
 * The formats of `avglint report`, one table: `--format` validation and the usage text derive from it. Each format renders the
 * core's report model; the ones that suit a pull-request comment also render a diff (`--base`).
 */
import type { Place, Report, ReportDiff } from '@avglint/rules';
import { renderCsv, type CsvTable } from './csv';
import { renderHtml } from './html';
import { renderDiffMarkdown, renderMarkdown } from './markdown';
import type { Words } from './words';

export interface RenderContext {
  readonly words: Words;
  readonly locale: string;
  readonly link: (place: Place) => string;
  readonly csvTable: CsvTable;
}

export interface ReportFormat {
  /** One line for the usage text. */
  readonly description: string;
  render(report: Report, context: RenderContext): string;
  renderDiff?(diff: ReportDiff, report: Report, words: Words): string;
}

export const REPORT_FORMATS = {
  html: {
    description: 'one self-contained HTML file (default): print it or save it as PDF',
    render: (report, context) => renderHtml(report, { words: context.words, locale: context.locale, link: context.link }),
  },
  md: {
    description: 'Markdown, for a wiki or, with --base, a pull-request comment',
    render: (report, context) => renderMarkdown(report, context.words),
    renderDiff: (diff, report, words) => renderDiffMarkdown(diff, report, words),
  },
  json: {
    description: 'the report model as JSON (with --base: the diff)',
    render: (report) => `${JSON.stringify(report, null, 2)}\n`,
    renderDiff: (diff) => `${JSON.stringify(diff, null, 2)}\n`,
  },
  csv: {
    description: 'one table as CSV (see --csv-table), for a spreadsheet',
    render: (report, context) => renderCsv(report, context.words, context.csvTable),
  },
} satisfies Record<string, ReportFormat> as Record<'html' | 'md' | 'json' | 'csv', ReportFormat>;

export type ReportFormatName = keyof typeof REPORT_FORMATS;
