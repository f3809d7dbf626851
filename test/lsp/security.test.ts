/**
 * The language server on hostile repositories and on the repository root, through the Node layer every host shares:
 * a catalogue that leads out of the repository leaves every file with one error and the catalogue with the problem
 * at its position, nothing of the outside file shown; a `.git` folder marks the root as in ESLint and the CLI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { HOSTILE_CASES, SECRET, SECRET_PATTERN } from '../helpers/hostile';
import { fixtureCatalogueText, tempProjectsForSuite } from '../helpers/tempProject';
import { avglintDiagnostics, TestClient } from './harness';

const BSN = "export const bsn = '111222333';\n";

describe('language server: the repository boundary', function () {
  this.timeout(60_000);
  const project = tempProjectsForSuite();
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  for (const c of HOSTILE_CASES) {
    it(`${c.name}: one error on the source file, ${c.code} at ${c.line}:${c.column} in the catalogue, nothing of the file shown`, async () => {
      const outside = project({ 'secret.yaml': SECRET });
      const repo = project({ 'package.json': '{}', 'src/ids.ts': BSN });
      c.arrange(repo, outside);
      client = new TestClient();
      await client.initialize(repo.dir);
      const source = await client.diagnosticsFor(client.open(path.join(repo.dir, 'src', 'ids.ts')));
      assert.deepEqual(avglintDiagnostics(source).map((d) => [d.code, d.line, d.character]), [['catalogue/invalid', 0, 0]]);
      assert.equal(source[0]?.severity, DiagnosticSeverity.Error);
      // One line naming the first problem's place, as ESLint and scan say it; the whole problem in related information.
      assert.ok(String(source[0]?.message).startsWith(`Catalogue avglint.catalogue.yaml:${c.line}:${c.column}: `), String(source[0]?.message));
      const related = source[0]?.relatedInformation ?? [];
      assert.deepEqual(related.map((r) => [r.location.range.start.line + 1, r.location.range.start.character + 1]), [[c.line, c.column]]);
      assert.match(related[0]?.message ?? '', /outside the repository/u);
      assert.doesNotMatch(related[0]?.message ?? '', SECRET_PATTERN);
      // The catalogue as the FG opens it (the editor shows a linked file's own text, but avglint reads none of it).
      const catalogue = path.join(repo.dir, 'avglint.catalogue.yaml');
      const text = c.code === 'catalogue/outside-root' ? 'version: 1\n' : fs.readFileSync(catalogue, 'utf8');
      const own = await client.diagnosticsFor(client.open(catalogue, text));
      assert.deepEqual(avglintDiagnostics(own).map((d) => [d.code, d.line + 1, d.character + 1]), [[c.code, c.line, c.column]]);
      for (const d of [...source, ...own]) assert.doesNotMatch(String(d.message), SECRET_PATTERN);
    });
  }

  it('a `.git` folder is the root `extends` may reach up to, as `package.json` is', async () => {
    const repo = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'groep/base.avglint.catalogue.yaml': fixtureCatalogueText(),
      'scholen/noord/avglint.catalogue.yaml': 'version: 1\nextends: ../../groep/base.avglint.catalogue.yaml\n',
      'scholen/noord/src/ids.ts': BSN,
    });
    client = new TestClient();
    await client.initialize(repo.dir);
    const diagnostics = await client.diagnosticsFor(client.open(path.join(repo.dir, 'scholen', 'noord', 'src', 'ids.ts')));
    assert.deepEqual(avglintDiagnostics(diagnostics).map((d) => [d.code, d.line, d.character]), [['no-bsn-literal', 0, 19]]);
  });
});
