import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { docsUrl, RULE_IDS } from '@avglint/rules';
import { DiagnosticSeverity, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { catalogueAt, freshAnalysis } from './fresh';
import { avglintDiagnostics, FIXTURE_PROJECT, TestClient, until, uriOf } from './harness';

const LEERLING = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'leerling.ts');
const UNTYPED = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'untyped.js');
const CATALOGUE = path.join(FIXTURE_PROJECT, 'avglint.catalogue.yaml');
const TSCONFIG = path.join(FIXTURE_PROJECT, 'tsconfig.json');

function isRule(code: unknown): boolean {
  return (RULE_IDS as readonly unknown[]).includes(code);
}

describe('language server: initialize and diagnostics', () => {
  let client: TestClient;
  afterEach(async () => client.dispose());

  it('announces incremental sync, hover, quick fixes, catalogue completion and its commands', async () => {
    client = new TestClient();
    const { capabilities, serverInfo } = await client.initialize(FIXTURE_PROJECT);
    assert.equal(serverInfo?.name, 'avglint');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: false });
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [' ', '[', ',']);
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['avglint.scanWorkspace', 'avglint.openCatalogue', 'avglint.openCatalogueEntry']);
  });

  it('reports the planted BSN literal with its rule, range, doc link, flow step and status', async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
    const text = fs.readFileSync(LEERLING, 'utf8');
    const uri = client.open(LEERLING, text);
    const diagnostics = await client.diagnosticsFor(uri);
    const literal = diagnostics.find((d) => d.code === 'no-bsn-literal');
    assert.ok(literal, `no no-bsn-literal diagnostic in ${JSON.stringify(diagnostics)}`);
    const start = text.indexOf("'123456782'");
    const line = text.slice(0, start).split('\n').length - 1;
    const character = start - (text.lastIndexOf('\n', start) + 1);
    assert.deepEqual(literal.range, { start: { line, character }, end: { line, character: character + "'123456782'".length } });
    assert.equal(literal.source, 'avglint');
    assert.equal(literal.severity, DiagnosticSeverity.Warning);
    assert.equal(literal.codeDescription?.href, docsUrl('no-bsn-literal'));
    assert.match(String(literal.message), /123456782.*elfproef/);
    assert.equal(literal.relatedInformation?.length, 1);
    assert.equal(literal.relatedInformation?.[0]?.location.uri, uri);
    assert.match(literal.relatedInformation?.[0]?.message ?? '', /^1\. source: /);
    const status = await until(() => client.statuses.find((s) => s.state === 'loaded'), 'a loaded status');
    assert.equal(status.catalogue, uriOf(CATALOGUE));
    assert.match(status.message, /6 categories, 5 processors/);
  });

  it('checks an open Prisma schema: a model without /// @retention at its name, fixed by inserting the doc comment', async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
    const schema = 'model Lokaal {\n  nummer String\n}\n\nmodel Leerling {\n  id  Int    @id\n  bsn String\n}\n';
    const uri = client.open(path.join(FIXTURE_PROJECT, 'prisma', 'schema.prisma'), schema);
    const diagnostics = (await client.diagnosticsFor(uri)).filter((d) => isRule(d.code));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['require-retention', { start: { line: 4, character: 6 }, end: { line: 4, character: 14 } }]]);
    assert.match(String(diagnostics[0]?.message), /^Burgerservicenummer \(BSN\) → Prisma model `Leerling`: no bewaartermijn$/);
  });

  it('publishes exactly what a fresh analysis of the same text finds (rule and range)', async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
    const text = fs.readFileSync(LEERLING, 'utf8');
    const uri = client.open(LEERLING, text);
    const diagnostics = (await client.diagnosticsFor(uri)).filter((d) => isRule(d.code));
    assert.deepEqual(avglintDiagnostics(diagnostics), freshAnalysis(LEERLING, text, TSCONFIG, catalogueAt(CATALOGUE)));
  });

  it('points the related information at every step of a flow, also in another module', async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'aanmelding.ts');
    const helper = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'verzend.ts');
    const uri = client.open(file);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['no-unauthorised-transfer']);
    const helperLines = fs.readFileSync(helper, 'utf8').split('\n');
    const param = helperLines[1]?.indexOf('body: string') ?? -1;
    const sink = helperLines[2]?.indexOf('fetch') ?? -1;
    assert.deepEqual(
      diagnostics[0]?.relatedInformation?.map((r) => [r.location.uri, r.location.range.start, r.message.replace(/:.*/s, '')]),
      [
        [uri, diagnostics[0]?.range.start, '1. source'],
        [uriOf(helper), { line: 1, character: param }, '2. step'],
        [uriOf(helper), { line: 2, character: sink }, '3. sink'],
      ],
    );
  });

  it('takes severities from the settings and runs no rule set to off', async () => {
    client = new TestClient({ severity: { default: 'error', 'avglint/require-suppression-reason': 'off' } });
    await client.initialize(FIXTURE_PROJECT);
    const text = `// eslint-disable-next-line avglint/no-unauthorised-transfer\nexport const a = '111222333';\n`;
    const uri = client.open(path.join(FIXTURE_PROJECT, 'src', 'lsp', 'severity.ts'), text);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['no-bsn-literal', DiagnosticSeverity.Error]]);

    client.settings = { severity: { 'no-bsn-literal': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const count = client.published.length;
    await until(() => client.published.slice(count).find((p) => p.uri === uri), 're-analysis after the settings changed');
    assert.deepEqual((client.diagnostics.get(uri)?.diagnostics ?? []).map((d) => d.code), ['require-suppression-reason']);
  });

  it('hides a finding under an eslint-disable comment with a reason, and flags one without a reason', async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
    const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'suppressed.ts');
    const uri = client.open(file, `// eslint-disable-next-line avglint/no-bsn-literal -- generated test number\nexport const a = '123456782';\n`);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    client.change(uri, `// eslint-disable-next-line avglint/no-bsn-literal\nexport const a = '123456782';\n`);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['require-suppression-reason', 0]]);
  });

  it('analyses JavaScript that no tsconfig includes from names alone', async () => {
    client = new TestClient();
    await client.initialize(FIXTURE_PROJECT);
    const uri = client.open(UNTYPED);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['no-bsn-literal', 1]]);
  });

  it('says at line 1 when no catalogue applies, and reports the status as missing', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-nocat-'));
    client = new TestClient();
    await client.initialize(folder);
    const uri = client.open(path.join(folder, 'a.ts'), `export const a = '123456782';\n`);
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics.length, 1);
    // The same code as ESLint and the CLI (it used to be `catalogue/missing` here alone).
    assert.equal(diagnostics[0]?.code, 'catalogue/not-found');
    assert.match(String(diagnostics[0]?.message), /No avglint\.catalogue\.yaml found in .* the `avglint\.catalogue` setting/u);
    assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostics[0]?.range.start, { line: 0, character: 0 });
    await until(() => client.statuses.find((s) => s.state === 'missing'), 'a missing status');
  });

  it('uses the catalogue the avglint.catalogue setting names, relative to the workspace folder', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-setting-'));
    fs.mkdirSync(path.join(folder, 'privacy'));
    fs.copyFileSync(CATALOGUE, path.join(folder, 'privacy', 'catalogus.yaml'));
    client = new TestClient({ catalogue: 'privacy/catalogus.yaml' });
    await client.initialize(folder);
    const uri = client.open(path.join(folder, 'a.ts'), `export const a = '123456782';\n`);
    assert.deepEqual((await client.diagnosticsFor(uri)).map((d) => d.code), ['no-bsn-literal']);
    const status = await until(() => client.statuses.find((s) => s.state === 'loaded'), 'a loaded status');
    assert.equal(status.catalogue, uriOf(path.join(folder, 'privacy', 'catalogus.yaml')));
  });

  it('publishes nothing while avglint.enable is false', async () => {
    client = new TestClient({ enable: false });
    await client.initialize(FIXTURE_PROJECT);
    const uri = client.open(LEERLING);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    await until(() => client.statuses.find((s) => s.state === 'disabled'), 'a disabled status');
  });
});
