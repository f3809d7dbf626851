/**
 * The catalogue loader: YAML text → structure check (JSON Schema) → `extends` → meaning check → Catalogue.
 *
 * The loader reads files only through the host it is given (the core does no I/O), never runs anything written in a
 * catalogue, never fetches anything (extends takes relative paths only), and never throws: every mistake, and any
 * unexpected failure, comes back as a Problem with a file, a 1-based line and column, and a hint for the FG.
 */
import * as path from 'node:path';
import type { Problem } from '../problem';
import type { Catalogue } from './model';
import { buildCatalogue, checkMeaning, emptyEntries, entriesOf, mergeEntries, type MergedEntries } from './meaning';
import { checkStructure } from './schemaCheck';
import { locate, parseSource, problemAt, START_OF_FILE, type SourceFile } from './source';

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

/** A host's reason not to read a file, which the loader reports at the place the file was named. */
export interface FileRefusal {
  /** `outside-root`, `not-a-file` or `too-large`; the problem code is `catalogue/<reason>` (`catalogue/extends-<reason>` for an `extends` entry). */
  readonly reason: 'outside-root' | 'not-a-file' | 'too-large';
  /** What is wrong, in plain words, without the file's content. */
  readonly message: string;
  readonly hint: string;
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
}

export interface LoadCatalogueResult {
  /** Present only when there is no problem of severity `error`. */
  readonly catalogue?: Catalogue;
  /** Every problem found, sorted by file, line and column. */
  readonly problems: readonly Problem[];
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
  const refused = refusalOfMain(fileName, host, options);
  if (refused !== undefined) return { problems: [refused] };
  let text: string | undefined;
  try {
    text = host.readFile(fileName);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    return {
      problems: [
        problemAt(
          { file: fileName },
          START_OF_FILE,
          'error',
          'catalogue/not-found',
          `The catalogue file ${fileName} cannot be read.`,
          `Create \`${CATALOGUE_FILE_NAMES[0]}\` in the root of the repository (see docs/catalogue.md), or point the setting \`avglint.catalogue\` at the right file.`,
        ),
      ],
    };
  }
  return loadText(fileName, text, host, options);
}

/**
 * The host's refusal of the main catalogue file as a problem at 1:1 (nothing inside a refused file is read, so there
 * is nothing better to point at).
 */
function refusalOfMain(fileName: string, host: CatalogueHost, options: LoadCatalogueOptions): Problem | undefined {
  try {
    const file = path.normalize(fileName);
    const refusal = host.refusal?.(file, path.normalize(options.root ?? repositoryRoot(file, host)));
    return refusal === undefined ? undefined : problemAt({ file: fileName }, START_OF_FILE, 'error', `catalogue/${refusal.reason}`, `avglint does not read the catalogue ${fileName}: ${refusal.message}`, refusal.hint);
  } catch {
    return undefined;
  }
}

/** Loads a catalogue from text the caller already has (the editor's unsaved buffer); extended files come from `host`. */
export function loadCatalogueFromText(fileName: string, text: string, host: CatalogueHost, options: LoadCatalogueOptions = {}): LoadCatalogueResult {
  // The buffer of a file that leads out of the repository is refused like the file itself.
  const refused = refusalOfMain(fileName, host, options);
  return refused !== undefined ? { problems: [refused] } : loadText(fileName, text, host, options);
}

function loadText(fileName: string, text: string, host: CatalogueHost, options: LoadCatalogueOptions): LoadCatalogueResult {
  const problems: Problem[] = [];
  let catalogue: Catalogue | undefined;
  try {
    const file = path.normalize(fileName);
    const root = path.normalize(options.root ?? repositoryRoot(file, host));
    const loader = new Loader(host, root, problems);
    const entries = loader.load(file, text, []);
    checkMeaning(entries, problems, options.now ? { now: options.now } : {});
    if (!problems.some((p) => p.severity === 'error')) {
      catalogue = buildCatalogue(entries, loader.files, path.dirname(file));
    }
  } catch (error) {
    problems.push(
      problemAt(
        { file: fileName },
        START_OF_FILE,
        'error',
        'catalogue/internal-error',
        `avglint could not finish reading the catalogue: ${error instanceof Error ? error.message : String(error)}.`,
        'This is a fault in avglint, not in your catalogue. Please report it together with the catalogue file.',
      ),
    );
    catalogue = undefined;
  }
  const sorted = sortProblems(problems);
  return catalogue ? { catalogue, problems: sorted } : { problems: sorted };
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
  private readonly done = new Map<string, MergedEntries>();

  constructor(
    private readonly host: CatalogueHost,
    private readonly root: string,
    private readonly problems: Problem[],
  ) {}

  load(file: string, text: string, stack: readonly string[]): MergedEntries {
    this.files.push(file);
    const source = parseSource(file, text, this.problems);
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
      const report = (code: string, message: string, hint: string): void => {
        this.problems.push(problemAt(source, locate(source, at), 'error', code, message, hint));
      };
      if (URL_LIKE.test(value) || value.startsWith('//')) {
        report('catalogue/extends-not-relative', `\`extends\` points at \`${value}\`, which is a web address or a drive, not a relative path.`, 'Copy the base catalogue into the repository and write the path to it from this file, such as `../groep/base.avglint.catalogue.yaml`. avglint never fetches catalogues from the network.');
        continue;
      }
      if (path.isAbsolute(value) || path.win32.isAbsolute(value) || value.startsWith('~')) {
        report('catalogue/extends-not-relative', `\`extends\` points at \`${value}\`, an absolute path.`, 'Write the path from the folder of this file, such as `../groep/base.avglint.catalogue.yaml`, so it works on every computer.');
        continue;
      }
      if (!/\.ya?ml$/i.test(value)) {
        report('catalogue/extends-not-yaml', `\`extends\` points at \`${value}\`, which is not a YAML file.`, 'A catalogue can only extend another catalogue file ending in `.yaml` or `.yml`.');
        continue;
      }
      const target = path.normalize(path.join(path.dirname(source.file), value));
      if (target === this.root || !isInside(this.root, target)) {
        report('catalogue/extends-outside-root', `\`extends\` points at \`${value}\`, which is outside the repository (${this.root}).`, 'Put the base catalogue inside the repository, for example in a folder `groep/`, and point `extends` at it there.');
        continue;
      }
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].map((f) => path.basename(f)).join(' → ');
        report('catalogue/extends-cycle', `\`extends\` makes a loop: ${cycle}.`, 'A catalogue cannot extend itself, directly or through another file. Remove this `extends` entry or the one in the other file.');
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
        report(`catalogue/extends-${refusal.reason}`, `\`extends\` points at \`${value}\`: ${refusal.message}`, refusal.hint);
        continue;
      }
      let text: string | undefined;
      try {
        text = this.host.fileExists(target) ? this.host.readFile(target) : undefined;
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        report('catalogue/extends-missing', `\`extends\` points at \`${value}\`, but there is no such file (${target}).`, 'Check the spelling and the folder; the path is relative to the folder of this file.');
        continue;
      }
      result.push(this.load(target, text, stack));
    }
    return result;
  }
}
