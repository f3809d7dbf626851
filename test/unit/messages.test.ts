/**
 * Every message of every rule, in both locales: a first sentence of at most 100 characters that says what goes where,
 * then the detail. Rendered with realistic long-ish values (the FG's labels as a school writes them), and with the
 * values of the starter catalogue, which must fit without shortening.
 */
import * as assert from 'node:assert/strict';
import { fillMessage, fitSummary, LOCALES, renderMessage, RULE_MODULES, SUMMARY_LIMIT, type RuleMessage } from '@avglint/rules';

/** Long-ish values per placeholder: what a real catalogue and real code put there. */
const LONG: Readonly<Record<string, string>> = {
  category: 'Naam-, adres- en woonplaatsgegevens',
  categories: 'Burgerservicenummer (BSN), Naam-, adres- en woonplaatsgegevens and Speciaal zorgdossier',
  processor: 'Uitgeverij Leermiddel Noord B.V.',
  destination: 'npm package `@amplitude/analytics-node`',
  why: 'the catalogue does not list it in `processors.leermiddelen.receives`; legal basis: uitvoering van een overeenkomst.',
  todo: 'send the ECK iD instead (for example with `toEckId(…)`).',
  logger: '`this.logger.warn`',
  what: '`leerling.zorgdossier.diagnose`',
  special: ' It is a special category of personal data (AVG art. 9).',
  basis: 'toestemming (AVG art. 6 lid 1 sub a)',
  from: 'ouders/verzorgers, vanaf 16 jaar de leerling zelf',
  checks: '`heeftToestemming(…)` or `assertToestemming(…)`',
  value: '1234.56.782',
  where: 'JSX-tekst',
  check: 'onderwijsnummercontrole',
  kind: 'onderwijsnummer',
  store: 'entity `Leerlingdossier` (TypeORM/MikroORM)',
  allowed: '`leerlingdossier` (Leerlingdossier, P2Y) or `sessie` (Sessie, P1D)',
  suggested: 'leerlingdossier',
  annotation: '`/** @retention leerlingdossier */`',
  place: 'above the statement that stores (or the function around it)',
  term: 'leerlingdossier-verlengd',
  termDuration: 'P10Y',
  ttl: '2592000 s (30 days)',
  rules: '`avglint/no-bsn-literal`, `avglint/require-retention`',
  until: '2027-01-31',
  reason: 'migratie naar Somtoday (until 2027-01-31)',
  alternative: 'ECK iD (Educatieve Contentketen)',
  replacement: 'leerling.eckid',
  label: 'Leerlingdossier, P2Y',
  problems: '/repo/avglint.catalogue.yaml:12:3: Unknown key `retentoin` (Did you mean `retention`?)',
  location: 'avglint.catalogue.yaml:12:3',
  more: ' (+2 more)',
  problem: 'avglint could not finish no-unauthorised-transfer on this file: Maximum call stack size exceeded',
};

/** The values the starter catalogue and the examples produce: these fit without shortening anything. */
const TYPICAL: Readonly<Record<string, string>> = {
  ...LONG,
  category: 'Burgerservicenummer (BSN) + 1 more',
  processor: 'Uitgeverij Leermiddel',
  destination: 'npm package `mixpanel-browser`',
  what: '`dossier.diagnose`',
  store: 'entity `Leerling` (TypeORM/MikroORM)',
  term: 'leerlingdossier',
  value: '123456782',
  where: 'a string',
  check: 'BSN-elfproef',
  kind: 'BSN',
  rules: '`avglint/require-retention`',
  alternative: 'ECK iD',
  problem: 'Unknown key `retentoin` in `categories.bsn`.',
};

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)].map((m) => m[1] ?? '');
}

/** The data a template needs, from `values`; a placeholder with no realistic value fails the test. */
function dataFor(message: RuleMessage, values: Readonly<Record<string, string>>, where: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const locale of LOCALES) {
    for (const name of [...placeholders(message[locale].summary), ...placeholders(message[locale].detail ?? '')]) {
      const value = values[name];
      assert.ok(value !== undefined, `${where}: give {{${name}}} a realistic value in test/unit/messages.test.ts`);
      data[name] = value;
    }
  }
  return data;
}

describe('messages: a first sentence of at most 100 characters, then the detail', () => {
  for (const rule of RULE_MODULES) {
    for (const [messageId, message] of Object.entries(rule.meta.messages as Readonly<Record<string, RuleMessage>>)) {
      for (const locale of LOCALES) {
        const where = `${rule.id}/${messageId} (${locale})`;
        it(`${where}: ≤ ${SUMMARY_LIMIT} characters with long labels, and nothing shortened with the starter catalogue's`, () => {
          const long = renderMessage(message, dataFor(message, LONG, where), locale);
          assert.ok(long.summary.length <= SUMMARY_LIMIT, `${where}: ${long.summary.length} characters: ${long.summary}`);
          assert.ok(!long.summary.includes('\n'), `${where}: the summary is one line`);
          // Shortening only touches the values: every word of the template itself is still there.
          for (const part of message[locale].summary.split(/\{\{[^{}]+\}\}/)) assert.ok(long.summary.includes(part.trim()), `${where}: lost "${part}"`);
          const typical = renderMessage(message, dataFor(message, TYPICAL, where), locale);
          assert.equal(typical.summary, fillMessage(message[locale].summary, dataFor(message, TYPICAL, where)), `${where}: shortened with typical labels`);
          assert.ok(!typical.summary.includes('…'), `${where}: shortened with typical labels: ${typical.summary}`);
          assert.equal(typical.message, typical.detail === '' ? typical.summary : `${typical.summary}\n${typical.detail}`);
        });
      }
      it(`${rule.id}/${messageId}: Dutch and English name the same placeholders`, () => {
        const names = (locale: 'nl' | 'en'): string[] => [...new Set([...placeholders(message[locale].summary), ...placeholders(message[locale].detail ?? '')])].sort();
        assert.deepEqual(names('nl'), names('en'));
      });
    }
  }

  it('says why and what to do in every finding message, in the words of each locale', () => {
    for (const rule of RULE_MODULES) {
      for (const [messageId, message] of Object.entries(rule.meta.messages as Readonly<Record<string, RuleMessage>>)) {
        const detail = message.en.detail;
        // Suggestions have a summary only; the catalogue rule's detail is the list of problems itself.
        if (detail === undefined || rule.id === 'catalogue') continue;
        assert.match(detail, /What to do: /u, `${rule.id}/${messageId} (en)`);
        assert.match(message.nl.detail ?? '', /Wat te doen: /u, `${rule.id}/${messageId} (nl)`);
        assert.doesNotMatch(message.en.detail ?? '', /Waarom|Wat te doen/u, `${rule.id}/${messageId}: Dutch words in English`);
        assert.doesNotMatch(message.nl.detail ?? '', /\bWhy\b|What to do/u, `${rule.id}/${messageId}: English words in Dutch`);
      }
    }
  });

  it('shortens the longest value, never the template, when the FG\'s labels are very long', () => {
    const summary = fitSummary('{{category}} → {{processor}}: not allowed by the catalogue', { category: 'B'.repeat(120), processor: 'Uitgeverij Leermiddel' });
    assert.equal(summary.length, SUMMARY_LIMIT);
    assert.match(summary, /^B+… → Uitgeverij Leermiddel: not allowed by the catalogue$/u);
  });

  it('keeps the count of a shortened list of categories', () => {
    const summary = fitSummary('{{category}} → {{processor}}: not allowed by the catalogue', {
      category: 'Administratienummer (leerlingnummer) + 2 more',
      processor: 'Uitgeverij van digitale leermiddelen',
    });
    assert.equal(summary, 'Administratienummer (… + 2 more → Uitgeverij van digitale leermiddelen: not allowed by the catalogue');
    assert.ok(summary.length <= SUMMARY_LIMIT);
  });
});
