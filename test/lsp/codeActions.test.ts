import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, FIXTURE_PROJECT, TestClient, until, uriOf } from './harness';

const CATALOGUE = path.join(FIXTURE_PROJECT, 'avglint.catalogue.yaml');

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
}

describe('language server: code actions', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
  });
  afterEach(async () => client.dispose());

  it('inserts a suppression with a reason placeholder, indented like the line, that ESLint accepts', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'suppress-action.ts');
    const text = 'export function f(): string {\n  const nummer = "123456782";\n  return nummer;\n}\n';
    const uri = client.open(file, text);
    const diagnostics = (await client.diagnosticsFor(uri)).filter((d) => d.code === 'no-bsn-literal');
    assert.equal(diagnostics.length, 1);
    const actions = await actionsFor(client, uri, diagnostics);
    const suppress = actions.find((a) => a.title === 'Suppress avglint/no-bsn-literal on this line (with a reason)');
    assert.ok(suppress?.edit?.changes, `no suppression action in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(suppress.kind, 'quickfix');
    const fixed = applyEdits(text, suppress.edit.changes[uri] ?? []);
    assert.equal(
      fixed,
      'export function f(): string {\n  // eslint-disable-next-line avglint/no-bsn-literal -- reason: <why this is allowed, for the FG>\n  const nummer = "123456782";\n  return nummer;\n}\n',
    );
    client.change(uri, fixed);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });

  it('offers the catalogue entry behind a finding and shows it through window/showDocument', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'entry-action.ts');
    const uri = client.open(file, 'export const nummer = 123456782;\n');
    const diagnostics = await client.diagnosticsFor(uri);
    const actions = await actionsFor(client, uri, diagnostics);
    const open = actions.find((a) => a.title === 'Open catalogue entry: Burgerservicenummer (BSN) (bsn)');
    assert.ok(open?.command, `no catalogue entry action in ${JSON.stringify(actions.map((a) => a.title))}`);
    const command = open.command as Command;
    assert.equal(command.command, 'avglint.openCatalogueEntry');
    const shown = await client.connection.sendRequest<boolean>('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    assert.equal(shown, true);
    const bsnLine = fs.readFileSync(CATALOGUE, 'utf8').split('\n').indexOf('  bsn:');
    assert.deepEqual(client.shownDocuments.at(-1), { uri: uriOf(CATALOGUE), takeFocus: true, selection: { start: { line: bsnLine, character: 2 }, end: { line: bsnLine, character: 2 } } });
  });

  it('opens the catalogue that applies to a document', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'leerling.ts');
    const uri = client.open(file);
    await client.diagnosticsFor(uri);
    await client.connection.sendRequest('workspace/executeCommand', { command: 'avglint.openCatalogue', arguments: [{ uri }] });
    const shown = await until(() => client.shownDocuments.at(-1), 'a shown document');
    assert.equal(shown.uri, uriOf(CATALOGUE));
  });

  it('applies the suggestions a finding carries, one action per suggestion', async () => {
    // The suggestion data travels in the diagnostic, so the code action needs no second analysis; this diagnostic is
    // what the server publishes for a require-retention finding with two allowed terms.
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'suggest-action.ts');
    const text = 'export class Leerling {\n  naam = "";\n}\n';
    const uri = client.open(file, text);
    await client.diagnosticsFor(uri);
    const insertAt = { line: 0, character: 0 };
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 13 }, end: { line: 0, character: 21 } },
      message: 'Leerling stores Naam-, adres- en woonplaatsgegevens without a bewaartermijn.',
      source: 'avglint',
      code: 'require-retention',
      data: {
        kind: 'finding',
        ruleId: 'require-retention',
        categories: ['naw'],
        suggestions: [
          { title: 'Add `@retention leerlingdossier` (Leerlingdossier)', edits: [{ range: { start: insertAt, end: insertAt }, newText: '/** @retention leerlingdossier */\n' }] },
          { title: 'Add `@retention sessie` (Sessie)', edits: [{ range: { start: insertAt, end: insertAt }, newText: '/** @retention sessie */\n' }] },
        ],
      },
    };
    const actions = await actionsFor(client, uri, [diagnostic]);
    assert.deepEqual(actions.map((a) => a.title), [
      'Add `@retention leerlingdossier` (Leerlingdossier)',
      'Add `@retention sessie` (Sessie)',
      'Suppress avglint/require-retention on this line (with a reason)',
      'Open catalogue entry: Naam-, adres- en woonplaatsgegevens (naw)',
    ]);
    assert.equal(applyEdits(text, actions[1]?.edit?.changes?.[uri] ?? []), '/** @retention sessie */\nexport class Leerling {\n  naam = "";\n}\n');
  });
});
