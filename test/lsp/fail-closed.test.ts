/**
 * The language server fails closed: a rule that could not run on a file is a visible error on that file; a file
 * TypeScript's parser cannot finish is a problem on that file while its neighbours in the same project are analysed
 * as usual; a catalogue deleted behind the server's back (a client that sends no file-change events) is noticed at
 * the next analysis.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { FAILING_RULE, plantFailingCheck } from '../helpers/failingCheck';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';
import { avglintDiagnostics, TestClient } from './harness';

const BSN = "export const bsn = '111222333';\n";
const TOO_DEEP = `export const x = ${'('.repeat(2000)}1${')'.repeat(2000)};\n`;

describe('language server: fails closed', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();
  let client: TestClient | undefined;
  let unplant: (() => void) | undefined;
  afterEach(async () => {
    unplant?.();
    unplant = undefined;
    await client?.dispose();
    client = undefined;
  });

  it('a rule that could not run is an error diagnostic on the file, beside the other rules’ findings', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    unplant = plantFailingCheck();
    client = new TestClient();
    await client.initialize(p.dir);
    const diagnostics = await client.diagnosticsFor(client.open(path.join(p.dir, 'src', 'ids.ts')));
    assert.deepEqual(avglintDiagnostics(diagnostics).map((d) => [d.code, d.line, d.character]), [['no-bsn-literal', 0, 19], ['analysis/internal-error', 0, 0]]);
    const failure = diagnostics.find((d) => d.code === 'analysis/internal-error');
    assert.equal(failure?.severity, DiagnosticSeverity.Error);
    assert.match(String(failure?.message), new RegExp(`could not finish ${FAILING_RULE}`, 'u'));
  });

  for (const typed of [true, false]) {
    it(`one file too deeply nested for TypeScript's parser is a problem on that file; its neighbours are analysed (${typed ? 'typed' : 'untyped'})`, async () => {
      const p = project({
        'avglint.catalogue.yaml': fixtureCatalogueText(),
        'src/deep.ts': TOO_DEEP,
        'src/ids.ts': BSN,
        ...(typed ? { 'tsconfig.json': JSON.stringify({ compilerOptions: { noEmit: true, types: [] }, include: ['src'] }) } : {}),
      });
      client = new TestClient();
      await client.initialize(p.dir);
      const ids = await client.diagnosticsFor(client.open(path.join(p.dir, 'src', 'ids.ts')));
      assert.deepEqual(avglintDiagnostics(ids).map((d) => [d.code, d.line, d.character]), [['no-bsn-literal', 0, 19]]);
      const deepUri = client.open(path.join(p.dir, 'src', 'deep.ts'));
      const deep = await client.diagnosticsFor(deepUri);
      assert.deepEqual(avglintDiagnostics(deep).map((d) => [d.code, d.line, d.character]), [['analysis/file-not-parsed', 0, 0]]);
      assert.equal(deep[0]?.severity, DiagnosticSeverity.Error);
      assert.match(String(deep[0]?.message), /nested too deeply for the TypeScript parser/u);
      // Fixed in the editor, the file is analysed again.
      client.change(deepUri, BSN);
      const after = await client.diagnosticsFor(deepUri);
      assert.deepEqual(avglintDiagnostics(after).map((d) => d.code), ['no-bsn-literal']);
    });
  }

  it('a catalogue deleted without a file-change event is noticed at the next analysis', async () => {
    const p = project({ 'avglint.catalogue.yaml': fixtureCatalogueText(), 'src/ids.ts': BSN });
    client = new TestClient();
    await client.initialize(p.dir);
    const uri = client.open(path.join(p.dir, 'src', 'ids.ts'));
    assert.deepEqual((await client.diagnosticsFor(uri)).map((d) => d.code), ['no-bsn-literal']);
    fs.rmSync(path.join(p.dir, 'avglint.catalogue.yaml'));
    client.change(uri, `${BSN}// edited\n`);
    assert.deepEqual((await client.diagnosticsFor(uri)).map((d) => d.code), ['catalogue/not-found']);
    // And one that comes back (or changes) is used again, also without an event.
    fs.writeFileSync(path.join(p.dir, 'avglint.catalogue.yaml'), fixtureCatalogueText());
    client.change(uri, BSN);
    assert.deepEqual((await client.diagnosticsFor(uri)).map((d) => d.code), ['no-bsn-literal']);
  });
});
