/**
 * The fast reading of plain catalogues (rules/src/catalogue/plain.ts: `js-yaml` for the data, its events for the
 * places of keys) must give exactly what the `yaml` package's reading gives: the same catalogue with the same
 * locations, and the same problems at the same places. A file is sent down the `yaml` path by adding a last comment
 * line holding `&x` (which the fast reading declines, as it could be an anchor); nothing before it moves. Texts the
 * fast reading declines are read by the `yaml` package as before and need no comparison.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadCatalogueFromText, type LoadCatalogueResult } from '@avglint/rules';
import { Parser } from 'yaml';
import { mutateCatalogue, Random } from '../../reliability/generators';
import { MemoryHost, VALID, VALID_LINES, withLines } from './memoryHost';

const FILE = '/repo/avglint.catalogue.yaml';
const host = new MemoryHost({ '/repo/package.json': '{}', [FILE]: VALID });

/** Whether the fast reading takes a text; the module is internal to the core, so it is required by path. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above.
const { readPlain } = require(path.resolve(__dirname, '..', '..', '..', '..', 'rules', 'dist', 'catalogue', 'plain.js')) as { readPlain(text: string, maxDepth: number): unknown };

function slowly(text: string): string {
  return `${text}${text.endsWith('\n') ? '' : '\n'}# &x (read by the yaml package)\n`;
}

/** Results without the compiled matchers (functions, compared by identity) and with problems as text. */
function comparable(result: LoadCatalogueResult): unknown {
  return JSON.parse(JSON.stringify({ problems: result.problems, catalogue: result.catalogue }, (_, value: unknown) => (value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : typeof value === 'function' ? 'function' : value))) as unknown;
}

/** For a text the fast reading takes: the same result as the yaml package's. Returns whether it took it. */
function assertSameAsYaml(text: string, label: string): boolean {
  const fast = readPlain(text, 64) !== undefined;
  // A text the fast reading declines is read by the yaml package both times (a problem at the end of the file would
  // move with the added line).
  if (fast) assert.deepEqual(comparable(loadCatalogueFromText(FILE, text, host)), comparable(loadCatalogueFromText(FILE, slowly(text), host)), label);
  return fast;
}

describe('catalogue: the fast reading of plain files', function () {
  // Each case loads a catalogue twice, the `yaml` package's way included (mutations hold up to 5,000 roles or 1 MB values).
  this.timeout(120_000);

  it('reads the valid catalogue fast, with every entry at the place the yaml package gives', () => {
    assert.ok(assertSameAsYaml(VALID, 'VALID'));
    const loaded = loadCatalogueFromText(FILE, VALID, host);
    assert.deepEqual(loaded.catalogue?.roles.get('zorgcoordinator')?.location, { file: FILE, line: 4, column: 3 });
    assert.deepEqual(loaded.catalogue.sanitisers[0]?.location, { file: FILE, line: 48, column: 5 });
  });

  it('gives the same catalogue and problems as the yaml package for scalars the two libraries could read differently', () => {
    const values = [
      '~', 'null', 'Null', 'true', 'True', 'yes', 'on', '0o17', '017', '0x1F', '1_000', '+1', '.5', '1.', '-.inf', '.NaN', '1e3', '2026-01-01',
      '"\\x41\\u00e9\\N\\_\\t"', "'it''s'", '"a\\\n    b"', 'a # comment', "'x' # c", '"Zorg & begeleiding"', 'Zorg & begeleiding', 'a:b', 'a :b', 'x\ty',
      '|\n      regel een\n      regel twee', '>-\n      gevouwen\n      tekst', '|+\n      a\n', '|2\n       ingesprongen', '"😀 bsn"', '{}', '[]', '',
    ];
    let fast = 0;
    for (const value of values) if (assertSameAsYaml(withLines({ 9: `    label: ${value}` }), `label: ${value}`)) fast++;
    const keys = ['~', '1', 'true', '"quoted key"', "'single'", 'label ', '"😀"', '<<', '__proto__', 'constructor', '? explicit', '[a, b]', 'k'.repeat(1_025)];
    for (const key of keys) if (assertSameAsYaml(withLines({ 4: `  ${key}: { label: Rol }` }), `key ${key.slice(0, 20)}`)) fast++;
    const shapes = [
      ['  zorgcoordinator: { label: Zorgcoördinator, }'],
      ['  zorgcoordinator: { label }'],
      ['  zorgcoordinator: { label, description: x }'],
      ['  zorgcoordinator:', '    label: Zorgcoördinator', '    description:'],
      ['  zorgcoordinator: {', '    label: Zorgcoördinator', '  }'],
      ['  zorgcoordinator: { label: Zorgcoördinator }   # rol'],
      ['  zorgcoordinator: &r { label: Zorgcoördinator }'],
      ['  zorgcoordinator: !!map { label: Zorgcoördinator }'],
      ['  zorgcoordinator:', '    ? label', '    : Zorgcoördinator'],
      ['  "zorgcoordinator" : { label: Zorgcoördinator }'],
    ];
    for (const lines of shapes) if (assertSameAsYaml(withLines({ 4: lines.join('\n') }), lines.join(' / '))) fast++;
    for (const text of [`---\n${VALID}`, `${VALID}...\n`, `\uFEFF${VALID}`, VALID.replace(/\n/g, '\r\n'), VALID.replace(/\n/g, '\r'), `%YAML 1.2\n---\n${VALID}`, `${VALID}---\nb: 1\n`, VALID.replace('sanitisers:\n', 'sanitisers:\n  -\n')]) {
      if (assertSameAsYaml(text, JSON.stringify(text.slice(0, 12)))) fast++;
    }
    // Most of these are plain enough for the fast reading: the comparison above is not only between two slow ones.
    assert.ok(fast > 40, `${fast} read fast`);
  });

  it('gives the same result as the yaml package on 200 mutated catalogues', () => {
    let fast = 0;
    for (let seed = 0; seed < 200; seed++) {
      const mutation = mutateCatalogue(new Random(seed));
      if (assertSameAsYaml(mutation.text, `seed ${seed}`)) fast++;
    }
    assert.ok(fast > 40, `${fast} of 200 read fast`);
  });

  it('loads a valid catalogue of 20,000 entries without the yaml package\'s parser, and uses it for a problem', () => {
    // Counts calls of the slow parser (issue 13: its parser was most of the 3 s a 20,000-entry catalogue took).
    let parses = 0;
    const original = Parser.prototype.parse;
    Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
      parses++;
      return original.apply(this, args);
    };
    try {
      const roles = Array.from({ length: 20_000 }, (_, i) => `  rol${i}: { label: Rol ${i} }`);
      const loaded = loadCatalogueFromText(FILE, withLines({ 4: [VALID_LINES[3], ...roles].join('\n') }), host);
      assert.equal(loaded.catalogue?.roles.get('rol19999')?.location.line, 5 + 19_999);
      assert.equal(parses, 0);
      const wrong = loadCatalogueFromText(FILE, withLines({ 4: [VALID_LINES[3], ...roles, '  rol7b: { label: [Rol] }'].join('\n') }), host);
      assert.deepEqual(wrong.problems.map((p) => `${p.line}:${p.column} ${p.code}`), [`${5 + 20_000}:19 catalogue/wrong-type`]);
      assert.equal(parses, 1);
    } finally {
      Parser.prototype.parse = original;
    }
  });

  it('places every entry of 20,000 where the yaml package does', () => {
    const roles = Array.from({ length: 20_000 }, (_, i) => `  ${i % 2 === 0 ? `rol${i}` : `"rol${i}"`}: ${i % 3 === 0 ? `{ label: Rol ${i} }` : `\n    label: Rol ${i}`}`);
    assert.ok(assertSameAsYaml(withLines({ 4: [VALID_LINES[3], ...roles].join('\n') }), '20,000 roles'));
  });
});
