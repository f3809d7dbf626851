/**
 * Whatever the FG types, the loader answers: over thousands of randomly mutated catalogues it never throws, and
 * every problem it reports carries a file, a line and column ≥ 1, a code, a message and a hint.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadCatalogueFromText, type LoadCatalogueResult } from '@avglint/rules';
import { MemoryHost, VALID } from './memoryHost';

const FILE = '/repo/avglint.catalogue.yaml';
const BASE = '/repo/groep/base.yaml';
const FIXTURE = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/project/avglint.catalogue.yaml'), 'utf8');

/** A repository with a valid base catalogue and a second file that extends back, so mutated `extends` can reach both. */
const host = new MemoryHost({
  '/repo/package.json': '{}',
  [BASE]: VALID,
  '/repo/groep/loop.yaml': 'version: 1\nextends: ../avglint.catalogue.yaml\n',
  '/elders/base.yaml': VALID,
});

const KEYS = ['version', 'extends', 'retention', 'retentoin', 'categories', 'label', 'match', 'names', 'receives', 'access', 'paths', 'duration', 'minimum', 'ends', 'consent', 'legalBasis', 'sanitisers', 'function', '__proto__', 'constructor', '1', '-', '? x', '<<'];
const VALUES = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '', '~', 'null', 'true', 'ja', '[]', '{}', '[a, b', '{ x: 1', '"unclosed', "'", '&a x', '*a', '!!js/function f', '!!binary aGk=',
    'P2Y', 'P', 'PT1H', '2027-02-30', '2027-07-31', 'https://x.example/y.yaml', '/etc/passwd', '../../elders/base.yaml',
    'groep/base.yaml', 'groep/loop.yaml', 'avglint.catalogue.yaml', 'src/[zorg/**', '../x/**', '*.duo.nl', 'https://duo.nl/',
    'consent', 'leerlingdossier', 'bsn', 'eckid', 'nav', '- a', '|', '>', '---', '...', '#', '\t', 'a: b: c',
  ),
);

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (lines) => lines.filter((_, j) => j !== i % Math.max(1, lines.length))),
  fc.nat().map((i): Mutation => (lines) => {
    const k = i % Math.max(1, lines.length);
    return [...lines.slice(0, k + 1), lines[k] ?? '', ...lines.slice(k + 1)];
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (lines) => {
    const copy = [...lines];
    const i = a % Math.max(1, copy.length);
    const j = b % Math.max(1, copy.length);
    [copy[i], copy[j]] = [copy[j] ?? '', copy[i] ?? ''];
    return copy;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 6 })).map(([i, delta]): Mutation => (lines) =>
    lines.map((line, j) => (j !== i % Math.max(1, lines.length) ? line : delta >= 0 ? ' '.repeat(delta) + line : line.slice(Math.min(-delta, line.length - line.trimStart().length)))),
  ),
  fc.tuple(fc.nat(), VALUES).map(([i, value]): Mutation => (lines) =>
    lines.map((line, j) => {
      if (j !== i % Math.max(1, lines.length)) return line;
      const colon = line.indexOf(': ');
      return colon >= 0 ? `${line.slice(0, colon + 2)}${value}` : `${line}${value}`;
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...KEYS), VALUES, fc.integer({ min: 0, max: 6 })).map(([i, key, value, indent]): Mutation => (lines) => {
    const k = i % (lines.length + 1);
    return [...lines.slice(0, k), `${' '.repeat(indent)}${key}: ${value}`, ...lines.slice(k)];
  }),
  fc.nat().map((n): Mutation => (lines) => {
    const text = lines.join('\n');
    return text.slice(0, n % (text.length + 1)).split('\n');
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 8 })).map(([n, junk]): Mutation => (lines) => {
    const text = lines.join('\n');
    const at = n % (text.length + 1);
    return `${text.slice(0, at)}${junk}${text.slice(at)}`.split('\n');
  }),
);

function assertWellFormed(result: LoadCatalogueResult, text: string): void {
  const lineCount = text.split('\n').length;
  for (const problem of result.problems) {
    const where = JSON.stringify(problem);
    assert.ok([FILE, BASE, '/repo/groep/loop.yaml'].includes(problem.file), `file: ${where}`);
    assert.ok(Number.isInteger(problem.line) && problem.line >= 1, `line: ${where}`);
    assert.ok(Number.isInteger(problem.column) && problem.column >= 1, `column: ${where}`);
    if (problem.file === FILE) assert.ok(problem.line <= lineCount + 1, `line beyond the file: ${where}`);
    if (problem.endLine !== undefined) {
      assert.ok(Number.isInteger(problem.endLine) && problem.endLine >= problem.line, `endLine: ${where}`);
      assert.ok(Number.isInteger(problem.endColumn) && (problem.endColumn ?? 0) >= 1, `endColumn: ${where}`);
    }
    assert.ok(problem.severity === 'error' || problem.severity === 'warning', `severity: ${where}`);
    assert.match(problem.code, /^catalogue\/[a-z-]+$/, `code: ${where}`);
    assert.ok(problem.message.trim().length > 0, `message: ${where}`);
    assert.ok(problem.hint.trim().length > 0, `hint: ${where}`);
    assert.notEqual(problem.code, 'catalogue/internal-error', `the loader failed: ${where}`);
  }
  assert.equal(result.catalogue !== undefined, !result.problems.some((p) => p.severity === 'error'), 'a catalogue is returned exactly when there is no error');
}

function check(start: string, numRuns: number, seed: number): void {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
      const text = mutations.reduce((lines, mutate) => mutate(lines), start.split('\n')).join('\n');
      let result: LoadCatalogueResult | undefined;
      assert.doesNotThrow(() => {
        result = loadCatalogueFromText(FILE, text, host, { now: new Date(Date.UTC(2026, 5, 1)) });
      });
      assertWellFormed(result as LoadCatalogueResult, text);
    }),
    { numRuns, seed },
  );
}

describe('catalogue loader: mutated catalogues (property-based)', function () {
  this.timeout(60_000);

  it('never throws and always positions its problems (1500 mutations of the small catalogue)', () => {
    check(VALID, 1500, 20261130);
  });

  it('never throws and always positions its problems (600 mutations of the shared test catalogue)', () => {
    check(FIXTURE, 600, 4242);
  });

  it('also holds for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const result = loadCatalogueFromText(FILE, text, host);
        assertWellFormed(result, text);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
