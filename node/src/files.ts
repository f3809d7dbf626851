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

/** `12.3 MB`, for messages about the size limit. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
