/**
 * Finding and loading the FG's catalogue for a linted file. This is the only module of the plugin that touches the
 * file system: the core reads files only through the `CatalogueHost` given here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCatalogue, findPrismaSchema, hasErrors, loadCatalogue, type Catalogue, type CatalogueHost, type PrismaSchemaText, type Problem } from '@avglint/rules';

/** What the plugin reads from `settings.avglint` in the ESLint config. */
export interface AvglintSettings {
  /** The catalogue file: absolute, or relative to ESLint's working directory. */
  readonly catalogue?: string;
}

export interface CatalogueResolution {
  /** Present when the catalogue loaded without errors. */
  readonly catalogue?: Catalogue;
  /** Every problem with the catalogue; non-empty with an error (or a missing file) when `catalogue` is absent. */
  readonly problems: readonly Problem[];
  /** The catalogue file that was (or should have been) read; absent when none was found upward. */
  readonly file?: string;
}

export const fsHost: CatalogueHost = {
  readFile(fileName) {
    try {
      return fs.readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists(fileName) {
    try {
      return fs.statSync(fileName).isFile();
    } catch {
      return false;
    }
  },
};

interface CacheEntry {
  /** Modification times of every file the catalogue was read from (the file and what it extends), in order. */
  readonly stamps: readonly (number | undefined)[];
  readonly files: readonly string[];
  readonly resolution: CatalogueResolution;
}

/** By catalogue path. An entry is reused while none of its files changed, so a long ESLint run parses YAML once. */
const cache = new Map<string, CacheEntry>();

function mtime(fileName: string): number | undefined {
  try {
    return fs.statSync(fileName).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Reads `settings.avglint` without trusting its shape: a config is user input. */
export function readSettings(settings: Readonly<Record<string, unknown>>): AvglintSettings {
  const avglint = settings['avglint'];
  if (typeof avglint !== 'object' || avglint === null) return {};
  const catalogue = (avglint as Record<string, unknown>)['catalogue'];
  return typeof catalogue === 'string' && catalogue !== '' ? { catalogue } : {};
}

/**
 * The catalogue for `fileName`: the one the settings name, else the nearest `avglint.catalogue.yaml` upward from the
 * file. Never throws; a missing or broken catalogue comes back as problems.
 */
export function resolveCatalogue(fileName: string, cwd: string, settings: AvglintSettings): CatalogueResolution {
  const configured = settings.catalogue === undefined ? undefined : path.resolve(cwd, settings.catalogue);
  const file = configured ?? findCatalogue(path.resolve(cwd, fileName), fsHost);
  if (file === undefined) return { problems: [missingProblem(path.resolve(cwd, fileName))] };
  return { ...loadCached(file), file };
}

function loadCached(file: string): CatalogueResolution {
  const cached = cache.get(file);
  if (cached !== undefined && cached.files.every((f, i) => mtime(f) === cached.stamps[i])) return cached.resolution;
  if (!fsHost.fileExists(file)) {
    // Not cached: the FG may be about to create it, and checking again is one stat call.
    cache.delete(file);
    return { problems: [notFoundProblem(file)] };
  }
  // The loader finds the repository root that `extends` may not leave (nearest `.git` or `package.json`) itself.
  const loaded = loadCatalogue(file, fsHost, { now: new Date() });
  const usable = loaded.catalogue !== undefined && !hasErrors(loaded.problems);
  const resolution: CatalogueResolution = usable ? { catalogue: loaded.catalogue, problems: loaded.problems } : { problems: withError(file, loaded.problems) };
  const files = loaded.catalogue?.files ?? [file];
  cache.set(file, { files, stamps: files.map(mtime), resolution });
  return resolution;
}

/** A loader that found nothing wrong yet returned no catalogue must still fail the run, with a position. */
function withError(file: string, problems: readonly Problem[]): readonly Problem[] {
  if (hasErrors(problems)) return problems;
  return [
    ...problems,
    { file, line: 1, column: 1, severity: 'error', code: 'catalogue/unusable', message: 'The catalogue could not be loaded.', hint: 'Run `npx avglint catalogue check` on it for details.' },
  ];
}

function missingProblem(linted: string): Problem {
  return {
    file: linted,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'catalogue/not-found',
    message: `No avglint.catalogue.yaml found in ${path.dirname(linted)} or any directory above it.`,
    hint: 'Run `npx avglint init` to create one (or put the FG\'s catalogue at the project root), or point `settings.avglint.catalogue` in the ESLint config at it.',
  };
}

function notFoundProblem(file: string): Problem {
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'catalogue/not-found',
    message: `The catalogue ${file} does not exist.`,
    hint: 'Fix `settings.avglint.catalogue` in the ESLint config (absolute, or relative to the directory ESLint runs in).',
  };
}

/** `file:line:col: message (hint)`, one per line: what ESLint shows for a broken catalogue. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} (${p.hint})`).join('\n');
}

/** The Prisma schema found for each directory, and each schema's text by path with the mtime it was read at. */
const schemaByDirectory = new Map<string, string | undefined>();
const schemaTexts = new Map<string, { readonly stamp: number | undefined; readonly schema: PrismaSchemaText | undefined }>();

/**
 * The project's Prisma schema for a linted file (`prisma/schema.prisma` or `schema.prisma` upward to the package root),
 * read here so the core can cover Prisma Client writes with the models' `/// @retention`. Never throws.
 */
export function prismaSchemaFor(fileName: string): PrismaSchemaText | undefined {
  const directory = path.dirname(fileName);
  let schemaFile = schemaByDirectory.get(directory);
  if (!schemaByDirectory.has(directory)) {
    schemaFile = findPrismaSchema(fileName, fsHost);
    schemaByDirectory.set(directory, schemaFile);
  }
  if (schemaFile === undefined) return undefined;
  const stamp = mtime(schemaFile);
  const cached = schemaTexts.get(schemaFile);
  if (cached && cached.stamp === stamp) return cached.schema;
  const text = fsHost.readFile(schemaFile);
  const schema = text === undefined ? undefined : { fileName: schemaFile, text };
  schemaTexts.set(schemaFile, { stamp, schema });
  return schema;
}
