/**
 * Which files to analyse ahead of their lint in a run over many files.
 *
 * ESLint lints one file at a time, each right after its own parse, and an analysis that runs between two parses runs
 * on cold caches and a young heap full of the parse's objects. Files analysed one after another cost much less: on the
 * benchmark corpus avglint's rules took about a sixth less time with each folder analysed in one go, and a quarter less
 * with whole trees (BENCHMARKS.md, "after the seventh session"). So in a run, the plugin analyses files ahead and
 * keeps their results until ESLint reaches them. What it analyses ahead is what the run has shown it lints:
 *
 * - nothing while the run has linted one file of the program: an editor's lint of the file being edited (each edit
 *   makes a new program), or `eslint one.ts`;
 * - after two files of one folder in a row, the rest of that folder: ESLint lints a folder it was given file by file;
 * - once three folders analysed ahead were linted completely (a run over whole folders, not a list of changed files
 *   from several folders, where the folders' other files are never linted), the whole tree of the folder's parent,
 *   if the files linted so far already spread over that tree's parent: `eslint src` that has linted `src/a/x.ts` and
 *   `src/b/y.ts` analyses `src/c/**` at its first file there, but never reaches above the files it was given.
 *
 * Not in a worker thread (ESLint's `--concurrency`), where other threads lint the folder's other files. A file
 * analysed ahead that ESLint lints with another text, other options or another catalogue is simply analysed again:
 * results are kept under the same keys as every other. What this costs when the guess is wrong: a file of the tree
 * that the run does not lint (the ESLint config ignores it, or the command named some of a folder's subfolders only)
 * is analysed for nothing, about 2 ms each on the benchmark corpus. With `eslint --cache` only changed files are
 * linted: two changed files of one folder in a row cost the rest of that folder; no folder is linted completely, so
 * no tree is analysed ahead.
 */
import type * as ts from 'typescript';

/** How many folders analysed ahead must have been linted completely before a tree is analysed ahead. */
const COMPLETE_FOLDERS = 3;

/** The files analysed ahead in one go, and how many of them ESLint has not linted yet. */
interface Batch {
  pending: number;
}

export class LintRun {
  private readonly linted = new WeakSet<ts.SourceFile>();
  /** The file linted last, and the folder of the one before it. */
  private last: ts.SourceFile | undefined;
  private previousFolder: string | undefined;
  /** The deepest folder that holds every file linted so far. */
  private common: string | undefined;
  /** The program's own script files by folder, made when first needed. */
  private folders: Map<string, ts.SourceFile[]> | undefined;
  /** Folders (`dir`) and trees (`dir/**`) analysed ahead, per result key. */
  private readonly done = new Set<string>();
  private readonly batchOf = new WeakMap<ts.SourceFile, Batch>();
  private completeBatches = 0;

  constructor(
    private readonly program: ts.Program,
    private readonly mainThread: boolean,
  ) {}

  /** ESLint lints `file` (once per lint, whether its result is known or not). */
  lints(file: ts.SourceFile): void {
    const batch = this.batchOf.get(file);
    if (batch !== undefined) {
      this.batchOf.delete(file);
      if (--batch.pending === 0) this.completeBatches++;
    }
    if (file !== this.last) {
      this.previousFolder = this.last === undefined ? undefined : folderOf(this.last.fileName);
      this.last = file;
    }
    if (this.linted.has(file)) return;
    this.linted.add(file);
    const folder = folderOf(file.fileName);
    this.common = this.common === undefined ? folder : commonFolder(this.common, folder);
  }

  /** The files to analyse now, ahead of their lint, after `file` was analysed for `key`; each is returned once per key. */
  ahead(file: ts.SourceFile, key: string): readonly ts.SourceFile[] {
    if (!this.mainThread) return [];
    const folder = folderOf(file.fileName);
    if (this.covered(folder, key)) return [];
    const parent = folderOf(folder);
    const tree =
      this.completeBatches >= COMPLETE_FOLDERS && this.common !== undefined && parent !== folder && within(parent, this.common) ? parent : undefined;
    if (tree === undefined && this.previousFolder !== folder) return [];
    this.folders ??= lintableByFolder(this.program);
    const files: ts.SourceFile[] = [];
    if (tree === undefined) {
      this.done.add(`${key}\0${folder}`);
      for (const f of this.folders.get(folder) ?? []) if (f !== file && !this.linted.has(f)) files.push(f);
    } else {
      this.done.add(`${key}\0${tree}/**`);
      for (const [dir, inDir] of this.folders) if (within(dir, tree)) for (const f of inDir) if (f !== file && !this.linted.has(f)) files.push(f);
    }
    if (files.length > 0) {
      const batch: Batch = { pending: files.length };
      for (const f of files) this.batchOf.set(f, batch);
    }
    return files;
  }

  /** Whether `folder` was analysed ahead for `key`, itself or as part of a tree. */
  private covered(folder: string, key: string): boolean {
    if (this.done.has(`${key}\0${folder}`)) return true;
    for (let dir = folder; ; dir = folderOf(dir)) {
      if (this.done.has(`${key}\0${dir}/**`)) return true;
      if (folderOf(dir) === dir) return false;
    }
  }
}

const runs = new WeakMap<ts.Program, LintRun>();

/** The lint run of `program` (one per program object: an edit makes a new program, and a new run). */
export function lintRunOf(program: ts.Program, mainThread: boolean): LintRun {
  let run = runs.get(program);
  if (run === undefined) runs.set(program, (run = new LintRun(program, mainThread)));
  return run;
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

/** A program file's folder, or a folder's parent (the root is its own parent): TypeScript's names use `/` everywhere. */
function folderOf(fileName: string): string {
  const slash = fileName.lastIndexOf('/');
  if (slash < 0) return fileName;
  return slash === 0 || /^[A-Za-z]:$/.test(fileName.slice(0, slash)) ? fileName.slice(0, slash + 1) : fileName.slice(0, slash);
}

/** Whether `dir` is `root` or inside it. */
function within(dir: string, root: string): boolean {
  return dir === root || dir.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** The deepest folder that holds both. */
function commonFolder(a: string, b: string): string {
  let common = a;
  while (!within(b, common)) {
    const up = folderOf(common);
    if (up === common) return common;
    common = up;
  }
  return common;
}
