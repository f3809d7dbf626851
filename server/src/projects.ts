/**
 * TypeScript programs for the analysis, kept warm: one `ts.LanguageService` per tsconfig, whose host serves the open
 * documents' text (with their versions) over the disk. An edit bumps one script version, so the LanguageService
 * re-parses and re-binds only what changed. Files that no tsconfig includes (plain JavaScript, a folder without a
 * tsconfig) belong to an inferred program over their project — the nearest package.json's folder — with the Node
 * layer's `INFERRED_COMPILER_OPTIONS`, as the ESLint plugin's strict parser and `avglint scan` make it, so flows cross
 * `require`/`module.exports` and ES modules in the editor as in CI.
 *
 * A file TypeScript's parser cannot finish (it recurses per nesting level; about 800 nested parentheses overflow the
 * stack) would make every `getProgram` throw, and so every file of its project fail. Such a file is found, left out of
 * the program until its text changes, and reported on itself (`analysis/file-not-parsed`); its neighbours are analysed.
 */
import * as path from 'node:path';
import { INFERRED_COMPILER_OPTIONS, parseSourceText, scriptKindOf } from '@avglint/node';
import type { Problem } from '@avglint/rules';
import * as ts from 'typescript';
import type { FileSystem } from './host';

/** The text of open documents, which wins over the disk. */
export interface OpenDocuments {
  get(fileName: string): { readonly text: string; readonly version: number } | undefined;
}

export interface AnalysisTarget {
  readonly sourceFile: ts.SourceFile;
  /** The program the file belongs to (its tsconfig's, or the inferred one); absent for a single-file analysis from names. */
  readonly program?: ts.Program;
  /** The tsconfig the program comes from; absent for an inferred program. */
  readonly tsconfig?: string;
}

/** Where a project's files and options come from: a tsconfig.json, or the folder of an inferred program. */
type ProjectSource = { readonly tsconfig: string } | { readonly inferredRoot: string };

export { SOURCE_EXTENSIONS, isSourceFileName as isSourceFile } from '@avglint/node';

class Project {
  private readonly service: ts.LanguageService;
  private parsed: ts.ParsedCommandLine;
  private fileNames: Set<string>;
  private readonly diskVersions = new Map<string, number>();
  private projectVersion = 0;

  /** The tsconfig.json, or the folder of the inferred program: the project's name in logs, and its directory. */
  readonly name: string;
  readonly tsconfig: string | undefined;
  /** Files added to an inferred program because they were asked for (the walk skipped or had not seen them). */
  private readonly added = new Set<string>();

  constructor(
    private readonly source: ProjectSource,
    private readonly documents: OpenDocuments,
    private readonly fileSystem: FileSystem,
    private readonly log: (message: string) => void,
  ) {
    this.tsconfig = 'tsconfig' in source ? source.tsconfig : undefined;
    this.name = 'tsconfig' in source ? source.tsconfig : source.inferredRoot;
    this.parsed = this.parse();
    this.fileNames = new Set(this.parsed.fileNames.map((f) => path.resolve(f)));
    const host: ts.LanguageServiceHost = {
      getProjectVersion: () => String(this.projectVersion),
      getCompilationSettings: () => this.parsed.options,
      getScriptFileNames: () => [...this.fileNames].filter((f) => !this.notParsed.has(f)),
      getScriptKind: scriptKindOf,
      getScriptVersion: (fileName) => {
        const open = this.documents.get(path.resolve(fileName));
        return open ? `open:${open.version}` : `disk:${this.diskVersions.get(path.resolve(fileName)) ?? 0}`;
      },
      getScriptSnapshot: (fileName) => {
        if (this.notParsed.has(path.resolve(fileName))) return undefined;
        const open = this.documents.get(path.resolve(fileName));
        return open ? ts.ScriptSnapshot.fromString(open.text) : this.diskSnapshot(fileName);
      },
      getCurrentDirectory: () => ('tsconfig' in this.source ? path.dirname(this.source.tsconfig) : this.source.inferredRoot),
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => !this.notParsed.has(path.resolve(fileName)) && (this.documents.get(path.resolve(fileName)) !== undefined || this.fileSystem.fileExists(fileName)),
      readFile: (fileName) => this.documents.get(path.resolve(fileName))?.text ?? this.fileSystem.readFile(fileName),
      readDirectory: ts.sys.readDirectory,
      directoryExists: (directory) => this.fileSystem.directoryExists(directory),
      getDirectories: ts.sys.getDirectories,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  /**
   * The LanguageService asks for a snapshot of every file of the program on each update, before it compares versions;
   * reading the disk each time (lib.dom.d.ts alone is megabytes) would cost more than the analysis. Disk snapshots
   * are kept until a watched-file event changes the file's disk version.
   */
  private readonly snapshots = new Map<string, { version: number; snapshot: ts.IScriptSnapshot | undefined }>();

  private diskSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
    const key = path.resolve(fileName);
    const version = this.diskVersions.get(key) ?? 0;
    const cached = this.snapshots.get(key);
    if (cached && cached.version === version) return cached.snapshot;
    const text = this.fileSystem.readFile(fileName);
    const snapshot = text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    this.snapshots.set(key, { version, snapshot });
    return snapshot;
  }

  private parse(): ts.ParsedCommandLine {
    if (!('tsconfig' in this.source)) {
      const fileNames = this.fileSystem.inferredProjectFiles(this.source.inferredRoot);
      return { options: INFERRED_COMPILER_OPTIONS, fileNames: [...new Set([...fileNames, ...this.added])], errors: [] };
    }
    const tsconfig = this.source.tsconfig;
    const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
      ...ts.sys,
      readFile: (f) => this.fileSystem.readFile(f),
      fileExists: (f) => this.fileSystem.fileExists(f),
      onUnRecoverableConfigFileDiagnostic: (d) => this.log(`avglint: cannot read ${tsconfig}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
    });
    return parsed ?? { options: {}, fileNames: [], errors: [] };
  }

  includes(fileName: string): boolean {
    return this.fileNames.has(fileName);
  }

  /** Adds a file to an inferred program (a tsconfig's file list is the tsconfig's to say). */
  add(fileName: string): void {
    if (this.tsconfig !== undefined || this.fileNames.has(fileName)) return;
    this.added.add(fileName);
    this.fileNames.add(fileName);
    this.projectVersion++;
  }

  files(): readonly string[] {
    return [...this.fileNames];
  }

  /** An open document changed: the LanguageService sees the new version through the host. */
  touched(): void {
    this.projectVersion++;
  }

  /** A file changed on disk; created and deleted files change the file list, so the tsconfig is re-read. */
  diskChanged(fileName: string, kind: 'changed' | 'created' | 'deleted'): void {
    this.diskVersions.set(fileName, (this.diskVersions.get(fileName) ?? 0) + 1);
    // An inferred program's file list is a walk of its folder: only a file created or deleted inside it changes it.
    const listChanged = 'tsconfig' in this.source ? kind !== 'changed' || fileName === this.tsconfig : kind !== 'changed' && fileName.startsWith(this.source.inferredRoot + path.sep);
    if (listChanged) {
      this.parsed = this.parse();
      this.fileNames = new Set(this.parsed.fileNames.map((f) => path.resolve(f)));
    }
    this.projectVersion++;
  }

  /** Files left out of the program because the parser could not finish them, with the script version that failed. */
  private readonly notParsed = new Map<string, { readonly version: string; readonly problem: Problem }>();

  private scriptVersion(fileName: string): string {
    const open = this.documents.get(fileName);
    return open ? `open:${open.version}` : `disk:${this.diskVersions.get(fileName) ?? 0}`;
  }

  /** Why `fileName` is not in the program, when the parser could not finish it. */
  notParsedProblem(fileName: string): Problem | undefined {
    return this.notParsed.get(fileName)?.problem;
  }

  /** The program; a file the parser cannot finish is left out (and reported on itself) instead of failing all. */
  private program(): ts.Program | undefined {
    // A file that changed since it failed gets another chance, and is the first suspect if the program fails again.
    const suspects: string[] = [];
    for (const [file, entry] of this.notParsed) {
      if (entry.version === this.scriptVersion(file)) continue;
      this.notParsed.delete(file);
      suspects.push(file);
      this.projectVersion++;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return this.service.getProgram();
      } catch (error) {
        if (attempt >= 2 || !this.findNotParsed(suspects)) throw error;
        this.projectVersion++;
      }
    }
  }

  /** Parses the suspects, else every root file, on their own; those the parser cannot finish leave the program. */
  private findNotParsed(suspects: readonly string[]): boolean {
    const check = (files: Iterable<string>): boolean => {
      let found = false;
      for (const file of files) {
        if (this.notParsed.has(file)) continue;
        const text = this.documents.get(file)?.text ?? this.fileSystem.readFile(file);
        if (text === undefined) continue;
        const parsed = parseSourceText(file, text);
        if (parsed.problem === undefined) continue;
        this.notParsed.set(file, { version: this.scriptVersion(file), problem: parsed.problem });
        this.log(`avglint: ${file} is left out of ${this.name}: the TypeScript parser cannot finish it`);
        found = true;
      }
      return found;
    };
    return check(suspects) || check(this.fileNames);
  }

  target(fileName: string): AnalysisTarget | undefined {
    const program = this.program();
    const sourceFile = program?.getSourceFile(fileName);
    if (!program || !sourceFile) return undefined;
    return { sourceFile, program, ...(this.tsconfig !== undefined ? { tsconfig: this.tsconfig } : {}) };
  }

  dispose(): void {
    this.service.dispose();
  }
}

export class Projects {
  private readonly projects = new Map<string, Project>();
  /** File → its tsconfig (or null: none), so the upward search runs once per file. */
  private readonly configOf = new Map<string, string | null>();

  constructor(
    private readonly documents: OpenDocuments,
    private readonly fileSystem: FileSystem,
    private readonly log: (message: string) => void,
  ) {}

  /** The nearest tsconfig.json upward from the file that includes it. */
  private projectFor(fileName: string): Project | undefined {
    let config = this.configOf.get(fileName);
    if (config === undefined) {
      config = ts.findConfigFile(path.dirname(fileName), (f) => this.fileSystem.fileExists(f), 'tsconfig.json') ?? null;
      if (config) config = path.resolve(config);
      this.configOf.set(fileName, config);
    }
    if (config === null) return undefined;
    let project = this.projects.get(config);
    if (!project) {
      project = new Project({ tsconfig: config }, this.documents, this.fileSystem, this.log);
      this.projects.set(config, project);
    }
    return project.includes(fileName) ? project : undefined;
  }

  /** Inferred programs by their folder, for files no tsconfig includes. */
  private readonly inferred = new Map<string, Project>();
  /** File → the folder of its inferred program, so the upward search runs once per file. */
  private readonly inferredRootOf = new Map<string, string>();

  /** The inferred program of a file that no tsconfig includes, as the ESLint plugin's strict parser makes it. */
  private inferredProjectFor(fileName: string): Project {
    let root = this.inferredRootOf.get(fileName);
    if (root === undefined) {
      root = this.fileSystem.inferredProjectRoot(fileName);
      this.inferredRootOf.set(fileName, root);
    }
    let project = this.inferred.get(root);
    if (!project) {
      project = new Project({ inferredRoot: root }, this.documents, this.fileSystem, this.log);
      this.inferred.set(root, project);
      this.log(`avglint: ${fileName} is outside every tsconfig.json: analysed in an inferred program over ${root} (imports and require() followed, declared types not)`);
    }
    project.add(fileName);
    return project;
  }

  /** Why the last `target` call for a file found nothing to analyse, when the file itself is the reason. */
  private readonly problems = new Map<string, Problem>();

  /** The source file to analyse, from the warm program when the file has one. */
  target(fileName: string): AnalysisTarget | undefined {
    this.problems.delete(fileName);
    const project = this.projectFor(fileName) ?? this.inferredProjectFor(fileName);
    const fromProgram = project?.target(fileName);
    if (fromProgram) return fromProgram;
    const notParsed = project?.notParsedProblem(fileName);
    if (notParsed) {
      this.problems.set(fileName, notParsed);
      return undefined;
    }
    const text = this.documents.get(fileName)?.text ?? this.fileSystem.readFile(fileName);
    if (text === undefined) return undefined;
    const parsed = parseSourceText(fileName, text);
    if (parsed.problem) this.problems.set(fileName, parsed.problem);
    return parsed.sourceFile ? { sourceFile: parsed.sourceFile } : undefined;
  }

  /** The problem that kept the last `target(fileName)` from giving a file to analyse (the parser could not finish it). */
  problemOf(fileName: string): Problem | undefined {
    return this.problems.get(fileName);
  }

  /** An open document changed: every warm project sees a new version (the file's own, and any that imports it). */
  documentChanged(): void {
    for (const project of this.all()) project.touched();
  }

  diskChanged(fileName: string, kind: 'changed' | 'created' | 'deleted'): void {
    if (kind !== 'changed') this.configOf.clear();
    const base = path.basename(fileName);
    if (kind !== 'changed' && (base === 'tsconfig.json' || base === 'package.json')) {
      // A new or removed tsconfig.json changes which files it includes, and a package.json which folder an inferred
      // program covers: start again from the file's next analysis.
      for (const project of this.all()) project.dispose();
      this.projects.clear();
      this.inferred.clear();
      this.inferredRootOf.clear();
      return;
    }
    for (const project of this.all()) project.diskChanged(fileName, kind);
  }

  /** How many warm programs there are (per tsconfig and inferred), for the log and the tests. */
  get size(): number {
    return this.projects.size + this.inferred.size;
  }

  dispose(): void {
    for (const project of this.all()) project.dispose();
    this.projects.clear();
    this.inferred.clear();
  }

  private all(): Project[] {
    return [...this.projects.values(), ...this.inferred.values()];
  }
}
