/**
 * The language server, independent of its transport: `startServer(connection)` wires every handler to a connection
 * that the entry point (stdio or node IPC) or a test (in-process streams) created.
 */
import * as path from 'node:path';
import { blameExceptions, catalogueNotFound, findRepositoryRoot, networkPackagesFor } from '@avglint/node';
import { analyseFile, catalogueFailure, DEFAULT_LOCALE, type Problem, buildReport, reportFileInput, type AnalysisResult, type Report, type ReportFileInput, checkPrismaSchema, findPrismaSchema, isPrismaSchemaFile, messageLocale, type Catalogue, type Finding, type FlowStep, type PrismaSchemaText, type Locale } from '@avglint/rules';
import * as ts from 'typescript';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Range,
  type WorkDoneProgressReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { catalogueCompletion, catalogueHover } from './catalogueDocument';
import { CatalogueProblems } from './catalogueProblems';
import { CATALOGUE_SETTING, catalogueHostOf, Catalogues, statusOf, type CatalogueState } from './catalogues';
import { codeActions, type CatalogueEntryTarget } from './codeActions';
import { applySuppressions, isCatalogueFileName, loadCatalogueFromText } from './core';
import { fileDiagnostic, findingToDiagnostic, problemToDiagnostic } from './diagnostics';
import { describeError, installCrashGuards, nodeFileSystem, type FileSystem } from './host';
import { codeHover } from './hover';
import { isSourceFile, Projects, SOURCE_EXTENSIONS, type AnalysisTarget, type OpenDocuments } from './projects';
import { Commands, ReportRequest, ScanWorkspaceRequest, SETTINGS_SECTION, ShowFlowRequest, StatusNotification } from './protocol';
import { EslintConfigs, withEslintRules } from './eslintConfig';
import { DEFAULT_SETTINGS, enabledRules, normaliseSettings, type Settings } from './settings';

export interface ServerOptions {
  /** Log instead of dying on uncaught exceptions (the stand-alone server; not in-process tests). */
  readonly crashGuards?: boolean;
  /** The file system; tests may pass an overlay. */
  readonly fileSystem?: FileSystem;
}

/** What the last analysis of an open document found, for hover, code actions and the flow request. */
interface DocumentAnalysis {
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly catalogueFile?: string;
}

export function uriToPath(uri: string): string {
  return path.resolve(URI.parse(uri).fsPath);
}

export function pathToUri(fileName: string): string {
  return URI.file(fileName).toString();
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const documents = new TextDocuments(TextDocument);
  const log = (message: string): void => connection.console.log(message);
  if (options.crashGuards) installCrashGuards((message) => connection.console.error(message));

  const openDocuments: OpenDocuments = {
    get(fileName) {
      const document = documents.get(pathToUri(fileName));
      return document ? { text: document.getText(), version: document.version } : undefined;
    },
  };
  const catalogueHost = catalogueHostOf(fileSystem);
  const projects = new Projects(openDocuments, fileSystem, log);
  const catalogues = new Catalogues(catalogueHost);
  /** What the analyses of source files met in catalogue files (`settings/conflict`), shown on the catalogue. */
  const catalogueProblems = new CatalogueProblems();
  /** An open catalogue document's own problems (the loader's, from its text) for the version they were found in. */
  const catalogueTextDiagnostics = new Map<string, { readonly version: number; readonly diagnostics: readonly Diagnostic[] }>();
  /** The last diagnostics published for each catalogue file, to publish only what changed. */
  const publishedCatalogue = new Map<string, string>();
  const analyses = new Map<string, DocumentAnalysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  const generations = new Map<string, number>();
  const scanned = new Set<string>();
  let lastStatus = '';
  let lastActiveUri: string | undefined;

  let workspaceFolders: WorkspaceFolder[] = [];
  let configurationSupported = false;
  let watchedFilesDynamic = false;
  let workDoneSupported = false;
  let foldersSupported = false;
  let pushedSettings: unknown;
  const settingsCache = new Map<string, Promise<Settings>>();
  /** Whether the client trusts the workspace (VS Code's `workspace.isTrusted`); untrusted unless it says so. */
  let workspaceTrusted = false;
  const eslintConfigs = new EslintConfigs(log);

  /**
   * The settings for one file: the folder's, with the severities and options of the project's ESLint config when the
   * workspace is trusted (loading `eslint.config.*` runs the workspace's code) and `avglint.useEslintConfig` is on.
   */
  async function fileSettingsFor(uri: string, fileName: string): Promise<Settings> {
    const settings = await settingsFor(uri);
    if (!workspaceTrusted || !settings.useEslintConfig || !settings.enable) return settings;
    const folder = workspaceFolderOf(fileName) ?? path.dirname(fileName);
    return withEslintRules(settings, await eslintConfigs.rulesFor(folder, fileName));
  }

  // ---- Settings -------------------------------------------------------------------------------------------------

  /** Settings per workspace folder (one request per folder, not per file: a workspace scan asks for thousands). */
  function settingsFor(uri: string): Promise<Settings> {
    if (!configurationSupported) return Promise.resolve(normaliseSettings(pushedSettings ?? {}));
    const folder = uri.startsWith('file:') ? workspaceFolderOf(uriToPath(uri)) : undefined;
    const scopeUri = folder ? pathToUri(folder) : uri;
    let settings = settingsCache.get(scopeUri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        .then(normaliseSettings, (error: unknown) => {
          log(`avglint: could not read settings (${describeError(error)}); using defaults`);
          return DEFAULT_SETTINGS;
        });
      settingsCache.set(scopeUri, settings);
    }
    return settings;
  }

  function workspaceFolderOf(fileName: string): string | undefined {
    const folders = workspaceFolders.map((f) => uriToPath(f.uri)).sort((a, b) => b.length - a.length);
    return folders.find((f) => fileName === f || fileName.startsWith(f + path.sep)) ?? folders[folders.length - 1];
  }

  // ---- Status ---------------------------------------------------------------------------------------------------

  function sendStatus(status: StatusNotification.Params): void {
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    lastStatus = key;
    void connection.sendNotification(StatusNotification.method, status);
  }

  function statusFor(file: string | undefined, state: CatalogueState | undefined): StatusNotification.Params {
    return statusOf(file, state, pathToUri);
  }

  // ---- Analysis of source documents ------------------------------------------------------------------------------

  function locateStep(step: FlowStep, document: TextDocument, target: AnalysisTarget): { uri: string; range: Range } {
    if (step.file === target.sourceFile.fileName) {
      return { uri: document.uri, range: { start: document.positionAt(step.range.start), end: document.positionAt(step.range.end) } };
    }
    const other = target.program?.getSourceFile(step.file);
    if (other) {
      const start = other.getLineAndCharacterOfPosition(step.range.start);
      const end = other.getLineAndCharacterOfPosition(step.range.end);
      return { uri: pathToUri(step.file), range: { start, end } };
    }
    const start = { line: Math.max(0, step.line - 1), character: Math.max(0, step.column - 1) };
    return { uri: pathToUri(step.file), range: { start, end: { line: start.line, character: start.character + Math.max(0, step.range.end - step.range.start) } } };
  }

  interface AnalysisOutcome {
    readonly diagnostics: Diagnostic[];
    readonly findings: readonly Finding[];
    readonly catalogueFile?: string;
    /** The catalogue's state as this analysis saw it; absent when the analysis failed before it knew. */
    readonly status?: StatusNotification.Params;
    readonly cancelled: boolean;
    /** Problems the analysis met in the catalogue or a file it extends (`settings/conflict`): for the catalogue's document. */
    readonly catalogueProblems?: readonly Problem[];
    /** With `observe`: the analysed file and the core's result with its observations, for the privacy report. */
    readonly observed?: { readonly sourceFile: ts.SourceFile; readonly result: AnalysisResult; readonly catalogue: Catalogue };
  }

  function analyseTextUnguarded(document: TextDocument, fileName: string, settings: Settings, isCancelled: () => boolean, observe = false): AnalysisOutcome {
    // Catalogue problems in the editor's locale, else the catalogue's own `settings.locale`.
    catalogues.useLocale(settings.locale ?? undefined);
    const catalogueFile = catalogues.locate(fileName, settings.catalogue, workspaceFolderOf(fileName));
    if (!catalogueFile) {
      const problem = catalogueNotFound(fileName, CATALOGUE_SETTING, settings.locale ?? DEFAULT_LOCALE);
      return {
        diagnostics: [fileDiagnostic(document, problem.code, `${problem.message} ${problem.hint}`)],
        findings: [],
        status: statusFor(undefined, undefined),
        cancelled: false,
      };
    }
    const state = catalogues.get(catalogueFile);
    const status = statusFor(catalogueFile, state);
    if (!state.catalogue) {
      const first = state.problems.find((p) => p.severity === 'error');
      if (first?.code === 'catalogue/not-found') {
        return { diagnostics: [fileDiagnostic(document, first.code, `${first.message} ${first.hint}`)], findings: [], catalogueFile, status, cancelled: false };
      }
      // The line ESLint and `avglint scan` show for the same catalogue (paths relative to the workspace folder); every
      // problem is a diagnostic on the catalogue file itself, and related information here leads to each.
      const folder = workspaceFolderOf(fileName) ?? path.dirname(catalogueFile);
      const relative = (file: string): string => (path.relative(folder, file).startsWith('..') ? file : path.relative(folder, file).split(path.sep).join('/') || file);
      const diagnostic = fileDiagnostic(document, 'catalogue/invalid', catalogueFailure(state.problems, state.locale, relative).summary);
      diagnostic.relatedInformation = state.problems.map((p) => ({ location: { uri: pathToUri(p.file), range: problemToDiagnostic(p).range }, message: `${p.message} (${p.hint})` }));
      return {
        diagnostics: [diagnostic],
        findings: [],
        catalogueFile,
        status,
        cancelled: false,
      };
    }
    if (isPrismaSchemaFile(fileName)) {
      // A Prisma schema: its models need a `/// @retention` (the same judgement as an entity's `@retention`).
      if (!enabledRules(settings).has('require-retention')) return { diagnostics: [], findings: [], catalogueFile, status, cancelled: false };
      const findings = checkPrismaSchema({ fileName, text: document.getText() }, state.catalogue, ...(settings.locale !== null ? [settings.locale] : []));
      const locale = messageLocale(settings.locale ?? undefined, state.catalogue);
      const locate = (step: FlowStep): { uri: string; range: Range } => ({ uri: document.uri, range: { start: document.positionAt(step.range.start), end: document.positionAt(step.range.end) } });
      return { diagnostics: findings.map((f) => findingToDiagnostic(f, document, settings, locate, locale)), findings, catalogueFile, status, cancelled: false };
    }
    const target = projects.target(fileName);
    if (!target) {
      // A file the parser could not finish is an error on that file, never a silent pass.
      const problem = projects.problemOf(fileName);
      return { diagnostics: problem ? [problemToDiagnostic(problem)] : [], findings: [], catalogueFile, status, cancelled: false };
    }
    const prismaSchema = prismaSchemaFor(fileName);
    const result = analyseFile({
      sourceFile: target.sourceFile,
      program: target.program,
      catalogue: state.catalogue,
      ...(prismaSchema ? { prismaSchema } : {}),
      // The project's npm packages that reach the network, from the Node layer as in scan and ESLint (cached per
      // package version): data handed to one the catalogue does not name is an unknown destination here too.
      networkPackages: networkPackagesFor(fileName),
      // The report needs every rule's verdict, allowed or not; the diagnostics below still show the enabled rules only.
      options: { rules: observe ? undefined : enabledRules(settings), ruleOptions: settings.ruleOptions, now: new Date(), observe, ...(settings.locale !== null ? { locale: settings.locale } : {}) },
      isCancelled,
    });
    if (result.cancelled) return { diagnostics: [], findings: [], catalogueFile, status, cancelled: true };
    const rules = enabledRules(settings);
    const findings = applySuppressions(target.sourceFile, result.findings).filter((f) => rules.has(f.ruleId));
    const locale = messageLocale(settings.locale ?? undefined, state.catalogue);
    const diagnostics = findings.map((f) => findingToDiagnostic(f, document, settings, (step) => locateStep(step, document, target), locale));
    const inCatalogue: Problem[] = [];
    const catalogueFiles = new Set(state.catalogue.files.map((f) => path.resolve(f)));
    for (const problem of result.problems) {
      const at = path.resolve(problem.file);
      if (at === fileName) diagnostics.push(problemToDiagnostic(problem));
      else if (catalogueFiles.has(at)) inCatalogue.push(problem);
    }
    return { diagnostics, findings, catalogueFile, status, cancelled: false, catalogueProblems: inCatalogue, ...(observe ? { observed: { sourceFile: target.sourceFile, result, catalogue: state.catalogue } } : {}) };
  }

  /** The project's Prisma schema for a source file: the open document's text, else the file on disk. */
  function prismaSchemaFor(fileName: string): PrismaSchemaText | undefined {
    const schemaFile = findPrismaSchema(fileName, catalogueHost);
    if (schemaFile === undefined) return undefined;
    const text = documents.get(pathToUri(schemaFile))?.getText() ?? catalogueHost.readFile(schemaFile);
    return text === undefined ? undefined : { fileName: schemaFile, text };
  }

  /** Analyses one source file's current text (open document or disk). Never throws: a failure is this file's diagnostic. */
  function analyseText(document: TextDocument, fileName: string, settings: Settings, isCancelled: () => boolean, observe = false): AnalysisOutcome {
    try {
      return analyseTextUnguarded(document, fileName, settings, isCancelled, observe);
    } catch (error) {
      // The core promises not to throw; the file system or TypeScript may. The file says so and the server carries on.
      log(`avglint: analysing ${fileName} failed: ${describeError(error)}`);
      return {
        diagnostics: [fileDiagnostic(document, 'analysis/internal-error', `avglint could not analyse this file: ${error instanceof Error ? error.message : String(error)}. The avglint output has the details; please report it if it persists.`)],
        findings: [],
        cancelled: false,
      };
    }
  }

  async function analyseDocument(uri: string): Promise<void> {
    const generation = (generations.get(uri) ?? 0) + 1;
    generations.set(uri, generation);
    const document = documents.get(uri);
    if (!document) return;
    const fileName = uriToPath(uri);
    if (isCatalogueDocument(fileName)) {
      validateCatalogueDocument(document);
      return;
    }
    if (!isSourceFile(fileName) && !isPrismaSchemaFile(fileName)) return;
    const settings = await fileSettingsFor(uri, fileName);
    // Another edit or a newer run may have come while the settings were fetched.
    const current = documents.get(uri);
    if (!current || generations.get(uri) !== generation) return;
    if (!settings.enable) {
      analyses.delete(uri);
      recordCatalogueProblems(uri, []);
      void connection.sendDiagnostics({ uri, version: current.version, diagnostics: [] });
      sendStatus({ state: 'disabled', problems: 0, servingLastGood: false, message: 'avglint: disabled (avglint.enable is false)' });
      return;
    }
    const version = current.version;
    const isCancelled = (): boolean => generations.get(uri) !== generation || documents.get(uri)?.version !== version;
    const outcome = analyseText(current, fileName, settings, isCancelled);
    if (outcome.cancelled || isCancelled()) return;
    analyses.set(uri, { version, findings: outcome.findings, catalogueFile: outcome.catalogueFile });
    void connection.sendDiagnostics({ uri, version, diagnostics: outcome.diagnostics });
    recordCatalogueProblems(uri, outcome.catalogueProblems ?? [], outcome.catalogueFile);
    if (outcome.status) sendStatus(outcome.status);
  }

  function schedule(uri: string, delay: number): void {
    const previous = timers.get(uri);
    if (previous) clearTimeout(previous);
    // Bumping the generation now cancels a run that is waiting for its settings.
    generations.set(uri, (generations.get(uri) ?? 0) + 1);
    const run = (): void => {
      timers.delete(uri);
      analyseDocument(uri).catch((error: unknown) => log(`avglint: analysis of ${uri} failed: ${describeError(error)}`));
    };
    if (delay <= 0) {
      timers.delete(uri);
      run();
    } else timers.set(uri, setTimeout(run, delay));
  }

  async function scheduleWithSettings(uri: string): Promise<void> {
    const settings = await settingsFor(uri);
    schedule(uri, settings.debounceMs);
  }

  function reanalyseOpenDocuments(): void {
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  // ---- The catalogue file --------------------------------------------------------------------------------------

  /** A catalogue by its name, one in use (a configured path with another name), or a file one of them extends. */
  function isCatalogueDocument(fileName: string): boolean {
    return isCatalogueFileName(fileName) || catalogues.peek(fileName) !== undefined || catalogues.dependents(fileName).length > 0;
  }

  /**
   * What the analysis of `source` met in catalogue files, published on those files; with `catalogueFile`, that
   * catalogue's own problems too the first time, so a broken catalogue shows its errors even when it is not open.
   */
  function recordCatalogueProblems(source: string, problems: readonly Problem[], catalogueFile?: string): void {
    const changed = new Set(catalogueProblems.set(source, problems));
    for (const file of catalogueFile === undefined ? [] : (catalogues.peek(catalogueFile)?.files ?? [catalogueFile])) changed.add(path.resolve(file));
    for (const file of changed) publishCatalogue(file);
  }

  /**
   * Publishes a catalogue file's diagnostics: its own problems (from the open document's text, else from the saved
   * file as loaded) and the problems analyses met in it, each once. Only what changed is sent again.
   */
  function publishCatalogue(file: string, force = false): void {
    const uri = pathToUri(file);
    const document = documents.get(uri);
    // The hint's word in the language of the catalogue's problems.
    const locale: Locale = catalogues.peek(file)?.locale ?? DEFAULT_LOCALE;
    let own: readonly Diagnostic[];
    if (document) {
      const validated = catalogueTextDiagnostics.get(uri);
      // The document changed since it was validated: its validation is scheduled and publishes everything.
      if (validated?.version !== document.version) return;
      own = validated.diagnostics;
    } else {
      own = fileSystem.fileExists(file) ? catalogues.problemsAt(file).map((p) => problemToDiagnostic(p, locale)) : [];
    }
    const diagnostics = [...own, ...catalogueProblems.at(file).map((p) => problemToDiagnostic(p, locale))];
    const key = JSON.stringify([document?.version, diagnostics]);
    const previous = publishedCatalogue.get(uri);
    if (!force && (previous === key || (previous === undefined && diagnostics.length === 0))) return;
    publishedCatalogue.set(uri, key);
    void connection.sendDiagnostics({ uri, ...(document ? { version: document.version } : {}), diagnostics });
  }

  /** The server's own words on a catalogue document, in the locale of its problems. */
  const CATALOGUE_WORDS: Readonly<Record<Locale, { readonly in: string; readonly hint: string; readonly servingLastGood: string }>> = {
    en: { in: 'In', hint: 'Hint', servingLastGood: 'The saved catalogue has errors, so avglint keeps analysing with the last valid version until they are fixed and the file is saved again.' },
    nl: { in: 'In', hint: 'Tip', servingLastGood: 'De opgeslagen catalogus heeft fouten; avglint blijft analyseren met de laatste geldige versie tot ze zijn opgelost en het bestand weer is opgeslagen.' },
  };

  function validateCatalogueDocument(document: TextDocument): void {
    const fileName = uriToPath(document.uri);
    const result = loadCatalogueFromText(fileName, document.getText(), catalogueHost, { now: new Date(), root: findRepositoryRoot(fileName), ...catalogues.localeOption() });
    const diagnostics: Diagnostic[] = [];
    for (const problem of result.problems) {
      if (path.resolve(problem.file) === fileName) diagnostics.push(problemToDiagnostic(problem, result.locale));
      else {
        const d = fileDiagnostic(document, problem.code, `${CATALOGUE_WORDS[result.locale].in} ${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n${CATALOGUE_WORDS[result.locale].hint}: ${problem.hint}`, problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);
        diagnostics.push(d);
      }
    }
    const state = catalogues.peek(fileName);
    if (state?.broken && state.servingLastGood) {
      diagnostics.push(
        fileDiagnostic(document, 'catalogue/serving-last-good', CATALOGUE_WORDS[result.locale].servingLastGood, DiagnosticSeverity.Warning),
      );
    }
    catalogueTextDiagnostics.set(document.uri, { version: document.version, diagnostics });
    publishCatalogue(fileName, true);
  }

  /** The catalogue changed (saved in the editor or on disk): reload it and re-analyse what depends on it. */
  function catalogueChanged(file: string, savedText?: string): void {
    const affected = catalogues.dependents(file);
    if (affected.length === 0) affected.push(file);
    for (const catalogueFile of affected) {
      const state = catalogues.reload(catalogueFile, catalogueFile === file ? savedText : undefined);
      sendStatus(statusFor(catalogueFile, state));
      log(`avglint: reloaded ${catalogueFile}: ${state.broken ? `${state.problems.length} problem(s)${state.servingLastGood ? ', the last valid version keeps serving' : ''}` : 'valid'}`);
    }
    const document = documents.get(pathToUri(file));
    if (document) validateCatalogueDocument(document);
    // A catalogue that is not open shows its saved file's problems (and a fixed one none) without waiting for an analysis.
    for (const catalogueFile of affected) {
      for (const read of catalogues.peek(catalogueFile)?.files ?? [catalogueFile]) if (!documents.get(pathToUri(path.resolve(read)))) publishCatalogue(path.resolve(read));
    }
    reanalyseOpenDocuments();
  }

  // ---- Workspace scan -------------------------------------------------------------------------------------------

  async function scanWorkspace(params: ScanWorkspaceRequest.Params): Promise<ScanWorkspaceRequest.Result> {
    const folders = (params.folders ?? workspaceFolders.map((f) => f.uri)).map(uriToPath);
    const files = folders.flatMap((folder) => fileSystem.listSourceFiles(folder));
    let progress: WorkDoneProgressReporter | undefined;
    let isCancelled = (): boolean => false;
    if (params.workDoneToken !== undefined) progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    else if (workDoneSupported) {
      const created = await connection.window.createWorkDoneProgress();
      isCancelled = () => created.token.isCancellationRequested;
      progress = created;
    }
    progress?.begin('avglint: scanning the workspace', 0, `${files.length} files`, true);
    let findings = 0;
    let problems = 0;
    let cancelled = false;
    try {
      for (const [i, fileName] of files.entries()) {
        if (isCancelled()) {
          cancelled = true;
          break;
        }
        const uri = pathToUri(fileName);
        progress?.report(Math.round((i / Math.max(1, files.length)) * 100), path.relative(folders[0] ?? '', fileName));
        const open = documents.get(uri);
        if (open) {
          findings += analyses.get(uri)?.findings.length ?? 0;
          continue;
        }
        const outcome = await scanFile(fileName, uri);
        findings += outcome.findings;
        problems += outcome.problems;
        // Yield between files so edits and hovers are served during a long scan.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      progress?.done();
    }
    log(`avglint: scanned ${files.length} files: ${findings} finding(s), ${problems} problem(s)${cancelled ? ' (cancelled)' : ''}`);
    return { files: files.length, findings, problems, cancelled };
  }

  async function scanFile(fileName: string, uri: string): Promise<{ findings: number; problems: number }> {
    const text = fileSystem.readFile(fileName);
    if (text === undefined) return { findings: 0, problems: 0 };
    const settings = await fileSettingsFor(uri, fileName);
    if (!settings.enable) return { findings: 0, problems: 0 };
    const document = TextDocument.create(uri, /\.(tsx?|mts|cts)$/.test(fileName) ? 'typescript' : 'javascript', 0, text);
    const outcome = analyseText(document, fileName, settings, () => false);
    scanned.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics: outcome.diagnostics });
    recordCatalogueProblems(uri, outcome.catalogueProblems ?? [], outcome.catalogueFile);
    return { findings: outcome.findings.length, problems: outcome.diagnostics.length - outcome.findings.length };
  }

  // ---- Privacy report -------------------------------------------------------------------------------------------

  /**
   * The FG's report of one workspace folder: every source file analysed with observations (open documents as the
   * editor has them), built into the core's report model. The client renders it.
   */
  async function workspaceReport(params: ReportRequest.Params): Promise<ReportRequest.Result> {
    const folderUri = params.folder ?? workspaceFolders[0]?.uri;
    if (folderUri === undefined) return { message: 'avglint: open a folder to make its privacy report.' };
    const folder = uriToPath(folderUri);
    const files: ReportFileInput[] = [];
    const problems: Report['problems'][number][] = [];
    let catalogue: Catalogue | undefined;
    let typed = false;
    for (const fileName of fileSystem.listSourceFiles(folder)) {
      const uri = pathToUri(fileName);
      const settings = await settingsFor(uri);
      if (!settings.enable) continue;
      const text = documents.get(uri)?.getText() ?? fileSystem.readFile(fileName);
      if (text === undefined) continue;
      const document = TextDocument.create(uri, /\.(tsx?|mts|cts)$/.test(fileName) ? 'typescript' : 'javascript', 0, text);
      const outcome = analyseText(document, fileName, settings, () => false, true);
      if (outcome.observed) {
        files.push(reportFileInput(folder, outcome.observed.sourceFile, outcome.observed.result));
        catalogue ??= outcome.observed.catalogue;
        typed ||= projects.target(fileName)?.program !== undefined;
        for (const p of outcome.observed.result.problems) problems.push({ file: path.relative(folder, p.file).split(path.sep).join('/'), line: p.line, column: p.column, code: p.code, message: p.message });
      }
      // Yield between files so edits and hovers are served while the report is made.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (!catalogue) return { folder, message: 'avglint: no usable catalogue for this folder, so there is no report (see the status bar).' };
    // Who wrote each disable comment and when (`git blame`), by the Node layer as in `avglint report`.
    const report = buildReport({ catalogue, project: path.basename(folder), typed, files: blameExceptions(folder, files), problems, now: new Date(), catalogueFiles: catalogue.files.map((f) => path.relative(folder, f).split(path.sep).join('/')) });
    log(`avglint: privacy report of ${folder}: ${report.summary.flows} flows (${report.summary.notAllowed} not allowed) in ${files.length} files`);
    return { report, folder };
  }

  // ---- Handlers ---------------------------------------------------------------------------------------------------

  /** Every request handler goes through here: a failure is logged and answered with `fallback`, never fatal. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        log(`avglint: ${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  /** Every notification handler goes through here: a failure is logged, and the next message is served as usual. */
  function guardEvent<E>(name: string, handler: (event: E) => void): (event: E) => void {
    return (event: E) => {
      try {
        handler(event);
      } catch (error) {
        log(`avglint: ${name} failed: ${describeError(error)}`);
      }
    };
  }

  function catalogueOf(uri: string): Catalogue | undefined {
    const file = analyses.get(uri)?.catalogueFile;
    return file ? catalogues.peek(file)?.catalogue : undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(uriToPath(params.rootUri)) }] : []);
    configurationSupported = params.capabilities.workspace?.configuration === true;
    watchedFilesDynamic = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workDoneSupported = params.capabilities.window?.workDoneProgress === true;
    foldersSupported = params.capabilities.workspace?.workspaceFolders === true;
    const initOptions = params.initializationOptions as { settings?: unknown; workspaceTrusted?: unknown } | undefined;
    pushedSettings = initOptions?.settings;
    workspaceTrusted = initOptions?.workspaceTrusted === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '[', ','], resolveProvider: false },
        executeCommandProvider: { commands: [Commands.scanWorkspace, Commands.openCatalogue, Commands.openCatalogueEntry] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'avglint', version: '0.1.0' },
    };
  });

  connection.onInitialized(guardEvent('initialized', () => {
    if (watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/avglint.catalogue.{yaml,yml}' }, { globPattern: '**/tsconfig.json' }, { globPattern: `**/*.{${SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}` }],
      });
    }
    if (foldersSupported) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspaceFolders = [...workspaceFolders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
        catalogues.forgetLocations();
        reanalyseOpenDocuments();
      });
    }
    log(`avglint language server ${ts.version ? `(TypeScript ${ts.version})` : ''} ready; workspace: ${workspaceFolders.map((f) => uriToPath(f.uri)).join(', ') || '(none)'}`);
  }));

  connection.onDidChangeConfiguration(guardEvent('configuration change', (change) => {
    const settings = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (settings !== undefined) pushedSettings = settings;
    settingsCache.clear();
    eslintConfigs.clear();
    catalogues.forgetLocations();
    reanalyseOpenDocuments();
  }));

  /** The version each document was opened with: `TextDocuments` follows every open with a content change for it. */
  const openedVersions = new Map<string, number>();
  documents.onDidOpen(guardEvent('open', (event) => {
    lastActiveUri = event.document.uri;
    openedVersions.set(event.document.uri, event.document.version);
    projects.documentChanged();
    schedule(event.document.uri, 0);
  }));
  documents.onDidChangeContent(guardEvent('change', (event) => {
    if (openedVersions.get(event.document.uri) === event.document.version) return;
    lastActiveUri = event.document.uri;
    projects.documentChanged();
    void scheduleWithSettings(event.document.uri).catch((error: unknown) => log(`avglint: ${describeError(error)}`));
  }));
  documents.onDidSave(guardEvent('save', (event) => {
    const fileName = uriToPath(event.document.uri);
    if (isCatalogueDocument(fileName)) catalogueChanged(fileName, event.document.getText());
  }));
  documents.onDidClose(guardEvent('close', (event) => {
    const uri = event.document.uri;
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
    generations.set(uri, (generations.get(uri) ?? 0) + 1);
    analyses.delete(uri);
    openedVersions.delete(uri);
    const fileName = uriToPath(uri);
    // The disk now speaks for the file; it may have been saved while open, and not every client reports that.
    projects.diskChanged(fileName, 'changed');
    if (catalogueTextDiagnostics.delete(uri)) {
      // A closed catalogue shows what the saved file and the analyses say about it.
      publishCatalogue(fileName, true);
      return;
    }
    if (scanned.has(uri) && isSourceFile(fileName)) void scanFile(fileName, uri).catch((error: unknown) => log(`avglint: ${describeError(error)}`));
    else {
      for (const file of catalogueProblems.delete(uri)) publishCatalogue(file);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }));

  connection.onDidChangeWatchedFiles(guardEvent('watched files', (params) => {
    let sourcesChanged = false;
    for (const change of params.changes) {
      const fileName = uriToPath(change.uri);
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      // An ESLint config changed: its severities and options are read again.
      if (/^eslint\.config\.[cm]?[jt]s$/u.test(path.basename(fileName))) eslintConfigs.clear();
      if (isCatalogueFileName(fileName) || catalogues.dependents(fileName).length > 0) {
        if (kind !== 'changed') catalogues.forgetLocations();
        if (kind === 'deleted') catalogues.forget(fileName);
        // A catalogue open in the editor is reloaded on save; the disk event of that save adds nothing.
        if (!documents.get(change.uri) && kind !== 'deleted') catalogueChanged(fileName);
        else if (kind === 'deleted') reanalyseOpenDocuments();
      } else {
        projects.diskChanged(fileName, kind);
        sourcesChanged = true;
      }
    }
    if (sourcesChanged) reanalyseOpenDocuments();
  }));

  connection.onHover(
    guard('hover', null, async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const fileName = uriToPath(document.uri);
      if (isCatalogueDocument(fileName)) return catalogueHover(document, params.position);
      if (!isSourceFile(fileName)) return null;
      const analysis = analyses.get(document.uri);
      const findings = analysis?.version === document.version ? analysis.findings : [];
      const catalogue = catalogueOf(document.uri);
      const settings = await settingsFor(document.uri);
      const locale = messageLocale(settings.locale ?? undefined, catalogue ?? {});
      return codeHover(document, document.offsetAt(params.position), projects.target(fileName), catalogue, findings, locale);
    }),
  );

  connection.onCompletion(
    guard('completion', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !isCatalogueDocument(uriToPath(document.uri))) return [];
      return catalogueCompletion(document, params.position);
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      return codeActions(document, params.context.diagnostics, catalogueOf(document.uri));
    }),
  );

  async function showCatalogueEntry(target: CatalogueEntryTarget): Promise<boolean> {
    const position = { line: Math.max(0, target.line - 1), character: Math.max(0, target.column - 1) };
    const result = await connection.window.showDocument({ uri: pathToUri(target.file), takeFocus: true, selection: { start: position, end: position } });
    return result.success;
  }

  async function openCatalogue(argument: unknown): Promise<boolean> {
    const uri = typeof argument === 'object' && argument !== null && typeof (argument as { uri?: unknown }).uri === 'string' ? (argument as { uri: string }).uri : lastActiveUri;
    const fileName = uri ? uriToPath(uri) : undefined;
    const folder = workspaceFolders[0] ? uriToPath(workspaceFolders[0].uri) : undefined;
    const from = fileName ?? (folder ? path.join(folder, 'index.ts') : undefined);
    const settings = await settingsFor(uri ?? (folder ? pathToUri(folder) : ''));
    const file = from ? catalogues.locate(from, settings.catalogue, folder) : undefined;
    if (!file || !fileSystem.fileExists(file)) {
      void connection.window.showWarningMessage('avglint: no avglint.catalogue.yaml found. Put the FG\'s catalogue in the repository root or set avglint.catalogue.');
      return false;
    }
    return showCatalogueEntry({ file, line: 1, column: 1 });
  }

  connection.onExecuteCommand(
    guard('command', null as unknown, async (params) => {
      const argument: unknown = params.arguments?.[0];
      switch (params.command) {
        case Commands.scanWorkspace:
          return scanWorkspace({ ...(typeof argument === 'object' && argument !== null ? (argument as ScanWorkspaceRequest.Params) : {}), workDoneToken: params.workDoneToken });
        case Commands.openCatalogue:
          return openCatalogue(argument);
        case Commands.openCatalogueEntry: {
          const target = argument as Partial<CatalogueEntryTarget> | undefined;
          if (!target || typeof target.file !== 'string') return false;
          return showCatalogueEntry({ file: target.file, line: Number(target.line) || 1, column: Number(target.column) || 1 });
        }
        default:
          return null;
      }
    }),
  );

  connection.onRequest(
    ScanWorkspaceRequest.method,
    guard<ScanWorkspaceRequest.Params, ScanWorkspaceRequest.Result>('workspace scan', { files: 0, findings: 0, problems: 0, cancelled: true }, (params) => scanWorkspace(params ?? {})),
  );
  connection.onRequest(
    ReportRequest.method,
    guard<ReportRequest.Params, ReportRequest.Result>('privacy report', { message: 'avglint: the privacy report failed; the avglint output has the details.' }, (params) => workspaceReport(params ?? {})),
  );

  connection.onRequest(
    ShowFlowRequest.method,
    guard<ShowFlowRequest.Params, ShowFlowRequest.Result>('show flow', { steps: [] }, (params) => {
      const document = documents.get(params.textDocument.uri);
      const analysis = analyses.get(params.textDocument.uri);
      if (!document || !analysis) return { steps: [] };
      const offset = document.offsetAt(params.position);
      const candidates = analysis.findings.filter((f) => f.range.start <= offset && offset <= f.range.end);
      const finding = candidates.find((f) => f.path.length > 1) ?? candidates[0];
      if (!finding) return { steps: [] };
      const target = projects.target(uriToPath(document.uri));
      const steps = finding.path.map((step) => {
        const location = target ? locateStep(step, document, target) : { uri: pathToUri(step.file), range: { start: { line: step.line - 1, character: step.column - 1 }, end: { line: step.line - 1, character: step.column - 1 } } };
        return { kind: step.kind, uri: location.uri, range: location.range, description: step.description };
      });
      return { rule: finding.ruleId, message: finding.message, steps };
    }),
  );

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    projects.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
