/**
 * The catalogue for a linted file, through the Node layer every host shares (`@avglint/node`): the configured file or
 * the nearest one upward, the repository root, the real-path rule and the "no catalogue" problem all live there. The
 * plugin only reads its settings and keeps one cache for the ESLint process.
 */
import * as path from 'node:path';
import { CatalogueCache, FileStamps, PrismaSchemas, type CatalogueResolution } from '@avglint/node';
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
 * How long a `stat` of the catalogue, package.json or Prisma schema is trusted. ESLint asks for every file it lints,
 * and four stats per file were a tenth of the plugin's time in a project lint; a file saved on disk is still seen by
 * the first lint that starts a second later (an editor lints again only after the next edit).
 */
const RECHECK_AFTER_MS = 1000;

/** The stamps every cache of this ESLint process compares. */
export const stamps = new FileStamps(RECHECK_AFTER_MS);

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
