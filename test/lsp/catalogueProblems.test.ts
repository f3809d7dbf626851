/**
 * Problems whose place is the catalogue are diagnostics on the catalogue's document, whether or not it is open: the
 * `settings/conflict` warning the analysis of source files meets (a rule option the editor sets differently from the
 * catalogue's `settings.rules`), and a broken catalogue's own problems. Each once, however many sources met it, and
 * gone when fixed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';
import { avglintDiagnostics, TestClient, until, uriOf } from './harness';

const SETTINGS = "settings:\n  rules:\n    no-bsn-literal:\n      allow: ['123456782']\n";
/** The catalogue's `settings:` key: line 3 of the file (1-based), where the conflict is placed. */
const SETTINGS_LINE = 3;
const IDS = "export const a = '123456782';\nexport const b = '111222333';\n";

function catalogueText(): string {
  return fixtureCatalogueText().replace('version: 1\n', `version: 1\n${SETTINGS}`);
}

describe('language server: problems located in the catalogue', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  /** The latest diagnostics published for `uri` once `condition` holds for them. */
  async function publishedFor(uri: string, condition: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    return until(() => {
      const latest = client?.diagnostics.get(uri);
      return latest !== undefined && condition(latest) ? latest : undefined;
    }, what);
  }

  it('shows settings/conflict on the catalogue, open or not, once for every source, and clears it when fixed', async () => {
    const p = project({ 'package.json': '{}', 'avglint.catalogue.yaml': catalogueText(), 'src/ids.ts': IDS, 'src/more.ts': IDS });
    const catalogue = path.join(p.dir, 'avglint.catalogue.yaml');
    assert.equal(fs.readFileSync(catalogue, 'utf8').split('\n')[SETTINGS_LINE - 1], 'settings:');
    client = new TestClient({ ruleOptions: { 'no-bsn-literal': { allow: ['111222333'] } }, debounceMs: 0 });
    await client.initialize(p.dir);

    // The editor's option wins in the source (111222333 allowed, the catalogue's 123456782 not) …
    const ids = client.open(path.join(p.dir, 'src', 'ids.ts'));
    assert.deepEqual(avglintDiagnostics(await client.diagnosticsFor(ids)), [{ code: 'no-bsn-literal', line: 0, character: 17, endLine: 0, endCharacter: 28 }]);
    // … and the catalogue, not open, says so at its `settings:` as a warning.
    const conflict = (params: PublishDiagnosticsParams): boolean => params.diagnostics.some((d) => d.code === 'settings/conflict');
    let published = await publishedFor(uriOf(catalogue), conflict, 'settings/conflict on the closed catalogue');
    assert.deepEqual(avglintDiagnostics(published.diagnostics), [{ code: 'settings/conflict', line: SETTINGS_LINE - 1, character: 0, endLine: SETTINGS_LINE - 1, endCharacter: 1 }]);
    assert.equal(published.diagnostics[0]?.severity, DiagnosticSeverity.Warning);
    assert.equal(String(published.diagnostics[0]?.message).split('\n')[0], 'settings.rules.no-bsn-literal.allow: the host\'s ["111222333"] is used, not ["123456782"].');

    // A second source meets the same conflict: still one diagnostic.
    const before = client.published.length;
    await client.diagnosticsFor(client.open(path.join(p.dir, 'src', 'more.ts')));
    assert.deepEqual(client.diagnostics.get(uriOf(catalogue))?.diagnostics.map((d) => d.code), ['settings/conflict']);
    assert.ok(!client.published.slice(before).some((x) => x.uri === uriOf(catalogue)), 'the same diagnostics are not published again');

    // Opened, the catalogue shows its own (no) problems and the conflict, once; closed, the conflict stays.
    const open = client.open(catalogue);
    assert.deepEqual((await client.diagnosticsFor(open)).map((d) => d.code), ['settings/conflict']);
    const beforeClose = client.published.length;
    client.close(open);
    published = await until(() => client?.published.slice(beforeClose).find((x) => x.uri === open), 'the closed catalogue published again');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['settings/conflict']);

    // Fixed (the editor no longer sets the option): the warning is cleared.
    client.settings = { debounceMs: 0 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await publishedFor(uriOf(catalogue), (x) => x.diagnostics.length === 0, 'the conflict cleared');
    // The catalogue's own 123456782 is allowed again, the editor's 111222333 no longer.
    assert.deepEqual(avglintDiagnostics(await client.diagnosticsFor(ids)).map((d) => [d.code, d.line]), [['no-bsn-literal', 1]]);
  });

  it('drops a source\'s share when it is closed', async () => {
    const p = project({ 'package.json': '{}', 'avglint.catalogue.yaml': catalogueText(), 'src/ids.ts': IDS });
    const catalogue = path.join(p.dir, 'avglint.catalogue.yaml');
    client = new TestClient({ ruleOptions: { 'no-bsn-literal': { allow: ['111222333'] } }, debounceMs: 0 });
    await client.initialize(p.dir);
    const ids = client.open(path.join(p.dir, 'src', 'ids.ts'));
    await client.diagnosticsFor(ids);
    await publishedFor(uriOf(catalogue), (x) => x.diagnostics.length === 1, 'settings/conflict on the catalogue');
    client.close(ids);
    await publishedFor(uriOf(catalogue), (x) => x.diagnostics.length === 0, 'no conflict once no analysed source meets it');
  });

  it('shows a broken catalogue\'s problems on the catalogue while it is not open, and clears them when fixed on disk', async () => {
    const broken = catalogueText().replace('version: 1\n', 'version: 1\nfoo: bar\n');
    const p = project({ 'package.json': '{}', 'avglint.catalogue.yaml': broken, 'src/ids.ts': IDS });
    const catalogue = path.join(p.dir, 'avglint.catalogue.yaml');
    client = new TestClient({ debounceMs: 0 });
    await client.initialize(p.dir);
    const source = await client.diagnosticsFor(client.open(path.join(p.dir, 'src', 'ids.ts')));
    // The source: one line, the same ESLint and `avglint scan` print for this catalogue.
    assert.deepEqual(source.map((d) => [d.code, d.message]), [['catalogue/invalid', 'Catalogue avglint.catalogue.yaml:3:1: Unknown key `foo` in the top level of the catalogue.']]);
    const published = await publishedFor(uriOf(catalogue), (x) => x.diagnostics.length > 0, 'the problems on the closed catalogue');
    assert.deepEqual(avglintDiagnostics(published.diagnostics).map((d) => [d.code, d.line, d.character]), [['catalogue/unknown-key', 2, 0]]);

    fs.writeFileSync(catalogue, catalogueText());
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(catalogue), type: 2 }] });
    await publishedFor(uriOf(catalogue), (x) => x.diagnostics.length === 0, 'the problems cleared');
  });
});
