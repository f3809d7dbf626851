/**
 * The catalogue for a linted file, through the Node layer every host shares (`@avglint/node`): the configured file or
 * the nearest one upward, the repository root, the real-path rule and the "no catalogue" problem all live there. The
 * plugin only reads its settings and keeps one cache for the ESLint process.
 */
import * as path from 'node:path';
import { CatalogueCache, FileStamps, networkPackagesFor, PrismaSchemas, WindowedAnswers, type CatalogueResolution } from '@avglint/node';
import { isLocale, type Locale, type PrismaSchemaText } from '@avglint/rules';

export type { CatalogueResolution } from '@avglint/node';

/** What the plugin reads from `settings.avglint` in the ESLint config. */
export interface AvglintSettings {
  /** The catalogue file: absolute, or relative to ESLint's working directory. */
  readonly catalogue?: string;
  /** The language of messages; the catalogue's `settings.locale` when absent. */
  readonly locale?: Locale;
}

/** How the hint of the "no catalogue" problem names this host's setting. */
export const CATALOGUE_SETTING = '`settings.avglint.catalogue` in the ESLint config';

/**
 * How old what the plugin read from the catalogue, package.json or Prisma schema may be. ESLint asks for every file it
 * lints, and four stats per file were a tenth of the plugin's time in a project lint; a file saved on disk is still
 * seen by the first lint that starts a second later (an editor lints again only after the next edit). Half of it is
 * the window of each `stat`, half that of the answers per folder made from them (`folderFacts`).
 */
const RECHECK_AFTER_MS = 1000;

/** The stamps every cache of this ESLint process compares. */
export const stamps = new FileStamps(RECHECK_AFTER_MS / 2);

/** One cache per ESLint process: a long run parses the YAML once, and a changed or deleted file is noticed. */
const cache = new CatalogueCache(stamps);

/** Reads `settings.avglint` without trusting its shape: a config is user input. */
export function readSettings(settings: Readonly<Record<string, unknown>>): AvglintSettings {
  const avglint = settings['avglint'];
  if (typeof avglint !== 'object' || avglint === null) return {};
  const catalogue = (avglint as Record<string, unknown>)['catalogue'];
  const locale = (avglint as Record<string, unknown>)['locale'];
  return { ...(typeof catalogue === 'string' && catalogue !== '' ? { catalogue } : {}), ...(isLocale(locale) ? { locale } : {}) };
}

/**
 * The catalogue for `fileName`: the one the settings name, else the nearest `avglint.catalogue.yaml` upward from the
 * file. Never throws; a missing or broken catalogue comes back as problems.
 */
export function resolveCatalogue(fileName: string, cwd: string, settings: AvglintSettings): CatalogueResolution {
  const configured = settings.catalogue === undefined ? undefined : path.resolve(cwd, settings.catalogue);
  return cache.resolve(path.resolve(cwd, fileName), { ...(configured !== undefined ? { configured } : {}), setting: CATALOGUE_SETTING, now: new Date(), ...(settings.locale !== undefined ? { locale: settings.locale } : {}) });
}

/** One per ESLint process, like the catalogue cache. */
const prismaSchemas = new PrismaSchemas(stamps);

/**
 * The project's Prisma schema for a linted file (`prisma/schema.prisma` or `schema.prisma` upward to the package root),
 * read by the Node layer so the core can cover Prisma Client writes with the models' `/// @retention`. Never throws.
 */
export function prismaSchemaFor(fileName: string): PrismaSchemaText | undefined {
  return prismaSchemas.for(fileName);
}

/** What every linted file of one folder shares, for one `settings` of the ESLint config. */
export interface FolderFacts {
  readonly settings: AvglintSettings;
  readonly resolution: CatalogueResolution;
  /** The npm packages of the folder's package that can reach the network (asked on the first analysis). */
  networkPackages(): ReadonlySet<string>;
  /** The folder's Prisma schema (asked on the first analysis). */
  prismaSchema(): PrismaSchemaText | undefined;
}

/** By ESLint's settings object (one per combination of config objects), then by working directory and folder. */
const folders = new WeakMap<object, WindowedAnswers<FolderFacts>>();

/**
 * The settings, catalogue, network packages and Prisma schema for a linted file (absolute), shared by the files of its
 * folder for half of `RECHECK_AFTER_MS`: all of them are found from the folder upward. Reading them for every file was
 * a third of the plugin's own time outside the analysis (path arithmetic, map lookups and a `stat` window check for
 * each, four times per file). A folder with no usable catalogue is not kept: its problem names the linted file.
 */
export function folderFacts(fileName: string, cwd: string, settings: Readonly<Record<string, unknown>>): FolderFacts {
  let answers = folders.get(settings);
  if (answers === undefined) folders.set(settings, (answers = new WindowedAnswers(RECHECK_AFTER_MS / 2)));
  const key = `${cwd}\0${path.dirname(fileName)}`;
  const facts = answers.get(key, () => {
    const read = readSettings(settings);
    let packages: ReadonlySet<string> | undefined;
    let schema: { readonly value: PrismaSchemaText | undefined } | undefined;
    return {
      settings: read,
      resolution: resolveCatalogue(fileName, cwd, read),
      networkPackages: () => (packages ??= networkPackagesFor(fileName, stamps)),
      prismaSchema: () => (schema ??= { value: prismaSchemaFor(fileName) }).value,
    };
  });
  if (facts.resolution.catalogue === undefined) answers.forget(key);
  return facts;
}
