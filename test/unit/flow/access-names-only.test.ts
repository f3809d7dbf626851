import * as assert from 'node:assert/strict';
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
