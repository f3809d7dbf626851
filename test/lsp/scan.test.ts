import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, FIXTURE_PROJECT, TestClient, until, uriOf } from './harness';

interface ScanResult {
  files: number;
  findings: number;
  problems: number;
  cancelled: boolean;
}

describe('language server: workspace scan', () => {
  let client: TestClient;
  let folder: string;
  beforeEach(async () => {
    folder = copyFixture(FIXTURE_PROJECT);
    client = new TestClient();
    await client.initialize(folder);
  });
  afterEach(async () => {
    await client.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('analyses files that are not open, with work-done progress, through the command', async () => {
    fs.writeFileSync(path.join(folder, 'src', 'extra.ts'), "export const a = '999999990';\n");
    const result = await client.connection.sendRequest<ScanResult>('workspace/executeCommand', { command: 'avglint.scanWorkspace', arguments: [] });
    const sources = ['src/file.ts', 'src/react.tsx', 'src/extra.ts', 'src/lsp/leerling.ts', 'src/lsp/untyped.js'].filter((f) => fs.existsSync(path.join(folder, f)));
    assert.ok(result.files >= sources.length, `scanned ${result.files} files`);
    assert.equal(result.cancelled, false);
    assert.ok(result.findings >= 3, `found ${result.findings}`);
    for (const [file, rule] of [['src/extra.ts', 'no-bsn-literal'], ['src/lsp/leerling.ts', 'no-bsn-literal'], ['src/lsp/untyped.js', 'no-bsn-literal'], ['src/lsp/uitgeverij.ts', 'no-unauthorised-transfer']] as const) {
      const published = client.diagnostics.get(uriOf(path.join(folder, file)));
      assert.ok(published?.diagnostics.some((d) => d.code === rule), `${file}: ${JSON.stringify(published)}`);
    }
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.ok(kinds.includes('report'));
  });

  it('answers the avglint/scanWorkspace request for a folder, counting open files too', async () => {
    const uri = client.open(path.join(folder, 'src', 'lsp', 'leerling.ts'));
    await client.diagnosticsFor(uri);
    const result = await client.connection.sendRequest<ScanResult>('avglint/scanWorkspace', { folders: [uriOf(path.join(folder, 'src', 'lsp'))] });
    // leerling.ts (open: one BSN literal), uitgeverij.ts and aanmelding.ts (one transfer each), verzend.ts (none) and
    // untyped.js (one BSN literal).
    assert.deepEqual(result, { files: 5, findings: 4, problems: 0, cancelled: false });
    await until(() => client.diagnostics.get(uriOf(path.join(folder, 'src', 'lsp', 'untyped.js'))), 'diagnostics for the file that is not open');
  });
});
