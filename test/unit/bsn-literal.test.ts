import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyseFile, type Category } from '@avglint/rules';
import { emptyCatalogue } from '../helpers/catalogue';

const location = { file: '/project/avglint.catalogue.yaml', line: 1, column: 1 };
const bsn: Category = {
  id: 'bsn',
  label: 'Burgerservicenummer (BSN)',
  special: false,
  identifier: true,
  retention: ['leerlingdossier'],
  match: { names: ['bsn', 'burgerservicenummer'], types: [], members: [], jsdocTags: [], brands: [] },
  restricted: false,
  location,
};
const catalogue = { ...emptyCatalogue(), categories: new Map([['bsn', bsn]]) };

/** [value, check, reported text] per finding. */
function literals(text: string, ruleOptions?: Record<string, unknown>, fileName = '/project/src/file.ts'): [string, string, string][] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const result = analyseFile({
    sourceFile: sf,
    catalogue,
    options: { rules: new Set(['no-bsn-literal']), ...(ruleOptions ? { ruleOptions: { 'no-bsn-literal': ruleOptions } } : {}) },
  });
  assert.deepEqual(result.problems, []);
  return result.findings.map((f) => [f.data['value'] ?? '', f.data['check'] ?? '', sf.text.slice(f.range.start, f.range.end)]);
}

describe('no-bsn-literal (through analyseFile)', () => {
  it('reports numeric literals that pass the elfproef, at the literal', () => {
    assert.deepEqual(literals('const a = 123456782;\nconst b = 123_456_782;\nconst c = 123456782n;'), [
      ['123456782', 'BSN-elfproef', '123456782'],
      ['123_456_782', 'BSN-elfproef', '123_456_782'],
      ['123456782n', 'BSN-elfproef', '123456782n'],
    ]);
  });

  it('reports onderwijsnummers with their own check and kind', () => {
    const sf = 'const o = "100000004";';
    assert.deepEqual(literals(sf), [['100000004', 'onderwijsnummercontrole', '"100000004"']]);
  });

  it('says what it found, why and what to do, and names the catalogue category', () => {
    const sf = ts.createSourceFile('/project/src/f.ts', 'f(111222333);', ts.ScriptTarget.Latest, true);
    const [finding] = analyseFile({ sourceFile: sf, catalogue }).findings;
    assert.ok(finding);
    assert.equal(finding.ruleId, 'no-bsn-literal');
    assert.deepEqual(finding.data, { value: '111222333', check: 'BSN-elfproef', kind: 'BSN', where: 'a number' });
    assert.deepEqual(finding.categories, ['bsn']);
    assert.equal(finding.summary, '111222333 in a number passes the BSN-elfproef: maybe a real BSN');
    assert.match(finding.detail, /^Why: .*AVG art\. 87.*\nWhat to do: .*settings\.rules\.no-bsn-literal\.allow/);
    assert.equal(finding.path.length, 1);
  });

  it('reports 8-digit numbers, padded with a leading zero', () => {
    assert.deepEqual(literals('const a = 12345672;'), [['12345672', 'BSN-elfproef', '12345672']]);
  });

  it('finds numbers inside strings, templates and their written form 1234.56.782, reporting the literal', () => {
    const text = ['const s = "BSN: 123456782.";', 'const t = `bsn ${x} 111222333`;', "const u = 'BSN 1234.56.782';"].join('\n');
    assert.deepEqual(literals(text), [
      ['123456782', 'BSN-elfproef', '"BSN: 123456782."'],
      ['111222333', 'BSN-elfproef', '} 111222333`'],
      ['1234.56.782', 'BSN-elfproef', "'BSN 1234.56.782'"],
    ]);
  });

  it('finds numbers in comments, at the number, unless checkComments is false', () => {
    const text = '// Jan heeft BSN 999999990\n/* en 111222333 */ x();';
    assert.deepEqual(literals(text), [
      ['999999990', 'BSN-elfproef', '999999990'],
      ['111222333', 'BSN-elfproef', '111222333'],
    ]);
    assert.deepEqual(literals(text, { checkComments: false }), []);
  });

  it('finds numbers in JSX text, at the number', () => {
    assert.deepEqual(literals('const p = <p>BSN 123456782</p>;', undefined, '/project/src/f.tsx'), [['123456782', 'BSN-elfproef', '123456782']]);
  });

  it('allows listed numbers, 8-digit ones also in their padded form', () => {
    assert.deepEqual(literals('f(123456782, 111222333);', { allow: ['123456782'] }).map((f) => f[0]), ['111222333']);
    assert.deepEqual(literals('f(12345672, "012345672");', { allow: ['012345672'] }), []);
  });

  it('skips numbers that fail both checks, longer digit runs, words, hex, UUIDs, dates, floats and hex literals', () => {
    const text = [
      'f(123456781, 1234567820, 0x12345678, 1.23456782, 123456782e0);',
      'const ids = ["1234567823", "a123456782", "123456782b", "x_123456782", "deadbeef123456782"];',
      'const uuid = "12345672-1234-1234-1234-123456789abc";',
      'const date = "20240107"; const n = 20240107;',
      'const v = "1234.56.7821"; const w = "0.1234.56.782";',
    ].join('\n');
    assert.deepEqual(literals(text), []);
  });

  it('does not exempt URLs in code: a BSN in a path or query leaks into access logs', () => {
    assert.deepEqual(literals('fetch("https://api.example.nl/leerlingen/123456782?x=1");').map((f) => f[0]), ['123456782']);
  });

  it('skips bit flags and masks (2^n, 2^n − 1) that happen to pass the elfproef', () => {
    // 33554432 = 2^25 and 268435455 = 2^28 − 1 both pass the elfproef (padded to 9 digits).
    assert.deepEqual(literals('if (flags & 33554432) x = 268435455;'), []);
  });

  it('in comments, skips numbers in the path of a cited URL, but not in its query', () => {
    assert.deepEqual(literals('// Nicked from https://stackoverflow.com/a/60422853/1709587\nx();'), []);
    assert.deepEqual(literals('// zie https://portaal.example.nl/leerling?bsn=123456782\nx();').map((f) => f[0]), ['123456782']);
  });
});
