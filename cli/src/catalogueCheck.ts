/**
 * `avglint catalogue check [file]`: the FG's check of the catalogue. Prints every problem with its position, a hint
 * and the line it is on (exit 1 when any is an error), or a short summary of what the catalogue says (exit 0).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogueRefusal, findRepositoryRoot, loadCatalogueFile, locateCatalogue, nodeCatalogueHost } from '@avglint/node';
import { CATALOGUE_FILE_NAMES, isLocale, type Catalogue, type Locale, type Problem } from '@avglint/rules';
import type { Command } from './main';

const USAGE = `Usage: avglint catalogue check [file] [--json] [--root <dir>] [--locale nl|en]

Checks the FG's data-category catalogue and prints every problem with file, line and column, or a summary.

  file          the catalogue to check (default: the nearest ${CATALOGUE_FILE_NAMES.join(' or ')}
                in the current directory or a parent directory)
  --json        print the result as JSON: { file, ok, problems, summary }
  --root <dir>  the repository root that \`extends\` may not leave (default: the nearest directory
                with .git or package.json above the catalogue)
  --locale      the language of the output, nl or en (default: the catalogue's \`settings.locale\`, else en)

Exit codes: 0 no errors (warnings may be printed), 1 the catalogue has errors, 2 no catalogue found or bad arguments.`;

export const catalogueCommand: Command = {
  summary: 'check the FG\'s data-category catalogue: `avglint catalogue check [file]`',
  usage: USAGE,
  run: (args) => {
    const [sub, ...rest] = args;
    if (sub !== 'check') {
      process.stderr.write(`${sub === undefined ? 'avglint catalogue: say what to do.' : `avglint catalogue: unknown subcommand \`${sub}\`.`}\n\n${USAGE}\n`);
      return 2;
    }
    return catalogueCheck(rest, process.cwd(), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  },
};

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

interface CheckArguments {
  file?: string;
  json: boolean;
  root?: string;
  locale?: Locale;
}

function parseArguments(args: readonly string[]): CheckArguments | string {
  const result: CheckArguments = { json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') result.json = true;
    else if (arg === '--root') {
      const value = args[++i];
      if (value === undefined) return '--root needs a directory.';
      result.root = value;
    } else if (arg.startsWith('--root=')) result.root = arg.slice('--root='.length);
    else if (arg === '--locale' || arg.startsWith('--locale=')) {
      const value = arg === '--locale' ? args[++i] : arg.slice('--locale='.length);
      if (value === undefined || !isLocale(value)) return `unknown locale \`${value ?? ''}\` (use nl or en).`;
      result.locale = value;
    }
    else if (arg.startsWith('-')) return `unknown option \`${arg}\`.`;
    else if (result.file === undefined) result.file = arg;
    else return `give one catalogue file, not \`${result.file}\` and \`${arg}\`.`;
  }
  return result;
}

/** Runs the check; separate from the process so tests and other commands can call it. Returns the exit code. */
export function catalogueCheck(args: readonly string[], cwd: string, output: Output): number {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    output.err(`avglint catalogue check: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  const file = parsed.file !== undefined ? path.resolve(cwd, parsed.file) : locateCatalogue(cwd);
  const directory = file !== undefined && isDirectory(file);
  if (file === undefined || directory || !nodeCatalogueHost.fileExists(file)) {
    const words = WORDS[parsed.locale ?? 'en'];
    const message = file === undefined ? words.notFound(cwd) : directory ? words.isDirectory(file) : words.doesNotExist(file);
    if (parsed.json) output.out(`${JSON.stringify({ file: file ?? null, ok: false, error: message }, null, 2)}\n`);
    else output.err(`avglint: ${message}\n  ${words.hint}: ${words.notFoundHint}\n`);
    return 2;
  }
  const root = parsed.root !== undefined ? path.resolve(cwd, parsed.root) : findRepositoryRoot(file);
  const result = loadCatalogueFile(file, { root, now: new Date(), ...(parsed.locale !== undefined ? { locale: parsed.locale } : {}) });
  // The problems are in the host's locale, else the catalogue's own `settings.locale`: so is everything around them.
  const words = WORDS[result.locale];
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const summary = result.catalogue ? summarise(result.catalogue) : undefined;

  if (parsed.json) {
    output.out(`${JSON.stringify({ file, ok: errors === 0, problems: result.problems, summary: summary ?? null }, null, 2)}\n`);
    return errors > 0 ? 1 : 0;
  }

  const shown = (name: string): string => path.relative(cwd, name) || name;
  const lines = new SourceLines(root);
  for (const problem of result.problems.slice(0, MAX_PRINTED_PROBLEMS)) output.out(`${formatWithFrame(problem, shown(problem.file), lines, words)}\n\n`);
  const unprinted = result.problems.length - MAX_PRINTED_PROBLEMS;
  if (unprinted > 0) output.out(`${words.unprinted(unprinted)}\n\n`);
  if (errors > 0) {
    output.out(`${shown(file)}: ${words.unusable(errors, warnings)}\n`);
    return 1;
  }
  output.out(`${shown(file)}: ${words.valid(warnings)}\n`);
  if (summary) output.out(`${formatSummary(summary, shown, words)}\n`);
  return 0;
}

/** `n` and the word in its singular or plural form. */
function count(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The command's own words around the catalogue's problems and summary, per locale (the FG reads them: Dutch first). */
interface Words {
  readonly notFound: (cwd: string) => string;
  readonly isDirectory: (file: string) => string;
  readonly doesNotExist: (file: string) => string;
  readonly notFoundHint: string;
  readonly hint: string;
  readonly severity: Readonly<Record<Problem['severity'], string>>;
  readonly unprinted: (n: number) => string;
  readonly unusable: (errors: number, warnings: number) => string;
  readonly valid: (warnings: number) => string;
  readonly organisation: string;
  readonly files: string;
  readonly categories: readonly [string, string];
  readonly special: string;
  readonly identifiers: string;
  readonly processors: (n: number) => string;
  readonly agreement: string;
  readonly receives: string;
  readonly nothing: string;
  readonly terms: readonly [string, string];
  readonly days: readonly [string, string];
  readonly about: string;
  readonly from: string;
  readonly accessRules: readonly [string, string];
  readonly only: string;
  readonly codeIn: string;
  readonly roles: readonly [string, string];
  readonly purposes: readonly [string, string];
  readonly sanitisers: readonly [string, string];
  readonly nobody: string;
}

const WORDS: Readonly<Record<Locale, Words>> = {
  en: {
    notFound: (cwd) => `No catalogue found: there is no ${CATALOGUE_FILE_NAMES.join(' or ')} in ${cwd} or any directory above it.`,
    isDirectory: (file) => `No catalogue found: ${file} is a directory, not a catalogue file.`,
    doesNotExist: (file) => `No catalogue found: ${file} does not exist.`,
    notFoundHint: `Run \`npx avglint init\` to create ${CATALOGUE_FILE_NAMES[0]} (or write it in the root of the repository, see docs/catalogue.md), or give its path: avglint catalogue check <file>`,
    hint: 'hint',
    severity: { error: 'error', warning: 'warning' },
    unprinted: (n) => `… and ${count(n, ['more problem', 'more problems'])} not shown (fix these first, or see them all with --json).`,
    unusable: (errors, warnings) => `${count(errors, ['error', 'errors'])}${warnings > 0 ? ` and ${count(warnings, ['warning', 'warnings'])}` : ''}. avglint cannot use this catalogue until the errors are fixed.`,
    valid: (warnings) => `the catalogue is valid${warnings > 0 ? `, with ${count(warnings, ['warning', 'warnings'])} (above)` : ''}.`,
    organisation: 'Organisation',
    files: 'Files',
    categories: ['category', 'categories'],
    special: 'special',
    identifiers: 'identifiers',
    processors: (n) => `${count(n, ['processor', 'processors'])} and recipients`,
    agreement: 'agreement',
    receives: 'receives',
    nothing: 'nothing',
    terms: ['retention term', 'retention terms'],
    days: ['day', 'days'],
    about: 'about',
    from: 'from',
    accessRules: ['access rule', 'access rules'],
    only: 'only',
    codeIn: 'code in',
    roles: ['role', 'roles'],
    purposes: ['purpose', 'purposes'],
    sanitisers: ['sanitiser', 'sanitisers'],
    nobody: 'nobody',
  },
  nl: {
    notFound: (cwd) => `Geen catalogus gevonden: er staat geen ${CATALOGUE_FILE_NAMES.join(' of ')} in ${cwd} of een map daarboven.`,
    isDirectory: (file) => `Geen catalogus gevonden: ${file} is een map, geen catalogusbestand.`,
    doesNotExist: (file) => `Geen catalogus gevonden: ${file} bestaat niet.`,
    notFoundHint: `Maak er een met \`npx avglint init\` (of zet ${CATALOGUE_FILE_NAMES[0]} in de hoofdmap van de repository, zie docs/catalogue.md), of geef het pad: avglint catalogue check <bestand>`,
    hint: 'tip',
    severity: { error: 'fout', warning: 'waarschuwing' },
    unprinted: (n) => `… en nog ${count(n, ['probleem', 'problemen'])} niet getoond (los eerst deze op, of zie ze allemaal met --json).`,
    unusable: (errors, warnings) => `${count(errors, ['fout', 'fouten'])}${warnings > 0 ? ` en ${count(warnings, ['waarschuwing', 'waarschuwingen'])}` : ''}. avglint kan deze catalogus pas gebruiken als de fouten zijn opgelost.`,
    valid: (warnings) => `de catalogus is geldig${warnings > 0 ? `, met ${count(warnings, ['waarschuwing', 'waarschuwingen'])} (hierboven)` : ''}.`,
    organisation: 'Organisatie',
    files: 'Bestanden',
    categories: ['categorie', 'categorieën'],
    special: 'bijzonder',
    identifiers: 'identificerend',
    processors: (n) => `${count(n, ['verwerker', 'verwerkers'])} en ontvangers`,
    agreement: 'overeenkomst',
    receives: 'ontvangt',
    nothing: 'niets',
    terms: ['bewaartermijn', 'bewaartermijnen'],
    days: ['dag', 'dagen'],
    about: 'ongeveer',
    from: 'vanaf',
    accessRules: ['toegangsregel', 'toegangsregels'],
    only: 'alleen',
    codeIn: 'code in',
    roles: ['rol', 'rollen'],
    purposes: ['doel', 'doelen'],
    sanitisers: ['opschoonfunctie', 'opschoonfuncties'],
    nobody: 'niemand',
  },
};

/** More problems than this are counted, not printed: the first ones are the ones to fix, and each costs a frame. */
const MAX_PRINTED_PROBLEMS = 100;

/** Printed values (an organisation name, a source line) are cut to this many characters. */
const MAX_PRINTED_LENGTH = 200;

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A value as printed: at most MAX_PRINTED_LENGTH characters, with how much was left out. */
export function clip(text: string): string {
  return text.length <= MAX_PRINTED_LENGTH ? text : `${text.slice(0, MAX_PRINTED_LENGTH)}… (${text.length - MAX_PRINTED_LENGTH} more characters)`;
}

/** The lines of each file a problem points into, split once per file rather than once per problem. */
class SourceLines {
  private readonly files = new Map<string, readonly string[] | undefined>();

  constructor(private readonly root: string) {}

  line(file: string, line: number): string | undefined {
    if (!this.files.has(file)) {
      // Only from a file the loader may read: never a line of a file a link led out of the repository.
      const text = catalogueRefusal(file, this.root) === undefined ? nodeCatalogueHost.readFile(file) : undefined;
      this.files.set(file, text?.split(/\r?\n/));
    }
    return this.files.get(file)?.[line - 1];
  }
}

/** `file:line:col: severity code: message`, the hint, and the line with a caret under the spot. */
function formatWithFrame(problem: Problem, shownFile: string, sources: SourceLines, words: Words): string {
  const lines = [`${shownFile}:${problem.line}:${problem.column}: ${words.severity[problem.severity]} ${problem.code}: ${problem.message}`, `  ${words.hint}: ${problem.hint}`];
  const fullLine = sources.line(problem.file, problem.line);
  // A very long line is shown around the spot only, with the caret still under it.
  const from = fullLine !== undefined && fullLine.length > MAX_PRINTED_LENGTH ? Math.max(0, problem.column - 1 - MAX_PRINTED_LENGTH / 2) : 0;
  const sourceLine = fullLine?.slice(from, from + MAX_PRINTED_LENGTH);
  const column = problem.column - from;
  if (sourceLine !== undefined && sourceLine.trim() !== '') {
    const gutter = String(problem.line).length;
    const width = problem.endLine === problem.line && problem.endColumn !== undefined ? Math.max(1, problem.endColumn - problem.column) : 1;
    const caretWidth = Math.max(1, Math.min(width, sourceLine.length - column + 1));
    lines.push(`  ${String(problem.line)} | ${sourceLine}`);
    lines.push(`  ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(caretWidth)}`);
  }
  return lines.join('\n');
}

export interface CatalogueSummary {
  readonly files: readonly string[];
  readonly organisation?: string;
  readonly categories: { readonly id: string; readonly label: string; readonly special: boolean; readonly identifier: boolean; readonly restricted: boolean; readonly retention: readonly string[] }[];
  readonly processors: { readonly id: string; readonly label: string; readonly role: string; readonly legalBasis: string; readonly agreement?: string; readonly receives: readonly string[] }[];
  readonly retention: { readonly id: string; readonly label: string; readonly duration: string; readonly days: number; readonly starts: string }[];
  readonly access: { readonly category: string; readonly paths: readonly string[]; readonly roles: readonly string[]; readonly purposes: readonly string[] }[];
  readonly roles: readonly string[];
  readonly purposes: readonly string[];
  readonly sanitisers: readonly string[];
}

export function summarise(catalogue: Catalogue): CatalogueSummary {
  return {
    files: catalogue.files,
    ...(catalogue.organisation !== undefined ? { organisation: catalogue.organisation } : {}),
    categories: [...catalogue.categories.values()].map((c) => ({ id: c.id, label: c.label, special: c.special, identifier: c.identifier, restricted: c.restricted, retention: c.retention })),
    processors: [...catalogue.processors.values()].map((p) => ({
      id: p.id,
      label: p.label,
      role: p.role,
      legalBasis: p.legalBasis,
      ...(p.agreement ? { agreement: `${p.agreement.reference}${p.agreement.ends !== undefined ? ` (until ${p.agreement.ends})` : ''}` } : {}),
      receives: p.receives,
    })),
    retention: [...catalogue.retention.values()].map((t) => ({ id: t.id, label: t.label, duration: t.duration, days: Math.round(t.days), starts: t.starts })),
    access: [...catalogue.access.values()].map((a) => ({ category: a.category, paths: a.paths, roles: a.roles, purposes: a.purposes })),
    roles: [...catalogue.roles.keys()],
    purposes: [...catalogue.purposes.keys()],
    sanitisers: catalogue.sanitisers.map((s) => s.function),
  };
}

function formatSummary(summary: CatalogueSummary, shown: (file: string) => string, words: Words): string {
  const lines: string[] = [];
  if (summary.organisation !== undefined) lines.push(`${words.organisation}: ${clip(summary.organisation)}`);
  if (summary.files.length > 1) lines.push(`${words.files}: ${summary.files.map(shown).join(', ')}`);
  const special = summary.categories.filter((c) => c.special).map((c) => c.id);
  const identifiers = summary.categories.filter((c) => c.identifier).map((c) => c.id);
  const details = [special.length > 0 ? `${words.special}: ${special.join(', ')}` : '', identifiers.length > 0 ? `${words.identifiers}: ${identifiers.join(', ')}` : ''].filter(Boolean).join('; ');
  lines.push(`${count(summary.categories.length, words.categories)}${details ? ` (${details})` : ''}`);
  lines.push(`  ${summary.categories.map((c) => clip(c.id)).join(', ')}`);
  lines.push(`${words.processors(summary.processors.length)}:`);
  for (const p of summary.processors) {
    const receives = p.receives.length === 0 ? words.nothing : p.receives.length <= 4 ? p.receives.join(', ') : count(p.receives.length, words.categories);
    lines.push(`  ${clip(p.id)} (${p.role}): ${p.legalBasis}${p.agreement !== undefined ? `, ${words.agreement} ${p.agreement}` : ''}; ${words.receives} ${receives}`);
  }
  lines.push(`${count(summary.retention.length, words.terms)}:`);
  for (const t of summary.retention) lines.push(`  ${clip(t.id)}: ${clip(t.duration)} (${words.about} ${count(t.days, words.days)}) ${words.from} ${t.starts}`);
  lines.push(`${count(summary.access.length, words.accessRules)}${summary.access.length > 0 ? ':' : ''}`);
  for (const a of summary.access) {
    const who = [a.paths.length > 0 ? `${words.codeIn} ${a.paths.join(', ')}` : '', a.roles.length > 0 ? `${words.roles[1]} ${a.roles.join(', ')}` : '', a.purposes.length > 0 ? `${words.purposes[1]} ${a.purposes.join(', ')}` : ''].filter(Boolean);
    lines.push(`  ${a.category}: ${words.only} ${who.length > 0 ? who.join('; ') : words.nobody}`);
  }
  lines.push(`${count(summary.roles.length, words.roles)}, ${count(summary.purposes.length, words.purposes)}, ${count(summary.sanitisers.length, words.sanitisers)}`);
  return lines.join('\n');
}
