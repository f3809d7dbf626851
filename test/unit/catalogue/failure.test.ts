/**
 * `catalogueFailure`: the one line every host says about a catalogue it cannot use (ESLint's `avglint/catalogue`, the
 * server's `catalogue/invalid`, the first line of `avglint scan`), and the full list as its detail.
 */
import * as assert from 'node:assert/strict';
import { catalogueFailure, cataloguePointer, SUMMARY_LIMIT, type Problem } from '@avglint/rules';

const FILE = '/repo/avglint.catalogue.yaml';
const relative = (file: string): string => file.replace('/repo/', '');

function problem(line: number, severity: Problem['severity'], message: string, code = 'catalogue/unknown-key'): Problem {
  return { file: FILE, line, column: 3, severity, code, message, hint: `hint ${line}` };
}

describe('catalogueFailure: a broken catalogue in one line', () => {
  it('names the first error (not an earlier warning), its place, and how many problems follow', () => {
    const problems = [problem(4, 'warning', 'A warning first.', 'catalogue/agreement-missing'), problem(9, 'error', 'Unknown key `retentoin` in category `bsn`.'), problem(12, 'error', 'Another.')];
    const en = catalogueFailure(problems, 'en', relative);
    assert.equal(en.summary, 'Catalogue avglint.catalogue.yaml:9:3: Unknown key `retentoin` in category `bsn`. (+2 more)');
    assert.equal(en.detail, ['avglint.catalogue.yaml:4:3: A warning first. (hint 4)', 'avglint.catalogue.yaml:9:3: Unknown key `retentoin` in category `bsn`. (hint 9)', 'avglint.catalogue.yaml:12:3: Another. (hint 12)'].join('\n'));
    assert.equal(catalogueFailure(problems, 'nl', relative).summary, 'Catalogus avglint.catalogue.yaml:9:3: Unknown key `retentoin` in category `bsn`. (+2 meer)');
    assert.equal(cataloguePointer(problems, 'en'), ' (avglint catalogue check)');
  });

  it('says nothing of more problems when there is one, and uses the path as given without `relative`', () => {
    assert.equal(catalogueFailure([problem(2, 'error', 'Unknown key `foo`.')], 'en').summary, `Catalogue ${FILE}:2:3: Unknown key \`foo\`.`);
  });

  it('shortens a long first message to fit the summary limit, keeping the place and the count', () => {
    const long = problem(7, 'error', `\`extends\` points at \`groep/base.yaml\`: it leads through a symbolic link to ${'/x'.repeat(60)}, outside the repository.`);
    const { summary } = catalogueFailure([long, problem(8, 'error', 'x')], 'en', relative);
    assert.ok(summary.length <= SUMMARY_LIMIT, summary);
    assert.match(summary, /^Catalogue avglint\.catalogue\.yaml:7:3: `extends` points at .*… \(\+1 more\)$/u);
  });

  it('with no catalogue at all: where avglint looked, and how to make one', () => {
    const missing: Problem = { file: '/repo/src/a.ts', line: 1, column: 1, severity: 'error', code: 'catalogue/not-found', message: 'No avglint.catalogue.yaml found in /repo/src or any directory above it, so nothing is checked.', hint: 'Run `npx avglint init`.' };
    assert.equal(catalogueFailure([missing], 'en', relative).summary, missing.message);
    assert.equal(cataloguePointer([missing], 'nl'), ' (maak er een: npx avglint init)');
    assert.equal(cataloguePointer([missing], 'en'), ' (create one: npx avglint init)');
  });

  it('names a configured catalogue that does not exist as the host names it, however deep the checkout', () => {
    const deep = `/${'diep/'.repeat(20)}repo/nowhere.yaml`;
    const missing: Problem = { file: deep, line: 1, column: 1, severity: 'error', code: 'catalogue/not-found', message: `The catalogue ${deep} does not exist, so nothing is checked.`, hint: 'Fix the setting.' };
    const { summary } = catalogueFailure([missing], 'en', (file) => file.slice(file.lastIndexOf('/') + 1));
    assert.equal(summary, 'The catalogue nowhere.yaml does not exist, so nothing is checked.');
  });
});
