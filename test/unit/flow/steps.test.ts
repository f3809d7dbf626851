/**
 * The steps of a finding's path as phrases: every phrase id renders in Dutch and English, the Dutch rendering has no
 * English left in avglint's own words, the FG's labels and the code's names are used as written, and a finding made
 * in a locale carries its path in that locale with the same phrase ids and arguments.
 */
import * as assert from 'node:assert/strict';
import { describePath, duration, renderStep, STEP_KINDS, STEP_PHRASES, type StepArgs, type StepPhrase, type StepPhraseId } from '@avglint/rules';
import { run } from './program';

/** Arguments for every phrase id: a new phrase id does not compile until it has a case here. */
const SAMPLES: { readonly [K in StepPhraseId]: StepArgs[K] } = {
  value: { code: 'x', category: 'BSN', by: 'name', matched: 'bsn' },
  reads: { code: 'x.y', category: 'BSN', by: 'member', matched: 'Leerling.bsn', of: 'y' },
  cast: { code: 'x', type: 'T', category: 'BSN', by: 'type', matched: 'T' },
  hasMember: { code: 'l', member: 'adres.postcode', file: 'sync.js', line: 7, category: 'NAW', by: 'name', matched: 'postcode' },
  sentAs: { key: 'k', category: 'BSN', by: 'name', matched: 'k' },
  knownResult: { callee: 'f', library: 'Lib', category: 'BSN', by: 'brand', matched: 'B' },
  readsCategory: { category: 'Zorgdossier', by: 'tag', matched: 'zorg' },
  producedBy: { fn: 'f' },
  assignedTo: { name: 'x' },
  destructuredAs: { name: 'x' },
  storedInField: { name: 'x' },
  storedIn: { target: 'x' },
  returnedByGetter: { name: 'x' },
  parameter: { name: 'x' },
  defaultOf: { name: 'x' },
  elementGivenTo: { method: 'map' },
  resolvedGivenToThen: {},
  resolvedIntoPromise: {},
  putIn: { key: 'k' },
  spreadIntoObject: {},
  templateLiteral: {},
  concatenated: {},
  passedThrough: { callee: 'f' },
  jsonStringify: {},
  computedBy: { fn: 'Math.max' },
  returnedByCallback: {},
  addedBy: { method: 'push' },
  returned: {},
  returnedBy: { callee: 'f' },
  passedTo: { callee: 'f' },
  sentByCall: { callee: 'f' },
  storedBy: { callee: 'f' },
  urlFromResponse: { processor: 'Somtoday', file: 'login.ts', line: 12 },
  sentBy: { api: 'fetch', to: { kind: 'package', name: 'p' }, url: 'https://x' },
  loggedBy: { api: 'console.log', to: { kind: 'unknown' } },
  stores: { categories: ['BSN', 'NAW'] },
  literalPasses: { value: '1', place: 'comment', check: 'BSN-elfproef' },
  disablesWithoutReason: { rules: 'r' },
  suppressionExpired: { until: '2026-01-01' },
};

const phrases = (): StepPhrase[] => (Object.keys(SAMPLES) as StepPhraseId[]).map((id) => ({ id, args: SAMPLES[id] }) as StepPhrase);

/** English words avglint could leave in a Dutch step; the samples' own arguments contain none of them. */
const ENGLISH = /\b(the|to|by|of|from|into|with|without|a|an|and|or|on|through|this|its|as|at|sent|passed|returned|stored|stores|reads|written|assigned|added|computed|produced|turned|put|given|resolved|spread|concatenated|destructured|cast|passes|disables|expired|suppression|default|field|known|shape|package|unknown|destination|name|member|brand|store)\b/iu;

describe('flow: path steps as phrases in Dutch and English', () => {
  it('renders every phrase id in both locales: non-empty, different, no English words left in Dutch', () => {
    assert.deepEqual(Object.keys(STEP_PHRASES.nl).sort(), Object.keys(STEP_PHRASES.en).sort());
    assert.deepEqual(Object.keys(SAMPLES).sort(), Object.keys(STEP_PHRASES.en).sort());
    for (const step of phrases()) {
      const en = renderStep(step, 'en');
      const nl = renderStep(step, 'nl');
      assert.ok(en.trim() !== '' && nl.trim() !== '', step.id);
      assert.notEqual(nl, en, `${step.id}: the Dutch step reads as the English one`);
      // Code and names between backticks are the code's own; only avglint's words are judged.
      assert.doesNotMatch(nl.replace(/`[^`]*`/gu, ''), ENGLISH, `${step.id}: English in "${nl}"`);
    }
  });

  it('says the same steps as before in English, and their Dutch counterparts', () => {
    const cases: [StepPhrase, string, string][] = [
      [{ id: 'reads', args: { code: 'leerling.bsn', category: 'Burgerservicenummer (BSN)', by: 'name', matched: 'bsn' } }, 'reads `leerling.bsn`: Burgerservicenummer (BSN) (by name `bsn`)', 'leest `leerling.bsn`: Burgerservicenummer (BSN) (herkend aan naam `bsn`)'],
      [{ id: 'value', args: { code: 'l', category: 'NAW', by: 'type', matched: 'Leerling', of: 'adres' } }, '`l`: NAW (by type `Leerling` of `adres`)', '`l`: NAW (herkend aan type `Leerling` van `adres`)'],
      [{ id: 'readsCategory', args: { category: 'Zorgdossier', by: 'tag', matched: 'zorg' } }, 'reads Zorgdossier (by JSDoc tag `@zorg`)', 'leest Zorgdossier (herkend aan JSDoc-tag `@zorg`)'],
      [{ id: 'hasMember', args: { code: 'l', member: 'bsn', file: 'sync.js', line: 4, category: 'BSN', by: 'name', matched: 'bsn' } }, '`l` has member `bsn` (read at sync.js:4): BSN (by name `bsn`)', '`l` heeft eigenschap `bsn` (gelezen op sync.js:4): BSN (herkend aan naam `bsn`)'],
      [{ id: 'assignedTo', args: { name: 'nummer' } }, 'assigned to `nummer`', 'toegekend aan `nummer`'],
      [{ id: 'sentBy', args: { api: 'fetch', to: { kind: 'named', name: 'Uitgeverij Leermiddel' }, url: 'https://api.leermiddel.nl/…' } }, 'sent by `fetch` to Uitgeverij Leermiddel (https://api.leermiddel.nl/…)', 'verstuurd door `fetch` naar Uitgeverij Leermiddel (https://api.leermiddel.nl/…)'],
      [{ id: 'sentBy', args: { api: 'sdk.send', to: { kind: 'package', name: 'sdk' } } }, 'sent by `sdk.send` to npm package `sdk`', 'verstuurd door `sdk.send` naar npm-pakket `sdk`'],
      [{ id: 'loggedBy', args: { api: 'console.log' } }, 'written to the log by `console.log`', 'naar het log geschreven door `console.log`'],
      [{ id: 'stores', args: { store: 'LeerlingEntity', categories: ['BSN', 'NAW'] } }, 'LeerlingEntity stores BSN, NAW', 'LeerlingEntity slaat BSN, NAW op'],
      [{ id: 'stores', args: { categories: ['BSN'] } }, 'the store stores BSN', 'de opslag slaat BSN op'],
      [{ id: 'literalPasses', args: { value: '111222333', place: 'string', check: 'BSN-elfproef' } }, '111222333 in a string passes the BSN-elfproef', '111222333 in een string voldoet aan de BSN-elfproef'],
    ];
    for (const [step, en, nl] of cases) {
      assert.equal(renderStep(step, 'en'), en);
      assert.equal(renderStep(step, 'nl'), nl);
    }
  });

  it('uses the FG’s labels and the code’s names as written, in either locale', () => {
    const label = 'Burgerservicenummer — the “BSN” (art. 46)';
    for (const locale of ['nl', 'en'] as const) {
      assert.ok(renderStep({ id: 'readsCategory', args: { category: label, by: 'name', matched: 'Bsn_Nummer' } }, locale).includes(`${label} (`));
      assert.ok(renderStep({ id: 'readsCategory', args: { category: label, by: 'name', matched: 'Bsn_Nummer' } }, locale).includes('`Bsn_Nummer`'));
    }
  });

  it('names the kinds of step and durations in the locale', () => {
    assert.deepEqual(STEP_KINDS.nl, { source: 'bron', step: 'stap', sink: 'eindpunt' });
    assert.deepEqual(STEP_KINDS.en, { source: 'source', step: 'step', sink: 'sink' });
    assert.equal(duration('P2Y', 'en'), '2 years');
    assert.equal(duration('P1Y6M', 'nl'), '1 jaar 6 maanden');
    assert.equal(duration('P4W', 'nl'), '4 weken');
    assert.equal(duration('P1D', 'en'), '1 day');
    assert.equal(duration('PT1H', 'nl'), 'PT1H');
  });

  it('makes a finding’s path in the run’s locale, with the same phrases in both', () => {
    const code = "export function f(l: { bsn: string }) {\n  const nummer = l.bsn;\n  fetch('https://api.leermiddel.example/v1', { method: 'POST', body: nummer });\n}\n";
    const en = run(code, { rules: ['no-unauthorised-transfer'] }).findings[0];
    const nl = run(code, { rules: ['no-unauthorised-transfer'], locale: 'nl' }).findings[0];
    assert.ok(en && nl);
    assert.deepEqual(nl.path.map((s) => s.phrase), en.path.map((s) => s.phrase));
    assert.deepEqual(en.path.map((s) => s.phrase.id), ['reads', 'assignedTo', 'sentBy']);
    assert.deepEqual(nl.path.map((s) => s.description), [
      'leest `l.bsn`: Burgerservicenummer (BSN) (herkend aan naam `bsn`)',
      'toegekend aan `nummer`',
      'verstuurd door `fetch` naar Uitgeverij Leermiddel (https://api.leermiddel.example/v1)',
    ]);
    assert.deepEqual(en.path.map((s) => s.description), [
      'reads `l.bsn`: Burgerservicenummer (BSN) (by name `bsn`)',
      'assigned to `nummer`',
      'sent by `fetch` to Uitgeverij Leermiddel (https://api.leermiddel.example/v1)',
    ]);
    assert.match(describePath(nl.path, undefined, 'nl'), /^1\. bron: leest `l\.bsn`.*\n2\. stap: toegekend aan `nummer`.*\n3\. eindpunt: verstuurd door `fetch`/u);
  });

  it('starts the path of a whole untyped value at the member its own code reads, typed plain JavaScript and untyped', () => {
    const code = "exports.sync = (l) => {\n  fetch('https://api.leermiddel.example/v1', { method: 'POST', body: JSON.stringify(l) });\n  return l.inschrijving.bsn;\n};\n";
    for (const typed of [false, true]) {
      const findings = run(code, { rules: ['no-unauthorised-transfer'], file: 'src/main.js', typed }).findings;
      assert.equal(findings.length, 1, `typed: ${typed}`);
      const path = findings[0]?.path ?? [];
      assert.deepEqual(path.map((s) => s.phrase.id), ['hasMember', 'jsonStringify', 'sentBy']);
      assert.equal(path[0]?.description, '`l` has member `inschrijving.bsn` (read at main.js:3): Burgerservicenummer (BSN) (by name `bsn`)');
      assert.equal(path[0]?.line, 3);
    }
  });
});
