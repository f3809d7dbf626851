/**
 * One case per propagation step, sanitiser and selection: each sends data to Uitgeverij Leermiddel (which may not
 * receive the BSN) and expects the finding on the argument that carries it — or no finding where the step removes it.
 * Every case runs without types (names only) and with a program.
 */
import * as assert from 'node:assert/strict';
import { both } from './program';

const SEND = "const URL_ = 'https://api.leermiddel.example/v1/x';\ndeclare const leerling: { bsn: string; naam: string; eckid: string; cijfer: number };\ndeclare function toEckId(bsn: string): string;\ndeclare function pseudonymise(x: unknown): string;\n";
const T = { rules: ['no-unauthorised-transfer'] as const };

interface Case {
  readonly name: string;
  readonly code: string;
  /** The text of the argument(s) reported, in order; empty for no finding. */
  readonly reported: readonly string[];
  /** Only with types (the step needs the checker). */
  readonly typedOnly?: boolean;
}

const cases: readonly Case[] = [
  { name: 'variable', code: 'const x = leerling.bsn;\nfetch(URL_, { body: x });', reported: ['x'] },
  { name: 'reassignment', code: "let x = '';\nx = leerling.bsn;\nfetch(URL_, { body: x });", reported: ['x'] },
  { name: 'reassignment that replaces the data', code: 'let x = leerling.bsn;\nx = leerling.eckid;\nfetch(URL_, { body: x });', reported: [] },
  { name: 'conditional reassignment keeps both', code: 'declare const c: boolean;\nlet x = leerling.bsn;\nif (c) x = leerling.eckid;\nfetch(URL_, { body: x });', reported: ['x'] },
  { name: 'destructuring', code: 'const { bsn } = leerling;\nfetch(URL_, { body: bsn });', reported: ['bsn'] },
  { name: 'destructuring with renaming', code: 'const { bsn: nummer } = leerling;\nfetch(URL_, { body: nummer });', reported: ['nummer'] },
  { name: 'nested destructuring', code: 'declare const r: { leerling: { bsn: string } };\nconst { leerling: { bsn: n } } = r;\nfetch(URL_, { body: n });', reported: ['n'] },
  { name: 'object literal', code: 'const data = { id: leerling.bsn };\nfetch(URL_, { body: JSON.stringify(data) });', reported: ['JSON.stringify(data)'] },
  { name: 'object literal key name', code: 'declare const id: string;\nfetch(URL_, { body: JSON.stringify({ bsn: id }) });', reported: ['bsn: id'] },
  { name: 'shorthand property', code: 'const bsn = leerling.bsn;\nfetch(URL_, { body: JSON.stringify({ bsn }) });', reported: ['bsn'] },
  { name: 'spread', code: 'const a = { bsn: leerling.bsn };\nconst b = { ...a, x: 1 };\nfetch(URL_, { body: JSON.stringify(b) });', reported: ['JSON.stringify(b)'] },
  { name: 'a member written after a spread replaces the spread one', code: 'declare const bsn: string;\nconst a = { ...{ id: bsn }, id: leerling.eckid };\nfetch(URL_, { body: a.id });', reported: [] },
  { name: 'a spread value that is itself data stays data under other keys', code: 'declare const burgerservicenummer: { nr: string };\nconst a = { ...burgerservicenummer, x: 1 };\nfetch(URL_, { body: a.nr });', reported: ['a.nr'] },
  { name: 'property write', code: 'const o: Record<string, string> = {};\no.nummer = leerling.bsn;\nfetch(URL_, { body: JSON.stringify(o) });', reported: ['JSON.stringify(o)'] },
  { name: 'picking another field drops the category', code: 'const a = { bsn: leerling.bsn, naam: leerling.naam };\nfetch(URL_, { body: a.naam });', reported: [] },
  { name: 'rest without the category', code: 'const a = { bsn: leerling.bsn, naam: leerling.naam };\nconst { bsn, ...rest } = a;\nvoid bsn;\nfetch(URL_, { body: JSON.stringify(rest) });', reported: [] },
  { name: 'rest selection in a function', code: 'const strip = ({ bsn, ...rest }: { bsn: string; naam: string }) => rest;\nconst a = { bsn: leerling.bsn, naam: leerling.naam };\nfetch(URL_, { body: JSON.stringify(strip(a)) });', reported: [] },
  { name: 'array literal', code: 'const xs = [leerling.bsn];\nfetch(URL_, { body: JSON.stringify(xs) });', reported: ['JSON.stringify(xs)'] },
  { name: 'array push', code: 'const xs: string[] = [];\nxs.push(leerling.bsn);\nfetch(URL_, { body: JSON.stringify(xs) });', reported: ['JSON.stringify(xs)'] },
  { name: 'map callback', code: 'declare const ls: { bsn: string }[];\nconst ids = ls.map((l) => l.bsn);\nfetch(URL_, { body: JSON.stringify(ids) });', reported: ['JSON.stringify(ids)'] },
  { name: 'map callback selecting another field', code: 'declare const ls: { bsn: string; eckid: string }[];\nconst ids = ls.map((l) => ({ id: l.eckid }));\nfetch(URL_, { body: JSON.stringify(ids) });', reported: [] },
  { name: 'filter then map over data with the category', code: 'const ls = [{ bsn: leerling.bsn, naam: leerling.naam }];\nconst xs = ls.filter((l) => l.naam).map((l) => l.bsn);\nfetch(URL_, { body: xs.join(",") });', reported: ['xs.join(",")'] },
  { name: 'find', code: 'const ls = [{ bsn: leerling.bsn }];\nconst l = ls.find((x) => x.bsn);\nfetch(URL_, { body: l?.bsn });', reported: ['l?.bsn'] },
  { name: 'forEach callback sends', code: 'const ls = [{ bsn: leerling.bsn }];\nls.forEach((l) => fetch(URL_, { body: l.bsn }));', reported: ['l.bsn'] },
  { name: 'reduce', code: 'const ls = [leerling];\nconst s = ls.reduce((acc, l) => acc + l.bsn, "");\nfetch(URL_, { body: s });', reported: ['s'] },
  { name: 'template literal', code: 'fetch(URL_, { body: `nummer: ${leerling.bsn}` });', reported: ['leerling.bsn'] },
  { name: 'concatenation', code: "const s = 'nummer: ' + leerling.bsn;\nfetch(URL_, { body: s });", reported: ['s'] },
  { name: 'JSON.stringify of the whole object (types)', code: 'fetch(URL_, { body: JSON.stringify(leerling) });', reported: ['JSON.stringify(leerling)'], typedOnly: true },
  { name: 'URLSearchParams constructor', code: 'const p = new URLSearchParams({ id: leerling.bsn });\nfetch(URL_, { body: p });', reported: ['p'] },
  { name: 'URLSearchParams append with a key name', code: "declare const id: string;\nconst p = new URLSearchParams();\np.append('bsn', id);\nfetch(URL_, { body: p });", reported: ['p'] },
  { name: 'FormData set', code: "const f = new FormData();\nf.set('nummer', leerling.bsn);\nfetch(URL_, { body: f });", reported: ['f'] },
  { name: 'argument to parameter, sink in the callee (reported at the call)', code: 'function send(x: string) { return fetch(URL_, { body: x }); }\nsend(leerling.bsn);', reported: ['leerling.bsn'] },
  { name: 'return value', code: 'function nummer(l: { bsn: string }) { return l.bsn; }\nfetch(URL_, { body: nummer(leerling) });', reported: ['nummer(leerling)'] },
  { name: 'return value through an arrow', code: 'const wrap = (v: string) => ({ v });\nfetch(URL_, { body: JSON.stringify(wrap(leerling.bsn)) });', reported: ['JSON.stringify(wrap(leerling.bsn))'] },
  { name: 'two levels of helpers', code: 'function post(x: string) { return fetch(URL_, { body: x }); }\nfunction sync(l: { nr: string }) { return post(l.nr); }\nsync({ nr: leerling.bsn });', reported: ['nr: leerling.bsn'] },
  { name: 'a parameter that is itself classified is reported inside the helper, not again at the call', code: 'function post(x: string) { return fetch(URL_, { body: x }); }\nfunction sync(l: { bsn: string }) { return post(l.bsn); }\nsync(leerling);', reported: ['l.bsn'] },
  { name: 'a default parameter value', code: 'function send(x = leerling.bsn) { return fetch(URL_, { body: x }); }\nsend();', reported: ['x'] },
  { name: 'a method of an object literal', code: 'const api = { send(x: string) { return fetch(URL_, { body: x }); } };\napi.send(leerling.bsn);', reported: ['leerling.bsn'] },
  { name: 'for-of over an array', code: 'const ls = [leerling];\nfor (const l of ls) fetch(URL_, { body: l.bsn });', reported: ['l.bsn'] },
  { name: 'constructor argument into a field, sent by a method of a new instance', code: 'class Sync {\n  private nummer: string;\n  constructor(n: string) { this.nummer = n; }\n  run() { return fetch(URL_, { body: this.nummer }); }\n}\nnew Sync(leerling.bsn).run();', reported: ['leerling.bsn'] },
  { name: 'constructor parameter property, instance in a const, value returned by a method', code: 'class Houder {\n  constructor(private readonly nr: string) {}\n  waarde() { return this.nr; }\n}\nconst h = new Houder(leerling.bsn);\nfetch(URL_, { body: h.waarde() });', reported: ['h.waarde()'] },
  { name: 'class field', code: 'class Sync {\n  private nummer = leerling.bsn;\n  run() { return fetch(URL_, { body: this.nummer }); }\n}\nvoid Sync;', reported: ['this.nummer'] },
  { name: 'class field set in the constructor', code: 'class Sync {\n  private nummer: string;\n  constructor() { this.nummer = leerling.bsn; }\n  run() { return fetch(URL_, { body: this.nummer }); }\n}\nvoid Sync;', reported: ['this.nummer'] },
  { name: 'getter', code: 'class Sync {\n  get nummer() { return leerling.bsn; }\n  run() { return fetch(URL_, { body: this.nummer }); }\n}\nvoid Sync;', reported: ['this.nummer'] },
  { name: 'await', code: 'async function haal() { return leerling.bsn; }\nasync function f() { const x = await haal(); return fetch(URL_, { body: x }); }\nvoid f;', reported: ['x'] },
  { name: '.then', code: 'declare const p: Promise<{ bsn: string }>;\np.then((l) => fetch(URL_, { body: l.bsn }));', reported: ['l.bsn'] },
  { name: 'optional chaining', code: 'declare const l: { bsn?: string } | undefined;\nfetch(URL_, { body: l?.bsn });', reported: ['l?.bsn'] },
  { name: 'element access with a constant', code: "fetch(URL_, { body: leerling['bsn'] });", reported: ["leerling['bsn']"] },
  { name: 'sanitiser removes the category', code: 'fetch(URL_, { body: toEckId(leerling.bsn) });', reported: [] },
  { name: 'sanitiser in a variable', code: 'const id = toEckId(leerling.bsn);\nfetch(URL_, { body: JSON.stringify({ id }) });', reported: [] },
  { name: 'sanitiser that removes everything', code: 'fetch(URL_, { body: pseudonymise(leerling.bsn) });', reported: [] },
  { name: 'sanitiser does not remove other categories', code: 'fetch(URL_, { body: JSON.stringify({ a: toEckId(leerling.bsn), b: leerling.bsn }) });', reported: ['b: leerling.bsn'] },
  { name: 'a constant named like a category but holding a literal is not data', code: "const bsn = 'onbekend';\nfetch(URL_, { body: bsn });", reported: [] },
  { name: 'a constant named like a category but holding a sanitised value is not that category', code: 'const bsn = toEckId(leerling.bsn);\nfetch(URL_, { body: bsn });', reported: [] },
  { name: 'unknown function passes data through', code: 'declare function format(x: string): string;\nfetch(URL_, { body: format(leerling.bsn) });', reported: ['format(leerling.bsn)'] },
  { name: 'a comparison is not the data', code: 'fetch(URL_, { body: String(leerling.bsn === "1") });', reported: [] },
];

describe('flow: propagation (one case per step)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = both(SEND + c.code, T);
      const expected = c.reported.map((text) => `no-unauthorised-transfer:unauthorisedTransfer:bsn>leermiddelen@${text}`);
      assert.deepEqual(result.typed, expected, 'with types');
      if (!c.typedOnly) assert.deepEqual(result.untyped, expected, 'without types');
    });
  }
});
