/**
 * Across modules (with a program): callees in other files are resolved through the checker and summarised in their
 * own source file; summaries are cached per program.
 */
import * as assert from 'node:assert/strict';
import { analyseFile } from '@avglint/rules';
import { brief, createProgram, fileName, run, testCatalogue } from './program';

const T = { rules: ['no-unauthorised-transfer'] as const };

describe('flow: across modules', () => {
  it('an argument reaches a sink inside an imported function (reported at the call, path into the other file)', () => {
    const others = { 'src/flow-api.ts': "export function upload(data: unknown) {\n  return fetch('https://api.leermiddel.example/x', { method: 'POST', body: JSON.stringify(data) });\n}\n" };
    const r = run("import { upload } from './flow-api';\ndeclare const leerling: { bsn: string };\nupload({ id: leerling.bsn });", { ...T, typed: true, others });
    assert.deepEqual(brief(r), ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@id: leerling.bsn']);
    const path = r.findings[0]?.path ?? [];
    assert.equal(path[0]?.file, fileName('src/main.ts'));
    assert.equal(path[path.length - 1]?.file, fileName('src/flow-api.ts'));
    assert.equal(path[path.length - 1]?.kind, 'sink');
    assert.equal(path[path.length - 1]?.line, 2);
  });

  it('a value returned by an imported function', () => {
    const others = { 'src/flow-map.ts': 'export const toDto = (l: { nr: string }) => ({ id: l.nr });\n' };
    const code = "import { toDto } from './flow-map';\ndeclare const leerling: { bsn: string };\nfetch('https://api.leermiddel.example/x', { body: JSON.stringify(toDto({ nr: leerling.bsn })) });";
    assert.deepEqual(brief(run(code, { ...T, typed: true, others })), ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@nr: leerling.bsn']);
  });

  it('a re-exported helper and a method of an imported class instance', () => {
    const others = {
      'src/flow-client.ts': "export class Client {\n  send(x: string) { return fetch('https://api.leermiddel.example/x', { body: x }); }\n}\n",
      'src/flow-index.ts': "export { Client } from './flow-client';\n",
    };
    const code = "import { Client } from './flow-index';\ndeclare const leerling: { bsn: string };\nnew Client().send(leerling.bsn);";
    assert.deepEqual(brief(run(code, { ...T, typed: true, others })), ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@leerling.bsn']);
  });

  it('a whole object typed in another module carries its members (sending `leerling` sends its `bsn`)', () => {
    const others = { 'src/flow-types.ts': 'export interface Leerling { id: number; bsn: string }\n' };
    const code = "import type { Leerling } from './flow-types';\nexport function f(l: Leerling) { return fetch('https://api.leermiddel.example/x', { body: JSON.stringify(l) }); }";
    assert.deepEqual(brief(run(code, { ...T, typed: true, others })), ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@JSON.stringify(l)']);
  });

  it('analyses each file of a program once and reuses summaries; results do not depend on the order', () => {
    const files = {
      'src/flow-a.ts': "import { b } from './flow-b';\ndeclare const leerling: { bsn: string };\nb(leerling.bsn);\n",
      'src/flow-b.ts': "import { c } from './flow-c';\nexport function b(x: string) { return c(x); }\n",
      'src/flow-c.ts': "export function c(y: string) { return fetch('https://api.leermiddel.example/x', { body: y }); }\n",
    };
    const order = (names: string[]): string[] => {
      const program = createProgram(files);
      return names.flatMap((n) => {
        const sourceFile = program.getSourceFile(fileName(n));
        if (!sourceFile) throw new Error(n);
        return analyseFile({ sourceFile, program, catalogue: testCatalogue(), options: { rules: new Set(T.rules) } }).findings.map((f) => `${n}:${f.messageId}:${f.range.start}`);
      }).sort();
    };
    const forward = order(['src/flow-a.ts', 'src/flow-b.ts', 'src/flow-c.ts']);
    const backward = order(['src/flow-c.ts', 'src/flow-b.ts', 'src/flow-a.ts']);
    assert.deepEqual(forward, backward);
    assert.equal(forward.length, 1);
  });

  it('plain JavaScript: a member of `module.exports = { … }` that names a function beside it, and a package client', () => {
    const L = { rules: ['no-personal-data-in-logs'] as const };
    const others = {
      'src/lib-rooster.js': [
        "const Untis = require('webuntis');",
        "const config = require('./config.json');",
        'const client = new Untis(config.school, config.bsn);',
        'const lijst = async () => {',
        '  const klassen = await client.getClasses();',
        '  return klassen.map((k) => ({ id: k.id }));',
        '};',
        'const kenmerk = (l) => ({ wie: l.bsn });',
        'module.exports = { instance: client, lijst: lijst, kenmerk: kenmerk };',
        '',
      ].join('\n'),
    };
    // The module object holds the client, and the client the BSN it was built with; neither is in what `lijst`
    // returns. What `kenmerk` returns is the BSN it was given.
    const code = "const rooster = require('./lib-rooster');\nconst leerling = { bsn: process.argv[2] };\nasync function toon() {\n  console.log(await rooster.lijst());\n  console.log(rooster.kenmerk(leerling));\n}\nmodule.exports = { toon };\n";
    assert.deepEqual(brief(run(code, { ...L, typed: true, others, file: 'src/main.js' })), ['no-personal-data-in-logs:personalDataInLog:bsn@rooster.kenmerk(leerling)']);
  });

  it('mutually recursive functions give the same findings whichever file is analysed first', () => {
    const files = {
      // r2 has no base case of its own: what it returns comes only through the recursion into r1.
      'src/flow-r1.ts': "import { r2 } from './flow-r2';\nexport function r1(x: string, n: number): string { return n > 0 ? r2(x, n - 1) : x; }\ndeclare const leerling: { bsn: string };\nfetch('https://api.leermiddel.example/x', { body: r1(leerling.bsn, 3) });\n",
      'src/flow-r2.ts': "import { r1 } from './flow-r1';\nexport function r2(y: string, n: number): string { return r1(y, n); }\ndeclare const leerling: { bsn: string };\nfetch('https://api.leermiddel.example/y', { body: r2(leerling.bsn, 2) });\n",
    };
    const order = (names: string[]): string[] => {
      const program = createProgram(files);
      return names
        .flatMap((n) => {
          const sourceFile = program.getSourceFile(fileName(n));
          if (!sourceFile) throw new Error(n);
          return analyseFile({ sourceFile, program, catalogue: testCatalogue(), options: { rules: new Set(T.rules) } }).findings.map((f) => `${n}:${f.range.start}:${f.path.length}`);
        })
        .sort();
    };
    const forward = order(['src/flow-r1.ts', 'src/flow-r2.ts']);
    assert.deepEqual(order(['src/flow-r2.ts', 'src/flow-r1.ts']), forward);
    assert.equal(forward.length, 2);
  });

  it('a ring of recursive functions stays fast', () => {
    const n = 40;
    const fns = Array.from({ length: n }, (_, i) => `function f${i}(x: string, k: number): string { return k > 0 ? f${(i + 1) % n}(x, k - 1) + f${(i + 7) % n}(x, k - 2) : x; }`);
    const code = `${fns.join('\n')}\ndeclare const leerling: { bsn: string };\nfetch('https://api.leermiddel.example/x', { body: f0(leerling.bsn, 9) });`;
    const started = Date.now();
    assert.deepEqual(brief(run(code, { ...T })), ['no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@f0(leerling.bsn, 9)']);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });
});
