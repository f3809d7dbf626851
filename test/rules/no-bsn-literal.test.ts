import { message, rule, ruleTester } from '../helpers/ruleTester';

ruleTester.run('no-bsn-literal', rule('no-bsn-literal'), {
  valid: [
    'const n = 123456781;', // fails the elfproef
    'const n = 1234567820;', // ten digits
    'const s = "1234567823";', // part of a longer digit run
    'const h = "deadbeef123456782";', // inside a hex string
    'const u = "12345672-1234-1234-1234-123456789abc";', // a UUID
    'const d = 20240107;', // a date, YYYYMMDD
    'const f = 1.23456782;',
    'const x = 0x12345678;',
    { code: 'const bsn = 123456782;', options: [{ allow: ['123456782'] }] },
    { code: "const bsn = '012345672';", options: [{ allow: ['12345672'] }] },
    { code: '// testpersoon 999999990\nconst a = 1;', options: [{ checkComments: false }] },
    'if (node.flags & 33554432 /* Ambient */) x();', // a bit flag: 2^25
    '// See https://stackoverflow.com/a/60422853/1709587\nx();', // a cited page's path
    // Numbers whose context says they are no person's number (rules/src/analysis/bsnContext.ts).
    'const h = (x * 123456782) | 0;', // arithmetic
    'const y = x - 111222333;',
    'if (n > 999999990) f();', // a comparison
    'const neg = -123456782;', // a negative number
    'const TIMEOUT_MS = 123456782;', // a unit
    'const MAX_BYTES = 111222333;', // a bound
    'const PI = 314159265;', // a mathematical constant (here, digits that pass)
    'const config = { cacheTtl: 123456782 };',
    'const fixture = { id: 111222333, naam: "Anoniem" };', // a record id in an anonymised fixture
    'const rows = [{ recordId: 123456782 }];',
    'enum Limits { MaxItems = 123456782 }',
    'class C { static readonly HASH_SEED = 111222333; }',
    'setTimeout(run, 123456782);',
    'const d = new Date(999999990);',
    'const m = Math.min(a, 123456782);',
    'const K = 123456782;\nexport const mix = (h: number) => (h ^ K) * 31;', // a constant only used in arithmetic
    'const PRIMES = [123456782, 111222333];', // an array takes its name
  ],
  invalid: [
    {
      code: 'const bsn = 123456782;',
      errors: [{ ...message('no-bsn-literal', 'bsnLiteral', { value: '123456782', check: 'BSN-elfproef', kind: 'BSN', where: 'a number' }), line: 1, column: 13, endLine: 1, endColumn: 22 }],
    },
    {
      code: "const bsn = '111222333';",
      errors: [{ messageId: 'bsnLiteral', line: 1, column: 13, endLine: 1, endColumn: 24 }],
    },
    {
      code: 'const bsn = 12345672;', // eight digits: a BSN without its leading zero
      errors: [{ ...message('no-bsn-literal', 'bsnLiteral', { value: '12345672', check: 'BSN-elfproef', kind: 'BSN', where: 'a number' }), line: 1, column: 13, endLine: 1, endColumn: 21 }],
    },
    {
      code: 'const n = 123_456_782;',
      errors: [{ messageId: 'bsnLiteral', line: 1, column: 11, endLine: 1, endColumn: 22 }],
    },
    {
      code: "const on = '100000004';",
      errors: [{ ...message('no-bsn-literal', 'bsnLiteral', { value: '100000004', check: 'onderwijsnummercontrole', kind: 'onderwijsnummer', where: 'a string' }), line: 1, column: 12, endLine: 1, endColumn: 23 }],
    },
    {
      code: 'const t = `leerling ${id} heeft BSN 999999990`;',
      errors: [{ messageId: 'bsnLiteral', line: 1, column: 25, endLine: 1, endColumn: 47 }],
    },
    {
      code: "const s = 'BSN 1234.56.782';",
      errors: [{ ...message('no-bsn-literal', 'bsnLiteral', { value: '1234.56.782', check: 'BSN-elfproef', kind: 'BSN', where: 'a string' }), line: 1, column: 11, endLine: 1, endColumn: 28 }],
    },
    {
      code: 'fetch("https://api.example.nl/leerlingen/123456782");',
      errors: [{ messageId: 'bsnLiteral', line: 1, column: 7, endLine: 1, endColumn: 52 }],
    },
    {
      code: 'const a = 1;\n// Jan de Vries, BSN 999999990\nconst b = 2;',
      errors: [{ messageId: 'bsnLiteral', line: 2, column: 22, endLine: 2, endColumn: 31 }],
    },
    {
      code: '/*\n * Testpersoon: 111222333\n */',
      errors: [{ messageId: 'bsnLiteral', line: 2, column: 17, endLine: 2, endColumn: 26 }],
    },
    {
      code: 'const p = <p>BSN 123456782</p>;',
      filename: 'src/react.tsx',
      errors: [{ messageId: 'bsnLiteral', line: 1, column: 18, endLine: 1, endColumn: 27 }],
    },
    {
      code: 'const nummers = [123456782, 111222333];',
      options: [{ allow: ['111222333'] }],
      errors: [{ ...message('no-bsn-literal', 'bsnLiteral', { value: '123456782', check: 'BSN-elfproef', kind: 'BSN', where: 'a number' }), line: 1, column: 18, endLine: 1, endColumn: 27 }],
    },
    // A name like a BSN wins over arithmetic; a number written into text, or a constant used as a value, is reported.
    { code: 'const bsn = 123456782 * 1;', errors: [{ messageId: 'bsnLiteral', line: 1, column: 13, endLine: 1, endColumn: 22 }] },
    { code: 'const leerling = { bsnId: 111222333 };', errors: [{ messageId: 'bsnLiteral', line: 1, column: 27, endLine: 1, endColumn: 36 }] },
    { code: "const s = 'BSN ' + 123456782;", errors: [{ messageId: 'bsnLiteral', line: 1, column: 20, endLine: 1, endColumn: 29 }] },
    { code: 'const K = 123456782;\nsend({ nummer: K });', errors: [{ messageId: 'bsnLiteral', line: 1, column: 11, endLine: 1, endColumn: 20 }] },
    { code: 'opslaan(999999990);', errors: [{ messageId: 'bsnLiteral', line: 1, column: 9, endLine: 1, endColumn: 18 }] },
    { code: "const ids = ['123456782'];", errors: [{ messageId: 'bsnLiteral', line: 1, column: 14, endLine: 1, endColumn: 25 }] }, // strings stay reported
  ],
});
