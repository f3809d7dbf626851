/**
 * The catalogue's `settings:` block — the project's one avglint configuration: the locale and the rules' options, with
 * their mistakes at exact positions, and how the analysis merges them (defaults < catalogue < host, a host value that
 * differs reported as `settings/conflict`).
 */
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { analyseFile, loadCatalogueFromText, type Catalogue } from '@avglint/rules';
import { MemoryHost, VALID } from './memoryHost';

const FILE = '/repo/avglint.catalogue.yaml';
const host = new MemoryHost({ '/repo/package.json': '{}', [FILE]: VALID });

function load(settings: string): ReturnType<typeof loadCatalogueFromText> {
  return loadCatalogueFromText(FILE, `${VALID}\n${settings}`, host, {});
}

/** The line of the first `needle` in the loaded text (VALID + the settings block), 1-based. */
function lineOf(settings: string, needle: string): number {
  const lines = `${VALID}\n${settings}`.split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, needle);
  return index + 1;
}

function loaded(settings: string): Catalogue {
  const result = load(settings);
  assert.deepEqual(result.problems, []);
  assert.ok(result.catalogue);
  return result.catalogue;
}

const BSN_FILE = '/repo/src/a.ts';
/** 123456782 and 111222333 both pass the elfproef. */
const CODE = "export const a = '123456782';\nexport const b = '111222333';\n";

function analyse(catalogue: Catalogue, options: Parameters<typeof analyseFile>[0]['options'] = {}): ReturnType<typeof analyseFile> {
  const sourceFile = ts.createSourceFile(BSN_FILE, CODE, ts.ScriptTarget.Latest, true);
  return analyseFile({ sourceFile, catalogue, options: { rules: new Set(['no-bsn-literal']), ...options } });
}

describe('catalogue settings', () => {
  it('reads the locale and the rules\' options, with where the block was written', () => {
    const text = "settings:\n  locale: nl\n  rules:\n    no-bsn-literal:\n      allow: ['123456782']\n    no-unauthorised-transfer:\n      reportUnresolvedDestinations: true";
    const catalogue = loaded(text);
    assert.deepEqual(catalogue.settings?.locale, 'nl');
    assert.deepEqual(catalogue.settings?.rules, { 'no-bsn-literal': { allow: ['123456782'] }, 'no-unauthorised-transfer': { reportUnresolvedDestinations: true } });
    assert.equal(catalogue.settings?.location?.line, lineOf(text, 'settings:'));
  });

  it('reads whether URLs from a processor response go to that processor', () => {
    const catalogue = loaded('settings:\n  rules:\n    no-unauthorised-transfer:\n      attributeResponseUrls: false');
    assert.deepEqual(catalogue.settings?.rules, { 'no-unauthorised-transfer': { attributeResponseUrls: false } });
  });

  it('has no settings when the block is absent', () => {
    assert.equal(loaded('').settings, undefined);
  });

  const mistakes: readonly { name: string; text: string; at: string; column: number; code: string; hint: RegExp }[] = [
    { name: 'a locale that is not nl or en', text: 'settings:\n  locale: de', at: 'locale: de', column: 11, code: 'catalogue/bad-value', hint: /nl|en/ },
    { name: 'a misspelt rule id', text: 'settings:\n  rules:\n    no-bsn-literals:\n      allow: []', at: 'no-bsn-literals', column: 5, code: 'catalogue/unknown-key', hint: /no-bsn-literal/ },
    { name: 'an option the rule does not have', text: 'settings:\n  rules:\n    no-bsn-literal:\n      alow: []', at: 'alow', column: 7, code: 'catalogue/unknown-key', hint: /allow/ },
    { name: 'a test number that is not 8 or 9 digits', text: "settings:\n  rules:\n    no-bsn-literal:\n      allow: ['12345']", at: "'12345'", column: 15, code: 'catalogue/invalid', hint: /docs\/catalogue\.md/ },
    { name: 'a switch written as text', text: "settings:\n  rules:\n    no-unauthorised-transfer:\n      reportUnknownDestinations: 'nee'", at: "'nee'", column: 34, code: 'catalogue/wrong-type', hint: /true. or .false/ },
  ];
  for (const mistake of mistakes) {
    it(`reports ${mistake.name} at its line and column`, () => {
      const result = load(mistake.text);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.line, p.column]),
        [[mistake.code, lineOf(mistake.text, mistake.at), mistake.column]],
        result.problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.message} (${p.hint})`).join('\n'),
      );
      assert.match(result.problems[0]?.hint ?? '', mistake.hint);
    });
  }

  it('gives every host the catalogue\'s locale and rule options, over the defaults', () => {
    const plain = loaded('');
    assert.deepEqual(analyse(plain).findings.map((f) => f.data['value']), ['123456782', '111222333']);
    const catalogue = loaded("settings:\n  locale: nl\n  rules:\n    no-bsn-literal:\n      allow: ['123456782']");
    const result = analyse(catalogue);
    assert.deepEqual(result.findings.map((f) => f.summary), ['111222333 in een string doorstaat de BSN-elfproef: mogelijk een echt BSN']);
    assert.deepEqual(result.problems, []);
  });

  it('lets a host\'s explicit option and locale win, and reports an option that differs from the catalogue once', () => {
    const catalogue = loaded("settings:\n  locale: nl\n  rules:\n    no-bsn-literal:\n      allow: ['123456782']");
    const result = analyse(catalogue, { locale: 'en', ruleOptions: { 'no-bsn-literal': { allow: ['111222333'] } } });
    assert.deepEqual(result.findings.map((f) => f.summary), ['123456782 in a string passes the BSN-elfproef: maybe a real BSN']);
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.severity, p.file, p.line]),
      [['settings/conflict', 'warning', FILE, catalogue.settings?.location?.line]],
    );
    assert.match(result.problems[0]?.message ?? '', /settings\.rules\.no-bsn-literal\.allow: the host's/);
    // The same value in both places is no conflict.
    assert.deepEqual(analyse(catalogue, { ruleOptions: { 'no-bsn-literal': { allow: ['123456782'] } } }).problems, []);
  });
});
