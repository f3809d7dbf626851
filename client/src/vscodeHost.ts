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

/** The folder of the active editor's document, else the first workspace folder, as a URI. */
export function activeFolder(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active ? vscode.workspace.getWorkspaceFolder(active) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.toString();
}

/** Opens a file at a 0-based line. */
export async function openFileAt(file: string, line: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line), 0);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), preview: true });
}

/** A webview beside the editor with scripts on (the page's filters) and no local resources; messages go to `onMessage`. */
export function showWebview(title: string, html: string, onMessage: (message: unknown) => void): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('avglint.report', title, vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = html;
  panel.webview.onDidReceiveMessage(onMessage);
  return panel;
}

/** Whether the user trusts this workspace: only then may the server run its code (its ESLint config). */
export function isWorkspaceTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

/** Calls `listener` once the user grants the workspace trust. */
export function onWorkspaceTrusted(listener: () => unknown): Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(listener);
}
