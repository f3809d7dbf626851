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

  it('adds `@retention <term>`, one action per term the catalogue allows for the stored data', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'entity.ts');
    const text = "import { Column, Entity } from 'typeorm';\n\n@Entity('leerling')\nexport class LeerlingRecord {\n  @Column('text')\n  achternaam!: string;\n}\n";
    const uri = client.open(file, text);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['require-retention']);
    const actions = await actionsFor(client, uri, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), [
      'Add `@retention leerlingdossier` (Leerlingdossier, P2Y)',
      'Add `@retention sessie` (Sessie, P1D)',
      'Suppress avglint/require-retention on this line (with a reason)',
      'Open catalogue entry: Naam-, adres- en woonplaatsgegevens (naw)',
    ]);
    const fixed = applyEdits(text, actions[1]?.edit?.changes?.[uri] ?? []);
    assert.equal(fixed, "import { Column, Entity } from 'typeorm';\n\n/** @retention sessie */\n@Entity('leerling')\nexport class LeerlingRecord {\n  @Column('text')\n  achternaam!: string;\n}\n");
    client.change(uri, fixed);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });

  it('sends the alternative identifier the catalogue names instead of the BSN', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'uitgeverij.ts');
    const text = fs.readFileSync(file, 'utf8');
    const uri = client.open(file, text);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['no-unauthorised-transfer']);
    assert.deepEqual(diagnostics[0]?.relatedInformation?.map((r) => r.message.replace(/:.*/, '')), ['1. source', '2. sink']);
    const actions = await actionsFor(client, uri, diagnostics);
    const alternative = actions.find((a) => a.title === 'Send ECK iD instead: use `leerling.eckid`');
    assert.ok(alternative?.edit?.changes, `no alternative-identifier action in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(actions.some((a) => a.title === 'Open catalogue entry: Uitgeverij Leermiddel (leermiddelen)'));
    const fixed = applyEdits(text, alternative.edit.changes[uri] ?? []);
    assert.equal(fixed, text.replace('body: leerling.bsn', 'body: leerling.eckid'));
    client.change(uri, fixed);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });

  it('answers avglint/showFlow with the finding\'s steps from source to sink', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'uitgeverij.ts');
    const uri = client.open(file);
    const [diagnostic] = await client.diagnosticsFor(uri);
    assert.ok(diagnostic);
    const flow = await client.connection.sendRequest<{ rule?: string; steps: { kind: string; uri: string; range: unknown; description: string }[] }>('avglint/showFlow', {
      textDocument: { uri },
      position: diagnostic.range.start,
    });
    assert.equal(flow.rule, 'no-unauthorised-transfer');
    assert.deepEqual(flow.steps.map((s) => [s.kind, s.uri]), [['source', uri], ['sink', uri]]);
    assert.deepEqual(flow.steps[0]?.range, diagnostic.range);
    const none = await client.connection.sendRequest<{ steps: unknown[] }>('avglint/showFlow', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(none.steps, []);
  });
});
