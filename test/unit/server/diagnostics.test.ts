import * as assert from 'node:assert/strict';
import { docsUrl, type Finding } from '@avglint/rules';
import { codeActions, SUPPRESSION_REASON_PLACEHOLDER } from '@avglint/server/dist/codeActions';
import { fileDiagnostic, findingToDiagnostic, isFindingData, problemToDiagnostic } from '@avglint/server/dist/diagnostics';
import { normaliseSettings } from '@avglint/server/dist/settings';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const text = 'import { stuur } from "./client";\n\nexport function f(l: { bsn: string }) {\n\tstuur(l.bsn);\n}\n';
const document = TextDocument.create('file:///p/src/a.ts', 'typescript', 3, text);
const start = text.indexOf('l.bsn');

const finding: Finding = {
  ruleId: 'no-unauthorised-transfer',
  messageId: 'unauthorisedTransfer',
  summary: 'BSN → Uitgeverij: not allowed by the catalogue',
  detail: 'Why: the catalogue does not list BSN.\nWhat to do: send the ECK iD instead.',
  message: 'BSN → Uitgeverij: not allowed by the catalogue\nWhy: the catalogue does not list BSN.\nWhat to do: send the ECK iD instead.',
  data: {},
  range: { start, end: start + 5 },
  path: [
    { kind: 'source', file: '/p/src/a.ts', range: { start, end: start + 5 }, line: 4, column: 8, phrase: { id: 'passedTo', args: { callee: 'stuur' } }, description: 'reads `l.bsn`' },
    { kind: 'sink', file: '/p/src/client.ts', range: { start: 100, end: 110 }, line: 7, column: 3, phrase: { id: 'sentBy', args: { api: 'fetch' } }, description: 'sent by `fetch`' },
  ],
  categories: ['bsn'],
  processor: 'leermiddelen',
  suggestions: [{ messageId: 'useAlternative', message: 'Send ECK iD instead', edits: [{ range: { start: start + 2, end: start + 5 }, text: 'eckid' }] }],
};

describe('server: findings and problems as diagnostics', () => {
  const locate = (step: Finding['path'][number]) => ({ uri: `file://${step.file}`, range: { start: { line: step.line - 1, character: step.column - 1 }, end: { line: step.line - 1, character: step.column - 1 } } });

  it('maps range, severity, code, doc link, the flow as related information and the code-action data', () => {
    const diagnostic = findingToDiagnostic(finding, document, normaliseSettings({ severity: { 'no-unauthorised-transfer': 'error' } }), locate, 'en');
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 12 } });
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'avglint');
    assert.equal(diagnostic.code, 'no-unauthorised-transfer');
    // The Problems panel gets the one-sentence summary; the hover shows the detail.
    assert.equal(diagnostic.message, 'BSN → Uitgeverij: not allowed by the catalogue');
    assert.equal(diagnostic.codeDescription?.href, docsUrl('no-unauthorised-transfer'));
    assert.deepEqual(diagnostic.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [
      ['file:///p/src/a.ts', 3, '1. source: reads `l.bsn`'],
      ['file:///p/src/client.ts', 6, '2. sink: sent by `fetch`'],
    ]);
    assert.ok(isFindingData(diagnostic.data));
    assert.deepEqual(diagnostic.data.suggestions, [{ title: 'Send ECK iD instead', edits: [{ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 12 } }, newText: 'eckid' }] }]);
  });

  it('names the kinds of step in related information in the locale (nl: bron, eindpunt)', () => {
    const diagnostic = findingToDiagnostic(finding, document, normaliseSettings({}), locate, 'nl');
    assert.deepEqual(diagnostic.relatedInformation?.map((r) => r.message), ['1. bron: reads `l.bsn`', '2. eindpunt: sent by `fetch`']);
  });

  it('puts a suppression above the line with the same indentation (a tab here) and keeps the other actions', () => {
    const diagnostic = findingToDiagnostic(finding, document, normaliseSettings({}), locate, 'en');
    const actions = codeActions(document, [diagnostic], undefined);
    assert.deepEqual(actions.map((a) => a.title), ['Send ECK iD instead', 'Suppress avglint/no-unauthorised-transfer on this line (with a reason)']);
    const edit = actions[1]?.edit?.changes?.[document.uri]?.[0];
    assert.deepEqual(edit, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: `\t// eslint-disable-next-line avglint/no-unauthorised-transfer -- ${SUPPRESSION_REASON_PLACEHOLDER}\n` });
  });

  it('ignores diagnostics of other sources and data it did not write', () => {
    assert.deepEqual(codeActions(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'eslint', data: { kind: 'finding', ruleId: 'no-bsn-literal' } }], undefined), []);
    assert.equal(isFindingData({ kind: 'finding', ruleId: 'not-a-rule' }), false);
  });

  it('places problems at their 1-based positions and a file-level diagnostic on the first line', () => {
    const d = problemToDiagnostic({ file: '/p/c.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'warning', code: 'catalogue/x', message: 'What.', hint: 'Do this.' });
    assert.deepEqual([d.range, d.severity, d.message], [{ start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }, DiagnosticSeverity.Warning, 'What.\nHint: Do this.']);
    // In the locale of the catalogue's problems (a Dutch catalogue's problem is Dutch, and so is the word before its hint).
    assert.equal(problemToDiagnostic({ file: '/p/c.yaml', line: 3, column: 5, severity: 'warning', code: 'catalogue/x', message: 'Wat.', hint: 'Doe dit.' }, 'nl').message, 'Wat.\nTip: Doe dit.');
    const single = problemToDiagnostic({ file: '/p/c.yaml', line: 1, column: 1, severity: 'error', code: 'c', message: 'm', hint: '' });
    assert.deepEqual(single.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.deepEqual(fileDiagnostic(document, 'catalogue/missing', 'No catalogue.').range, { start: { line: 0, character: 0 }, end: { line: 0, character: 33 } });
  });
});
