/**
 * The CLI's only contact with the file system for catalogues: a CatalogueHost backed by `fs`, and the repository
 * root that `extends` may not leave.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CatalogueHost } from '@avglint/rules';

export const nodeHost: CatalogueHost = {
  readFile(fileName: string): string | undefined {
    try {
      return fs.readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists(fileName: string): boolean {
    try {
      return fs.existsSync(fileName);
    } catch {
      return false;
    }
  },
};

/** The nearest directory at or above `from` that holds `.git` or `package.json`; `from`'s directory if none does. */
export function findRepositoryRoot(from: string): string {
  const start = path.resolve(from);
  let directory = isDirectory(start) ? start : path.dirname(start);
  const fallback = directory;
  for (;;) {
    if (fs.existsSync(path.join(directory, '.git')) || fs.existsSync(path.join(directory, 'package.json'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return fallback;
    directory = parent;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
