import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem } from '@avglint/server/dist/host';
import type { Hover } from 'vscode-languageserver-protocol';
import { copyFixture, FIXTURE_PROJECT, TestClient, until } from './harness';

describe('language server: one failure is not a dead server', () => {
  let client: TestClient;
  let folder: string;
  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports a failing analysis on the file, logs it, and keeps serving other files', async () => {
    folder = copyFixture(FIXTURE_PROJECT);
    const broken = path.join(folder, 'src', 'broken');
    fs.mkdirSync(broken);
    // A file system that fails while the server looks for this folder's tsconfig, as a flaky network drive might.
    const fileSystem = {
      ...nodeFileSystem,
      fileExists(fileName: string): boolean {
        if (fileName.startsWith(broken + path.sep) && fileName.endsWith('tsconfig.json')) throw new Error('EIO: i/o error');
        return nodeFileSystem.fileExists(fileName);
      },
    };
    client = new TestClient({}, { fileSystem });
    await client.initialize(folder);
    const bad = client.open(path.join(broken, 'a.ts'), "export const a = '123456782';\n");
    const diagnostics = await client.diagnosticsFor(bad);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['analysis/internal-error', 0]]);
    assert.match(String(diagnostics[0]?.message), /EIO: i\/o error/);
    await until(() => client.logs.find((l) => /analysing .*a\.ts failed: Error: EIO/.test(l)), 'the failure in the log');

    const good = client.open(path.join(folder, 'src', 'lsp', 'leerling.ts'));
    assert.deepEqual((await client.diagnosticsFor(good)).map((d) => d.code), ['no-bsn-literal']);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: bad }, position: { line: 0, character: 20 } });
    assert.equal(hover, null);
  });

  it('answers requests for unknown documents and unknown commands without failing', async () => {
    folder = copyFixture(FIXTURE_PROJECT);
    client = new TestClient();
    await client.initialize(folder);
    const uri = 'file:///nowhere/x.ts';
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'avglint.nope', arguments: [] }), null);
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'avglint.openCatalogueEntry', arguments: [42] }), false);
    assert.deepEqual(await client.connection.sendRequest('avglint/showFlow', { textDocument: { uri }, position: { line: 0, character: 0 } }), { steps: [] });
  });
});
