/**
 * Prisma schemas (`schema.prisma`): the models, their fields and the `/// @retention <term>` doc comment above each
 * model. The core parses the text a host read; it never opens the file. Two uses:
 * - `checkPrismaSchema` reports, in the schema file, every model that stores catalogued data without a fitting
 *   bewaartermijn (what `require-retention` does for a TypeORM entity). `avglint scan` and the language server run it.
 * - `prismaModelsOf` gives the analysis of a TypeScript file the models the schema declares, so that
 *   `prisma.leerling.create(…)` is covered by the model's declaration instead of being reported at every write.
 */
import type { Catalogue } from '../catalogue/model';
import { categoryIndex, normaliseName } from '../catalogue/names';
import type { Finding, TextRange } from '../finding';
import type { RetentionTag } from './storage';
import { judgeRetention, retentionFinding } from '../rules/require-retention';
import { DEFAULT_LOCALE, type Locale } from '../catalogue/model';

export interface PrismaField {
  readonly name: string;
  /** The field's type without `?`/`[]`: a scalar (`String`), an enum or another model (a relation). */
  readonly type: string;
  /** The column name from `@map("…")`, if any. */
  readonly column?: string;
  readonly range: TextRange;
}

export interface PrismaModel {
  readonly name: string;
  /** The model's name in the `model X {` line. */
  readonly nameRange: TextRange;
  /** Where a fix inserts `/// @retention <term>`: the start of the `model` line. */
  readonly lineStart: number;
  readonly fields: readonly PrismaField[];
  /** The table name from `@@map("…")`, if any. */
  readonly table?: string;
  readonly retention?: RetentionTag;
}

/** The text of a Prisma schema the host read, with its absolute file name. */
export interface PrismaSchemaText {
  readonly fileName: string;
  readonly text: string;
}

const parsed = new Map<string, readonly PrismaModel[]>();

/** The models of a schema (memoised by text: hosts pass the same schema for every file of a project). */
export function parsePrismaSchema(text: string): readonly PrismaModel[] {
  const cached = parsed.get(text);
  if (cached) return cached;
  const models = parse(text);
  if (parsed.size > 16) parsed.clear();
  parsed.set(text, models);
  return models;
}

/** The schema's models by lower-cased name, as Prisma Client names its delegates (`prisma.leerling`). */
export function prismaModelsOf(schema: PrismaSchemaText | undefined): ReadonlyMap<string, PrismaModel> | undefined {
  if (!schema) return undefined;
  return new Map(parsePrismaSchema(schema.text).map((model) => [model.name.toLowerCase(), model]));
}

function parse(text: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let docs: { text: string; start: number }[] = [];
  let current: { name: string; nameRange: TextRange; lineStart: number; fields: PrismaField[]; table?: string; retention?: RetentionTag } | undefined;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (current) {
      if (trimmed.startsWith('}')) {
        models.push(current);
        current = undefined;
        continue;
      }
      const map = /^@@map\(\s*"([^"]*)"/.exec(trimmed);
      if (map?.[1] !== undefined) current.table = map[1];
      const field = /^([A-Za-z_]\w*)\s+([A-Za-z_]\w*)(\[\])?\??/.exec(trimmed);
      if (field?.[1] !== undefined && field[2] !== undefined) {
        const start = lineStart + line.indexOf(field[1]);
        const column = /@map\(\s*"([^"]*)"/.exec(trimmed)?.[1];
        current.fields.push({ name: field[1], type: field[2], range: { start, end: start + field[1].length }, ...(column !== undefined ? { column } : {}) });
      }
      if (!trimmed.startsWith('///')) continue;
    }
    if (trimmed.startsWith('///')) {
      docs.push({ text: line, start: lineStart });
      continue;
    }
    const model = /^(\s*)model\s+([A-Za-z_]\w*)\s*\{/.exec(line);
    if (model?.[2] !== undefined) {
      const nameStart = lineStart + line.indexOf(model[2], (model[1] ?? '').length + 5);
      current = { name: model[2], nameRange: { start: nameStart, end: nameStart + model[2].length }, lineStart, fields: [] };
      const retention = retentionInDocs(docs);
      if (retention) current.retention = retention;
    }
    docs = [];
  }
  return models;
}

function retentionInDocs(docs: readonly { text: string; start: number }[]): RetentionTag | undefined {
  for (const doc of docs) {
    const match = /@retention(?![\w-])[ \t]*(\S*)/.exec(doc.text);
    if (!match) continue;
    const term = match[1] ?? '';
    const start = term === '' ? doc.start + match.index + '@retention'.length : doc.start + match.index + match[0].length - term.length;
    return { term, termRange: { start, end: start + term.length } };
  }
  return undefined;
}

/**
 * `require-retention` for a Prisma schema: a finding per model that stores catalogued data (by its field and column
 * names, its name and its table name) without a `/// @retention` term that fits. Relation fields store nothing of
 * their own and are skipped.
 */
export function checkPrismaSchema(schema: PrismaSchemaText, catalogue: Catalogue, locale: Locale = catalogue.settings?.locale ?? DEFAULT_LOCALE): Finding[] {
  const index = categoryIndex(catalogue);
  const models = parsePrismaSchema(schema.text);
  const modelNames = new Set(models.map((m) => m.name));
  const findings: Finding[] = [];
  const positionOf = lineIndex(schema.text);
  for (const model of models) {
    const found = new Set(index.byType.get(model.name) ?? []);
    const add = (name: string): void => {
      for (const category of index.byName.get(normaliseName(name)) ?? []) found.add(category);
    };
    if (model.table !== undefined) add(model.table);
    for (const field of model.fields) {
      if (modelNames.has(field.type)) continue;
      add(field.name);
      if (field.column !== undefined) add(field.column);
      for (const category of index.byMember.get(`${model.name}.${normaliseName(field.name)}`) ?? []) found.add(category);
    }
    const order = [...catalogue.categories.values()];
    const categories = [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const verdict = judgeRetention(catalogue, categories, model.retention, undefined, `Prisma model \`${model.name}\``, 'model', locale);
    if (!verdict) continue;
    const position = positionOf(model.nameRange.start);
    findings.push(
      retentionFinding(verdict, {
        file: schema.fileName,
        range: model.nameRange,
        line: position.line,
        column: position.column,
        categories,
        insertAt: model.lineStart,
        insert: (term) => `/// @retention ${term}\n`,
        tag: model.retention,
      }, locale),
    );
  }
  return findings;
}

/** 1-based line and column of an offset. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  };
}

/** Whether a file is a Prisma schema the hosts should check. */
export function isPrismaSchemaFile(fileName: string): boolean {
  return fileName.endsWith('.prisma');
}

/**
 * Where a project's Prisma schema is, found through the host (the core reads no file): `prisma/schema.prisma` or
 * `schema.prisma` in the directory of `fromFile` or a directory above it, up to the nearest `package.json`.
 */
export function findPrismaSchema(fromFile: string, host: { fileExists(fileName: string): boolean }): string | undefined {
  const separator = fromFile.includes('\\') && !fromFile.includes('/') ? '\\' : '/';
  let directory = fromFile.slice(0, Math.max(0, fromFile.lastIndexOf(separator)));
  for (let depth = 0; depth < 32 && directory !== ''; depth++) {
    for (const candidate of [`${directory}${separator}prisma${separator}schema.prisma`, `${directory}${separator}schema.prisma`]) {
      if (host.fileExists(candidate)) return candidate;
    }
    if (host.fileExists(`${directory}${separator}package.json`)) return undefined;
    const parent = directory.slice(0, Math.max(0, directory.lastIndexOf(separator)));
    if (parent === directory) break;
    directory = parent;
  }
  return undefined;
}
