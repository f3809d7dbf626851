/**
 * The server's privacy report request (the VS Code command "avglint: privacy report"): the report model of a folder,
 * from the server's own analysis with observations, equal in its flows and its exceptions (with git blame, through the
 * Node layer's `blameExceptions`) to what `avglint report` builds for the same folder and catalogue.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Report } from '@avglint/rules';
import { projectReport } from 'avglint/dist/report/command';
import { commitAll, GIT_AUTHOR, GIT_DATE } from '../helpers/git';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';
import { copyFixture, FIXTURE_PROJECT, TestClient, uriOf } from './harness';

describe('language server: privacy report', function () {
  this.timeout(120_000);
  let client: TestClient;
  afterEach(async () => client.dispose());
  const project = tempProjectsForSuite();

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

  it('gives each exception the author and date of its line from git blame, as avglint report does', async () => {
    const p = project({
      'avglint.catalogue.yaml': fixtureCatalogueText(),
      'src/export.ts': `export async function exporteer(leerling: { bsn: string }) {
  // eslint-disable-next-line avglint/no-unauthorised-transfer -- proef met Cito (until 2027-01-31)
  await fetch('https://toets.cito.nl/x', { method: 'POST', body: leerling.bsn });
}
`,
    });
    commitAll(p.dir);
    client = new TestClient();
    await client.initialize(p.dir);
    const result = (await client.connection.sendRequest('avglint/report', { folder: uriOf(p.dir) })) as { report?: Report; message?: string };
    assert.ok(result.report, result.message);
    assert.deepEqual(
      result.report.exceptions.map((e) => [e.file, e.line, e.rules, e.reason, e.until, e.author, e.date]),
      [['src/export.ts', 2, ['avglint/no-unauthorised-transfer'], 'proef met Cito', '2027-01-31', GIT_AUTHOR, GIT_DATE]],
    );
    assert.deepEqual(result.report.exceptions, projectReport(p.dir, {}).report?.exceptions);
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
