/**
 * Reading files safely. Every host reads catalogues and source files through here, so no host can hang on a pipe,
 * read a device, or load a file of gigabytes: only regular files are read, up to a size limit, and what went wrong is
 * a reason the caller turns into a positioned problem.
 */
import * as fs from 'node:fs';

/** A catalogue is a few hundred kilobytes; 16 MiB leaves room for a very large group catalogue and nothing absurd. */
export const MAX_CATALOGUE_BYTES = 16 * 1024 * 1024;
/** Hand-written and generated source files alike stay far below this; beyond it TypeScript itself struggles. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

export type ReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: ReadFailure; /** Bytes, for `too-large`. */ readonly size?: number };

// Opening a FIFO for reading blocks until a writer appears; non-blocking, the open returns and fstat says what it is.
// Windows has no O_NONBLOCK (and no FIFOs in the file system).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The text of `fileName` (UTF-8) when it is a regular file of at most `maxBytes` bytes. Follows symbolic links (the
 * caller decides where a link may lead, see `realPathOutside`); checks the type on the open descriptor, so a file
 * swapped for a pipe between a check and the read is still refused.
 */
export function readRegularFile(fileName: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(fileName, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'not-a-file' : 'unreadable' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
    // The size may change while reading; never read more than one byte past the limit.
    const limit = maxBytes + 1;
    let buffer = Buffer.allocUnsafe(Math.min(stat.size + 1, limit));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length >= limit) break;
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    fs.closeSync(fd);
  }
}

/** The text, or undefined for any failure: for hosts whose interface has no room for a reason. */
export function readTextFile(fileName: string, maxBytes: number = MAX_SOURCE_BYTES): string | undefined {
  const result = readRegularFile(fileName, maxBytes);
  return result.ok ? result.text : undefined;
}

/** Whether `fileName` is a regular file (following links). */
export function isRegularFile(fileName: string): boolean {
  try {
    // `throwIfNoEntry: false`: a missing file (most probes, such as a Prisma schema looked for in every folder) answers
    // without building an exception and its stack trace.
    return fs.statSync(fileName, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function isDirectory(fileName: string): boolean {
  try {
    return fs.statSync(fileName, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** The modification time in milliseconds, or undefined when the file is gone: a cache's stamp. */
export function modifiedTime(fileName: string): number | undefined {
  try {
    return fs.statSync(fileName, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}

/** What one `stat` says about a file: its stamp and whether it is a regular file. */
interface Stat {
  /** When it was asked (the clock of `FileStamps`). */
  readonly at: number;
  readonly modified: number | undefined;
  readonly regular: boolean;
}

/**
 * The stamps the hosts' caches compare (catalogue, package.json, Prisma schema), each `stat` trusted for
 * `recheckAfterMs` after it was made. With 0 (`EXACT_STAMPS`) every question is a new `stat`, so a change is seen at the
 * very next use. A long-running host that asks for every file it lints (the ESLint plugin: four stats per linted
 * file, a tenth of its time in a project lint) takes a window: a file changed on disk is then seen at the first use
 * after the window, which is shorter than it takes a person to save a file and lint again.
 */
export class FileStamps {
  private readonly checked = new Map<string, Stat>();

  constructor(
    private readonly recheckAfterMs: number,
    /** Milliseconds; tests pass their own. */
    private readonly clock: () => number = Date.now,
  ) {}

  /** Like `modifiedTime`. */
  modifiedTime(fileName: string): number | undefined {
    return this.stat(fileName).modified;
  }

  /** Like `isRegularFile`. */
  isRegularFile(fileName: string): boolean {
    return this.stat(fileName).regular;
  }

  private stat(fileName: string): Stat {
    if (this.recheckAfterMs <= 0) return statNow(fileName, 0);
    const now = this.clock();
    const known = this.checked.get(fileName);
    if (known !== undefined && now - known.at < this.recheckAfterMs && now >= known.at) return known;
    const fresh = statNow(fileName, now);
    this.checked.set(fileName, fresh);
    return fresh;
  }
}

/**
 * Answers a host derives from files on disk, by key, each kept for `windowMs` after it was made and then made again:
 * what every file of one folder shares (its catalogue, its package's network packages, its Prisma schema). The ESLint
 * plugin asks for every file it lints; made from `FileStamps` with a window of their own, an answer is at most the
 * two windows old. A clock that goes back makes the answer again, as in `FileStamps`.
 */
export class WindowedAnswers<V> {
  private readonly answers = new Map<string, { readonly at: number; readonly value: V }>();

  constructor(
    private readonly windowMs: number,
    /** Milliseconds; tests pass their own. */
    private readonly clock: () => number = Date.now,
  ) {}

  /** The answer for `key` made less than the window ago, else `make()`'s, kept from now on. */
  get(key: string, make: () => V): V {
    const now = this.clock();
    const known = this.answers.get(key);
    if (known !== undefined && now - known.at < this.windowMs && now >= known.at) return known.value;
    const value = make();
    this.answers.set(key, { at: now, value });
    return value;
  }

  /** Forgets `key`: the next `get` makes its answer again. */
  forget(key: string): void {
    this.answers.delete(key);
  }
}

/** Every question a new `stat`: for hosts that analyse once (`avglint scan`) or are told of changes. */
export const EXACT_STAMPS = new FileStamps(0);

function statNow(fileName: string, at: number): Stat {
  try {
    const stat = fs.statSync(fileName, { throwIfNoEntry: false });
    return { at, modified: stat?.mtimeMs, regular: stat?.isFile() ?? false };
  } catch {
    return { at, modified: undefined, regular: false };
  }
}

/** `12.3 MB`, for messages about the size limit. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
