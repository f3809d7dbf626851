/**
 * `avglint init [dir]`: sets avglint up in an existing project, and overwrites nothing. It creates what is missing
 * and says, per file, what it did:
 * - the catalogue `avglint.catalogue.yaml` (a minimal one the FG fills in, or with `--starter` the Veluwse
 *   Onderwijsgroep's full starter), unless the project already has one here or above;
 * - avglint's entries in the flat ESLint config: a new `eslint.config.mjs`, or the entries added at the end of the
 *   existing `eslint.config.*` (its own entries stay first and unchanged; a config that already loads
 *   eslint-plugin-avglint is left alone);
 * - `.vscode/extensions.json` (the extension recommended) and `.vscode/settings.json` (the catalogue, and the strict
 *   config's options mirrored for the editor), adding keys and never changing one that is there;
 * - a CI workflow from templates/: GitHub Actions, GitLab CI (Code Quality) or a shell step.
 * A file it cannot safely change (JSON with comments, a config it cannot parse) is reported with what to add by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOGUE_FILE_NAMES } from '@avglint/rules';
import type { Command } from './main';
import { locateCatalogue } from '@avglint/node';

export type CiKind = 'github' | 'gitlab' | 'shell' | 'none';
const CI_KINDS: readonly CiKind[] = ['github', 'gitlab', 'shell', 'none'];

export interface InitOptions {
  /** The Veluwse Onderwijsgroep's starter catalogue instead of the minimal one. */
  readonly starter?: boolean;
  /** Which CI workflow to write; by default GitLab when the project has .gitlab-ci.yml and no .github, else GitHub. */
  readonly ci?: CiKind;
}

export interface InitStep {
  /** Relative to the project, with `/`. */
  readonly file: string;
  readonly outcome: 'created' | 'updated' | 'kept' | 'by hand';
  readonly note: string;
}

/** The VS Code extension's id (`publisher.name` in client/package.json). */
export const EXTENSION_ID = 'avglint.avglint-vscode';
const ESLINT_CONFIG_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const SCHEMA_COMMENT = '# yaml-language-server: $schema=node_modules/@avglint/rules/schema/catalogue.schema.json';
/** What the project needs installed; `init` checks package.json and prints the command for what is missing. */
const PACKAGES = ['avglint', 'eslint-plugin-avglint', 'eslint', 'typescript'];

/** cli/templates (beside dist/ in the package and in the repository). */
function template(name: string): string {
  return fs.readFileSync(path.join(__dirname, '..', 'templates', name), 'utf8');
}

/** The starter catalogue: copied into dist/assets at build time, or read from the repository's examples/. */
function starterCatalogue(): string {
  const candidates = [path.join(__dirname, 'assets', 'starter.catalogue.yaml'), path.join(__dirname, '..', '..', 'examples', 'avglint.catalogue.yaml')];
  const file = candidates.find((f) => fs.existsSync(f));
  if (file === undefined) throw new Error(`the starter catalogue is missing from this installation (looked for ${candidates.join(', ')})`);
  return fs.readFileSync(file, 'utf8').replace(/^# yaml-language-server: \$schema=.*$/mu, SCHEMA_COMMENT);
}

export function initProject(dir: string, options: InitOptions = {}): InitStep[] {
  const root = path.resolve(dir);
  const steps: InitStep[] = [];
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/') || '.';
  const typed = fs.existsSync(path.join(root, 'tsconfig.json'));

  // The catalogue.
  const existing = locateCatalogue(root);
  if (existing !== undefined) {
    steps.push({ file: rel(existing), outcome: 'kept', note: 'the project already has a catalogue; check it with `npx avglint catalogue check`' });
  } else {
    const file = path.join(root, CATALOGUE_FILE_NAMES[0] ?? 'avglint.catalogue.yaml');
    fs.writeFileSync(file, options.starter === true ? starterCatalogue() : template('minimal.catalogue.yaml'));
    steps.push({
      file: rel(file),
      outcome: 'created',
      note: options.starter === true ? "the Veluwse Onderwijsgroep's starter catalogue: the FG adapts it to this school" : 'a minimal catalogue for the FG to fill in (a full example: `avglint init --starter`)',
    });
  }

  steps.push(eslintConfigStep(root, typed, rel));
  steps.push(...vscodeSteps(root, typed, rel));
  steps.push(...ciSteps(root, options.ci ?? defaultCi(root), rel));
  return steps;
}

function defaultCi(root: string): CiKind {
  return fs.existsSync(path.join(root, '.gitlab-ci.yml')) && !fs.existsSync(path.join(root, '.github')) ? 'gitlab' : 'github';
}

// ---------------------------------------------------------------------------------------------------------------
// ESLint

/** avglint's config entries as JavaScript array elements, for ESM (`import.meta.dirname`) or CommonJS (`__dirname`). */
export function avglintEntries(typed: boolean, esm: boolean): string {
  const entries = ['  // avglint: every JavaScript and TypeScript file, from names (no type information needed).', '  avglint.configs.recommended,'];
  if (typed) {
    entries.push(
      "  // avglint with the project's types (tsconfig.json): all rules, and destinations it cannot resolve are reported.",
      '  {',
      '    ...avglint.configs.strict,',
      '    languageOptions: {',
      '      ...avglint.configs.strict.languageOptions,',
      `      parserOptions: { projectService: true, tsconfigRootDir: ${esm ? 'import.meta.dirname' : '__dirname'} },`,
      '    },',
      '  },',
    );
  }
  return entries.join('\n');
}

function newEslintConfig(typed: boolean): string {
  return [
    '// ESLint flat config, written by `avglint init`: the privacy rules of avglint, driven by the FG\'s catalogue',
    '// avglint.catalogue.yaml (found upward from each file). Rules and options: https://github.com/avglint/avglint',
    "import avglint from 'eslint-plugin-avglint';",
    '',
    'export default [',
    "  { ignores: ['dist/**', 'build/**', 'coverage/**'] },",
    avglintEntries(typed, true),
    '];',
    '',
  ].join('\n');
}

function isEsm(root: string, file: string, text: string): boolean {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.mts') return true;
  if (ext === '.cjs' || ext === '.cts') return false;
  if (/^\s*export\s+default\b/mu.test(text)) return true;
  if (/^\s*module\.exports\s*=/mu.test(text)) return false;
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { type?: string }).type === 'module';
  } catch {
    return false;
  }
}

/**
 * Adds avglint after the existing entries: the config's default export becomes a constant, and a new export spreads
 * it (an array, or one object) before avglint's entries. Undefined when the file does not have the one plain export
 * this can rewrite safely.
 */
export function addToEslintConfig(text: string, esm: boolean, typed: boolean): string | undefined {
  const exportPattern = esm ? /^export\s+default\s+/gmu : /^module\.exports\s*=\s*/gmu;
  const matches = [...text.matchAll(exportPattern)];
  if (matches.length !== 1) return undefined;
  const match = matches[0] as RegExpMatchArray;
  const rest = text.slice((match.index ?? 0) + match[0].length);
  if (/^(?:async\s+)?(?:function|class)\b/u.test(rest)) return undefined;
  const head = esm ? "import avglint from 'eslint-plugin-avglint'; // added by `avglint init`\n" : "const avglint = require('eslint-plugin-avglint'); // added by `avglint init`\n";
  const body = text.slice(0, match.index) + 'const configBeforeAvglint = ' + rest;
  const tail = [
    '',
    "// Added by `avglint init`: avglint's privacy rules after this project's own entries.",
    `${esm ? 'export default' : 'module.exports ='} [`,
    '  ...[configBeforeAvglint].flat(),',
    avglintEntries(typed, esm),
    '];',
    '',
  ].join('\n');
  return head + body.replace(/\s*$/u, '\n') + tail;
}

function eslintConfigStep(root: string, typed: boolean, rel: (file: string) => string): InitStep {
  const existing = ESLINT_CONFIG_NAMES.map((name) => path.join(root, name)).find((file) => fs.existsSync(file));
  if (existing === undefined) {
    const file = path.join(root, 'eslint.config.mjs');
    fs.writeFileSync(file, newEslintConfig(typed));
    return { file: rel(file), outcome: 'created', note: `avglint's recommended config${typed ? ', and the strict one with types for TypeScript' : ''}` };
  }
  const text = fs.readFileSync(existing, 'utf8');
  if (text.includes('eslint-plugin-avglint')) return { file: rel(existing), outcome: 'kept', note: 'it already loads eslint-plugin-avglint' };
  const esm = isEsm(root, existing, text);
  const updated = addToEslintConfig(text, esm, typed);
  if (updated === undefined) {
    const snippet = `${esm ? "import avglint from 'eslint-plugin-avglint';" : "const avglint = require('eslint-plugin-avglint');"}\n// …and at the end of the exported array:\n${avglintEntries(typed, esm)}`;
    return { file: rel(existing), outcome: 'by hand', note: `its export is not one plain \`${esm ? 'export default' : 'module.exports ='}\`; add:\n${snippet}` };
  }
  fs.writeFileSync(existing, updated);
  return { file: rel(existing), outcome: 'updated', note: "avglint's entries added after the project's own" };
}

// ---------------------------------------------------------------------------------------------------------------
// VS Code

/** Adds the keys `add` lacks to a JSON object file; never changes a key that is there. */
function mergeJson(file: string, add: Record<string, unknown>, merge: (current: Record<string, unknown>) => Record<string, unknown>, rel: (file: string) => string, what: string): InitStep {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(add, null, 2) + '\n');
    return { file: rel(file), outcome: 'created', note: what };
  }
  let current: unknown;
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    current = undefined;
  }
  if (typeof current !== 'object' || current === null || Array.isArray(current)) {
    return { file: rel(file), outcome: 'by hand', note: `it is not plain JSON (comments?), so it was left as it is; add:\n${JSON.stringify(add, null, 2)}` };
  }
  const merged = merge(current as Record<string, unknown>);
  if (JSON.stringify(merged) === JSON.stringify(current)) return { file: rel(file), outcome: 'kept', note: 'it already has these entries' };
  fs.writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
  return { file: rel(file), outcome: 'updated', note: what };
}

function vscodeSteps(root: string, typed: boolean, rel: (file: string) => string): InitStep[] {
  const extensions = mergeJson(
    path.join(root, '.vscode', 'extensions.json'),
    { recommendations: [EXTENSION_ID] },
    (current) => {
      const list = Array.isArray(current['recommendations']) ? (current['recommendations'] as unknown[]) : [];
      return list.includes(EXTENSION_ID) ? current : { ...current, recommendations: [...list, EXTENSION_ID] };
    },
    rel,
    'the avglint extension recommended to everyone who opens the project',
  );
  const wanted: Record<string, unknown> = {
    'avglint.catalogue': CATALOGUE_FILE_NAMES[0],
    // The editor does not read ESLint's config; this mirrors the strict config's option.
    ...(typed ? { 'avglint.ruleOptions': { 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } } } : {}),
  };
  const catalogue = locateCatalogue(root);
  if (catalogue !== undefined) wanted['avglint.catalogue'] = path.relative(root, catalogue).split(path.sep).join('/');
  const settings = mergeJson(
    path.join(root, '.vscode', 'settings.json'),
    wanted,
    (current) => ({ ...wanted, ...current }),
    rel,
    `the catalogue${typed ? ' and the strict config\'s options' : ''} for the avglint extension`,
  );
  return [extensions, settings];
}

// ---------------------------------------------------------------------------------------------------------------
// CI

function writeNew(file: string, text: string, rel: (file: string) => string, note: string, mode?: number): InitStep {
  if (fs.existsSync(file)) return { file: rel(file), outcome: 'kept', note: 'it exists; compare it with `avglint init` in an empty folder' };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, mode === undefined ? undefined : { mode });
  return { file: rel(file), outcome: 'created', note };
}

function ciSteps(root: string, kind: CiKind, rel: (file: string) => string): InitStep[] {
  switch (kind) {
    case 'none':
      return [];
    case 'github':
      return [writeNew(path.join(root, '.github', 'workflows', 'avglint.yml'), template('github-workflow.yml'), rel, 'GitHub Actions: findings fail the job, SARIF goes to code scanning')];
    case 'shell':
      return [writeNew(path.join(root, 'scripts', 'avglint-ci.sh'), template('avglint-ci.sh'), rel, 'a shell step for any CI: exit 0 clean, 1 findings, 2 no or broken catalogue', 0o755)];
    case 'gitlab': {
      const job = writeNew(path.join(root, '.gitlab', 'avglint.gitlab-ci.yml'), template('gitlab-ci.yml'), rel, 'GitLab CI: findings fail the job and show in Code Quality');
      const main = path.join(root, '.gitlab-ci.yml');
      const include = 'include:\n  - local: .gitlab/avglint.gitlab-ci.yml\n';
      if (!fs.existsSync(main)) {
        fs.writeFileSync(main, `# Written by \`avglint init\`.\n${include}`);
        return [job, { file: rel(main), outcome: 'created', note: 'includes the avglint job' }];
      }
      if (fs.readFileSync(main, 'utf8').includes('avglint.gitlab-ci.yml')) return [job, { file: rel(main), outcome: 'kept', note: 'it already includes the avglint job' }];
      return [job, { file: rel(main), outcome: 'by hand', note: `include the avglint job:\n${include}` }];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Command

/** The packages from PACKAGES that package.json does not list. */
export function missingPackages(root: string): string[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const listed = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((key) => Object.keys(manifest[key] ?? {})));
    return PACKAGES.filter((name) => !listed.has(name));
  } catch {
    return [...PACKAGES];
  }
}

export const INIT_USAGE = `Usage: avglint init [dir] [--starter] [--ci github|gitlab|shell|none]

Sets avglint up in an existing project (default: the current directory). Creates what is missing and overwrites
nothing: the catalogue ${CATALOGUE_FILE_NAMES[0]}, avglint's entries in eslint.config.* (added at the end of an existing
flat config, or a new eslint.config.mjs), .vscode/extensions.json and .vscode/settings.json, and a CI workflow.
  --starter  write the Veluwse Onderwijsgroep's full starter catalogue instead of the minimal one
  --ci       github (.github/workflows/avglint.yml, SARIF to code scanning), gitlab (.gitlab/avglint.gitlab-ci.yml,
             Code Quality), shell (scripts/avglint-ci.sh), or none; default: gitlab when the project has
             .gitlab-ci.yml and no .github folder, else github
Exit code: 0 done (files to change by hand are listed), 2 bad arguments or no such directory.`;

export const initCommand: Command = {
  summary: 'set avglint up in a project: catalogue, ESLint config, VS Code files, CI workflow (overwrites nothing)',
  usage: INIT_USAGE,
  run: (args) => runInit(args),
};

export function runInit(args: readonly string[], out: (text: string) => void = (t) => process.stdout.write(t), err: (text: string) => void = (t) => process.stderr.write(t), cwd: string = process.cwd()): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { starter: { type: 'boolean', default: false }, ci: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    err(`avglint init: ${error instanceof Error ? error.message : String(error)}\n\n${INIT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${INIT_USAGE}\n`);
    return 0;
  }
  const ci = values.ci as CiKind | undefined;
  if (positionals.length > 1 || (ci !== undefined && !CI_KINDS.includes(ci))) {
    err(`${INIT_USAGE}\n`);
    return 2;
  }
  const root = path.resolve(cwd, positionals[0] ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    err(`avglint init: ${root} is not a directory.\n`);
    return 2;
  }
  const steps = initProject(root, { starter: values.starter, ...(ci !== undefined ? { ci } : {}) });
  const width = Math.max(...steps.map((s) => s.outcome.length));
  for (const step of steps) {
    const [first, ...more] = step.note.split('\n');
    out(`${step.outcome.padEnd(width)}  ${step.file}  ${first ?? ''}\n${more.map((line) => `${' '.repeat(width + 4)}${line}\n`).join('')}`);
  }
  const missing = missingPackages(root);
  out('\nNext:\n');
  if (missing.length > 0) out(`  npm install --save-dev ${missing.join(' ')}\n`);
  out('  npx avglint catalogue check   # the FG checks the catalogue\n');
  out('  npx eslint .                  # avglint\'s findings with the rest of ESLint\'s\n');
  out('  npx avglint scan              # every finding with its flow path\n');
  return 0;
}
