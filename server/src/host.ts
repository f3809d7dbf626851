/**
 * The one module of the server that touches Node's globals: the file system, `process` and the module system. The
 * rest of the server gets files through `NodeFileSystem` and never reaches for `fs` or `process` itself, so the
 * server can run in-process under test and its I/O is in one place to review (the server opens no network connection).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileSystem {
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
  directoryExists(directory: string): boolean;
  /** Source files under `directory`, skipping folders that never hold project sources (node_modules, dist, .git). */
  listSourceFiles(directory: string, extensions: readonly string[]): string[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', '.tmp', '.vscode-test']);

export const nodeFileSystem: FileSystem = {
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
  directoryExists(directory) {
    try {
      return fs.statSync(directory).isDirectory();
    } catch {
      return false;
    }
  },
  listSourceFiles(directory, extensions) {
    const found: string[] = [];
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
        } else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) {
          found.push(full);
        }
      }
    };
    walk(directory);
    return found;
  },
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
