/**
 * The output formats of the command line, one table. Each format is its own module in this folder, named as the
 * format; this table says which exist and in what order the usage text lists them. `--format` validation, each
 * command's default and the usage text of `avglint scan` and `avglint report` are derived from it here.
 */
import { csv } from './csv';
import { FORMAT_COMMANDS, type Format, type FormatCommand, type ReportRenderer, type ScanRenderer } from './format';
import { gitlab } from './gitlab';
import { html } from './html';
import { json } from './json';
import { md } from './md';
import { sarif } from './sarif';
import { text } from './text';

export type { Format, FormatCommand, ReportRenderContext, ReportRenderer, ScanRenderContext, ScanRenderer } from './format';

/** Every format; a new one is a module in this folder and one entry here. */
export const FORMATS: readonly Format[] = [text, json, sarif, gitlab, md, html, csv];

/** What each command needs from a format: its renderer for that command. */
interface Renderers {
  readonly scan: ScanRenderer;
  readonly report: ReportRenderer;
}

/** The formats `command` writes, in the table's order, with their renderers for it. */
export function formatsOf<C extends FormatCommand>(command: C): { readonly name: string; readonly renderer: Renderers[C] }[] {
  return FORMATS.flatMap((format) => {
    const renderer = format[command] as Renderers[C] | undefined;
    return renderer === undefined ? [] : [{ name: format.name, renderer }];
  });
}

/** The renderer of format `name` for `command`, or undefined when the command does not write that format. */
export function rendererOf<C extends FormatCommand>(command: C, name: string): Renderers[C] | undefined {
  return formatsOf(command).find((f) => f.name === name)?.renderer;
}

/** The format `command` writes without `--format`. */
export function defaultFormat(command: FormatCommand): string {
  const found = formatsOf(command).find((f) => f.renderer.default === true);
  if (found === undefined) throw new Error(`no default format for ${command}`);
  return found.name;
}

/** `text|json|sarif|gitlab`: the synopsis of `--format` in a usage line. */
export function formatChoices(command: FormatCommand): string {
  return formatsOf(command).map((f) => f.name).join('|');
}

/** One line per format for the usage text: `  --format <name>  <description>`, the default marked. */
export function formatOptionLines(command: FormatCommand): string {
  const formats = formatsOf(command);
  const width = Math.max(...formats.map((f) => f.name.length));
  return formats.map((f) => `  --format ${f.name.padEnd(width)}  ${f.renderer.description}${f.renderer.default === true ? ' (default)' : ''}`).join('\n');
}

/** Why `name` is not a format of `command`, naming the ones that are (and the command that writes it, if one does). */
export function unknownFormatMessage(command: FormatCommand, name: string): string {
  const names = formatsOf(command).map((f) => `\`${f.name}\``);
  const list = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
  const elsewhere = FORMATS.find((f) => f.name === name && f[command] === undefined);
  const other = elsewhere ? FORMAT_COMMANDS.filter((c) => elsewhere[c] !== undefined) : [];
  const hint = other.length > 0 ? ` \`${name}\` is a format of ${other.map((c) => `\`avglint ${c}\``).join(' and ')}.` : '';
  return `unknown format \`${name}\`: avglint ${command} writes ${list}.${hint}`;
}
