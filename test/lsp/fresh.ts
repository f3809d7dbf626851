/**
 * A fresh analysis of one file, outside the server: a new program from the file's tsconfig (with the given text for
 * the file) and the core's `analyseFile` plus suppressions. The server's diagnostics must equal this.
 */
import * as path from 'node:path';
import { loadCatalogueFile } from '@avglint/node';
import { analyseFile, applySuppressions, parseSuppressions, type Catalogue } from '@avglint/rules';
import * as ts from 'typescript';

export function catalogueAt(file: string): Catalogue {
  const result = loadCatalogueFile(file);
  if (!result.catalogue) throw new Error(`test catalogue ${file} does not load: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.catalogue;
}

export interface Located {
  readonly code: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export function freshAnalysis(fileName: string, text: string, tsconfig: string, catalogue: Catalogue): Located[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  const host = ts.createCompilerHost(parsed.options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    path.resolve(name) === fileName ? ts.createSourceFile(name, text, languageVersion, true) : original(name, languageVersion, onError, shouldCreate);
  const program = ts.createProgram(parsed.fileNames, parsed.options, host);
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error(`${fileName} is not in ${tsconfig}`);
  const result = analyseFile({ sourceFile, program, catalogue, options: { now: new Date() } });
  const findings = applySuppressions(result.findings, parseSuppressions(sourceFile), sourceFile);
  return findings.map((f) => {
    const start = sourceFile.getLineAndCharacterOfPosition(f.range.start);
    const end = sourceFile.getLineAndCharacterOfPosition(f.range.end);
    return { code: f.ruleId, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
  });
}
