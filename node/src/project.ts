/**
 * The project of a file that no tsconfig.json includes (plain JavaScript, a script, a folder without a tsconfig), for
 * every host that analyses it: the folder of the nearest `package.json` upward, and the source files under it as the
 * root files of one inferred program (as tsserver makes one), with `INFERRED_COMPILER_OPTIONS`. The ESLint plugin's
 * strict parser and the language server build that program from here, and `avglint scan` builds it over the folder it
 * scans, so flows cross `require`/`module.exports` and ES modules in plain JavaScript in every host alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSourceFileName, listFiles } from './walk';

/** At most this many root files in an inferred program: a folder without a package.json can be a whole home directory. */
export const MAX_INFERRED_FILES = 5000;

/** The folder of the nearest `package.json` at or above the file's folder; undefined when there is none. */
export function nearestPackageRoot(fileName: string): string | undefined {
  let directory = path.dirname(path.resolve(fileName));
  for (;;) {
    if (fs.existsSync(path.join(directory, 'package.json'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

export interface InferredProject {
  /** The folder the program covers: the nearest package.json's, else the file's own. */
  readonly root: string;
  /** Its root files: the source files under `root` (node_modules and build output skipped), and the file itself. */
  readonly fileNames: readonly string[];
}

/** The folder of the inferred project a file outside every tsconfig.json belongs to (cheap: no walk). */
export function inferredProjectRoot(fileName: string): string {
  const file = path.resolve(fileName);
  return nearestPackageRoot(file) ?? path.dirname(file);
}

/** The inferred project a file outside every tsconfig.json belongs to. */
export function inferredProject(fileName: string): InferredProject {
  const root = inferredProjectRoot(fileName);
  return { root, fileNames: inferredProjectFiles(root, path.resolve(fileName)) };
}

/** The root files of the inferred program over `root`; `file` is among them even where the walk skips it (dist/). */
export function inferredProjectFiles(root: string, file?: string): string[] {
  const files = listFiles(root, isSourceFileName, MAX_INFERRED_FILES);
  if (file !== undefined && !files.includes(file)) files.push(file);
  return files;
}
