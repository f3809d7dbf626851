import * as assert from 'node:assert/strict';
import { fillMessage, RULE_IDS, RULES } from '@avglint/rules';

describe('rule registry', () => {
  it('has one entry per public rule id, keyed by its own id', () => {
    assert.deepEqual(Object.keys(RULES).sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) assert.equal(RULES[id].id, id);
  });

  it('fills placeholders like ESLint and leaves unknown ones alone', () => {
    assert.equal(fillMessage('{{ a }} and {{b}} and {{c}}', { a: 'x', b: 'y' }), 'x and y and {{c}}');
  });
});
