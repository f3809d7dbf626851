/**
 * When TypeScript's checker itself throws on a file in a shared program (issue 13, typed corpus passes: two files
 * that declare the global `JSX` namespace differently make TypeScript fail on a JSX element, `tsc` too, while each
 * file on its own checks), the check runs again in a program of the file's own before a failure is reported: the file
 * keeps its findings, with a warning instead of `analysis/internal-error`.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyseFile } from '@avglint/rules';
import { at } from '../../helpers/positions';
import { createProgram, fileName, testCatalogue } from './program';

/** The shared test programs' options, with JSX kept and bundler resolution (the crash needs JSX elements). */
const JSX_OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.Preserve };

/** A program over in-memory files (relative path → text) and the real default libraries. */
function program(files: Readonly<Record<string, string>>): ts.Program {
  return createProgram(files, JSX_OPTIONS);
}

/** A module with its own global `JSX` (one type parameter for class attributes) and a class component in use. */
const ROOSTER = [
  'declare class Basis<P> { constructor(props: P); render(): {}; props: Readonly<P> }',
  'declare global {',
  '  namespace JSX {',
  '    interface Element {}',
  '    interface ElementClass { render(): {} }',
  '    interface ElementAttributesProperty { props: {} }',
  '    interface IntrinsicAttributes {}',
  '    interface IntrinsicClassAttributes<T> {}',
  '  }',
  '}',
  'export class Rooster<T extends { les?: (l: { uur: number }) => unknown }> extends Basis<T> {}',
  'export const rooster = <Rooster les={({ uur }) => uur} />;',
  'declare const leerling: { bsn: string };',
  'console.log(leerling.bsn);',
  '',
].join('\n');

/** A script declaring the same global `JSX` with two type parameters for class attributes. */
const ANDER = [
  'namespace JSX {',
  '  export interface Element {}',
  '  export interface IntrinsicClassAttributes<K, L = never> { ref?: K; extra?: L }',
  '  export interface ElementClass extends Element {}',
  '  export interface ElementAttributesProperty { props: {} }',
  '  export interface IntrinsicAttributes {}',
  '}',
  'class Kaart<T extends { x: number }> implements JSX.ElementClass { constructor(public props: T) {} }',
  'const kaart = <Kaart x={1} y={2} />;',
  '',
].join('\n');

function analyse(files: Readonly<Record<string, string>>): { problems: string[]; findings: string[] } {
  const built = program(files);
  const sourceFile = built.getSourceFile(fileName('src/rooster.tsx'));
  assert.ok(sourceFile);
  const result = analyseFile({ sourceFile, program: built, catalogue: testCatalogue() });
  return {
    problems: result.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`),
    findings: result.findings.map((f) => {
      const start = sourceFile.getLineAndCharacterOfPosition(f.range.start);
      const end = sourceFile.getLineAndCharacterOfPosition(f.range.end);
      return `${f.ruleId}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
    }),
  };
}

describe('a file TypeScript fails on in a shared program', () => {
  it('is the reproduction: TypeScript\'s checker throws on the mix, and not on the file alone', () => {
    const shared = program({ 'src/rooster.tsx': ROOSTER, 'src/ander.tsx': ANDER });
    assert.throws(() => shared.getSemanticDiagnostics(shared.getSourceFile(fileName('src/rooster.tsx'))), TypeError);
    const alone = program({ 'src/rooster.tsx': ROOSTER });
    assert.equal(alone.getSemanticDiagnostics(alone.getSourceFile(fileName('src/rooster.tsx'))).length, 0);
  });

  it('is analysed in a program of its own: its findings at their places, a warning and no internal error', () => {
    const p = at(ROOSTER, 'leerling.bsn');
    const logged = `no-personal-data-in-logs@${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
    assert.deepEqual(analyse({ 'src/rooster.tsx': ROOSTER, 'src/ander.tsx': ANDER }), { problems: ['1:1 warning analysis/own-program'], findings: [logged] });
    // Alone it needs no second program, and finds the same.
    assert.deepEqual(analyse({ 'src/rooster.tsx': ROOSTER }), { problems: [], findings: [logged] });
  });
});
