/**
 * Hostile catalogues (issue 13, "Linear on hostile input"): very deep nesting, absurd durations, huge files and
 * very many entries. Each problem is asserted at its exact position; cost is never asserted as time here (the
 * scaling runs are in test/reliability and RELIABILITY.md).
 */
import * as assert from 'node:assert/strict';
import { loadCatalogueFromText, type Problem } from '@avglint/rules';
import { MemoryHost, VALID, VALID_LINES, withLines } from './memoryHost';

const FILE = '/repo/avglint.catalogue.yaml';
const host = new MemoryHost({ '/repo/package.json': '{}', [FILE]: VALID });

function load(text: string): ReturnType<typeof loadCatalogueFromText> {
  return loadCatalogueFromText(FILE, text, host);
}

function brief(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`);
}

/** Runs `f` with `depth` frames of the stack already used, as in a long-running process deep in its own calls. */
function withStackUsed<T>(depth: number, f: () => T): T {
  const down = (n: number): T => (n === 0 ? f() : down(n - 1));
  return down(depth);
}

describe('catalogue: hostile input', () => {
  it('deep nesting is a positioned problem at the first level too deep, whatever the stack left', () => {
    // 14 is line 14 of VALID (`    label: BSN`); the value opens 2,000 lists. The parser used to overflow the stack
    // at a depth that depends on the host (`catalogue/internal-error` at 1:1, or a syntax error at a column that
    // moved with the stack size), so the CLI and a long-running process disagreed near the limit.
    for (const depth of [65, 700, 2_000]) {
      const text = withLines({ 14: `    label: ${'['.repeat(depth)}${']'.repeat(depth)}` });
      const expected = ['14:73 error catalogue/too-deep'];
      assert.deepEqual(brief(load(text).problems), expected, `depth ${depth}`);
      assert.deepEqual(brief(withStackUsed(5_000, () => load(text)).problems), expected, `depth ${depth}, little stack left`);
    }
    const blocks = withLines({ 14: `    label: ${'{ a: '.repeat(100)}1${' }'.repeat(100)}` });
    assert.deepEqual(brief(load(blocks).problems), [`14:${12 + 5 * 61} error catalogue/too-deep`]);
    // Within the limit the catalogue reads as before: the label is simply not text.
    const within = withLines({ 14: `    label: ${'['.repeat(40)}${']'.repeat(40)}` });
    assert.deepEqual(brief(load(within).problems), ['14:12 error catalogue/wrong-type']);
  });

  it('an absurd duration is a positioned problem', () => {
    const result = load(withLines({ 10: '    duration: P99999999Y' }));
    assert.deepEqual(brief(result.problems), ['10:15 error catalogue/bad-duration']);
    assert.match(result.problems[0]?.message ?? '', /longer than 200 years/);
  });

  it('a file over the size limit is refused before parsing', () => {
    const text = `${VALID}organisation: ${'x'.repeat(10_000_001)}\n`;
    const result = load(text);
    assert.deepEqual(brief(result.problems), ['1:1 error catalogue/too-large']);
    assert.ok((result.problems[0]?.message.length ?? 0) < 200);
  });

  it('20,000 roles load, and a key written twice among them is found at its place', () => {
    const roles = Array.from({ length: 20_000 }, (_, i) => `  rol${i}: { label: Rol ${i} }`);
    // Line 4 keeps its role (the access rule refers to it); the 20,000 follow it.
    const valid = withLines({ 4: [VALID_LINES[3], ...roles].join('\n') });
    const loaded = load(valid);
    assert.deepEqual(brief(loaded.problems), []);
    assert.equal(loaded.catalogue?.roles.size, 20_001);
    assert.equal(loaded.catalogue.roles.get('rol19999')?.location.line, 5 + 19_999);
    const twice = withLines({ 4: [VALID_LINES[3], ...roles, '  rol7: { label: Nog eens }'].join('\n') });
    assert.deepEqual(brief(load(twice).problems), [`${5 + 20_000}:3 error catalogue/duplicate-key`]);
  });
});
