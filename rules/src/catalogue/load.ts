/**
 * The catalogue loader: YAML text → structure check (JSON Schema) → `extends` → meaning check → Catalogue.
 *
 * The loader reads files only through the host it is given (the core does no I/O), never runs anything written in a
 * catalogue, never fetches anything (extends takes relative paths only), and never throws: every mistake, and any
 * unexpected failure, comes back as a Problem with a file, a 1-based line and column, and a hint for the FG.
 */
import * as path from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Problem } from '../problem';
import { DEFAULT_LOCALE, isLocale, type Catalogue, type Locale } from './model';
import { buildCatalogue, checkMeaning, emptyEntries, entriesOf, mergeEntries, type MergedEntries } from './meaning';
import { problemText, renderProblem, type CatalogueText, type FileRefusal, type PendingProblem } from './problemText';
import { checkStructure } from './schemaCheck';
import { locate, parseSource, problemAt, START_OF_FILE, type SourceFile } from './source';

export type { FileRefusal } from './problemText';

export { allowedCatalogueKeys, describeCatalogueKey, CATALOGUE_SCHEMA } from './schema';
export { parseDuration, parseIsoDate, type ParsedDuration } from './duration';

/** How the loader reads files. The CLI passes one backed by the file system; the editor one that sees unsaved text. */
export interface CatalogueHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
  /**
   * Why `fileName` may not be read as a catalogue of the repository at `root`, or undefined when it may (or does not
   * exist: `readFile` reports that). The loader asks before it reads any catalogue file, the main one and every file
   * it extends. A host on a real file system compares real paths here — a symbolic link inside the repository that
   * leads out of it is refused — and refuses what is not a regular file or is too large (`@avglint/node` does all
   * three, for every host). The loader's own check of the written path is lexical only.
   */
  refusal?(fileName: string, root: string): FileRefusal | undefined;
}

/**
 * Whether `file` is `root` itself or lies below it, by the written path. Only a real `..` segment leaves a folder: a
 * folder named `..gen` is inside.
 */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !relative.startsWith('../'));
}

export interface LoadCatalogueOptions {
  /**
   * The repository root: `extends` may not reach outside it. Without it, the loader takes the nearest directory
   * upward from the catalogue that holds `.git` or `package.json` (asked through the host), else the catalogue's own
   * directory.
   */
  readonly root?: string;
  /** Today, to report agreements that have ended. Without it that check is skipped: the core has no clock. */
  readonly now?: Date;
  /**
   * The language of the problems, when the host has one of its own (`--locale`, the editor's setting). Without it
   * the catalogue's own `settings.locale`, read even when other parts of the file are wrong, else English.
   */
  readonly locale?: Locale;
}

export interface LoadCatalogueResult {
  /** Present only when there is no problem of severity `error`. */
  readonly catalogue?: Catalogue;
  /** Every problem found, sorted by file, line and column. */
  readonly problems: readonly Problem[];
  /** The language the problems are in: the host's `locale`, else the catalogue's `settings.locale`, else English. */
  readonly locale: Locale;
}

/** The names the loader looks for, nearest directory first. */
export const CATALOGUE_FILE_NAMES = ['avglint.catalogue.yaml', 'avglint.catalogue.yml'] as const;

/** Finds the nearest catalogue file in `fromFile`'s directory (or `fromFile` itself, if it is one) or any parent. */
export function findCatalogue(fromFile: string, host: CatalogueHost): string | undefined {
  try {
    let directory = path.normalize(fromFile);
    for (;;) {
      for (const name of CATALOGUE_FILE_NAMES) {
        const candidate = path.join(directory, name);
        if (host.fileExists(candidate)) return candidate;
      }
      const parent = path.dirname(directory);
      if (parent === directory) return undefined;
      directory = parent;
    }
  } catch {
    return undefined;
  }
}

/** Loads the catalogue in `fileName`, and the files it extends, through `host`. */
export function loadCatalogue(fileName: string, host: CatalogueHost, options: LoadCatalogueOptions = {}): LoadCatalogueResult {
  // Nothing of a file that is refused or cannot be read is known, its `settings.locale` neither.
  const locale = options.locale ?? DEFAULT_LOCALE;
  const refused = refusalOfMain(fileName, host, options);
  if (refused !== undefined) return { problems: [renderProblem(refused, locale)], locale };
  let text: string | undefined;
  try {
    text = host.readFile(fileName);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    return { problems: [renderProblem(problemAt({ file: fileName }, START_OF_FILE, 'error', 'catalogue/not-found', problemText('notReadable', { file: fileName })), locale)], locale };
  }
  return loadText(fileName, text, host, options);
}

/**
 * The host's refusal of the main catalogue file as a problem at 1:1 (nothing inside a refused file is read, so there
 * is nothing better to point at).
 */
function refusalOfMain(fileName: string, host: CatalogueHost, options: LoadCatalogueOptions): PendingProblem | undefined {
  try {
    const file = path.normalize(fileName);
    const refusal = host.refusal?.(file, path.normalize(options.root ?? repositoryRoot(file, host)));
    return refusal === undefined ? undefined : problemAt({ file: fileName }, START_OF_FILE, 'error', `catalogue/${refusal.reason}`, problemText('refusedMain', { file: fileName, refusal }));
  } catch {
    return undefined;
  }
}

/** Loads a catalogue from text the caller already has (the editor's unsaved buffer); extended files come from `host`. */
export function loadCatalogueFromText(fileName: string, text: string, host: CatalogueHost, options: LoadCatalogueOptions = {}): LoadCatalogueResult {
  // The buffer of a file that leads out of the repository is refused like the file itself.
  const refused = refusalOfMain(fileName, host, options);
  if (refused === undefined) return loadText(fileName, text, host, options);
  const locale = options.locale ?? DEFAULT_LOCALE;
  return { problems: [renderProblem(refused, locale)], locale };
}

function loadText(fileName: string, text: string, host: CatalogueHost, options: LoadCatalogueOptions): LoadCatalogueResult {
  const problems: PendingProblem[] = [];
  let catalogue: Catalogue | undefined;
  let written: Locale | undefined;
  try {
    const file = path.normalize(fileName);
    const root = path.normalize(options.root ?? repositoryRoot(file, host));
    const loader = new Loader(host, root, problems);
    const entries = loader.load(file, text, []);
    // The settings in force (the main file's, else the base's it extends), else the main file's scalar as written.
    written = entries.settings !== undefined ? localeIn(entries.settings.value) : loader.mainLocale;
    checkMeaning(entries, problems, options.now ? { now: options.now } : {});
    if (!problems.some((p) => p.severity === 'error')) {
      catalogue = buildCatalogue(entries, loader.files, path.dirname(file));
    }
  } catch (error) {
    problems.push(problemAt({ file: fileName }, START_OF_FILE, 'error', 'catalogue/internal-error', problemText('internalError', { error: error instanceof Error ? error.message : String(error) })));
    catalogue = undefined;
  }
  const locale = options.locale ?? written ?? DEFAULT_LOCALE;
  const sorted = sortProblems(problems.map((p) => renderProblem(p, locale)));
  return catalogue ? { catalogue, problems: sorted, locale } : { problems: sorted, locale };
}

function localeIn(settings: Readonly<Record<string, unknown>>): Locale | undefined {
  const locale = settings['locale'];
  return isLocale(locale) ? locale : undefined;
}

/**
 * `settings.locale` as written in a file, read from its data, or from its YAML document when the data could not be
 * built (a syntax error elsewhere in the file): it is one scalar, and the FG should read even that mistake in Dutch.
 */
function writtenLocale(source: SourceFile): Locale | undefined {
  const data = source.data;
  if (data !== undefined) {
    const settings = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['settings'] : undefined;
    return settings !== null && typeof settings === 'object' && !Array.isArray(settings) ? localeIn(settings as Record<string, unknown>) : undefined;
  }
  try {
    const contents = source.document.contents;
    const settings = isMap(contents) ? contents.get('settings', true) : undefined;
    const locale = isMap(settings) ? settings.get('locale', true) : undefined;
    return isScalar(locale) && isLocale(locale.value) ? locale.value : undefined;
  } catch {
    return undefined;
  }
}

function repositoryRoot(file: string, host: CatalogueHost): string {
  let directory = path.dirname(file);
  for (;;) {
    if (host.fileExists(path.join(directory, '.git')) || host.fileExists(path.join(directory, 'package.json'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return path.dirname(file);
    directory = parent;
  }
}

function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Loads one file and, first, the files it extends; remembers each file once so a shared base is read once. */
class Loader {
  readonly files: string[] = [];
  /** The main file's `settings.locale` as written, when it could be read. */
  mainLocale: Locale | undefined;
  private readonly done = new Map<string, MergedEntries>();

  constructor(
    private readonly host: CatalogueHost,
    private readonly root: string,
    private readonly problems: PendingProblem[],
  ) {}

  load(file: string, text: string, stack: readonly string[]): MergedEntries {
    this.files.push(file);
    const source = parseSource(file, text, this.problems);
    if (stack.length === 0) this.mainLocale = writtenLocale(source);
    if (source.data === undefined) return emptyEntries();
    checkStructure(source, this.problems);
    let merged = emptyEntries();
    for (const base of this.bases(source, [...stack, file])) merged = mergeEntries(merged, base);
    const result = mergeEntries(merged, entriesOf(source));
    this.done.set(file, result);
    return result;
  }

  /** The merged entries of each file `source` extends, in the order written (later ones win over earlier ones). */
  private bases(source: SourceFile, stack: readonly string[]): MergedEntries[] {
    const data = source.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
    const written = (data as Record<string, unknown>)['extends'];
    const list = typeof written === 'string' ? [{ value: written, at: ['extends'] }] : Array.isArray(written) ? written.map((value: unknown, index) => ({ value, at: ['extends', index] })) : [];
    const result: MergedEntries[] = [];
    for (const { value, at } of list) {
      if (typeof value !== 'string' || value === '') continue;
      const report = (code: string, text: CatalogueText): void => {
        this.problems.push(problemAt(source, locate(source, at), 'error', code, text));
      };
      if (URL_LIKE.test(value) || value.startsWith('//')) {
        report('catalogue/extends-not-relative', problemText('extendsWebAddress', { value }));
        continue;
      }
      if (path.isAbsolute(value) || path.win32.isAbsolute(value) || value.startsWith('~')) {
        report('catalogue/extends-not-relative', problemText('extendsAbsolute', { value }));
        continue;
      }
      if (!/\.ya?ml$/i.test(value)) {
        report('catalogue/extends-not-yaml', problemText('extendsNotYaml', { value }));
        continue;
      }
      const target = path.normalize(path.join(path.dirname(source.file), value));
      if (target === this.root || !isInside(this.root, target)) {
        report('catalogue/extends-outside-root', problemText('extendsOutsideRoot', { value, root: this.root }));
        continue;
      }
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].map((f) => path.basename(f)).join(' → ');
        report('catalogue/extends-cycle', problemText('extendsCycle', { cycle }));
        continue;
      }
      const cached = this.done.get(target);
      if (cached) {
        result.push(cached);
        continue;
      }
      // The written path stays inside; the host checks where it really leads (symbolic links) and what it is.
      let refusal: FileRefusal | undefined;
      try {
        refusal = this.host.refusal?.(target, this.root);
      } catch {
        refusal = undefined;
      }
      if (refusal !== undefined) {
        report(`catalogue/extends-${refusal.reason}`, problemText('extendsRefused', { value, refusal }));
        continue;
      }
      let text: string | undefined;
      try {
        text = this.host.fileExists(target) ? this.host.readFile(target) : undefined;
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        report('catalogue/extends-missing', problemText('extendsMissing', { value, target }));
        continue;
      }
      result.push(this.load(target, text, stack));
    }
    return result;
  }
}
