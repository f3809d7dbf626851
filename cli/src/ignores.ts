/**
 * Which files `avglint scan` leaves out besides node_modules and build output: the `--ignore <glob>` patterns, and
 * the files the project's ESLint config ignores, so the scanner and `npx eslint .` look at the same files.
 *
 * `--ignore` globs are relative to the scanned directory (picomatch, dotfiles included); a glob that names a
 * directory (`legacy`, `legacy/`) leaves out everything under it. For the ESLint config, ESLint itself answers:
 * when ESLint can be loaded from the project and finds a config there, a file its ignore patterns match is skipped.
 * ESLint's public API says only "not linted" (`isPathIgnored`), which is also true of a file no config entry covers,
 * such as a .ts file in a project whose config names only .js; the scanner must still check that file, or a project
 * whose ESLint does not run avglint would pass unchecked. So for each such file it asks ESLint for the reason (the
 * warning `lintText` gives for an ignored path) and skips the file only when the reason is an ignore pattern. Without
 * ESLint or a config the scan covers every source file; a config that fails to load is reported and not used.
 */
import { listSourceFiles } from '@avglint/node';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** A predicate over absolute file names from `--ignore` globs relative to `dir`. */
export function globIgnores(dir: string, globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const matchers = globs.map((glob) => picomatch(glob.replace(/\/+$/u, ''), { dot: true }));
  return (file) => {
    const relative = path.relative(dir, file).split(path.sep).join('/');
    if (relative.startsWith('../')) return false;
    // The file itself, or any directory above it (so a directory pattern covers its contents).
    const parts = relative.split('/');
    for (let i = parts.length; i > 0; i--) {
      const candidate = parts.slice(0, i).join('/');
      if (matchers.some((match) => match(candidate))) return true;
    }
    return false;
  };
}

/** ESLint's warnings for a file its ignore patterns (or the default node_modules pattern) match. */
const IGNORED_BY_PATTERN = /^File ignored (?:because of a matching ignore pattern|by default because it is located under the node_modules)/u;

export interface EslintIgnores {
  /** Absolute file names ESLint would not lint. */
  readonly ignored: ReadonlySet<string>;
  /** Why the config was not used, when it could not be loaded. */
  readonly warning?: string;
}

/** Asks the project's ESLint which of `files` it ignores; nothing when ESLint or its config is absent. */
export async function eslintIgnores(dir: string, files: readonly string[]): Promise<EslintIgnores> {
  let eslintModule: typeof import('eslint');
  try {
    // ESLint is an optional peer; resolved from the project, as `npx eslint` would.
    const resolved = require.resolve('eslint', { paths: [dir, __dirname] });
    eslintModule = (await import(resolved)) as typeof import('eslint');
  } catch {
    return { ignored: new Set() };
  }
  const ESLint = eslintModule.ESLint ?? (eslintModule as unknown as { default: typeof import('eslint') }).default.ESLint;
  try {
    const eslint = new ESLint({ cwd: dir });
    const ignored = new Set<string>();
    for (const file of files) {
      if (!(await eslint.isPathIgnored(file))) continue;
      const [result] = await eslint.lintText('', { filePath: file, warnIgnored: true });
      const reason = result?.messages[0]?.message ?? '';
      if (IGNORED_BY_PATTERN.test(reason)) ignored.add(file);
    }
    return { ignored };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // No config at all is normal for a project that uses only the scanner.
    if (/could not find config file/iu.test(message ?? '')) return { ignored: new Set() };
    return { ignored: new Set(), warning: `the ESLint config in ${dir} could not be loaded, so its ignores are not applied: ${message}` };
  }
}

/**
 * The files a scan or a report leaves out besides node_modules and build output: `--ignore` globs and, unless
 * `useEslintConfig` is false (`--no-ignore`), the ignores of the project's ESLint config. `warning` says why the config
 * could not be used.
 */
export async function projectIgnores(dir: string, globs: readonly string[], useEslintConfig: boolean): Promise<{ ignore: (file: string) => boolean; warning?: string }> {
  const globbed = globIgnores(dir, globs);
  const fromEslint: EslintIgnores = useEslintConfig ? await eslintIgnores(dir, listSourceFiles(dir).filter((file) => !globbed(file))) : { ignored: new Set<string>() };
  return { ignore: (file) => globbed(file) || fromEslint.ignored.has(file), ...(fromEslint.warning !== undefined ? { warning: fromEslint.warning } : {}) };
}
