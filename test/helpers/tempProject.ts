/**
 * Small throw-away projects on disk for tests that run ESLint or the CLI the way a user does: a directory with an
 * eslint.config.mjs, a catalogue and a few source files. They live in the OS temp directory, outside this repository,
 * so the catalogue search upward finds only what the test put there.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_CATALOGUE } from './ruleTester';

export interface TempProject {
  readonly dir: string;
  /** Writes a file (relative to `dir`), creating directories. */
  write(relative: string, text: string): string;
  remove(): void;
}

export function tempProject(files: Readonly<Record<string, string>> = {}): TempProject {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-test-')));
  const project: TempProject = {
    dir,
    write(relative, text) {
      const file = path.join(dir, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [relative, text] of Object.entries(files)) project.write(relative, text);
  return project;
}

/**
 * A factory for the current mocha suite: every project it makes is removed after the suite. Call it in the body of a
 * `describe`.
 */
export function tempProjectsForSuite(): (files: Readonly<Record<string, string>>) => TempProject {
  const projects: TempProject[] = [];
  after(() => projects.forEach((p) => p.remove()));
  return (files) => {
    const p = tempProject(files);
    projects.push(p);
    return p;
  };
}

/** The shared test catalogue's text, to copy into a project. */
export function fixtureCatalogueText(): string {
  return fs.readFileSync(FIXTURE_CATALOGUE, 'utf8');
}

/**
 * An eslint.config.mjs that imports this repository's plugin by absolute URL (a temp project has no node_modules)
 * and spreads `config`, written as a JavaScript expression over `avglint`, e.g. `[avglint.configs.recommended]`.
 */
export function eslintConfig(configExpression: string): string {
  const plugin = pathToFileURL(require.resolve('eslint-plugin-avglint')).href;
  return `import avglint from ${JSON.stringify(plugin)};\nexport default ${configExpression};\n`;
}

/** The ESLint command-line entry, run with `node` so the test sees its real exit code. */
export function eslintBin(): string {
  return path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
}
