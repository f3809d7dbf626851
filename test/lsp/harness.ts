/**
 * An in-process LSP client for the server: two PassThrough streams connect a vscode-jsonrpc client connection to
 * `startServer`, so the tests speak the real protocol without a child process. Waits poll a condition; none sleeps
 * for a fixed time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { startServer, type ServerOptions } from '@avglint/server';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const FIXTURE_PROJECT = path.join(REPO, 'test', 'fixtures', 'project');

export function uriOf(fileName: string): string {
  return URI.file(fileName).toString();
}

export interface StatusParams {
  readonly state: string;
  readonly catalogue?: string;
  readonly problems: number;
  readonly servingLastGood: boolean;
  readonly message: string;
}

/** Polls `condition` until it holds or `timeoutMs` passes; the message says what was awaited. */
export async function until<T>(condition: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // A short poll interval, not a wait for the result: the condition is checked again until it holds.
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.ts', 'typescript', 0, text), [...edits]);
}

/** A temporary copy of a fixture folder, for tests that change files. */
export function copyFixture(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-lsp-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

export class TestClient {
  readonly connection: MessageConnection;
  /** Latest diagnostics per URI, with the document version they were computed for. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every diagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly shownDocuments: { uri: string; selection?: unknown }[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  settings: Record<string, unknown>;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  constructor(settings: Record<string, unknown> = {}, options: ServerOptions = {}) {
    this.settings = { debounceMs: 20, ...settings };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(serverConnection, options);
    this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
    });
    this.connection.onNotification('avglint/status', (params: StatusParams) => {
      this.statuses.push(params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showDocument', (params: { uri: string; selection?: unknown }) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.listen();
  }

  async initialize(rootFolder: string, initializationOptions?: Record<string, unknown>): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: null,
      ...(initializationOptions ? { initializationOptions } : {}),
      rootUri: uriOf(rootFolder),
      workspaceFolders: [{ uri: uriOf(rootFolder), name: path.basename(rootFolder) }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(fileName: string, text = fs.readFileSync(fileName, 'utf8')): string {
    const uri = uriOf(fileName);
    const languageId = fileName.endsWith('.yaml') || fileName.endsWith('.yml') ? 'yaml' : /\.[mc]?jsx?$/.test(fileName) ? 'javascript' : 'typescript';
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit; returns the new version. */
  edit(uri: string, edit: TextEdit): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', [edit]));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    return version;
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The diagnostics published for the document's current version. */
  async diagnosticsFor(uri: string, timeoutMs?: number): Promise<Diagnostic[]> {
    const version = this.version(uri);
    const params = await until(() => {
      const latest = this.diagnostics.get(uri);
      return latest && (latest.version === undefined || latest.version === version) ? latest : undefined;
    }, `diagnostics for ${uri} version ${version}`, timeoutMs);
    return params.diagnostics;
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
    } finally {
      // No `exit` notification: it would end the test process. Disposing the connection ends the streams.
      this.connection.dispose();
    }
  }
}

export function avglintDiagnostics(diagnostics: readonly Diagnostic[]): { code: string; line: number; character: number; endLine: number; endCharacter: number }[] {
  return diagnostics.map((d) => ({ code: String(d.code), line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character }));
}
