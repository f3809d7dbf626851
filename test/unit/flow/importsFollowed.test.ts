/**
 * Imports of the project's own modules are followed from the target file's export table where the program's files
 * decide which file a specifier names (rules/src/analysis/flow/modules.ts), and through the checker everywhere else.
 * Every export shape must give the same answer both ways: each case runs with module resolutions that take the table
 * (Bundler, Node16 in a CommonJS file) and with ones that leave every import to the checker (`rootDirs`,
 * `moduleSuffixes`, an ES module under Node16, which needs the extension).
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { brief, run } from './program';

const T = { rules: ['no-unauthorised-transfer'] as const, typed: true };
const SEND = "fetch('https://api.leermiddel.example/x', { method: 'POST', body: String(x) })";
const FOUND = ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@leerling.bsn'];

/** Resolutions that read the export table, then ones that leave the import to the checker. */
const TABLE: Record<string, ts.CompilerOptions> = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  'node16, CommonJS file': {},
  classic: { module: ts.ModuleKind.ES2015, moduleResolution: ts.ModuleResolutionKind.Classic },
};
const CHECKER: Record<string, ts.CompilerOptions> = {
  rootDirs: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, rootDirs: ['src', 'gen'] },
  moduleSuffixes: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, moduleSuffixes: ['.ios', ''] },
};

interface Case {
  readonly name: string;
  readonly others: Readonly<Record<string, string>>;
  /** What `src/main.ts` imports and calls; `leerling.bsn` is the argument. */
  readonly main: string;
  readonly expected?: readonly string[];
  /** Resolutions under which TypeScript itself does not resolve the import (Classic has no folder index). */
  readonly unresolvedIn?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'an exported function', others: { 'src/im-a.ts': `export function send(x: string) { return ${SEND}; }\n` }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  { name: 'an exported arrow function in a const', others: { 'src/im-a.ts': `export const send = (x: string) => ${SEND};\n` }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  { name: 'a renamed import', others: { 'src/im-a.ts': `export function send(x: string) { return ${SEND}; }\n` }, main: "import { send as verstuur } from './im-a';\nverstuur(leerling.bsn);" },
  { name: 'a default-exported function', others: { 'src/im-a.ts': `export default function (x: string) { return ${SEND}; }\n` }, main: "import send from './im-a';\nsend(leerling.bsn);" },
  { name: 'a default-exported expression', others: { 'src/im-a.ts': `export default { send: (x: string) => ${SEND} };\n` }, main: "import api from './im-a';\napi.send(leerling.bsn);" },
  { name: 'a default export of a name (an alias)', others: { 'src/im-a.ts': `const send = (x: string) => ${SEND};\nexport default send;\n` }, main: "import send from './im-a';\nsend(leerling.bsn);" },
  { name: 'a method of an exported class', others: { 'src/im-a.ts': `export class Api {\n  send(x: string) { return ${SEND}; }\n}\n` }, main: "import { Api } from './im-a';\nnew Api().send(leerling.bsn);" },
  { name: 'an overloaded function', others: { 'src/im-a.ts': `export function send(x: string): unknown;\nexport function send(x: number): unknown;\nexport function send(x: string | number) { return ${SEND}; }\n` }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  { name: 'a class merged with an interface', others: { 'src/im-a.ts': `export interface Api { naam?: string }\nexport class Api {\n  send(x: string) { return ${SEND}; }\n}\n` }, main: "import { Api } from './im-a';\nnew Api().send(leerling.bsn);" },
  { name: '`export { send }` (an alias)', others: { 'src/im-a.ts': `function send(x: string) { return ${SEND}; }\nexport { send };\n` }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  { name: 'a re-export', others: { 'src/im-b.ts': `export function send(x: string) { return ${SEND}; }\n`, 'src/im-a.ts': "export { send } from './im-b';\n" }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  { name: '`export *`', others: { 'src/im-b.ts': `export function send(x: string) { return ${SEND}; }\n`, 'src/im-a.ts': "export * from './im-b';\n" }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  { name: 'a namespace import', others: { 'src/im-a.ts': `export function send(x: string) { return ${SEND}; }\n` }, main: "import * as api from './im-a';\napi.send(leerling.bsn);" },
  { name: 'a file named with a dot (`./im-leerling.service`)', others: { 'src/im-leerling.service.ts': `export function send(x: string) { return ${SEND}; }\n` }, main: "import { send } from './im-leerling.service';\nsend(leerling.bsn);" },
  { name: 'a folder up and down (`../src/im-a`)', others: { 'src/im-a.ts': `export function send(x: string) { return ${SEND}; }\n` }, main: "import { send } from '../src/im-a';\nsend(leerling.bsn);" },
  { name: 'a folder with an index', others: { 'src/im-dir/index.ts': `export function send(x: string) { return ${SEND}; }\n` }, main: "import { send } from './im-dir';\nsend(leerling.bsn);", unresolvedIn: ['classic'] },
  { name: 'a .tsx module', others: { 'src/im-a.tsx': `export function send(x: string) { return ${SEND}; }\n` }, main: "import { send } from './im-a';\nsend(leerling.bsn);" },
  {
    name: 'a type from another module that carries the BSN',
    others: { 'src/im-a.ts': 'export interface Kind { id: number; bsn: string }\n' },
    main: "import type { Kind } from './im-a';\nexport function f(l: Kind) { return fetch('https://api.leermiddel.example/x', { body: JSON.stringify(l) }); }\nf(leerling as Kind);",
    expected: ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@JSON.stringify(l)'],
  },
  { name: 'an import of a module that does not exist', others: {}, main: "import { send } from './im-nergens';\nsend(leerling.bsn);", expected: [] },
  { name: 'a name the module does not export', others: { 'src/im-a.ts': `export function verstuur(x: string) { return ${SEND}; }\n` }, main: "import { send } from './im-a';\nsend(leerling.bsn);", expected: [] },
];

describe('flow: imports of the project\'s own modules, from the export table and through the checker alike', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const code = `declare const leerling: { bsn: string };\n${c.main}\n`;
      const expected = c.expected ?? FOUND;
      for (const [name, compilerOptions] of Object.entries({ ...TABLE, ...CHECKER })) {
        assert.deepEqual(brief(run(code, { ...T, others: c.others, compilerOptions })), c.unresolvedIn?.includes(name) ? [] : expected, name);
      }
    });
  }

  it('an overloaded function or method is followed into its implementation; an ambient one has none', () => {
    const local = `declare const leerling: { bsn: string };\nfunction send(x: string): unknown;\nfunction send(x: number): unknown;\nfunction send(x: string | number) { return ${SEND}; }\nsend(leerling.bsn);\n`;
    assert.deepEqual(brief(run(local, T)), FOUND);
    const method = `declare const leerling: { bsn: string };\nclass Api {\n  send(x: string): unknown;\n  send(x: number): unknown;\n  send(x: string | number) { return ${SEND}; }\n}\nnew Api().send(leerling.bsn);\n`;
    assert.deepEqual(brief(run(method, T)), FOUND);
    const ambient = 'declare const leerling: { bsn: string };\ndeclare function send(x: string): unknown;\ndeclare function send(x: number): unknown;\nsend(leerling.bsn);\n';
    assert.deepEqual(brief(run(ambient, T)), []);
  });

  it('an ES module under Node16 must name the extension: `./im-a` does not resolve, `./im-a.js` does', () => {
    const others = { 'src/im-a.mts': `export function send(x: string) { return ${SEND}; }\n` };
    assert.deepEqual(brief(run("declare const leerling: { bsn: string };\nimport { send } from './im-a';\nsend(leerling.bsn);\n", { ...T, others, file: 'src/main.mts' })), []);
    assert.deepEqual(brief(run("declare const leerling: { bsn: string };\nimport { send } from './im-a.mjs';\nsend(leerling.bsn);\n", { ...T, others, file: 'src/main.mts' })), FOUND);
  });
});
