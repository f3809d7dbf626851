/**
 * Which files are source files and which folders never hold project sources, and the walk over a folder that every
 * host uses when there is no tsconfig to say which files belong to the project (the scanner, the editor's workspace
 * scan, the benchmarks).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { isInside, realPath } from './root';

/** The extensions avglint analyses (what ESLint's configs name in `files`). */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** Folders that hold dependencies, build output or tool state, never sources to check. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'coverage', '.tmp', '.vscode-test']);

/** A source file by its name: one of SOURCE_EXTENSIONS and not a declaration file (`.d.ts`, `.d.mts`, `.d.cts`). */
export function isSourceFileName(fileName: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => fileName.endsWith(ext)) && !/\.d\.[mc]?ts$/u.test(fileName);
}

/** Whether `fileName` lies in a skipped folder below `root` (or outside `root` altogether). */
export function isSkippedPath(root: string, fileName: string): boolean {
  if (!isInside(root, fileName)) return true;
  return path.relative(root, fileName).split(/[\\/]/u).some((part) => SKIPPED_DIRECTORIES.has(part));
}

/**
 * The source files under `directory`, sorted, skipping SKIPPED_DIRECTORIES. Only regular files: a pipe or a device
 * named `*.ts` is not a source file (reading it would hang or never end). A symbolic link to a file counts when its
 * real path stays inside `directory`; links to folders are not followed, so a link cannot make the walk loop or leave.
 */
export function listSourceFiles(directory: string): string[] {
  return listFiles(directory, isSourceFileName);
}

/** Like `listSourceFiles`, for the files whose names `accept` takes (Prisma schemas, for one), at most `limit` of them. */
export function listFiles(directory: string, accept: (name: string) => boolean, limit = Infinity): string[] {
  const top = path.resolve(directory);
  const realTop = realPath(top) ?? top;
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (found.length >= limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (accept(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isLinkedFileInside(full, realTop)))) {
        found.push(full);
      }
    }
  };
  walk(top);
  return found;
}

function isLinkedFileInside(link: string, realTop: string): boolean {
  const real = realPath(link);
  if (real === undefined || !isInside(realTop, real)) return false;
  try {
    return fs.statSync(real).isFile();
  } catch {
    return false;
  }
}

/** TypeScript's script kind for a file name, so `.tsx` parses JSX and `.js` as JavaScript. */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  switch (path.extname(fileName).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}
