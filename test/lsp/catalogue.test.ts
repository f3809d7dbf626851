import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { copyFixture, FIXTURE_PROJECT, TestClient, until, uriOf } from './harness';

describe('language server: the catalogue file', () => {
  let client: TestClient;
  let folder: string;
  let catalogueFile: string;
  beforeEach(async () => {
    folder = copyFixture(FIXTURE_PROJECT);
    catalogueFile = path.join(folder, 'avglint.catalogue.yaml');
    client = new TestClient();
    await client.initialize(folder);
  });
  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function hoverText(uri: string, line: number, character: number): Promise<string> {
    const result = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return result ? (result.contents as MarkupContent).value : '';
  }

  it('re-analyses open documents when the edited catalogue is saved', async () => {
    const source = client.open(path.join(folder, 'src', 'lsp', 'leerling.ts'));
    await client.diagnosticsFor(source);
    const bsnLine = fs.readFileSync(path.join(folder, 'src', 'lsp', 'leerling.ts'), 'utf8').split('\n').findIndex((l) => l.includes('bsn: string'));
    assert.match(await hoverText(source, bsnLine, 3), /\*\*Burgerservicenummer \(BSN\)\*\*/);

    const catalogue = client.open(catalogueFile);
    assert.deepEqual(await client.diagnosticsFor(catalogue), []);
    const text = client.text(catalogue).replace('label: Burgerservicenummer (BSN)', 'label: BSN van de leerling');
    client.change(catalogue, text);
    assert.deepEqual(await client.diagnosticsFor(catalogue), []);
    // Unsaved edits do not change the analysis; saving does, for every open document.
    assert.match(await hoverText(source, bsnLine, 3), /\*\*Burgerservicenummer \(BSN\)\*\*/);
    const before = client.published.length;
    fs.writeFileSync(catalogueFile, text);
    client.save(catalogue);
    await until(() => client.published.slice(before).some((p) => p.uri === source), 'the open document re-analysed after the save');
    assert.match(await hoverText(source, bsnLine, 3), /\*\*BSN van de leerling\*\*/);
    const status = await until(() => client.statuses.at(-1)?.state === 'loaded' && client.statuses.at(-1), 'a loaded status');
    assert.equal(status.catalogue, uriOf(catalogueFile));
  });

  it('shows a malformed catalogue\'s problems in the catalogue while the last good one keeps serving', async () => {
    const source = client.open(path.join(folder, 'src', 'lsp', 'leerling.ts'));
    const good = await client.diagnosticsFor(source);
    assert.deepEqual(good.map((d) => d.code), ['no-bsn-literal']);

    const catalogue = client.open(catalogueFile);
    await client.diagnosticsFor(catalogue);
    const broken = client.text(catalogue).replace('    retention: leerlingdossier\n    alternative: eckid', '    retention: eeuwig\n    alternative: eckid');
    client.change(catalogue, broken);
    const problems = await client.diagnosticsFor(catalogue);
    const unknownTerm = problems.find((d) => /eeuwig/.test(String(d.message)));
    assert.ok(unknownTerm, `no problem about the unknown term in ${JSON.stringify(problems)}`);
    const line = broken.split('\n').findIndex((l) => l.includes('retention: eeuwig'));
    assert.equal(unknownTerm.range.start.line, line);
    assert.equal(unknownTerm.source, 'avglint');

    const before = client.published.length;
    client.save(catalogue);
    const status = await until(() => client.statuses.find((s) => s.state === 'broken'), 'a broken status');
    assert.equal(status.servingLastGood, true);
    assert.match(status.message, /last valid version is still used/);
    await until(() => client.published.slice(before).find((p) => p.uri === catalogue && p.diagnostics.some((d) => d.code === 'catalogue/serving-last-good')), 'the serving-last-good diagnostic');
    // The source document is still analysed with the last good catalogue.
    client.change(source, client.text(source) + '\nexport const ander = 111222333;\n');
    assert.deepEqual((await client.diagnosticsFor(source)).map((d) => d.code), ['no-bsn-literal', 'no-bsn-literal']);

    // Fixing and saving again loads the catalogue and says so.
    client.change(catalogue, broken.replace('retention: eeuwig', 'retention: leerlingdossier'));
    client.save(catalogue);
    await until(() => client.statuses.at(-1)?.state === 'loaded', 'a loaded status after the fix');
    assert.deepEqual(await client.diagnosticsFor(catalogue), []);
  });

  it('tells every document the catalogue cannot be used when it never loaded', async () => {
    fs.writeFileSync(catalogueFile, 'version: 1\ncategories:\n  bsn: { label: BSN }\n');
    const source = client.open(path.join(folder, 'src', 'lsp', 'leerling.ts'));
    const diagnostics = await client.diagnosticsFor(source);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'catalogue/invalid');
    assert.match(String(diagnostics[0]?.message), /avglint\.catalogue\.yaml:3:/);
    const status = await until(() => client.statuses.find((s) => s.state === 'broken'), 'a broken status');
    assert.equal(status.servingLastGood, false);
  });

  it('reloads a catalogue changed on disk (watched files) and re-analyses', async () => {
    const source = client.open(path.join(folder, 'src', 'lsp', 'leerling.ts'));
    await client.diagnosticsFor(source);
    const text = fs.readFileSync(catalogueFile, 'utf8');
    fs.writeFileSync(catalogueFile, text.replace('version: 1', 'version: 1\nbogus: true'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(catalogueFile), type: 2 }] });
    const status = await until(() => client.statuses.find((s) => s.state === 'broken'), 'a broken status after the disk change');
    assert.equal(status.servingLastGood, true);
  });
  it('treats a base catalogue that the catalogue extends as a catalogue: checked while typed, reloaded on save', async () => {
    const base = path.join(folder, 'groep.avglint.catalogue.yaml');
    const baseText = 'version: 1\nretention:\n  archief: { label: Archief, duration: P7Y, starts: end-of-school-year }\ncategories:\n  leerlingnummer: { label: Leerlingnummer, retention: archief, match: { names: [leerlingnummer] } }\n';
    fs.writeFileSync(base, baseText);
    fs.writeFileSync(catalogueFile, fs.readFileSync(catalogueFile, 'utf8').replace('version: 1\n', 'version: 1\nextends: ./groep.avglint.catalogue.yaml\n'));
    const text = 'export function f(l: { leerlingnummer: number }): number {\n  return l.leerlingnummer;\n}\n';
    const source = client.open(path.join(folder, 'src', 'nummer.ts'), text);
    await client.diagnosticsFor(source);
    assert.match(await hoverText(source, 1, 14), /\*\*Leerlingnummer\*\* — catalogue category `leerlingnummer`[^]*Bewaartermijn: Archief \(`archief`: 7 years/);

    const baseUri = client.open(base, baseText);
    assert.deepEqual(await client.diagnosticsFor(baseUri), []);
    client.change(baseUri, baseText.replace('retention: archief', 'retention: onbekend'));
    assert.ok((await client.diagnosticsFor(baseUri)).some((d) => /onbekend/.test(String(d.message))), 'the unknown term in the base is reported while typed');

    const renamed = baseText.replace('label: Leerlingnummer', 'label: Leerlingnummer (LAS)');
    client.change(baseUri, renamed);
    fs.writeFileSync(base, renamed);
    const before = client.published.length;
    client.save(baseUri);
    await until(() => client.published.slice(before).some((p) => p.uri === source), 'the open document re-analysed after the base was saved');
    assert.match(await hoverText(source, 1, 14), /\*\*Leerlingnummer \(LAS\)\*\*/);
  });
});
