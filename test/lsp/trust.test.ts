/**
 * The editor takes each rule's severity from the project's ESLint config — but loading `eslint.config.*` runs the
 * workspace's code, so only when the client says the workspace is trusted. The config here leaves a marker file when it
 * is loaded, so the test sees whether it ran.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { FIXTURE_PROJECT, REPO, TestClient } from './harness';

/** Inside the repository, so the config's `import 'eslint-plugin-avglint'` and the workspace's `eslint` resolve. */
function project(): string {
  const base = path.join(REPO, 'test', 'dist', 'lsp-trust');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, 'p-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  fs.copyFileSync(path.join(FIXTURE_PROJECT, 'avglint.catalogue.yaml'), path.join(dir, 'avglint.catalogue.yaml'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'ids.ts'), "export const a = '111222333';\n");
  fs.writeFileSync(
    path.join(dir, 'eslint.config.mjs'),
    [
      "import fs from 'node:fs';",
      "import avglint from 'eslint-plugin-avglint';",
      "fs.writeFileSync(new URL('./config-was-loaded', import.meta.url), 'yes');",
      "export default [{ files: ['**/*.ts'], plugins: { avglint }, rules: { 'avglint/no-bsn-literal': 'warn' } }];",
      '',
    ].join('\n'),
  );
  return dir;
}

async function severityOf(trusted: boolean | undefined): Promise<{ severities: (DiagnosticSeverity | undefined)[]; loaded: boolean }> {
  const dir = project();
  // The editor's own setting says `error`; a trusted workspace's ESLint config says `warn`.
  const client = new TestClient({ severity: 'error' });
  try {
    await client.initialize(dir, trusted === undefined ? undefined : { workspaceTrusted: trusted });
    const diagnostics = await client.diagnosticsFor(client.open(path.join(dir, 'src', 'ids.ts')), 60_000);
    return { severities: diagnostics.map((d) => d.severity), loaded: fs.existsSync(path.join(dir, 'config-was-loaded')) };
  } finally {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('language server: the ESLint config, in a trusted workspace only', function () {
  this.timeout(120_000);

  it('takes the severity from the project\'s ESLint config when the workspace is trusted', async () => {
    assert.deepEqual(await severityOf(true), { severities: [DiagnosticSeverity.Warning], loaded: true });
  });

  it('never loads the config in an untrusted workspace: the editor\'s settings apply', async () => {
    assert.deepEqual(await severityOf(false), { severities: [DiagnosticSeverity.Error], loaded: false });
  });

  it('treats a client that says nothing about trust as untrusted', async () => {
    assert.deepEqual(await severityOf(undefined), { severities: [DiagnosticSeverity.Error], loaded: false });
  });
});
