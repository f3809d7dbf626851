/**
 * The FG's catalogue on disk, for every host: the file-system CatalogueHost (with the real-path rule), finding the
 * catalogue upward from a file, loading it with the repository root, the one "no catalogue" problem, and a cache that
 * notices when a catalogue file changes or disappears.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  catalogueProblem,
  DEFAULT_LOCALE,
  findCatalogue,
  hasErrors,
  loadCatalogue,
  type Catalogue,
  type CatalogueHost,
  type FileRefusal,
  type LoadCatalogueResult,
  type Locale,
  type Problem,
  problemText,
} from '@avglint/rules';
import { EXACT_STAMPS, type FileStamps, isRegularFile, MAX_CATALOGUE_BYTES, megabytes, readTextFile } from './files';
import { findRepositoryRoot, realPathOutside } from './root';

/**
 * Why a catalogue file may not be read, checked before any byte of it is: its real path must lie inside the real
 * repository root (a committed symbolic link must not make avglint read `/etc/passwd` or a user's key), and it must be
 * a regular file within the size limit. Nothing of the file's content is ever put in the message.
 */
export function catalogueRefusal(fileName: string, root: string): FileRefusal | undefined {
  const outside = realPathOutside(root, fileName);
  if (outside !== undefined) {
    return { reason: 'outside-root', leadsTo: outside, root };
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(fileName);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) {
    return { reason: 'not-a-file', name: path.basename(fileName) };
  }
  if (stat.size > MAX_CATALOGUE_BYTES) {
    return { reason: 'too-large', name: path.basename(fileName), size: megabytes(stat.size), limit: megabytes(MAX_CATALOGUE_BYTES) };
  }
  return undefined;
}

/** The CatalogueHost on the real file system that every host uses (the editor puts its unsaved text in front of it). */
export const nodeCatalogueHost: CatalogueHost = {
  readFile: (fileName) => readTextFile(fileName, MAX_CATALOGUE_BYTES),
  fileExists: isRegularFile,
  refusal: catalogueRefusal,
};

/** The nearest `avglint.catalogue.yaml` (or `.yml`) in `from`'s directory (or `from`, a directory) or any above it. */
export function locateCatalogue(from: string, host: CatalogueHost = nodeCatalogueHost): string | undefined {
  return findCatalogue(path.resolve(from), host);
}

/** Loads a catalogue from disk, with the repository root that `extends` may not leave found from the file itself. */
export function loadCatalogueFile(file: string, options: { readonly now?: Date; readonly root?: string; readonly host?: CatalogueHost; readonly locale?: Locale } = {}): LoadCatalogueResult {
  const root = options.root ?? findRepositoryRoot(file);
  return loadCatalogue(file, options.host ?? nodeCatalogueHost, { root, ...(options.now !== undefined ? { now: options.now } : {}), ...(options.locale !== undefined ? { locale: options.locale } : {}) });
}

/** How a host lets the user name the catalogue, for the hint of the "no catalogue" problem. */
export type CatalogueSetting = string;

/** The one "no catalogue" problem of every host: nothing found upward from `from` (a file or a directory). */
export function catalogueNotFound(from: string, setting: CatalogueSetting, locale: Locale = DEFAULT_LOCALE): Problem {
  const directory = fs.existsSync(from) && fs.statSync(from).isDirectory() ? from : path.dirname(from);
  return catalogueProblem({ file: from, line: 1, column: 1, severity: 'error', code: 'catalogue/not-found' }, problemText('notFound', { directory, setting }), locale);
}

/** The one "no catalogue" problem when the catalogue a setting names does not exist. */
export function configuredCatalogueNotFound(file: string, setting: CatalogueSetting, locale: Locale = DEFAULT_LOCALE): Problem {
  return catalogueProblem({ file, line: 1, column: 1, severity: 'error', code: 'catalogue/not-found' }, problemText('configuredNotFound', { file, setting }), locale);
}

export interface CatalogueResolution {
  /** Present when the catalogue loaded without errors. */
  readonly catalogue?: Catalogue;
  /** Every problem with the catalogue; holds an error whenever `catalogue` is absent. */
  readonly problems: readonly Problem[];
  /**
   * The language the problems are in: the host's `locale`, else the catalogue's `settings.locale` when it could be
   * read, else English. Hosts say their own words about a broken catalogue in it too.
   */
  readonly locale: Locale;
  /** The catalogue file that was (or should have been) read; absent when none was found upward. */
  readonly file?: string;
}

export interface ResolveOptions {
  /** An absolute catalogue path the user configured; else the search runs upward from `from`. */
  readonly configured?: string;
  /** How the host's setting is written, such as `settings.avglint.catalogue in the ESLint config`. */
  readonly setting: CatalogueSetting;
  readonly now?: Date;
  /** The repository root, when the user gave it; else the nearest one above the catalogue. */
  readonly root?: string;
  /** The host's own language (`--locale`, the editor's setting); else the catalogue's `settings.locale`, else English. */
  readonly locale?: Locale;
}

/**
 * The catalogue for a file or directory, never throwing: the configured one or the nearest upward, loaded, or the
 * problems that say why there is none. A loader that found no error yet returned nothing still yields an error.
 */
export function resolveCatalogue(from: string, options: ResolveOptions): CatalogueResolution {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const file = options.configured ?? locateCatalogue(from);
  if (file === undefined) return { problems: [catalogueNotFound(from, options.setting, locale)], locale };
  if (!fs.existsSync(file)) return { file, problems: [configuredCatalogueNotFound(file, options.setting, locale)], locale };
  const loaded = loadCatalogueFile(file, options);
  if (loaded.catalogue !== undefined && !hasErrors(loaded.problems)) return { file, catalogue: loaded.catalogue, problems: loaded.problems, locale: loaded.locale };
  return { file, problems: withError(file, loaded.problems, loaded.locale), locale: loaded.locale };
}

function withError(file: string, problems: readonly Problem[], locale: Locale): readonly Problem[] {
  if (hasErrors(problems)) return problems;
  return [...problems, catalogueProblem({ file, line: 1, column: 1, severity: 'error', code: 'catalogue/unusable' }, problemText('unusable', {}), locale)];
}

/** Modification times of files, in order; a file that is gone has none. */
export function stampsOf(files: readonly string[], fresh: FileStamps = EXACT_STAMPS): readonly (number | undefined)[] {
  return files.map((file) => fresh.modifiedTime(file));
}

/** Whether any of `files` changed, appeared or disappeared since `stamps` were taken. */
export function stampsChanged(files: readonly string[], stamps: readonly (number | undefined)[], fresh: FileStamps = EXACT_STAMPS): boolean {
  return files.some((file, i) => fresh.modifiedTime(file) !== stamps[i]);
}

/**
 * Resolutions by catalogue file, reused while none of the files read for it (the catalogue and what it extends)
 * changed on disk — one `stat` per file per use, or per window with a host's `FileStamps`. A long ESLint run parses
 * the YAML once; a deleted catalogue is noticed at the next use (after the window), without any file-change event.
 */
export class CatalogueCache {
  constructor(
    /** How fresh the files' stamps must be: every use (the default) or a host's window (see `FileStamps`). */
    private readonly stamps: FileStamps = EXACT_STAMPS,
  ) {}

  /** By locale and catalogue file. */
  private readonly entries = new Map<string, { readonly files: readonly string[]; readonly stamps: readonly (number | undefined)[]; readonly resolution: CatalogueResolution }>();
  /** Directory → the catalogue found upward from it, searched again when that file disappears (a miss is not kept). */
  private readonly located = new Map<string, string>();

  resolve(from: string, options: ResolveOptions): CatalogueResolution {
    const file = options.configured ?? this.locate(from);
    if (file === undefined) {
      const locale = options.locale ?? DEFAULT_LOCALE;
      return { problems: [catalogueNotFound(from, options.setting, locale)], locale };
    }
    // The problems are in the host's locale: one resolution per catalogue file and locale.
    const key = `${options.locale ?? ''}\0${file}`;
    const cached = this.entries.get(key);
    if (cached !== undefined && !stampsChanged(cached.files, cached.stamps, this.stamps)) return cached.resolution;
    const resolution = resolveCatalogue(from, { ...options, configured: file });
    if (resolution.catalogue === undefined && resolution.problems.some((p) => p.code === 'catalogue/not-found')) {
      // Not cached: the FG may be about to create it, and checking again is one stat call.
      this.entries.delete(key);
      return resolution;
    }
    const files = resolution.catalogue?.files ?? [file];
    this.entries.set(key, { files, stamps: stampsOf(files, this.stamps), resolution });
    return resolution;
  }

  private locate(from: string): string | undefined {
    const directory = path.dirname(path.resolve(from));
    const known = this.located.get(directory);
    if (known !== undefined && this.stamps.isRegularFile(known)) return known;
    const found = locateCatalogue(from);
    if (found === undefined) this.located.delete(directory);
    else this.located.set(directory, found);
    return found;
  }

  clear(): void {
    this.entries.clear();
    this.located.clear();
  }
}
