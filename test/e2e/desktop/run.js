#!/usr/bin/env node
// The extension's mocha suite on the `vscode` API, in desktop VS Code, through Microsoft's @vscode/test-electron. It
// downloads a VS Code build, so it runs only where that download is reachable (not on avglint's CI machines, which
// reach only the npm registry and Debian; there the code-server tier, test/e2e/vscode.e2e.js, covers the same ground
// through the UI). See docs/testing-e2e.md.
//
//   npm install --no-save @vscode/test-electron@3.1.0 && npm run build && node test/e2e/desktop/run.js
//   (on Linux without a display: xvfb-run -a node test/e2e/desktop/run.js)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot, makeWorkspace } = require('../lib/env');

async function main() {
  let testElectron;
  try {
    testElectron = require('@vscode/test-electron');
  } catch {
    console.error('@vscode/test-electron is not installed: npm install --no-save @vscode/test-electron@3.1.0');
    return 2;
  }
  const extensionDevelopmentPath = path.join(repoRoot, 'client');
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'dist', 'extension.js'))) {
    console.error('client/dist/extension.js is missing: run `npm run build` first');
    return 2;
  }
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-desktop-'));
  try {
    const workspace = makeWorkspace(stateDir);
    await testElectron.runTests({
      version: process.env.AVGLINT_VSCODE_VERSION || '1.100.3',
      extensionDevelopmentPath,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { AVGLINT_DESKTOP_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', '--user-data-dir', path.join(stateDir, 'user-data')],
    });
    return 0;
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
