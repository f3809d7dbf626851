// Entry point VS Code's extension host calls for `--extensionTestsPath`: runs the mocha suite beside it and resolves
// when it passed, rejects when it did not.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');
const vscode = require('vscode');

function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const results = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // In code-server the extension host's output is not the test's: the outcome is also written into the workspace,
      // where test/e2e/vscode-api.e2e.js reads it.
      const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
      if (folder) fs.writeFileSync(path.join(folder.uri.fsPath, '.avglint-api-results.json'), JSON.stringify({ failures, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error) => results.push({ title: test.fullTitle(), state: 'failed', error: String(error && error.stack || error) }));
  });
}

module.exports = { run };
