// A stand-in for the avglint extension that publishes a warning for every `// expect: avglint/<rule>` comment, a hover
// on `bsn` and an "Add `@retention …`" quick fix, the way the real extension presents them. It exists so that a broken
// harness and a broken extension can be told apart (`node test/e2e/run.js --harness`).
const vscode = require('vscode');

function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('avglint');
  const refresh = (document) => {
    if (!['typescript', 'javascript'].includes(document.languageId)) return;
    const diagnostics = [];
    for (let line = 0; line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      const match = /\/\/ expect: (.*)$/.exec(text);
      if (!match) continue;
      for (const id of match[1].split(',').map((s) => s.trim().replace(/^avglint\//, ''))) {
        if (id === 'require-retention' && line > 0 && /^\s*\/\*\*\s*@retention /.test(document.lineAt(line - 1).text)) continue;
        const start = document.lineAt(line).firstNonWhitespaceCharacterIndex;
        const end = text.indexOf('//');
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, Math.max(start + 1, end - 1)),
          `Harness finding ${diagnostics.length + 1} for ${id}.`, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'avglint';
        diagnostic.code = id;
        diagnostics.push(diagnostic);
      }
    }
    collection.set(document.uri, diagnostics);
  };
  context.subscriptions.push(collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.languages.registerHoverProvider(['typescript', 'javascript'], {
      provideHover(document, position) {
        const range = document.getWordRangeAtPosition(position);
        if (!range || document.getText(range).toLowerCase() !== 'bsn') return undefined;
        return new vscode.Hover(new vscode.MarkdownString('**Burgerservicenummer (BSN)** (harness)\n\nBewaartermijn: Leerlingdossier\n\nProcessors allowed: DUO'), range);
      },
    }),
    vscode.languages.registerCodeActionsProvider(['typescript', 'javascript'], {
      provideCodeActions(document, _range, context) {
        return context.diagnostics.filter((d) => d.code === 'require-retention').map((d) => {
          const action = new vscode.CodeAction('Add `@retention leerlingdossier` (Leerlingdossier)', vscode.CodeActionKind.QuickFix);
          action.diagnostics = [d];
          action.edit = new vscode.WorkspaceEdit();
          action.edit.insert(document.uri, new vscode.Position(d.range.start.line, 0), '/** @retention leerlingdossier */\n');
          return action;
        });
      },
    }));
  vscode.workspace.textDocuments.forEach(refresh);
}

module.exports = { activate, deactivate() {} };
