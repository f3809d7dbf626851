import * as assert from 'node:assert/strict';
import { RULE_IDS } from '@avglint/rules';
import { DEFAULT_SETTINGS, enabledRules, normaliseSettings, severityOf } from '@avglint/server/dist/settings';

describe('server settings', () => {
  it('falls back to the defaults for anything that is not a settings object', () => {
    for (const raw of [undefined, null, 3, 'x', []]) assert.deepEqual(normaliseSettings(raw), DEFAULT_SETTINGS);
  });

  it('takes one severity for all rules, or a default with per-rule values, with or without the avglint/ prefix', () => {
    assert.equal(severityOf(normaliseSettings({ severity: 'error' }), 'no-bsn-literal'), 'error');
    const settings = normaliseSettings({ severity: { default: 'hint', 'avglint/no-bsn-literal': 'error', 'require-retention': 'off', unknown: 'error', 'no-personal-data-in-logs': 'loud' } });
    assert.equal(severityOf(settings, 'no-bsn-literal'), 'error');
    assert.equal(severityOf(settings, 'require-retention'), 'off');
    assert.equal(severityOf(settings, 'no-personal-data-in-logs'), 'hint');
    assert.deepEqual([...enabledRules(settings)], RULE_IDS.filter((id) => id !== 'require-retention'));
  });

  it('keeps a valid catalogue path, debounce and rule options, and drops malformed ones', () => {
    const settings = normaliseSettings({ catalogue: ' privacy/catalogus.yaml ', debounceMs: 50, enable: false, ruleOptions: { 'avglint/no-bsn-literal': { allow: ['123456782'] }, nope: {}, 'require-retention': 3 } });
    assert.equal(settings.catalogue, 'privacy/catalogus.yaml');
    assert.equal(settings.debounceMs, 50);
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.ruleOptions, { 'no-bsn-literal': { allow: ['123456782'] } });
    assert.equal(normaliseSettings({ catalogue: '', debounceMs: -1 }).catalogue, null);
    assert.equal(normaliseSettings({ debounceMs: -1 }).debounceMs, 200);
    assert.equal(normaliseSettings({ debounceMs: 1e9 }).debounceMs, 10_000);
  });

  it('reads the locale and whether to use the ESLint config, with their defaults', () => {
    assert.deepEqual([normaliseSettings({}).locale, normaliseSettings({}).useEslintConfig], [null, true]);
    assert.deepEqual([normaliseSettings({ locale: 'nl', useEslintConfig: false }).locale, normaliseSettings({ locale: 'nl', useEslintConfig: false }).useEslintConfig], ['nl', false]);
    assert.equal(normaliseSettings({ locale: 'de' }).locale, null);
  });
});
