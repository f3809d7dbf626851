/**
 * One analysis per linted file, shared by every avglint rule ESLint runs on it.
 *
 * ESLint calls every rule's `create` before it walks the tree. Each avglint rule registers itself and its options in
 * the file's session during `create`, and the first `Program` visit runs `analyseFile` once for all the rules that
 * registered — so disabled rules cost nothing and enabled ones share one analysis. Each rule then reports only its
 * own findings.
 */
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as ts from 'typescript';
import { scriptKindOf } from '@avglint/node';
import { analyseFile, RULE_IDS, type AnalysisResult, type Catalogue, type Locale, type RuleId } from '@avglint/rules';
import { lintRunOf } from './ahead';
import { folderFacts, type CatalogueResolution, type FolderFacts } from './catalogue';

/** The parts of ESLint's rule context the session needs; kept structural so the rule factory stays generic. */
export interface LintedFile {
  readonly filename: string;
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly sourceCode: {
    readonly text: string;
    readonly parserServices?: { readonly program?: ts.Program | null } | undefined;
  };
}

export interface FileSession {
  readonly resolution: CatalogueResolution;
  /** What the file shares with the others of its folder: the catalogue above, network packages, Prisma schema. */
  readonly folder: FolderFacts;
  /** `settings.avglint.locale`, when the ESLint config sets one. */
  readonly locale?: Locale;
  /** The options each registered rule was configured with (the first element of its options array). */
  readonly rules: Map<RuleId, Readonly<Record<string, unknown>>>;
  /** Set by the first rule to visit `Program`. */
  result?: AnalysisResult;
  readonly sourceFile: ts.SourceFile;
  readonly program?: ts.Program;
  /** ESLint's working directory and settings object, for the facts of files analysed ahead (ahead.ts). */
  readonly cwd: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** By ESLint's SourceCode object, which is the same for every rule during one lint of one text. */
const sessions = new WeakMap<object, FileSession>();

/**
 * Analysis results by program (or, untyped, the source file itself), source file, catalogue, then enabled rules and
 * their options. The program is part of the key because a typed result depends on the other files too: TypeScript
 * reuses an unchanged file's SourceFile in the next program, but a change in a module it imports makes a new program.
 * Within one program, repeated lints of the same file (ESLint's fix passes, editors) are free.
 */
const results = new WeakMap<object, WeakMap<ts.SourceFile, WeakMap<Catalogue, Map<string, AnalysisResult>>>>();

/**
 * A number per set of network packages: the Node layer hands out the same set object while package.json is unchanged,
 * so the set's identity stands for its contents in the cache key (spelling out every package name for every file
 * was a visible share of the adapter's time).
 */
const packageSetIds = new WeakMap<ReadonlySet<string>, number>();
let nextPackageSetId = 0;
function packageSetId(packages: ReadonlySet<string>): number {
  let id = packageSetIds.get(packages);
  if (id === undefined) packageSetIds.set(packages, (id = nextPackageSetId++));
  return id;
}

/**
 * Each rule's options as text, once per options object: ESLint hands every file of one config the same objects.
 * Serialising them for every file (with the day and the packages) was a tenth of the plugin's time outside the analysis.
 */
const optionTexts = new WeakMap<object, string>();
function optionsText(options: Readonly<Record<string, unknown>>): string {
  let text = optionTexts.get(options);
  if (text === undefined) optionTexts.set(options, (text = JSON.stringify(options)));
  return text;
}

/** The UTC day of `now` (`2026-12-03`), worked out again only when the day changes. */
let day = { from: 0, until: 0, text: '' };
function utcDay(now: Date): string {
  const time = now.getTime();
  if (time < day.from || time >= day.until) {
    const from = Math.floor(time / DAY_MS) * DAY_MS;
    day = { from, until: from + DAY_MS, text: new Date(from).toISOString().slice(0, 10) };
  }
  return day.text;
}
const DAY_MS = 24 * 60 * 60 * 1000;

export function sessionFor(file: LintedFile, rule: RuleId, options: Readonly<Record<string, unknown>>): FileSession {
  let session = sessions.get(file.sourceCode);
  if (session === undefined) {
    const fileName = path.resolve(file.cwd, file.filename);
    const { sourceFile, program } = sourceFileFor(fileName, file.sourceCode);
    const folder = folderFacts(fileName, file.cwd, file.settings);
    const { locale } = folder.settings;
    session = { resolution: folder.resolution, folder, rules: new Map(), sourceFile, program, cwd: file.cwd, settings: file.settings, ...(locale ? { locale } : {}) };
    sessions.set(file.sourceCode, session);
  }
  session.rules.set(rule, options);
  return session;
}

/** Runs the analysis for every rule registered so far, once. Returns undefined when there is no usable catalogue. */
export function analyse(session: FileSession): AnalysisResult | undefined {
  const catalogue = session.resolution.catalogue;
  if (catalogue === undefined) return undefined;
  if (session.result !== undefined) return session.result;
  const enabled = RULE_IDS.filter((id) => session.rules.has(id));
  // Suppression expiry depends on the day, so a result is reused only on the day it was computed.
  const now = new Date();
  const scope = session.program ?? session.sourceFile;
  let byFile = results.get(scope);
  if (byFile === undefined) results.set(scope, (byFile = new WeakMap()));
  // A run over many files of one program analyses files ahead of their lint (ahead.ts).
  const run = session.program === undefined ? undefined : lintRunOf(session.program, isMainThread);
  run?.lints(session.sourceFile);
  const key = resultKey(session, session.folder, enabled, now);
  const byOptions = resultsFor(byFile, session.sourceFile, catalogue);
  let result = byOptions.get(key);
  if (result === undefined) {
    result = analyseTarget(session, { sourceFile: session.sourceFile, facts: session.folder, catalogue }, enabled, now);
    byOptions.set(key, result);
    for (const sourceFile of run?.ahead(session.sourceFile, key) ?? []) {
      // Each file with its own folder's facts (catalogue, packages, Prisma schema) under the same settings; its
      // folder's, when it is the linted file's, from the per-folder window (catalogue.ts).
      const facts = folderFacts(sourceFile.fileName, session.cwd, session.settings);
      const other = facts.resolution.catalogue;
      if (other === undefined) continue;
      const forOther = resultsFor(byFile, sourceFile, other);
      const otherKey = resultKey(session, facts, enabled, now);
      if (forOther.has(otherKey)) continue;
      try {
        forOther.set(otherKey, analyseTarget(session, { sourceFile, facts, catalogue: other }, enabled, now));
      } catch {
        // Ahead of its lint only: the file is analysed again when ESLint lints it, and any failure is reported then.
      }
    }
  }
  session.result = result;
  return result;
}

/** A file to analyse, with what its folder shares (its own, or another folder's for a file analysed ahead). */
interface Target {
  readonly sourceFile: ts.SourceFile;
  readonly facts: FolderFacts;
  readonly catalogue: Catalogue;
}

/** Analyses `target` for the session's rules and options. */
function analyseTarget(session: FileSession, target: Target, enabled: readonly RuleId[], now: Date): AnalysisResult {
  const prismaSchema = target.facts.prismaSchema();
  const { locale } = target.facts.settings;
  return analyseFile({
    sourceFile: target.sourceFile,
    program: session.program,
    catalogue: target.catalogue,
    ...(prismaSchema ? { prismaSchema } : {}),
    networkPackages: target.facts.networkPackages(),
    // Only options the ESLint config sets: the core merges them over the catalogue's `settings.rules` and the defaults.
    options: { rules: new Set(enabled), ruleOptions: Object.fromEntries([...session.rules].filter(([, options]) => Object.keys(options).length > 0)), now, ...(locale ? { locale } : {}) },
  });
}

/**
 * What a result depends on besides its file and catalogue: the day, the locale, the project's npm packages that can
 * reach the network (the Node layer's answer, cached per package version, the same set object while package.json is
 * unchanged: data handed to one the catalogue does not name is an unknown destination, as in `avglint scan` and the
 * editor; a changed package.json gives a new set, so a new result), and the enabled rules with their options.
 */
function resultKey(session: FileSession, facts: FolderFacts, enabled: readonly RuleId[], now: Date): string {
  return `${utcDay(now)}\0${facts.settings.locale ?? ''}\0${packageSetId(facts.networkPackages())}\0${enabled.map((id) => `${id}=${optionsText(session.rules.get(id) ?? {})}`).join('\0')}`;
}

function resultsFor(byFile: WeakMap<ts.SourceFile, WeakMap<Catalogue, Map<string, AnalysisResult>>>, sourceFile: ts.SourceFile, catalogue: Catalogue): Map<string, AnalysisResult> {
  let byCatalogue = byFile.get(sourceFile);
  if (byCatalogue === undefined) byFile.set(sourceFile, (byCatalogue = new WeakMap()));
  let byOptions = byCatalogue.get(catalogue);
  if (byOptions === undefined) byCatalogue.set(catalogue, (byOptions = new Map()));
  return byOptions;
}

/**
 * The rule that reports problems that belong to no finding (a broken catalogue, a file that could not be analysed):
 * `avglint/catalogue`, their own rule, when the config enables it (both configs do); else the first registered avglint
 * rule in registry order, so each problem is reported once per file whichever rules are on and never lost.
 */
export function carrier(session: FileSession): RuleId | undefined {
  if (session.rules.has('catalogue')) return 'catalogue';
  return RULE_IDS.find((id) => session.rules.has(id));
}

/**
 * With typed linting the program's own SourceFile, so the analysis follows types and imports. Without it (plain JS,
 * no tsconfig) a SourceFile parsed from ESLint's text: the rules then work from names.
 */
function sourceFileFor(fileName: string, sourceCode: LintedFile['sourceCode']): { sourceFile: ts.SourceFile; program?: ts.Program } {
  const program = sourceCode.parserServices?.program ?? undefined;
  const fromProgram = program?.getSourceFile(fileName);
  // Offsets are reported against ESLint's text, so a program that holds another version of the file cannot be used.
  if (program !== undefined && fromProgram !== undefined && fromProgram.text === sourceCode.text) return { sourceFile: fromProgram, program };
  return { sourceFile: ts.createSourceFile(fileName, sourceCode.text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName)) };
}
