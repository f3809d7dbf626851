/**
 * Catalogue problems in the FG's language: every problem kind renders in Dutch and English (the Dutch without
 * avglint's English words), and a catalogue with mistakes reads in Dutch when the host asks for `nl` or when the
 * catalogue's own `settings.locale` says `nl` (read even from a file that does not parse), at the same places as in
 * English. English stays the default.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CATALOGUE_PROBLEM_TEXTS, loadCatalogueFromText, renderProblemText, type CatalogueProblemArgs, type CatalogueProblemId, type CatalogueText, type Locale } from '@avglint/rules';
import { catalogueNotFound, resolveCatalogue } from '@avglint/node';
import { MemoryHost, VALID, withLines } from './memoryHost';

/** Arguments for every kind: a new kind does not compile until it has a case here. */
const SAMPLES: { readonly [K in CatalogueProblemId]: CatalogueProblemArgs[K] } = {
  notReadable: { file: '/r/c.yaml' },
  refusedMain: { file: '/r/c.yaml', refusal: { reason: 'outside-root', leadsTo: '/etc/x', root: '/r' } },
  internalError: { error: 'boom' },
  extendsWebAddress: { value: 'https://x/y.yaml' },
  extendsAbsolute: { value: '/x.yaml' },
  extendsNotYaml: { value: 'x.json' },
  extendsOutsideRoot: { value: '../x.yaml', root: '/r' },
  extendsCycle: { cycle: 'basis.yaml → groep.yaml → basis.yaml' },
  extendsRefused: { value: 'x.yaml', refusal: { reason: 'not-a-file', name: 'x.yaml' } },
  extendsMissing: { value: 'x.yaml', target: '/r/x.yaml' },
  tooLarge: { millions: 12, maxMillions: 10 },
  tooDeep: { max: 64 },
  yamlSyntax: { mistake: 'openList', parser: 'Flow sequence in block collection must be sufficiently indented and end with a ]', hint: 'missingChar' },
  complexKey: {},
  yamlUnreadable: { error: 'Excessive alias count' },
  empty: {},
  unknownKey: { key: 'foo', path: [], allowed: ['version', 'categories'] },
  missingKey: { path: ['categories', 'bsn'], missing: 'label' },
  wrongType: { path: ['categories', 'bsn', 'special'], type: 'boolean', value: 'ja' },
  badEnum: { path: ['retention', 'dossier', 'starts'], value: 'nooit', allowed: ['leaving-school', 'creation'] },
  badConst: { path: ['version'], value: 2, allowed: 1 },
  emptyValue: { path: ['categories', 'bsn', 'match', 'names'], block: false },
  badId: { path: ['categories'], id: '1bsn' },
  invalid: { path: ['settings', 'rules', 'no-bsn-literal', 'allow', 0], schema: 'must match pattern "^[0-9]{8,9}$"' },
  missingRetention: { category: 'bsn' },
  badOwnerName: { list: 'subjects.persons', name: '!!' },
  badName: { category: 'bsn', name: '--' },
  subjectConflict: { name: 'Leerling' },
  categorySubjectConflict: { category: 'naam', name: 'Leerling' },
  unknownReference: { owner: { section: 'processors', id: 'duo' }, target: 'categories', reference: 'bssn', known: ['bsn', 'eckid'] },
  unknownAlternative: { category: 'bsn', alternative: 'ecckid', known: ['bsn', 'eckid'] },
  selfAlternative: { category: 'bsn' },
  unknownAccessCategory: { category: 'zorgg', known: ['zorg'] },
  unknownProduced: { sanitiser: 'toEckId', produces: 'x', known: [] },
  durationTooLong: { term: 'dossier', key: 'duration', value: 'P999Y' },
  badDuration: { term: 'dossier', key: 'duration', value: '2 jaar' },
  shorterThanMinimum: { term: 'dossier' },
  longerThanMaximum: { term: 'dossier' },
  minimumAboveMaximum: { term: 'dossier' },
  overlappingSynonym: { name: 'nummer', owner: 'bsn', written: 'Nummer', category: 'eckid' },
  badMember: { category: 'bsn', member: 'bsn' },
  badHost: { processor: 'duo', host: 'https://duo.nl/api', bare: 'duo.nl' },
  badUrl: { processor: 'duo', url: 'duo.nl/api' },
  badUrlPattern: { processor: 'duo', url: 'https://duo.nl/[' },
  badModule: { processor: 'duo', module: 'Leermiddel SDK' },
  badGlobal: { processor: 'duo', global: 'window.Sentry' },
  agreementMissing: { processor: 'vendor' },
  badDate: { processor: 'vendor', value: '31-07-2027' },
  agreementEnded: { processor: 'vendor', reference: 'VO-1', ends: '2026-01-31' },
  agreementEnding: { processor: 'vendor', ends: '2027-01-31', days: 60 },
  consentMissing: { processor: 'vendor' },
  consentUnexpected: { processor: 'vendor', basis: 'contract' },
  badPathPattern: { category: 'zorg', pattern: '/src/**', why: 'absolute' },
  notFound: { directory: '/r/src', setting: '`--catalogue <file>`' },
  configuredNotFound: { file: '/r/c.yaml', setting: '`--catalogue <file>`' },
  unusable: {},
  settingsConflict: { rule: 'no-bsn-literal', key: 'allow', host: ['123456782'], written: [] },
};

/** The other branches of kinds whose words depend on their arguments. */
const VARIANTS: readonly CatalogueText[] = [
  { id: 'refusedMain', args: { file: '/r/c.yaml', refusal: { reason: 'too-large', name: 'c.yaml', size: '12.0 MB', limit: '5.0 MB' } } },
  { id: 'extendsRefused', args: { value: 'x.yaml', refusal: { reason: 'outside-root', leadsTo: '/etc/x', root: '/r' } } },
  { id: 'yamlSyntax', args: { parser: 'Unexpected scalar at node end', hint: 'unexpectedToken' } },
  ...(['nestedMapping', 'multilineKey', 'tabIndent', 'openBlock', 'misalignedKeys', 'duplicateKey', 'openQuote', 'tag', 'multipleDocuments'] as const).map(
    (mistake): CatalogueText => ({ id: 'yamlSyntax', args: { mistake, parser: 'x', hint: 'general' } }),
  ),
  ...(['duplicateKey', 'tabIndent', 'multipleDocuments', 'badIndent', 'multilineKey', 'blockAsKey', 'aliases', 'badAlias', 'tag', 'quoteValue'] as const).map(
    (hint): CatalogueText => ({ id: 'yamlSyntax', args: { parser: 'x', hint } }),
  ),
  { id: 'unknownKey', args: { key: 'retentoin', path: ['categories', 'bsn'], near: 'retention', allowed: ['retention'] } },
  { id: 'unknownKey', args: { key: 'x', path: ['settings', 'rules', 'r'], allowed: [] } },
  { id: 'missingKey', args: { path: [], missing: 'version' } },
  ...(['array', 'object', 'string', ['string', 'array'], 'integer', 'null', 'number'] as const).map(
    (type): CatalogueText => ({ id: 'wrongType', args: { path: ['categories', 'bsn', 'match', 'names', 0], type, value: [1] } }),
  ),
  { id: 'wrongType', args: { path: [], type: 'object', value: 'tekst' } },
  { id: 'wrongType', args: { path: ['sanitisers', 1, 'removes'], type: 'array', value: null } },
  { id: 'wrongType', args: { path: ['processors', 'duo', 'hosts'], type: 'array', value: { a: 1 } } },
  { id: 'badEnum', args: { path: ['processors', 'duo', 'role'], value: 3, allowed: ['processor', 'recipient'] } },
  { id: 'badEnum', args: { path: ['processors', 'duo', 'role'], value: 'procesor', allowed: ['processor', 'recipient'] } },
  { id: 'emptyValue', args: { path: ['categories'], block: true } },
  { id: 'badOwnerName', args: { list: 'match.notPersons', category: 'naam', name: '--' } },
  ...(['retention', 'roles', 'purposes'] as const).map((target): CatalogueText => ({ id: 'unknownReference', args: { owner: { section: 'access', id: 'zorg' }, target, reference: 'zzzzzz', known: ['a', 'b'] } })),
  { id: 'unknownReference', args: { owner: { section: 'categories', id: 'bsn' }, target: 'retention', reference: 'x', known: [] } },
  { id: 'unknownReference', args: { owner: { section: 'retention', id: 'bsn' }, target: 'retention', reference: 'x', known: [] } },
  { id: 'unknownReference', args: { owner: { section: 'sanitisers', id: 'f' }, target: 'categories', reference: 'x', known: [] } },
  { id: 'badHost', args: { processor: 'duo', host: 'duo nl' } },
  { id: 'agreementEnded', args: { processor: 'vendor', ends: '2026-01-31' } },
  { id: 'agreementEnding', args: { processor: 'vendor', reference: 'VO-1', ends: '2027-01-31', days: 1 } },
  { id: 'badPathPattern', args: { category: 'zorg', pattern: '../x/**', why: 'parent' } },
  { id: 'badPathPattern', args: { category: 'zorg', pattern: 'src/[', why: 'unreadable' } },
];

/**
 * English words avglint could leave in a Dutch problem: the flow-step test's list without `of` (Dutch for "or") and
 * `item` (Dutch too), and the catalogue's own English words.
 */
const ENGLISH =
  /\b(the|to|by|from|into|with|without|a|an|and|or|on|through|this|its|as|at|is not|must|cannot|unknown|key|keys|did you mean|write|add|remove|allowed|empty|list|block|text|number|category|processor|retention term|role|purpose|sanitiser|agreement|ended|ends|refers|which|there|file|folder|points|check|name|member|default|known|package|store)\b/iu;

const texts = (): CatalogueText[] => [...(Object.keys(SAMPLES) as CatalogueProblemId[]).map((id) => ({ id, args: SAMPLES[id] }) as CatalogueText), ...VARIANTS];

describe('catalogue problems in Dutch and English', () => {
  it('renders every problem kind in both locales: non-empty, different, no English words left in Dutch', () => {
    assert.deepEqual(Object.keys(CATALOGUE_PROBLEM_TEXTS.nl).sort(), Object.keys(CATALOGUE_PROBLEM_TEXTS.en).sort());
    assert.deepEqual(Object.keys(SAMPLES).sort(), Object.keys(CATALOGUE_PROBLEM_TEXTS.en).sort());
    for (const text of texts()) {
      const en = renderProblemText(text, 'en');
      const nl = renderProblemText(text, 'nl');
      for (const part of ['message', 'hint'] as const) {
        assert.ok(en[part].trim() !== '' && nl[part].trim() !== '', `${text.id}: empty ${part}`);
        assert.notEqual(nl[part], en[part], `${text.id}: the Dutch ${part} reads as the English one`);
        // Keys, ids, values and the parser's words between backticks are the catalogue's own; paths are arguments.
        const own = nl[part].replace(/`[^`]*`/gu, '').replace(/\/\S*/gu, '');
        assert.doesNotMatch(own, ENGLISH, `${text.id}: English in "${nl[part]}"`);
      }
    }
  });

  it('says the same in English as before, and its Dutch counterpart', () => {
    const cases: [CatalogueText, string, string, string, string][] = [
      [
        { id: 'unknownKey', args: { key: 'foo', path: [], allowed: ['version', 'categories', 'settings'] } },
        'Unknown key `foo` in the top level of the catalogue.',
        'The keys allowed here are `version`, `categories` and `settings`.',
        'Onbekende sleutel `foo` in het hoofdniveau van de catalogus.',
        'Hier zijn de sleutels `version`, `categories` en `settings` toegestaan.',
      ],
      [
        { id: 'wrongType', args: { path: ['categories', 'bsn', 'special'], type: 'boolean', value: 'ja' } },
        'Special in category `bsn` must be true or false, but it is the text `ja`.'.replace('Special', '`special`'),
        'Write `true` or `false` (without quotes).',
        '`special` in categorie `bsn` moet `true` of `false` zijn, maar is de tekst `ja`.',
        'Schrijf `true` of `false` (zonder aanhalingstekens).',
      ],
      [
        { id: 'unknownReference', args: { owner: { section: 'processors', id: 'duo' }, target: 'categories', reference: 'bssn', known: ['bsn', 'eckid'] } },
        'Processor `duo` refers to category `bssn`, which is not in the catalogue.',
        'Did you mean `bsn`?',
        'Verwerker `duo` verwijst naar categorie `bssn`, die niet in de catalogus staat.',
        'Bedoel je `bsn`?',
      ],
    ];
    for (const [text, en, enHint, nl, nlHint] of cases) {
      assert.deepEqual(renderProblemText(text, 'en'), { message: en, hint: enHint });
      assert.deepEqual(renderProblemText(text, 'nl'), { message: nl, hint: nlHint });
    }
  });
});

describe('catalogue loader: the locale of the problems', () => {
  const FILE = '/repo/avglint.catalogue.yaml';
  const host = new MemoryHost({ '/repo/package.json': '{}', [FILE]: VALID });
  const places = (problems: readonly { line: number; column: number; code: string }[]): string[] => problems.map((p) => `${p.line}:${p.column} ${p.code}`);

  // Three mistakes: a misspelt key (line 16), a reference to no category (line 35), an unknown top-level key (line 51).
  const MISTAKES = withLines({ 16: '    retentoin: leerlingdossier', 35: '    receives: [bssn]' }) + 'foo: bar\n';
  const DUTCH = `${MISTAKES}settings: { locale: nl }\n`;

  it('is English by default, with the same places as in Dutch', () => {
    const en = loadCatalogueFromText(FILE, MISTAKES, host);
    assert.equal(en.locale, 'en');
    assert.deepEqual(places(en.problems), ['16:5 catalogue/unknown-key', '35:16 catalogue/unknown-reference', '51:1 catalogue/unknown-key']);
    assert.equal(en.problems[0]?.message, 'Unknown key `retentoin` in category `bsn`.');
    const nl = loadCatalogueFromText(FILE, MISTAKES, host, { locale: 'nl' });
    assert.equal(nl.locale, 'nl');
    assert.deepEqual(places(nl.problems), places(en.problems));
    assert.deepEqual(
      nl.problems.map((p) => p.message),
      ['Onbekende sleutel `retentoin` in categorie `bsn`.', 'Verwerker `duo` verwijst naar categorie `bssn`, die niet in de catalogus staat.', 'Onbekende sleutel `foo` in het hoofdniveau van de catalogus.'],
    );
    assert.deepEqual(
      nl.problems.map((p) => p.hint),
      ['Bedoel je `retention`?', 'Bedoel je `bsn`?', nl.problems[2]?.hint],
    );
    assert.match(nl.problems[2]?.hint ?? '', /^Hier zijn de sleutels `version`, .* toegestaan\.$/u);
  });

  it("follows the catalogue's own settings.locale, and a host's locale over it", () => {
    const nl = loadCatalogueFromText(FILE, DUTCH, host);
    assert.equal(nl.locale, 'nl');
    assert.deepEqual(places(nl.problems), ['16:5 catalogue/unknown-key', '35:16 catalogue/unknown-reference', '51:1 catalogue/unknown-key']);
    assert.equal(nl.problems[0]?.message, 'Onbekende sleutel `retentoin` in categorie `bsn`.');
    const en = loadCatalogueFromText(FILE, DUTCH, host, { locale: 'en' });
    assert.equal(en.locale, 'en');
    assert.equal(en.problems[0]?.message, 'Unknown key `retentoin` in category `bsn`.');
  });

  it('reads settings.locale from a file that does not parse, and from the base a catalogue extends', () => {
    const broken = loadCatalogueFromText(FILE, withLines({ 19: '      names: [bsn, burgerservicenummer' }) + 'settings:\n  locale: nl\n', host);
    assert.equal(broken.locale, 'nl');
    assert.equal(broken.problems[0]?.code, 'catalogue/yaml-syntax');
    assert.match(broken.problems[0]?.message ?? '', /^Een lijst die begint met `\[` wordt niet gesloten met `\]`\. \(YAML: `/u);
    const base = '/repo/groep/base.avglint.catalogue.yaml';
    const extending = new MemoryHost({ '/repo/package.json': '{}', [base]: 'version: 1\nsettings: { locale: nl }\n' });
    const fromBase = loadCatalogueFromText(FILE, `extends: groep/base.avglint.catalogue.yaml\n${MISTAKES}`, extending);
    assert.equal(fromBase.locale, 'nl');
    assert.equal(fromBase.problems.find((p) => p.code === 'catalogue/unknown-reference')?.message, 'Verwerker `duo` verwijst naar categorie `bssn`, die niet in de catalogus staat.');
  });

  it('says a file it cannot read in the host locale', () => {
    const missing = loadCatalogueFromText('/repo/elders.yaml', 'version: 1\n', { ...host, readFile: host.readFile.bind(host), fileExists: host.fileExists.bind(host), refusal: () => ({ reason: 'not-a-file', name: 'elders.yaml' }) }, { locale: 'nl' });
    assert.equal(missing.problems[0]?.code, 'catalogue/not-a-file');
    assert.equal(missing.problems[0]?.message, 'avglint leest de catalogus /repo/elders.yaml niet: elders.yaml is geen gewoon bestand (het is een map, een apparaat of een pijp).');
  });
});

describe('the Node layer: catalogue problems in the locale', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-locale-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says "no catalogue" in the host locale', () => {
    const problem = catalogueNotFound(dir, '`--catalogue <file>`', 'nl');
    assert.equal(problem.message, `Geen avglint.catalogue.yaml gevonden in ${dir} of een map daarboven, dus er wordt niets gecontroleerd.`);
    assert.equal(resolveCatalogue(dir, { setting: 'x', locale: 'nl' }).problems[0]?.message, problem.message);
  });

  it("gives a broken catalogue's problems and their locale in the resolution", () => {
    const file = path.join(dir, 'avglint.catalogue.yaml');
    fs.writeFileSync(file, 'version: 1\nfoo: bar\nsettings: { locale: nl }\n');
    for (const [locale, expected] of [[undefined, 'nl'], ['en', 'en']] as const) {
      const resolved = resolveCatalogue(dir, { setting: 'x', ...(locale !== undefined ? { locale: locale as Locale } : {}) });
      assert.equal(resolved.locale, expected);
      assert.equal(resolved.problems.find((p) => p.code === 'catalogue/unknown-key')?.message.startsWith(expected === 'nl' ? 'Onbekende sleutel `foo`' : 'Unknown key `foo`'), true);
    }
  });
});
