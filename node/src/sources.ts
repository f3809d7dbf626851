/**
 * Source files for TypeScript, read and parsed so that one bad file is a problem on that file and never the end of
 * the run: a file that is not a regular file or is too large is not read, and a file TypeScript's own parser cannot
 * finish (it recurses once per nesting level, so about 800 nested parentheses overflow the stack) is reported and
 * left out of the program, while every other file is analysed.
 */
import type { Problem } from '@avglint/rules';
import * as ts from 'typescript';
import { MAX_SOURCE_BYTES, megabytes, readRegularFile, type ReadFailure } from './files';
import { scriptKindOf } from './walk';

export type ParsedSource = { readonly sourceFile: ts.SourceFile; readonly problem?: undefined } | { readonly sourceFile?: undefined; readonly problem: Problem };

/** Parses `text` as `fileName`; a parser that gives up (a stack overflow on deep nesting) becomes a problem on the file. */
export function parseSourceText(fileName: string, text: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions = ts.ScriptTarget.Latest): ParsedSource {
  try {
    return { sourceFile: ts.createSourceFile(fileName, text, languageVersion, true, scriptKindOf(fileName)) };
  } catch (error) {
    return { problem: notParsedProblem(fileName, error) };
  }
}

/** The problem for a file TypeScript's parser could not finish. */
export function notParsedProblem(fileName: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  const deep = error instanceof RangeError || /call stack/iu.test(detail);
  return {
    file: fileName,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'analysis/file-not-parsed',
    message: deep
      ? 'avglint could not analyse this file: it is nested too deeply for the TypeScript parser. No rule ran on it; the other files were analysed.'
      : `avglint could not analyse this file: the TypeScript parser stopped (${detail.split('\n')[0] ?? ''}). No rule ran on it; the other files were analysed.`,
    hint: deep ? 'Split the deeply nested expression (generated code usually has a flatter option), or exclude the file from the tsconfig.' : 'Please report this with the file.',
  };
}

/** The problem for a source file that was not read. */
export function notReadProblem(fileName: string, reason: Exclude<ReadFailure, 'missing'>, size?: number): Problem {
  const message =
    reason === 'too-large'
      ? `avglint did not read this file: it is ${megabytes(size ?? 0)}, over the limit of ${megabytes(MAX_SOURCE_BYTES)} for a source file. No rule ran on it.`
      : reason === 'not-a-file'
        ? 'avglint did not read this file: it is not a regular file (a pipe, a device or a folder). No rule ran on it.'
        : 'avglint could not read this file. No rule ran on it.';
  return {
    file: fileName,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'analysis/file-not-read',
    message,
    hint: reason === 'too-large' ? 'Exclude generated bundles from the tsconfig (or the scanned folder); they are not where personal data is handled.' : 'Exclude it from the tsconfig or remove it.',
  };
}

/**
 * A compiler host over `ts.createCompilerHost` that reads only regular files within the size limit and survives a
 * file the parser cannot finish. Each file it could not use is added to `problems` (once) and left out of the program
 * (TypeScript then treats it as missing), so the program and every other file are still analysed.
 */
export function createSafeCompilerHost(options: ts.CompilerOptions, problems: Problem[]): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const reported = new Set<string>();
  const report = (problem: Problem): undefined => {
    if (!reported.has(problem.file)) {
      reported.add(problem.file);
      problems.push(problem);
    }
    return undefined;
  };
  const readFile = (fileName: string): string | undefined => {
    const read = readRegularFile(fileName, MAX_SOURCE_BYTES);
    if (read.ok) return read.text;
    if (read.reason !== 'missing') report(notReadProblem(fileName, read.reason, read.size));
    return undefined;
  };
  return {
    ...host,
    readFile,
    getSourceFile(fileName, languageVersion, onError) {
      const text = readFile(fileName);
      if (text === undefined) {
        onError?.(`Cannot read ${fileName}`);
        return undefined;
      }
      const parsed = parseSourceText(fileName, text, languageVersion);
      return parsed.sourceFile ?? report(parsed.problem);
    },
  };
}

/**
 * The compiler options of an inferred program (as tsserver makes one for files no tsconfig includes), for every host:
 * JavaScript in, nothing out. Without lib files it costs a fraction: the analysis needs the project's own modules, and
 * globals such as `fetch` and `console` are recognised by name either way.
 */
export const INFERRED_COMPILER_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  jsx: ts.JsxEmit.Preserve,
  allowSyntheticDefaultImports: true,
  esModuleInterop: true,
  skipLibCheck: true,
  maxNodeModuleJsDepth: 0,
  types: [],
  noLib: true,
};
