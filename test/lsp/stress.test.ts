import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '@avglint/rules';
import type { Hover } from 'vscode-languageserver-protocol';
import { catalogueAt, freshAnalysis } from './fresh';
import { avglintDiagnostics, FIXTURE_PROJECT, TestClient } from './harness';

const LEERLING = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'leerling.ts');

describe('language server: rapid edits', function () {
  // A thousand edits and two full programs take a few seconds here; slower CI machines get room.
  this.timeout(90_000);
  let client: TestClient;
  afterEach(async () => client.dispose());

  it('survives 1,000 rapid edits and ends with the diagnostics of a fresh analysis of the final text', async () => {
    client = new TestClient({ debounceMs: 200 });
    await client.initialize(FIXTURE_PROJECT);
    const uri = client.open(LEERLING);
    await client.diagnosticsFor(uri);
    const publishedBefore = client.published.filter((p) => p.uri === uri).length;

    for (let i = 0; i < 1000; i++) {
      const lines = client.text(uri).split('\n');
      const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
      if (i % 10 === 9) {
        // Every tenth edit deletes the line before the last one, so the text shrinks as well as grows.
        const line = Math.max(0, lines.length - 2);
        client.edit(uri, { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });
      } else {
        const value = i % 7 === 0 ? "'123456782'" : i % 11 === 0 ? '111222333' : String(i);
        client.edit(uri, { range: { start: end, end }, newText: `export const n${i} = ${value};\n` });
      }
    }
    assert.equal(client.version(uri), 1001);
    const diagnostics = (await client.diagnosticsFor(uri, 60_000)).filter((d) => (RULE_IDS as readonly unknown[]).includes(d.code));
    const finalText = client.text(uri);
    const expected = freshAnalysis(LEERLING, finalText, path.join(FIXTURE_PROJECT, 'tsconfig.json'), catalogueAt(path.join(FIXTURE_PROJECT, 'avglint.catalogue.yaml')));
    assert.ok(expected.length > 50, `the final text should hold many planted literals, found ${expected.length}`);
    assert.deepEqual(avglintDiagnostics(diagnostics), expected);
    // Debouncing: far fewer analyses were published than edits were made.
    const analyses = client.published.filter((p) => p.uri === uri).length - publishedBefore;
    assert.ok(analyses < 100, `${analyses} analyses were published for 1,000 edits`);
    // And the server still answers.
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
    assert.ok(hover);
    assert.equal(fs.readFileSync(LEERLING, 'utf8').includes('n999'), false);
  });
});
