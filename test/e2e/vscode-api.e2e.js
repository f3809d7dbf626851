// The extension's mocha suite on the `vscode` API (test/e2e/desktop/suite/), run inside code-server's extension host
// with client/ as the extension under development, the way @vscode/test-web runs extension tests in a browser: the
// workbench URL's `payload` names extensionDevelopmentPath and extensionTestsPath. The same suite runs in desktop
// VS Code through @vscode/test-electron (test/e2e/desktop/run.js) where VS Code can be downloaded.
/* global describe, it, before, after */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { workspaceDir, poll, repoRoot, e2eDir } = require('./lib/env');
const { startCodeServer } = require('./lib/codeServer');
const wb = require('./lib/workbench');

describe('VS Code extension host (code-server): the extension suite on the vscode API', function () {
  this.timeout(240000);
  const workspace = workspaceDir();
  const resultsFile = path.join(workspace, '.avglint-api-results.json');
  let server;
  let browser;
  let results;

  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'client', 'dist', 'extension.js')), 'the extension is built (npm run build)');
    const stateDir = fs.mkdtempSync(path.join(process.env.AVGLINT_E2E_STATE || os.tmpdir(), 'code-server-api-'));
    server = await startCodeServer({ stateDir, workspace });
    browser = await wb.launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(path.join(repoRoot, 'client'))],
      ['extensionTestsPath', remote(path.join(e2eDir, 'desktop', 'suite', 'index.js'))],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    // The suite writes its outcome into the workspace when mocha ends (desktop/suite/index.js).
    await poll('the extension suite to finish', () => fs.existsSync(resultsFile), { timeoutMs: 180000 });
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    await wb.screenshot(page, 'vscode-api-done');
  });

  after(async () => {
    if (server) server.stop();
    if (browser) await browser.close().catch(() => undefined);
  });

  it('runs every test of the suite in the extension host, and all pass', () => {
    for (const result of results.results) console.log(`      ${result.state === 'passed' ? 'passed' : 'FAILED'}: ${result.title}${result.error ? `\n${result.error}` : ''}`);
    assert.equal(results.results.length, 3, 'diagnostics, hover, quick fix');
    assert.equal(results.failures, 0);
    assert.ok(results.results.every((r) => r.state === 'passed'));
  });
});
