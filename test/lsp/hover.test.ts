import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { FIXTURE_PROJECT, TestClient } from './harness';

const LEERLING = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'leerling.ts');
const CATALOGUE = path.join(FIXTURE_PROJECT, 'avglint.catalogue.yaml');

function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} not in the text`);
  const line = text.slice(0, offset).split('\n').length - 1;
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

async function hover(client: TestClient, uri: string, position: Position): Promise<string> {
  const result = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  return result ? (result.contents as MarkupContent).value : '';
}

describe('language server: hover and catalogue completion', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
  });
  afterEach(async () => client.dispose());

  it('explains catalogued data: category, special, identifier, bewaartermijn, who may receive it and why', async () => {
    const text = fs.readFileSync(LEERLING, 'utf8');
    const uri = client.open(LEERLING, text);
    await client.diagnosticsFor(uri);
    const value = await hover(client, uri, positionOf(text, 'bsn: string', 1));
    assert.match(value, /\*\*Burgerservicenummer \(BSN\)\*\* — catalogue category `bsn`/);
    assert.match(value, /Special category \(bijzondere persoonsgegevens, AVG art\. 9\): no/);
    assert.match(value, /National identifying number .*\*\*yes\*\* — use ECK iD \(`eckid`\) instead/);
    assert.match(value, /Bewaartermijn: Leerlingdossier \(`leerlingdossier`: 2 years after the pupil leaves the school/);
    assert.match(value, /DUO \(`duo`, ontvanger\): legal obligation \(AVG art\. 6\(1\)\(c\)\) — Wet op het voortgezet onderwijs \(BRON\)/);
    assert.doesNotMatch(value, /Cito/);
  });

  it('says a special category is special and restricted, with who may read it', async () => {
    const text = 'export function f(d: { diagnose: string }): string {\n  return d.diagnose;\n}\n';
    const uri = client.open(path.join(FIXTURE_PROJECT, 'src', 'lsp', 'zorg-hover.ts'), text);
    await client.diagnosticsFor(uri);
    const value = await hover(client, uri, positionOf(text, 'd.diagnose', 3));
    assert.match(value, /\*\*Speciaal zorgdossier\*\*/);
    assert.match(value, /AVG art\. 9\): \*\*yes\*\*/);
    assert.match(value, /Restricted: may only be read by code under `src\/zorg\/\*\*` or role `@role zorgcoordinator` or purpose `@purpose leerlingenzorg`/);
    assert.match(value, /Jeugdzorg Veluwe \(`zorgpartner`, ontvanger\): consent/);
  });

  it('shows the finding and its flow on a flagged place, and nothing on plain code', async () => {
    const text = fs.readFileSync(LEERLING, 'utf8');
    const uri = client.open(LEERLING, text);
    await client.diagnosticsFor(uri);
    const value = await hover(client, uri, positionOf(text, "'123456782'", 2));
    assert.match(value, /^\*\*avglint\/no-bsn-literal\*\*: 123456782 in a string passes the BSN-elfproef: maybe a real BSN\n\nWhy: /);
    assert.equal(await hover(client, uri, positionOf(text, 'export function', 2)), '');
  });

  it('shows the whole path on a flagged transfer, source to sink', async () => {
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'uitgeverij.ts');
    const text = fs.readFileSync(file, 'utf8');
    const uri = client.open(file, text);
    await client.diagnosticsFor(uri);
    const value = await hover(client, uri, positionOf(text, 'leerling.bsn', 10));
    assert.match(value, /^\*\*avglint\/no-unauthorised-transfer\*\*: Burgerservicenummer \(BSN\) → Uitgeverij Leermiddel: not allowed by the catalogue\n\nWhy: .*\n\nWhat to do: /);
    assert.match(value, /Flow, from source to sink:\n\n1\. \*\*source\*\* — reads `leerling\.bsn`.*\(line 8\)\n2\. \*\*sink\*\* — sent by `fetch` to Uitgeverij Leermiddel/);
    // The hover on the data itself explains the category as well.
    assert.match(value, /\*\*Burgerservicenummer \(BSN\)\*\* — catalogue category `bsn`/);
  });

  it('tells by which path a variable carries catalogued data', async () => {
    const text = "import type { Leerling } from './leerling';\nexport function f(leerling: Leerling): string {\n  const nummer = leerling.bsn;\n  return nummer;\n}\n";
    const uri = client.open(path.join(FIXTURE_PROJECT, 'src', 'lsp', 'flow-hover.ts'), text);
    await client.diagnosticsFor(uri);
    const result = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'return nummer', 9) });
    const value = result ? (result.contents as MarkupContent).value : '';
    assert.match(value, /^\*\*Burgerservicenummer \(BSN\)\*\*/);
    assert.match(value, /Carries this data, by this path:\n\n1\. \*\*source\*\* — reads `leerling\.bsn`.*\n2\. \*\*step\*\* — assigned to `nummer` \(line 3\)/);
    assert.deepEqual(result?.range, { start: { line: 3, character: 9 }, end: { line: 3, character: 15 } });
  });

  it('speaks Dutch with locale nl: the finding, its path, the category and its bewaartermijn, no English frame', async () => {
    const dutch = new TestClient({ locale: 'nl' });
    await dutch.initialize(FIXTURE_PROJECT);
    try {
      const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'uitgeverij.ts');
      const text = fs.readFileSync(file, 'utf8');
      const uri = dutch.open(file, text);
      await dutch.diagnosticsFor(uri);
      const value = await hover(dutch, uri, positionOf(text, 'leerling.bsn', 10));
      assert.match(value, /^\*\*avglint\/no-unauthorised-transfer\*\*: Burgerservicenummer \(BSN\) → Uitgeverij Leermiddel: niet toegestaan door de catalogus\n\nWaarom: /);
      assert.match(value, /Gegevensstroom, van bron tot eindpunt:\n\n1\. \*\*bron\*\* — leest `leerling\.bsn`: Burgerservicenummer \(BSN\) \(herkend aan naam `bsn`\) \(regel 8\)\n2\. \*\*eindpunt\*\* — verstuurd door `fetch` naar Uitgeverij Leermiddel/);
      assert.match(value, /\*\*Burgerservicenummer \(BSN\)\*\* — categorie `bsn` uit de catalogus/);
      assert.match(value, /- Bijzonder persoonsgegeven \(AVG art\. 9\): nee\n- Nationaal identificatienummer \(AVG art\. 87, UAVG art\. 46\): \*\*ja\*\* — gebruik ECK iD \(`eckid`\)/);
      // The duration and the clock's start in Dutch, never "2 years after het vertrek…".
      assert.match(value, /- Bewaartermijn: Leerlingdossier \(`leerlingdossier`: 2 jaar na het vertrek van de leerling/);
      assert.match(value, /\) — standaard\n- Mag naar:\n {2}- DUO \(`duo`, ontvanger\): wettelijke verplichting/);
      assert.match(value, /\nHerkend aan naam `bsn`\.$/);
      assert.doesNotMatch(value, /\b(source|sink|step|years?|after|default|Carries|Classified|Flow|catalogue category|Special category|May be sent)\b/);
      const flowText = "import type { Leerling } from './leerling';\nexport function f(leerling: Leerling): string {\n  const nummer = leerling.bsn;\n  return nummer;\n}\n";
      const flowUri = dutch.open(path.join(FIXTURE_PROJECT, 'src', 'lsp', 'flow-hover-nl.ts'), flowText);
      await dutch.diagnosticsFor(flowUri);
      const carried = await hover(dutch, flowUri, positionOf(flowText, 'return nummer', 9));
      assert.match(carried, /Bevat deze gegevens, via dit pad:\n\n1\. \*\*bron\*\* — leest `leerling\.bsn`.*\n2\. \*\*stap\*\* — toegekend aan `nummer` \(regel 3\)/);
    } finally {
      await dutch.dispose();
    }
  });

  it('explains catalogue keys from the JSON Schema while the FG edits', async () => {
    const text = fs.readFileSync(CATALOGUE, 'utf8');
    const uri = client.open(CATALOGUE, text);
    const legal = await hover(client, uri, positionOf(text, 'legalBasis: legal-obligation', 2));
    assert.match(legal, /^\*\*`processors\.duo\.legalBasis`\*\*\n\n\S/);
    const value = await hover(client, uri, positionOf(text, 'legal-obligation', 3));
    assert.match(value, /`legal-obligation`: wettelijke verplichting/);
    const inFlow = await hover(client, uri, positionOf(text, 'duration: P5Y', 1));
    assert.match(inFlow, /^\*\*`retention\.verzuim\.duration`\*\*/);
  });

  it('completes retention terms, categories and roles where a value names one', async () => {
    const base = fs.readFileSync(CATALOGUE, 'utf8');
    const uri = client.open(CATALOGUE, base);
    const complete = async (text: string, marker: string): Promise<string[]> => {
      client.change(uri, text.replace(marker, ''));
      const position = positionOf(text, marker);
      const items = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
      return items.map((i) => i.label).sort();
    };
    assert.deepEqual(
      await complete(base.replace('    retention: leerlingdossier\n    alternative: eckid', '    retention: |\n    alternative: eckid'), '|'),
      ['camera', 'examen', 'leerlingdossier', 'sessie', 'verzuim'],
    );
    assert.deepEqual(
      await complete(base.replace('receives: [bsn, naw, resultaten]', 'receives: [bsn, |]'), '|'),
      ['bsn', 'camerabeelden', 'eckid', 'naw', 'resultaten', 'zorgdossier'],
    );
    assert.deepEqual(await complete(base.replace('roles: [zorgcoordinator]', 'roles: [|]'), '|'), ['mentor', 'zorgcoordinator']);
    assert.deepEqual((await complete(base.replace('legalBasis: contract', 'legalBasis: |'), '|')).length, 6);
  });
});
