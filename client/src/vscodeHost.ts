/**
 * The one module of the extension that touches VS Code's singletons (`vscode.window`, `vscode.commands`,
 * `vscode.workspace`). The rest of the extension gets them through these functions, so the host surface is small and
 * in one place to read.
 */
import * as vscode from 'vscode';

export type Disposable = vscode.Disposable;

export function createOutputChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('avglint', { log: true });
}

export function createStatusBarItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('avglint.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'avglint';
  return item;
}

export function registerCommand(command: string, handler: (...args: unknown[]) => unknown): Disposable {
  return vscode.commands.registerCommand(command, handler);
}

/** The active editor's document and cursor, when there is one. */
export function activeLocation(): { uri: string; line: number; character: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  return { uri: editor.document.uri.toString(), line: position.line, character: position.character };
}

export async function revealRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
}

export async function pickOne<T extends vscode.QuickPickItem>(items: readonly T[], placeHolder: string): Promise<T | undefined> {
  return vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
}

export function showInformation(message: string): void {
  void vscode.window.showInformationMessage(message);
}

export function relativePath(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
}

export function themeColor(id: string): vscode.ThemeColor {
  return new vscode.ThemeColor(id);
}
