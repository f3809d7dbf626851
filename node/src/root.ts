/**
 * The repository root: where `extends` may not go above, and what every path a host reports is relative to. One
 * definition for every host: the nearest directory that holds `.git` (a directory, or the file a worktree or
 * submodule has) or `package.json`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '@avglint/rules';
import { isDirectory } from './files';

/** What marks a repository root, nearest first wins. */
export const ROOT_MARKERS = ['.git', 'package.json'] as const;

/** The nearest directory at or above `from` (a file or a directory) with a root marker; `from`'s directory if none has. */
export function findRepositoryRoot(from: string): string {
  const start = path.resolve(from);
  let directory = isDirectory(start) ? start : path.dirname(start);
  const fallback = directory;
  for (;;) {
    if (ROOT_MARKERS.some((marker) => fs.existsSync(path.join(directory, marker)))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return fallback;
    directory = parent;
  }
}

/** The real path (symbolic links resolved), or undefined when the file does not exist (or a link dangles). */
export function realPath(fileName: string): string | undefined {
  try {
    return fs.realpathSync.native(fileName);
  } catch {
    return undefined;
  }
}

/**
 * Where `fileName` really is, when that is outside `root` — both compared by real path, so a symbolic link to a file
 * or a folder inside the repository that leads out of it is caught, and a repository that is itself reached through a
 * link (`/tmp` → `/private/tmp`) is not. Undefined when the file is inside or does not exist.
 */
export function realPathOutside(root: string, fileName: string): string | undefined {
  const real = realPath(fileName);
  if (real === undefined) return undefined;
  const realRoot = realPath(root) ?? path.resolve(root);
  return isInside(realRoot, real) ? undefined : real;
}

export { isInside };
