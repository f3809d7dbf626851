/**
 * The one module of the server that touches Node's globals: the file system (through the Node layer every host shares,
 * `@avglint/node`), `process` and the module system. The rest of the server gets files through `FileSystem` and never
 * reaches for `fs` or `process` itself, so the server can run in-process under test and its I/O is in one place to
 * review (the server opens no network connection).
 */
import { inferredProjectFiles, inferredProjectRoot, isDirectory, isRegularFile, listSourceFiles, MAX_SOURCE_BYTES, readTextFile } from '@avglint/node';

export interface FileSystem {
  /** The text of a regular file within the source size limit, else undefined (a pipe or a device is never read). */
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
  directoryExists(directory: string): boolean;
  /** Source files under `directory`, skipping folders that never hold project sources (node_modules, dist, .git). */
  listSourceFiles(directory: string): string[];
  /** The folder of the inferred program for a file outside every tsconfig: the nearest package.json's, else its own. */
  inferredProjectRoot(fileName: string): string;
  /** The root files of the inferred program over that folder (its source files, bounded), with `fileName` among them. */
  inferredProjectFiles(root: string, fileName?: string): string[];
}

/** The Node layer's file system: the same safe reads and the same walk as the scanner and the ESLint plugin. */
export const nodeFileSystem: FileSystem = {
  readFile: (fileName) => readTextFile(fileName, MAX_SOURCE_BYTES),
  fileExists: isRegularFile,
  directoryExists: isDirectory,
  listSourceFiles,
  inferredProjectRoot,
  inferredProjectFiles,
};

/**
 * Keeps the process alive through a bug in one handler: an uncaught exception or unhandled rejection is logged, not
 * fatal. Only the stand-alone server installs this; an in-process server under test leaves the test runner's handlers alone.
 */
export function installCrashGuards(log: (message: string) => void): void {
  process.on('uncaughtException', (error) => log(`avglint: uncaught exception (the server keeps running): ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => log(`avglint: unhandled rejection (the server keeps running): ${describeError(reason)}`));
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
