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
import { analyseFile, RULE_IDS, type AnalysisInput, type AnalysisResult, type Catalogue, type Locale, type RuleId } from '@avglint/rules';
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
    session = { resolution: folder.resolution, folder, rules: new Map(), sourceFile, program, ...(locale ? { locale } : {}) };
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
  // The project's npm packages that can reach the network (the Node layer's answer, cached per package version, the
  // same set object while package.json is unchanged): data handed to one the catalogue does not name is an unknown
  // destination, as in `avglint scan` and the editor. A changed package.json gives a new set, so a new result.
  const networkPackages = session.folder.networkPackages();
  const key = `${utcDay(now)}\0${session.locale ?? ''}\0${packageSetId(networkPackages)}\0${enabled.map((id) => `${id}=${optionsText(session.rules.get(id) ?? {})}`).join('\0')}`;
  const scope = session.program ?? session.sourceFile;
  let byFile = results.get(scope);
  if (byFile === undefined) results.set(scope, (byFile = new WeakMap()));
  const byOptions = resultsFor(byFile, session.sourceFile, catalogue);
  let result = byOptions.get(key);
  if (result === undefined) {
    const prismaSchema = session.folder.prismaSchema();
    const input = (sourceFile: ts.SourceFile): AnalysisInput => ({
      sourceFile,
      program: session.program,
      catalogue,
      ...(prismaSchema ? { prismaSchema } : {}),
      networkPackages,
      // Only options the ESLint config sets: the core merges them over the catalogue's `settings.rules` and the defaults.
      options: { rules: new Set(enabled), ruleOptions: Object.fromEntries([...session.rules].filter(([, options]) => Object.keys(options).length > 0)), now, ...(session.locale ? { locale: session.locale } : {}) },
    });
    result = analyseFile(input(session.sourceFile));
    byOptions.set(key, result);
    if (session.program !== undefined) {
      for (const sibling of siblingsToAnalyse(session.program, session.sourceFile, key)) {
        const forSibling = resultsFor(byFile, sibling, catalogue);
        if (forSibling.has(key)) continue;
        try {
          forSibling.set(key, analyseFile(input(sibling)));
        } catch {
          // Ahead of time only: the sibling is analysed again when ESLint lints it, and any failure is reported then.
        }
      }
    }
  }
  session.result = result;
  return result;
}

function resultsFor(byFile: WeakMap<ts.SourceFile, WeakMap<Catalogue, Map<string, AnalysisResult>>>, sourceFile: ts.SourceFile, catalogue: Catalogue): Map<string, AnalysisResult> {
  let byCatalogue = byFile.get(sourceFile);
  if (byCatalogue === undefined) byFile.set(sourceFile, (byCatalogue = new WeakMap()));
  let byOptions = byCatalogue.get(catalogue);
  if (byOptions === undefined) byCatalogue.set(catalogue, (byOptions = new Map()));
  return byOptions;
}

/**
 * What the plugin knows of a program's lint run: how many of its files it analysed, its source files by folder (made
 * when first needed) and the folders it analysed ahead, per result key.
 */
interface ProgramRun {
  /** The program's files analysed so far (an edit's lints analyse one file again and again). */
  readonly files: WeakSet<ts.SourceFile>;
  analysed: number;
  folders?: Map<string, ts.SourceFile[]>;
  readonly ahead: Set<string>;
}
const programRuns = new WeakMap<ts.Program, ProgramRun>();

/**
 * The other files of `file`'s folder to analyse now, ahead of their own lint, or none. ESLint lints a folder's files one
 * after another, each right after its own parse, and the analysis between two parses runs on cold caches and a young
 * heap full of the parse's objects: a folder's files analysed in one go cost about a sixth less (BENCHMARKS.md, "after
 * the seventh session"). The results wait in the per-file cache above, keyed like every other result, so a sibling
 * that is linted with other options, another catalogue or another text is simply analysed again then.
 *
 * Only once a second file of the same program is analysed: a lint run over many files, not an editor's lint of the
 * file being edited (every edit makes a new program). Not in a worker thread (ESLint's `--concurrency`), where the
 * folder's other files may be linted by another thread. A folder is analysed ahead once per program and result key.
 */
function siblingsToAnalyse(program: ts.Program, file: ts.SourceFile, key: string): readonly ts.SourceFile[] {
  let run = programRuns.get(program);
  if (run === undefined) programRuns.set(program, (run = { files: new WeakSet(), analysed: 0, ahead: new Set() }));
  if (!run.files.has(file)) {
    run.files.add(file);
    run.analysed++;
  }
  if (run.analysed < 2 || !isMainThread) return [];
  const folder = folderOf(file.fileName);
  const aheadKey = `${folder}\0${key}`;
  if (run.ahead.has(aheadKey)) return [];
  run.ahead.add(aheadKey);
  run.folders ??= lintableByFolder(program);
  return (run.folders.get(folder) ?? []).filter((sibling) => sibling !== file);
}

/** The program's own script files by folder: no declaration files, nothing from node_modules, no JSON. */
function lintableByFolder(program: ts.Program): Map<string, ts.SourceFile[]> {
  const folders = new Map<string, ts.SourceFile[]>();
  for (const sourceFile of program.getSourceFiles()) {
    const name = sourceFile.fileName;
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile) || name.includes('/node_modules/') || !SCRIPT.test(name)) continue;
    const folder = folderOf(name);
    const files = folders.get(folder);
    if (files) files.push(sourceFile);
    else folders.set(folder, [sourceFile]);
  }
  return folders;
}
const SCRIPT = /\.[cm]?[jt]sx?$/;

/** A program file's folder: TypeScript's file names use `/` on every platform. */
function folderOf(fileName: string): string {
  return fileName.slice(0, fileName.lastIndexOf('/'));
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
