/**
 * One test per kind of mistake the FG can make: each asserts the exact code, severity, line and column, and that
 * the message and hint are there. Catalogues are VALID (memoryHost.ts) with one line replaced.
 */
import * as assert from 'node:assert/strict';
import { loadCatalogueFromText, type Problem } from '@avglint/rules';
import { MemoryHost, VALID, VALID_LINES, withLines } from './memoryHost';

const FILE = '/repo/avglint.catalogue.yaml';
const host = new MemoryHost({ '/repo/package.json': '{}', [FILE]: VALID });

function load(text: string, now?: Date): ReturnType<typeof loadCatalogueFromText> {
  return loadCatalogueFromText(FILE, text, host, now ? { now } : {});
}

/** The column where `needle` starts on a line of the catalogue (1-based), so expectations read like the YAML. */
function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  assert.ok(index >= 0, `${needle} not on line ${line}`);
  return index + 1;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly severity?: Problem['severity'];
  readonly message?: RegExp;
  readonly hint?: RegExp;
  readonly now?: Date;
}

const CASES: readonly Case[] = [
  {
    name: 'YAML syntax: a flow list that is never closed',
    text: withLines({ 19: '      names: [bsn, burgerservicenummer' }),
    code: 'catalogue/yaml-syntax',
    line: 20,
    column: 3,
    hint: /not closed/,
  },
  {
    name: 'YAML syntax: a value with `: ` in it',
    text: withLines({ 14: '    label: BSN: nummer' }),
    code: 'catalogue/yaml-syntax',
    line: 14,
    column: 12,
  },
  {
    name: 'YAML syntax: a tab used for indentation',
    text: withLines({ 14: '\tlabel: BSN' }),
    code: 'catalogue/yaml-syntax',
    line: 14,
    column: 1,
  },
  {
    name: 'a key written twice',
    text: withLines({ 15: '    label: Nog een label' }),
    code: 'catalogue/duplicate-key',
    line: 15,
    column: 5,
  },
  {
    name: 'unknown key, with a did-you-mean',
    text: withLines({ 16: '    retentoin: leerlingdossier' }),
    code: 'catalogue/unknown-key',
    line: 16,
    column: 5,
    message: /Unknown key `retentoin` in category `bsn`/,
    hint: /Did you mean `retention`\?/,
  },
  {
    name: 'unknown key without a near miss lists the allowed keys',
    text: withLines({ 33: '    wettelijkeGrondslag: legal-obligation' }),
    code: 'catalogue/unknown-key',
    line: 33,
    column: 5,
    hint: /`legalBasis`/,
  },
  {
    name: 'unknown reference in receives',
    text: withLines({ 35: '    receives: [bsn, nav]' }),
    code: 'catalogue/unknown-reference',
    line: 35,
    column: 21,
    message: /Processor `duo` refers to category `nav`/,
    hint: /Did you mean `naw`\?|The categories in the catalogue are/,
  },
  {
    name: 'unknown reference to a retention term',
    text: withLines({ 16: '    retention: leerlingdosier' }),
    code: 'catalogue/unknown-reference',
    line: 16,
    column: 16,
    hint: /Did you mean `leerlingdossier`\?/,
  },
  {
    name: 'unknown alternative',
    text: withLines({ 17: '    alternative: eck' }),
    code: 'catalogue/unknown-reference',
    line: 17,
    column: 18,
  },
  {
    name: 'unknown role in an access rule',
    text: withLines({ 45: '    roles: [zorgcoordinatr]' }),
    code: 'catalogue/unknown-reference',
    line: 45,
    column: 13,
    hint: /Did you mean `zorgcoordinator`\?/,
  },
  {
    name: 'unknown purpose in an access rule',
    text: withLines({ 46: '    purposes: [onderzoek]' }),
    code: 'catalogue/unknown-reference',
    line: 46,
    column: 16,
  },
  {
    name: 'an access rule for a category that does not exist',
    text: withLines({ 43: '  zorgdosier:' }),
    code: 'catalogue/unknown-reference',
    line: 43,
    column: 3,
  },
  {
    name: 'unknown category a sanitiser produces',
    text: withLines({ 50: '    produces: eckidd' }),
    code: 'catalogue/unknown-reference',
    line: 50,
    column: 15,
  },
  {
    name: 'bad duration',
    text: withLines({ 10: '    duration: 2 jaar' }),
    code: 'catalogue/bad-duration',
    line: 10,
    column: 15,
    hint: /P2Y/,
  },
  {
    name: 'a duration with a time of day',
    text: withLines({ 10: '    duration: PT12H' }),
    code: 'catalogue/bad-duration',
    line: 10,
    column: 15,
  },
  {
    name: 'duration shorter than its minimum',
    text: withLines({ 11: '    starts: leaving-school\n    minimum: P3Y' }),
    code: 'catalogue/retention-bounds',
    line: 12,
    column: 14,
  },
  {
    name: 'bad date (30 February)',
    text: withLines({ 40: '    agreement: { reference: VO-1, ends: 2027-02-30 }' }),
    code: 'catalogue/bad-date',
    line: 40,
    column: columnOf('    agreement: { reference: VO-1, ends: 2027-02-30 }', '2027'),
  },
  {
    name: 'an agreement that has ended is a warning',
    text: VALID,
    now: new Date(Date.UTC(2027, 7, 1)),
    code: 'catalogue/agreement-ended',
    severity: 'warning',
    line: 40,
    column: columnOf(VALID_LINES[39], '2027'),
  },
  {
    name: 'an agreement that ends within 90 days is a warning',
    text: VALID,
    now: new Date(Date.UTC(2027, 5, 1)),
    code: 'catalogue/agreement-ending',
    severity: 'warning',
    line: 40,
    column: columnOf(VALID_LINES[39], '2027'),
    message: /ends on 2027-07-31, in 60 days/,
  },
  {
    name: 'a verwerker without a verwerkersovereenkomst is a warning',
    text: withLines({ 40: '    # geen overeenkomst' }),
    code: 'catalogue/agreement-missing',
    severity: 'warning',
    line: 38,
    column: 11,
  },
  {
    name: 'bad glob',
    text: withLines({ 44: '    paths: ["src/[zorg/**"]' }),
    code: 'catalogue/bad-glob',
    line: 44,
    column: 13,
  },
  {
    name: 'a glob that leaves the catalogue folder',
    text: withLines({ 44: '    paths: ["../andere-school/src/**"]' }),
    code: 'catalogue/bad-glob',
    line: 44,
    column: 13,
    message: /`\.\.`/,
  },
  {
    name: 'an absolute glob',
    text: withLines({ 44: '    paths: ["/srv/app/src/zorg/**"]' }),
    code: 'catalogue/bad-glob',
    line: 44,
    column: 13,
  },
  {
    name: 'missing retention',
    text: withLines({ 22: '    # geen bewaartermijn' }),
    code: 'catalogue/missing-retention',
    line: 20,
    column: 3,
    message: /Category `eckid` has no bewaartermijn/,
  },
  {
    name: 'an empty retention list',
    text: withLines({ 27: '    retention: []' }),
    code: 'catalogue/missing-retention',
    line: 24,
    column: 3,
  },
  {
    name: 'overlapping synonyms between categories are a warning',
    text: withLines({ 28: '    match: { names: [diagnose, Burger_Service_Nummer] }' }),
    code: 'catalogue/overlapping-synonym',
    severity: 'warning',
    line: 28,
    column: columnOf('    match: { names: [diagnose, Burger_Service_Nummer] }', 'Burger'),
    message: /`bsn`.*`zorg`/,
  },
  {
    name: 'wrong type: text where true/false belongs',
    text: withLines({ 26: '    special: ja' }),
    code: 'catalogue/wrong-type',
    line: 26,
    column: 14,
    hint: /`true` or `false`/,
  },
  {
    name: 'wrong type: a block where a list belongs',
    text: withLines({ 35: '    receives: { bsn: true }' }),
    code: 'catalogue/wrong-type',
    line: 35,
    column: 15,
  },
  {
    name: 'a value outside the allowed set',
    text: withLines({ 32: '    role: ontvanger' }),
    code: 'catalogue/bad-value',
    line: 32,
    column: 11,
    hint: /`processor`.*`recipient`/,
  },
  {
    name: 'a misspelt legal basis gets a did-you-mean',
    text: withLines({ 33: '    legalBasis: legal-obligaton' }),
    code: 'catalogue/bad-value',
    line: 33,
    column: 17,
    hint: /Did you mean `legal-obligation`\?/,
  },
  {
    name: 'a required key is missing',
    text: withLines({ 31: '    # geen label' }),
    code: 'catalogue/missing-key',
    line: 30,
    column: 3,
    message: /`label`/,
  },
  {
    name: 'version is not 1',
    text: withLines({ 1: 'version: 2' }),
    code: 'catalogue/bad-value',
    line: 1,
    column: 10,
  },
  {
    name: 'an id that starts with a digit',
    text: withLines({ 30: '  1duo:' }),
    code: 'catalogue/bad-id',
    line: 30,
    column: 3,
  },
  {
    name: 'consent as legal basis without a consent block',
    text: withLines({ 39: '    legalBasis: consent' }),
    code: 'catalogue/consent-missing',
    line: 39,
    column: 17,
  },
  {
    name: 'a consent block without consent as legal basis is a warning',
    text: withLines({ 41: '    receives: [eckid]\n    consent: { from: parents, check: [heeftToestemming] }' }),
    code: 'catalogue/consent-unexpected',
    severity: 'warning',
    line: 42,
    column: 5,
  },
  {
    name: 'a host written as a URL',
    text: withLines({ 34: '    hosts: ["https://duo.nl/bron"]' }),
    code: 'catalogue/bad-host',
    line: 34,
    column: 13,
    hint: /`duo\.nl`/,
  },
  {
    name: 'a global written with window.',
    text: withLines({ 34: '    hosts: [duo.nl]\n    globals: [window.gtag]' }),
    code: 'catalogue/bad-global',
    line: 35,
    column: 15,
    hint: /`gtag`/,
  },
  {
    name: 'a member not written as Type.member',
    text: withLines({ 19: '      names: [bsn, burgerservicenummer]\n      members: [BSN]' }),
    code: 'catalogue/bad-member',
    line: 20,
    column: 17,
  },
  {
    name: 'an owner listed both as a person and as never a person',
    text: withLines({ 2: 'organisation: Testschool\nsubjects:\n  persons: [Leerling, School]\n  notPersons: [Vak, school]' }),
    code: 'catalogue/subject-conflict',
    line: 5,
    column: 21,
    message: /both as a person and as never a person/,
    hint: /subjects\.persons/,
  },
  {
    name: 'an owner name without letters',
    text: withLines({ 2: 'organisation: Testschool\nsubjects:\n  notPersons: [Vak, "--"]' }),
    code: 'catalogue/bad-name',
    line: 4,
    column: 21,
    message: /subjects\.notPersons/,
  },
  {
    name: "a category's non-person owner that the catalogue calls a person",
    text: withLines({ 19: '      names: [bsn, burgerservicenummer]\n      notPersons: [Leerling]' }),
    code: 'catalogue/subject-conflict',
    line: 20,
    column: 20,
    message: /never a person here/,
  },
  {
    name: 'an empty file',
    text: '',
    code: 'catalogue/empty',
    line: 1,
    column: 1,
  },
  {
    name: 'a tag that asks for code',
    text: withLines({ 14: '    label: !!js/function "function () { return 1 }"' }),
    code: 'catalogue/yaml-syntax',
    line: 14,
    column: 12,
    hint: /not allowed/,
  },
];

describe('catalogue loader: each kind of mistake', () => {
  it('loads the unchanged base catalogue without problems', () => {
    const result = load(VALID);
    assert.deepEqual(result.problems, []);
    assert.ok(result.catalogue);
  });

  for (const c of CASES) {
    it(`${c.name} → ${c.code} at ${c.line}:${c.column}`, () => {
      const result = load(c.text, c.now);
      const matching = result.problems.filter((p) => p.code === c.code);
      assert.ok(matching.length > 0, `expected ${c.code}, got:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`).join('\n')}`);
      const problem = matching[0] as Problem;
      assert.deepEqual(
        { file: problem.file, line: problem.line, column: problem.column, severity: problem.severity },
        { file: FILE, line: c.line, column: c.column, severity: c.severity ?? 'error' },
      );
      assert.ok(problem.message.length > 0 && problem.hint.length > 0);
      if (c.message) assert.match(problem.message, c.message);
      if (c.hint) assert.match(problem.hint, c.hint);
      // A catalogue is returned exactly when nothing is an error.
      assert.equal(result.catalogue !== undefined, !result.problems.some((p) => p.severity === 'error'));
    });
  }

  it('reports every mistake in one go, sorted by position', () => {
    const result = load(withLines({ 10: '    duration: 2Y', 16: '    retentoin: leerlingdossier', 35: '    receives: [bsn, nav]' }));
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.code]),
      [
        [10, 'catalogue/bad-duration'],
        [16, 'catalogue/unknown-key'],
        [35, 'catalogue/unknown-reference'],
      ],
    );
  });

  it('reports a file it cannot read at 1:1 without throwing', () => {
    const result = loadCatalogueFromText(FILE, VALID, { readFile: () => { throw new Error('disk on fire'); }, fileExists: () => { throw new Error('disk on fire'); } });
    assert.equal(result.catalogue, undefined);
    assert.deepEqual(result.problems.map((p) => [p.code, p.line, p.column]), [['catalogue/internal-error', 1, 1]]);
  });
});
