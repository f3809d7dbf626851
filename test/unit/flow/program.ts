/**
 * Test helper for the flow analysis: runs `analyseFile` on in-memory sources, either without type information (a
 * lone source file, as ESLint without a project gives it) or inside a `ts.Program` built over the in-memory files by
 * a custom CompilerHost (with the real default libraries, parsed once and shared between tests).
 *
 * Files live under test/fixtures/project/src/ (virtually), so the shared test catalogue's `access` globs apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { loadCatalogueFile } from '@avglint/node';
import { analyseFile, type Catalogue, type Finding, type RuleId } from '@avglint/rules';

export const PROJECT = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'project');

let shared: Catalogue | undefined;

/** The shared test catalogue (test/fixtures/project/avglint.catalogue.yaml). */
export function testCatalogue(): Catalogue {
  if (!shared) {
    const result = loadCatalogueFile(path.join(PROJECT, 'avglint.catalogue.yaml'));
    if (!result.catalogue) throw new Error(`test catalogue does not load: ${JSON.stringify(result.problems)}`);
    shared = result.catalogue;
  }
  return shared;
}

/** `src/x.ts` → absolute path in the fixture project. */
export function fileName(relative: string): string {
  return path.join(PROJECT, relative);
}

const libFiles = new Map<string, ts.SourceFile>();
const baseOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  // Plain JavaScript files (`src/x.js`) join the program as in an inferred program: `require` and `module.exports`.
  allowJs: true,
};

/** A program over `files` (relative path → text) plus the default libraries; `overrides` change the compiler options. */
export function createProgram(files: Readonly<Record<string, string>>, overrides: ts.CompilerOptions = {}): ts.Program {
  const options = { ...baseOptions, ...overrides };
  const byName = new Map(Object.entries(files).map(([relative, text]) => [fileName(relative), text]));
  const libDirectory = path.dirname(ts.getDefaultLibFilePath(options));
  const host: ts.CompilerHost = {
    getSourceFile(name, languageVersion) {
      const text = byName.get(name);
      if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true);
      if (name.startsWith(libDirectory)) {
        let lib = libFiles.get(name);
        if (!lib && fs.existsSync(name)) {
          lib = ts.createSourceFile(name, fs.readFileSync(name, 'utf8'), languageVersion, true);
          libFiles.set(name, lib);
        }
        return lib;
      }
      return undefined;
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    writeFile: () => undefined,
    getCurrentDirectory: () => PROJECT,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => byName.has(f) || (f.startsWith(libDirectory) && fs.existsSync(f)),
    readFile: (f) => byName.get(f) ?? (f.startsWith(libDirectory) ? fs.readFileSync(f, 'utf8') : undefined),
    directoryExists: (d) => d.startsWith(PROJECT) || d.startsWith(libDirectory),
    getDirectories: () => [],
  };
  return ts.createProgram({ rootNames: [...byName.keys()], options, host });
}

export interface Run {
  readonly findings: readonly Finding[];
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  readonly program?: ts.Program;
}

export interface RunOptions {
  /** With a program (type-aware) or from names only. */
  readonly typed?: boolean;
  readonly rules?: readonly RuleId[];
  readonly ruleOptions?: Partial<Record<RuleId, Record<string, unknown>>>;
  /** Other files of the program (typed runs only). */
  readonly others?: Readonly<Record<string, string>>;
  readonly file?: string;
  readonly catalogue?: Catalogue;
  /** The language of the messages (English when absent, as without a `settings.locale`). */
  readonly locale?: 'nl' | 'en';
  /** Compiler options over the helper's own (typed runs only). */
  readonly compilerOptions?: ts.CompilerOptions;
}

/** Analyses `code` as `src/main.ts` (or `file`), returning the findings of the given rules. */
export function run(code: string, opts: RunOptions = {}): Run {
  const relative = opts.file ?? 'src/main.ts';
  const catalogue = opts.catalogue ?? testCatalogue();
  let sourceFile: ts.SourceFile;
  let program: ts.Program | undefined;
  if (opts.typed) {
    program = createProgram({ ...(opts.others ?? {}), [relative]: code }, opts.compilerOptions);
    const found = program.getSourceFile(fileName(relative));
    if (!found) throw new Error('main file missing from the program');
    sourceFile = found;
  } else {
    sourceFile = ts.createSourceFile(fileName(relative), code, ts.ScriptTarget.ES2022, true, relative.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  }
  const result = analyseFile({
    sourceFile,
    program,
    catalogue,
    options: { rules: opts.rules ? new Set(opts.rules) : undefined, ruleOptions: opts.ruleOptions, ...(opts.locale ? { locale: opts.locale } : {}) },
  });
  if (result.problems.length > 0) throw new Error(`analysis problems: ${result.problems.map((p) => p.message).join('; ')}`);
  return { findings: result.findings, text: code, sourceFile, program };
}

/** A finding in short: rule, message id, categories, processor, and the text it is reported on. */
export function brief(runResult: Run): string[] {
  return runResult.findings.map((f) => `${f.ruleId}:${f.messageId}:${f.categories.join('+')}${f.processor ? `>${f.processor}` : ''}@${runResult.text.slice(f.range.start, f.range.end)}`);
}

/** Runs the same code without and with types and returns both briefs. */
export function both(code: string, opts: Omit<RunOptions, 'typed'> = {}): { untyped: string[]; typed: string[] } {
  return { untyped: brief(run(code, { ...opts, typed: false })), typed: brief(run(code, { ...opts, typed: true })) };
}
