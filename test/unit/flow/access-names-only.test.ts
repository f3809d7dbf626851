import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Catalogue, Category } from '@avglint/rules';
import { both, brief, run, testCatalogue } from './program';

/**
 * The access check's fast path: when the restricted categories are matched by names only (no types, brands, members
 * or JSDoc tags), it skips the type checker. These cases pin that it still reports every name-based read, with and
 * without types, exactly as the full path does (the benchmark measured the full path as most of the scan's time).
 */
function namesOnlyCatalogue(): Catalogue {
  const base = testCatalogue();
  const categories = new Map<string, Category>();
  for (const [id, category] of base.categories) {
    categories.set(id, id === 'zorgdossier' ? { ...category, match: { ...category.match, types: [], brands: [], members: [], jsdocTags: [] } } : category);
  }
  return { ...base, categories };
}

describe('flow: access check with a names-only catalogue', () => {
  it('reports property reads, destructuring, element access, parameters and spreads, with and without types', () => {
    const catalogue = namesOnlyCatalogue();
    const code = [
      'interface Dossier { diagnose: string; leerlingId: string }',
      'export function f(l: Dossier, handelingsplan: string) {',
      '  const a = l.diagnose;',
      '  const { diagnose } = l;',
      "  const b = l['diagnose'];",
      '  const kopie = { ...l };',
      '  return [a, diagnose, b, handelingsplan, kopie, l.leerlingId];',
      '}',
    ].join('\n');
    const expected = [
      'no-unauthorised-access:unauthorisedRead:zorgdossier@handelingsplan',
      'no-unauthorised-access:unauthorisedRead:zorgdossier@l.diagnose',
      'no-unauthorised-access:unauthorisedRead:zorgdossier@diagnose',
      "no-unauthorised-access:unauthorisedRead:zorgdossier@l['diagnose']",
      'no-unauthorised-access:unauthorisedRead:zorgdossier@...l',
    ];
    assert.deepEqual(both(code, { rules: ['no-unauthorised-access'], catalogue }), { untyped: expected, typed: expected });
    assert.deepEqual(brief(run(code, { rules: ['no-unauthorised-access'], catalogue, typed: true, file: 'src/zorg/plan.ts' })), []);
  });

  it('does not classify a call result by its type when no restricted category names a type', () => {
    const code = [
      'interface Zorgdossier { plan: string }',
      'declare function haal(): Promise<Zorgdossier>;',
      'export async function f() {',
      '  const d = await haal();',
      '  return d.plan;',
      '}',
    ].join('\n');
    assert.deepEqual(brief(run(code, { rules: ['no-unauthorised-access'], catalogue: namesOnlyCatalogue(), typed: true })), []);
    // The same code with the full catalogue (zorgdossier has `types: [Zorgdossier]`) is reported: the fast path is
    // only taken when it cannot change the result.
    assert.deepEqual(brief(run(code, { rules: ['no-unauthorised-access'], typed: true })), ['no-unauthorised-access:unauthorisedRead:zorgdossier@await haal()']);
  });
});

/**
 * With a names-only catalogue, a file whose text cannot spell a restricted name is not searched for reads at all (only
 * for spreads). These tests pin that the text test never hides a finding: a file is analysed as it is, and again with a
 * decoy appended — a comment that spells a restricted name, which makes the text test pass but is no read — and both
 * must give the same findings.
 */
describe('flow: access check, the whole-text test for restricted names', () => {
  const catalogue = namesOnlyCatalogue();
  const findings = (code: string): string[] => {
    const result = run(code, { rules: ['no-unauthorised-access'], catalogue });
    return result.findings.map((f) => `${f.range.start}-${f.range.end} ${f.message}`);
  };
  const DECOY = '\n// diagnose\n';

  /** Names as identifiers: restricted ones in several spellings, escaped, with diacritics, and unrestricted ones. */
  const identifier = fc.constantFrom('diagnose', 'Diagnose', 'DIAGNOSE', 'medicijnGebruik', 'medicijn_gebruik', 'handelingsPlan', 'diagnöse', 'di\\u0061gnose', 'di\\u{61}gnose', 'naam', 'datum', 'diagnoses', 'testrap');
  /** Names in string keys: also with separators and escapes that `normaliseName` drops or that stand for a letter. */
  const key = fc.oneof(
    identifier,
    fc.constantFrom('medicijn-gebruik', 'medicijn gebruik', 'diag\\nnose', 'dia\\tgnose', 'di\\agnose', 'di\\x61gnose', 'di\\141gnose', 'dia\\\ngnose', 'DIA_GNOSE', 'test.rapport', 'diagno\\\\se', 'ｄiagnose', 'diagnose\u0301'),
  );
  const piece = fc.oneof(
    identifier.map((n) => `export const a = l.${n};\n`),
    key.map((n) => `export const b = l['${n}'];\n`),
    key.map((n) => `export const c = l[\`${n}\`];\n`),
    key.map((n) => `export const { '${n}': d } = l;\n`),
    identifier.map((n) => `export const { ${n}: e } = l;\n`),
    identifier.map((n) => `export function f(${n}: string) {\n  return ${n};\n}\n`),
    fc.constantFrom('export const g = { ...l };\n', '// ëën opmerking\n', "export const h = 'a\\nb';\n", 'export const { 1e3: i } = l;\n'),
  );

  it('gives the same findings as the full search, for random files of reads', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const code = `declare const l: any;\n${pieces.join('')}`;
        assert.deepEqual(findings(code), findings(`${code}${DECOY}`));
      }),
      { numRuns: 300 },
    );
  });

  it('reports names spelled with separators, escapes, diacritics and full-width letters', () => {
    const reads = ["l['medicijn-gebruik']", "l['diag\\nnose']", "l['di\\agnose']", "l['di\\x61gnose']", 'l.di\\u0061gnose', 'l.diagnöse', "l['ｄiagnose']", 'l.medicijn_gebruik'];
    for (const read of reads) {
      const code = `declare const l: any;\nexport const a = ${read};\n`;
      assert.deepEqual(brief(run(code, { rules: ['no-unauthorised-access'], catalogue })), [`no-unauthorised-access:unauthorisedRead:zorgdossier@${read}`], read);
    }
  });

  it('still reports a spread of restricted members in a file that spells no restricted name', () => {
    const code = "import type { Dossier } from './dossier';\nexport function kopie(l: Dossier) {\n  return { ...l };\n}\n";
    const others = { 'src/dossier.ts': 'export interface Dossier { diagnose: string; leerlingId: string }\n' };
    assert.deepEqual(brief(run(code, { rules: ['no-unauthorised-access'], catalogue, typed: true, others })), ['no-unauthorised-access:unauthorisedRead:zorgdossier@...l']);
  });

  it('finds nothing to report in a file that spells no restricted name, spreads aside', () => {
    const code = "declare const l: any;\nexport const a = l.naam;\nexport const b = l['diagnoses'];\nexport const c = { ...l };\n";
    assert.deepEqual(brief(run(code, { rules: ['no-unauthorised-access'], catalogue })), []);
  });
});
