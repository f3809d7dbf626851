import * as assert from 'node:assert/strict';
import { idsOf, keyContextAt } from '@avglint/server/dist/catalogueDocument';

/** The context at the `|` in `text` (the marker is removed). */
function at(text: string): ReturnType<typeof keyContextAt> {
  const offset = text.indexOf('|');
  return keyContextAt(text.replace('|', ''), offset);
}

describe('catalogue editing: where the cursor is', () => {
  const doc = [
    'version: 1',
    'categories:',
    '  bsn:',
    '    label: BSN',
    '    retention: ',
    '    match:',
    '      names: [bsn, burgerservicenummer]',
    'processors:',
    '  duo:',
    '    receives:',
    '      - bsn',
    'sanitisers:',
    '  - function: toEckId',
    '    removes: [bsn]',
  ].join('\n');

  it('finds the parents of a block key and whether the cursor is in its value', () => {
    assert.deepEqual(at(doc.replace('    retention: ', '    retention: |')), { parents: ['categories', 'bsn'], key: 'retention', inValue: true, word: { text: '', start: 15, end: 15 } });
    const onKey = at(doc.replace('    retention: ', '    rete|ntion: '));
    assert.deepEqual([onKey.parents, onKey.key, onKey.inValue, onKey.word.text], [['categories', 'bsn'], 'retention', false, 'retention']);
  });

  it('reads flow sequences and mappings on the line', () => {
    const inList = at(doc.replace('names: [bsn, burgerservicenummer]', 'names: [bsn, burger|]'));
    assert.deepEqual([inList.parents, inList.key, inList.inValue, inList.word.text], [['categories', 'bsn', 'match'], 'names', true, 'burger']);
    const flow = at('retention:\n  verzuim: { label: Verzuim, dura|tion: P5Y }\n');
    assert.deepEqual([flow.parents, flow.key, flow.inValue], [['retention', 'verzuim'], 'duration', false]);
    const flowValue = at('retention:\n  verzuim: { label: Verzuim, starts: leav| }\n');
    assert.deepEqual([flowValue.parents, flowValue.key, flowValue.inValue, flowValue.word.text], [['retention', 'verzuim'], 'starts', true, 'leav']);
  });

  it('treats block list items as values of their key, also in lists of mappings', () => {
    const item = at(doc.replace('      - bsn', '      - bs|n'));
    assert.deepEqual([item.parents, item.key, item.inValue], [['processors', 'duo'], 'receives', true]);
    const sanitiser = at(doc.replace('removes: [bsn]', 'removes: [|]'));
    assert.deepEqual([sanitiser.parents, sanitiser.key, sanitiser.inValue], [['sanitisers'], 'removes', true]);
  });

  it('sees a new key being typed on an empty or partial line', () => {
    const partial = at(doc.replace('    label: BSN', '    label: BSN\n    speci|'));
    assert.deepEqual([partial.parents, partial.key, partial.inValue], [['categories', 'bsn'], undefined, false]);
    const empty = at('categories:\n  bsn:\n    |\n');
    assert.deepEqual(empty.parents, ['categories', 'bsn']);
  });

  it('collects the ids written so far, also from a document with a syntax error', () => {
    assert.deepEqual(idsOf(doc.replace('retention: ', 'retention: x')), { categories: ['bsn'], retention: [], roles: [], purposes: [], processors: ['duo'] });
    assert.deepEqual(idsOf(': : :'), { categories: [], retention: [], roles: [], purposes: [], processors: [] });
  });
});
