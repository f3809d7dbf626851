/**
 * The parser of `configs.strict`: typescript-eslint's parser with its project service, and a fallback for files no
 * tsconfig.json includes (plain JavaScript, scripts, a project without a tsconfig). Such a file is not a parse error:
 * it is parsed against an inferred program over its project (the nearest package.json's directory), as tsserver
 * makes one — JavaScript allowed, modules resolved the Node way, no lib files — so the analysis still follows
 * `require`/`module.exports` and ES modules. The fallback is announced once per process with a warning.
 */
import * as path from 'node:path';
import * as base from '@typescript-eslint/parser';
import { INFERRED_COMPILER_OPTIONS, inferredProjectFiles, inferredProjectRoot } from '@avglint/node';
import * as ts from 'typescript';

type ParserOptions = NonNullable<Parameters<typeof base.parseForESLint>[1]>;

export const meta = { name: 'eslint-plugin-avglint/parser', version: '1' };

/** By project root: the inferred program, made on the first file of that project that needs it. */
const inferred = new Map<string, ts.Program>();
let warned = false;

export function parseForESLint(code: string, options: ParserOptions = {}): ReturnType<typeof base.parseForESLint> {
  try {
    return base.parseForESLint(code, options);
  } catch (error) {
    const filePath = options.filePath;
    if (filePath === undefined || !notInAProject(error)) throw error;
    const { projectService: _service, project: _project, ...untyped } = options;
    void _service;
    void _project;
    announce(filePath);
    const program = inferredProgramFor(filePath);
    // Only when the program holds this very text (ESLint's fix passes lint changed text): else from names.
    if (program && program.getSourceFile(path.resolve(filePath))?.text === code) return base.parseForESLint(code, { ...untyped, programs: [program] });
    return base.parseForESLint(code, untyped);
  }
}

export function parse(code: string, options?: ParserOptions): ReturnType<typeof base.parseForESLint>['ast'] {
  return parseForESLint(code, options).ast;
}

function notInAProject(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /was not found by the project service|not included in (this|any) project|none of those TSConfigs include this file/i.test(message);
}

function announce(filePath: string): void {
  if (warned) return;
  warned = true;
  process.emitWarning(
    `${filePath} (and any other file outside a tsconfig.json) is linted by avglint's strict config as part of an inferred program: imports and require() are followed, declared types are not. Add the files to a tsconfig.json for full type information.`,
    { code: 'AVGLINT_INFERRED_PROGRAM' },
  );
}

function inferredProgramFor(filePath: string): ts.Program | undefined {
  // The Node layer's inferred project (nearest package.json's folder, its source files), as the language server's;
  // the folder is walked once, and a file the walk did not list (in dist/, or new) is added to the program.
  const file = path.resolve(filePath);
  const root = inferredProjectRoot(file);
  let program = inferred.get(root);
  if (!program || !program.getSourceFile(file)) {
    const rootNames = program ? [...program.getRootFileNames(), file] : inferredProjectFiles(root, file);
    program = ts.createProgram({ rootNames, options: INFERRED_COMPILER_OPTIONS, ...(program ? { oldProgram: program } : {}) });
    inferred.set(root, program);
  }
  return program;
}
