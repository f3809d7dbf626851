// The extension on the `vscode` API, inside desktop VS Code's extension host (test/e2e/desktop/run.js): the same
// fixture and the same expectations as the code-server tier, read through the API instead of the screen.
/* global describe, it, before */
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { expectedFindings, poll } = require('../../lib/env');

describe('avglint extension on the vscode API (desktop VS Code)', function () {
  this.timeout(120000);
  const workspace = process.env.AVGLINT_DESKTOP_WORKSPACE || vscode.workspace.workspaceFolders[0].uri.fsPath;
  const uri = vscode.Uri.file(path.join(workspace, 'src', 'leerlingen.ts'));
  let document;
  let expected;

  before(async () => {
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    expected = expectedFindings(document.getText());
  });

  const avglint = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'avglint');

  it('publishes one diagnostic per planted violation', async () => {
    const diagnostics = await poll('avglint diagnostics', () => (avglint().length >= expected.length ? avglint() : undefined), { timeoutMs: 90000 });
    const got = diagnostics.map((d) => `${d.range.start.line} ${typeof d.code === 'object' ? d.code.value : d.code}`).sort();
    assert.deepEqual(got, expected.map((e) => `${e.line} ${e.ruleId}`).sort());
  });

  it('explains catalogued data in the hover', async () => {
    const line = document.getText().split('\n').findIndex((l) => /^\s+bsn: string;/.test(l));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Burgerservicenummer \(BSN\)/);
    assert.match(text, /DUO/);
  });

  it('offers and applies "Add `@retention leerlingdossier`"', async () => {
    const retention = avglint().find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'require-retention');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, retention.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title.startsWith('Add `@retention leerlingdossier`'));
    assert.ok(add, actions.map((a) => a.title).join('\n'));
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.match(document.getText(), /@retention leerlingdossier/);
    await poll('the retention diagnostic to go', () => !avglint().some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'require-retention'), { timeoutMs: 30000 });
  });
});
