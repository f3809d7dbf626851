/**
 * The server's privacy report request (the VS Code command "avglint: privacy report"): the report model of a folder,
 * from the server's own analysis with observations, equal in its flows to what `avglint report` builds for the same
 * folder and catalogue.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Report } from '@avglint/rules';
import { projectReport } from 'avglint/dist/report/command';
import { copyFixture, FIXTURE_PROJECT, TestClient, uriOf } from './harness';

describe('language server: privacy report', function () {
  this.timeout(120_000);
  let client: TestClient;
  afterEach(async () => client.dispose());

  it('returns the report model of the folder, with the same flows as avglint report', async () => {
    const folder = copyFixture(FIXTURE_PROJECT);
    client = new TestClient();
    await client.initialize(folder);
    const result = (await client.connection.sendRequest('avglint/report', { folder: uriOf(folder) })) as { report?: Report; folder?: string; message?: string };
    assert.ok(result.report, result.message);
    assert.equal(result.folder, folder);
    const report = result.report;
    assert.ok(report.summary.flows > 0, 'the fixture sends personal data');
    assert.ok(report.summary.notAllowed > 0, 'the fixture plants transfers that are not allowed');
    assert.deepEqual(report.catalogueFiles, ['avglint.catalogue.yaml']);
    const cli = projectReport(folder, {}).report;
    assert.ok(cli);
    const flows = (r: Report): string[] =>
      r.categories.flatMap((c) => c.items.filter((i) => i.action === 'transfer' || i.action === 'log').map((i) => `${c.id} ${i.file}:${i.line} ${i.action} ${i.to ?? ''} ${i.allowed}`)).sort();
    assert.deepEqual(flows(report), flows(cli));
    assert.deepEqual(report.agreements, cli.agreements);
  });

  it('says why when the folder has no catalogue', async () => {
    const folder = copyFixture(path.join(FIXTURE_PROJECT, 'src', 'lsp'));
    client = new TestClient();
    await client.initialize(folder);
    const result = (await client.connection.sendRequest('avglint/report', { folder: uriOf(folder) })) as { report?: Report; message?: string };
    assert.equal(result.report, undefined);
    assert.match(result.message ?? '', /no usable catalogue/u);
  });
});
