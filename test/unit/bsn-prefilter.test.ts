import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { analyseFile, isValidBsn } from '@avglint/rules';
import { emptyCatalogue } from '../helpers/catalogue';

/**
 * no-bsn-literal first asks whether the file's text holds any 8- or 9-digit number that passes a check at all, and
 * skips the walk over literals and comments when it does not (the benchmark's largest saving in that rule). These
 * tests pin that the shortcut never hides a finding: a file is analysed as it is, and again with a decoy appended — an
 * allowed test number in a comment, which makes the shortcut pass but is not itself reported — and both must give the
 * same findings.
 */
const catalogue = emptyCatalogue();

const DECOY = '123456782';

function findings(text: string): string[] {
  const sf = ts.createSourceFile('/project/src/file.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const result = analyseFile({
    sourceFile: sf,
    catalogue,
    options: { rules: new Set(['no-bsn-literal']), ruleOptions: { 'no-bsn-literal': { allow: [DECOY] } } },
  });
  assert.deepEqual(result.problems, []);
  return result.findings.map((f) => `${f.range.start}-${f.range.end} ${f.data['value'] ?? ''}`);
}

/** Digits in every form the rule reads: plain, with `_` separators, dotted, BigInt, inside longer runs. */
const digits = fc.stringMatching(/^[0-9]{6,11}$/);
const written = fc.oneof(
  digits,
  digits.map((d) => d.replace(/(\d{3})(?=\d)/g, '$1_')),
  fc.stringMatching(/^[0-9]{4}\.[0-9]{2}\.[0-9]{3}$/),
  digits.map((d) => `${d}n`),
  digits.map((d) => `x${d}`),
  digits.map((d) => `${d}.5`),
);
const piece = fc.oneof(
  written.map((w) => `const a = ${/^[0-9]/.test(w) ? w : '0'};\n`),
  written.map((w) => `const s = '${w}';\n`),
  written.map((w) => `const t = \`id ${w} \${x} ${w}\`;\n`),
  written.map((w) => `// ${w}\n`),
  written.map((w) => `/* https://example.org/a/${w}?q=${w} */\n`),
  fc.constant('let x = 1;\n'),
);

describe('no-bsn-literal: the whole-text shortcut', () => {
  it('gives the same findings as the full walk, for random files of numbers in literals and comments', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(findings(text), findings(`${text}// ${DECOY}\n`));
      }),
      { numRuns: 400 },
    );
  });

  it('still reports numbers in every form when the file holds one', () => {
    assert.ok(isValidBsn(DECOY));
    assert.equal(findings(`const a = 111_222_333;\n`).length, 1);
    assert.equal(findings(`// zie 1112.22.333\n`).length, 1);
    assert.equal(findings(`const s = 'bsn 111222333';\n`).length, 1);
    assert.deepEqual(findings(`const s = 'nr 111222334 en 12345678901';\n`), []);
  });
});
