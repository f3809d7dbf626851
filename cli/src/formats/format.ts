/**
 * What an output format is: a name (the value of `--format` and the name of its module in this folder) and one
 * renderer per command that writes it. The formats are listed in one table (`index.ts`); `--format` validation, the
 * default and the usage text of `avglint scan` and `avglint report` are derived from that table, so a new format is one
 * module and one line there (as ESLint keeps one formatter per file).
 */
import type { Place, Report, ReportDiff } from '@avglint/rules';
import type { ScanResult } from '../scan';
import type { CsvTable } from './csv';
import type { Words } from './words';

/** The commands that write formats. */
export const FORMAT_COMMANDS = ['scan', 'report'] as const;
export type FormatCommand = (typeof FORMAT_COMMANDS)[number];

export interface ScanRenderContext {
  /** The CLI's version, for the tool section of SARIF. */
  readonly version: string;
}

export interface ReportRenderContext {
  readonly words: Words;
  readonly locale: string;
  readonly link: (place: Place) => string;
  readonly csvTable: CsvTable;
}

interface Renderer {
  /** One line for the command's usage text. */
  readonly description: string;
  /** The command's format when `--format` is not given (one per command). */
  readonly default?: true;
}

export interface ScanRenderer extends Renderer {
  render(result: ScanResult, context: ScanRenderContext): string;
}

export interface ReportRenderer extends Renderer {
  render(report: Report, context: ReportRenderContext): string;
  /** The formats that suit a pull-request comment also render what a change adds or removes (`--base`). */
  renderDiff?(diff: ReportDiff, report: Report, words: Words): string;
}

/** An output format. The commands that support it are the ones it has a renderer for. */
export interface Format {
  readonly name: string;
  readonly scan?: ScanRenderer;
  readonly report?: ReportRenderer;
}
