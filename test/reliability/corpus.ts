/**
 * The corpus passes of the reliability run: every TypeScript file of a large real corpus (TypeScript's own
 * `tests/cases`) analysed by the core, typed and untyped, with a small and a large catalogue. A worker process
 * analyses files in order and reports each one; the parent is the per-file watchdog (a file that does not finish in
 * time is a hang: the worker is killed and the run goes on after that file).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyseFile, loadCatalogueFromText, type Catalogue } from '@avglint/rules';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const DEFAULT_CORPUS = '/work/.cache/ts-cases';

/** The corpus folder: $AVGLINT_RELIABILITY_CORPUS, else the default cache path; undefined when absent. */
export function corpusDirectory(): string | undefined {
  const dir = process.env['AVGLINT_RELIABILITY_CORPUS'] ?? DEFAULT_CORPUS;
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : undefined;
}

export function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const entry of fs.readdirSync(next, { withFileTypes: true })) {
      const full = path.join(next, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  }
  return files.sort();
}

export type CatalogueSize = 'small' | 'large';

/**
 * The small catalogue is the shared test fixture's; the large one adds 5,000 categories whose names are the words
 * test code uses most (`x`, `value`, `data`, `result`…) and numbered ones, so nearly every name is classified.
 */
export function corpusCatalogue(size: CatalogueSize): Catalogue {
  const fixture = path.join(REPO, 'test', 'fixtures', 'project', 'avglint.catalogue.yaml');
  let text = fs.readFileSync(fixture, 'utf8');
  if (size === 'large') {
    const common = ['x', 'y', 'a', 'b', 'c', 'i', 'n', 's', 'value', 'data', 'result', 'foo', 'bar', 'obj', 'arr', 'str', 'num', 'fn', 'cb', 'e', 'p', 't', 'v', 'k'];
    const entries = Array.from({ length: 5_000 }, (_, i) => {
      const names = i < common.length ? [common[i], `naam${i}`] : [`naam${i}`, `veld${i}`];
      return `  extra${i}:\n    label: Extra ${i}\n    retention: leerlingdossier\n    match: { names: [${names.join(', ')}] }`;
    });
    text = text.replace(/^categories:\n/m, `categories:\n${entries.join('\n')}\n`);
  }
  const loaded = loadCatalogueFromText(fixture, text, { readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined), fileExists: (f) => fs.existsSync(f) });
  if (!loaded.catalogue) throw new Error(`the ${size} corpus catalogue does not load: ${loaded.problems.slice(0, 3).map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  return loaded.catalogue;
}

export interface FileReport {
  readonly index: number;
  readonly file: string;
  readonly ms: number;
  readonly internalErrors: number;
  readonly otherProblems: number;
  readonly findings: number;
  /** An exception thrown out of analyseFile (or the program for it): a crash. */
  readonly crash?: string;
  /**
   * TypeScript's checker failed on the file in the program shared with other test files, and the core ran the checks
   * again in a program of the file's own (`analysis/own-program`): the tests of TypeScript are separate projects
   * (several declare their own global `JSX`), and TypeScript itself can fail on the mix.
   */
  readonly ownProgram?: boolean;
  readonly rssMb: number;
}

const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, skipLibCheck: true, allowJs: true, jsx: ts.JsxEmit.Preserve, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
const libFiles = new Map<string, ts.SourceFile>();

/** A program over `files` whose library files are parsed once per worker. */
function program(files: readonly string[]): ts.Program {
  const libDirectory = path.dirname(ts.getDefaultLibFilePath(OPTIONS));
  const host = ts.createCompilerHost(OPTIONS, true);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError) => {
    if (!name.startsWith(libDirectory)) return original(name, languageVersion, onError);
    let lib = libFiles.get(name);
    if (!lib) {
      lib = original(name, languageVersion, onError);
      if (lib) libFiles.set(name, lib);
    }
    return lib;
  };
  return ts.createProgram({ rootNames: [...files], options: OPTIONS, host });
}

/**
 * Worker: analyses `files[from…]` and writes one JSON line per file (`start` before, the report after), so the
 * parent knows which file is running when it has to stop the worker. Typed runs group files in programs of
 * `batch` files (the files of TypeScript's tests are independent; a program per file would re-bind the DOM each time).
 */
export function corpusWorker(files: readonly string[], from: number, typed: boolean, size: CatalogueSize, write: (line: string) => void): void {
  const catalogue = corpusCatalogue(size);
  const batch = 40;
  const analyseOne = (file: string, index: number, prog: ts.Program | undefined): FileReport => {
    const began = process.hrtime.bigint();
    try {
      const sourceFile = prog ? prog.getSourceFile(file) : ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      if (!sourceFile) throw new Error('not in the program');
      const result = analyseFile({ sourceFile, program: prog, catalogue, options: { now: new Date(Date.UTC(2026, 11, 2)) } });
      const internalErrors = result.problems.filter((p) => p.code.endsWith('internal-error')).length;
      const ownProgram = result.problems.some((p) => p.code === 'analysis/own-program');
      return { index, file, ms: msSince(began), internalErrors, otherProblems: result.problems.length - internalErrors, findings: result.findings.length, rssMb: rss(), ...(ownProgram ? { ownProgram } : {}) };
    } catch (error) {
      return { index, file, ms: msSince(began), internalErrors: 0, otherProblems: 0, findings: 0, crash: String(error).slice(0, 300), rssMb: rss() };
    }
  };
  const analyse = (file: string, index: number, prog: ts.Program | undefined): void => {
    write(JSON.stringify({ start: index }));
    write(JSON.stringify(analyseOne(file, index, prog)));
  };
  for (let start = from; start < files.length; start += typed ? batch : 1) {
    const group = files.slice(start, typed ? Math.min(files.length, start + batch) : start + 1);
    if (!typed) {
      group.forEach((file, offset) => analyse(file, start + offset, undefined));
      continue;
    }
    const built = tryProgram(group);
    if (built) {
      group.forEach((file, offset) => analyse(file, start + offset, built));
      continue;
    }
    // TypeScript itself could not build or bind the group (its parser and binder recurse once per level): each file
    // gets a program of its own, so the failure is charged to its file, and is a crash of TypeScript, not of avglint.
    group.forEach((file, offset) => {
      const alone = tryProgram([file]);
      if (alone) analyse(file, start + offset, alone);
      else {
        write(JSON.stringify({ start: start + offset }));
        write(JSON.stringify({ index: start + offset, file, ms: 0, internalErrors: 0, otherProblems: 0, findings: 0, crash: 'TypeScript could not build a program for this file', rssMb: rss() } satisfies FileReport));
      }
    });
  }
}

function tryProgram(files: readonly string[]): ts.Program | undefined {
  try {
    const built = program(files);
    built.getTypeChecker();
    return built;
  } catch {
    return undefined;
  }
}

function msSince(began: bigint): number {
  return Number(process.hrtime.bigint() - began) / 1e6;
}

function rss(): number {
  return Math.round(process.memoryUsage().rss / 1e6);
}
