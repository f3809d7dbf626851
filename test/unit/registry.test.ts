import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillMessage, RULE_IDS, RULE_MODULES, RULES } from '@avglint/rules';

/** rules/src/rules, from test/dist/unit where this file runs. */
const RULE_SOURCES = path.resolve(__dirname, '..', '..', '..', 'rules', 'src', 'rules');

describe('rule registry', () => {
  it('has one entry per rule module, keyed by its own id', () => {
    assert.deepEqual(RULE_IDS, RULE_MODULES.map((rule) => rule.id));
    assert.deepEqual(Object.keys(RULES).sort(), [...RULE_IDS].sort());
    for (const rule of RULE_MODULES) {
      assert.equal(RULES[rule.id].id, rule.id);
      assert.equal(RULES[rule.id].description, rule.meta.description);
    }
  });

  it('defines each rule in rules/src/rules/<rule-id>.ts, and every module there is a rule or the registry', () => {
    const files = fs.readdirSync(RULE_SOURCES).filter((f) => f.endsWith('.ts')).sort();
    assert.deepEqual(files, [...RULE_IDS.map((id) => `${id}.ts`), 'registry.ts', 'rule.ts'].sort());
  });

  it('fills placeholders like ESLint and leaves unknown ones alone', () => {
    assert.equal(fillMessage('{{ a }} and {{b}} and {{c}}', { a: 'x', b: 'y' }), 'x and y and {{c}}');
  });
});
