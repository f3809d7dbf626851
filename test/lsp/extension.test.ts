/**
 * The VS Code extension's own logic (client/src), on a stand-in for the `vscode` module and the language client:
 * what it starts, how the status bar reads the server's status, the open-catalogue middleware and the flow walk.
 * The real VS Code runs it in the end-to-end tier (test/e2e).
 */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO } from './harness';

interface FakeStatus {
  text: string;
  tooltip?: string;
  command?: string;
  backgroundColor?: unknown;
  shown: boolean;
  show(): void;
  dispose(): void;
}

interface Middleware {
  executeCommand(command: string, args: unknown[], next: (command: string, args: unknown[]) => unknown): Promise<unknown>;
}

const state = {
  status: undefined as FakeStatus | undefined,
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  activeEditor: undefined as { uri: string; line: number; character: number } | undefined,
  quickPicks: [] as { items: readonly { label: string; description?: string; detail?: string }[]; placeHolder: string }[],
  pick: 0,
  shown: [] as { uri: string; selection: unknown }[],
  clients: [] as FakeClient[],
  trusted: false,
  grantTrust: undefined as (() => unknown) | undefined,
};

class FakeClient {
  readonly notifications = new Map<string, (params: unknown) => void>();
  readonly requests: { method: string; params: unknown }[] = [];
  response: unknown = { steps: [] };
  started = false;
  constructor(readonly id: string, readonly name: string, readonly serverOptions: { run: { module: string; transport: number } }, readonly clientOptions: { documentSelector: unknown[]; middleware: Middleware; synchronize: unknown; initializationOptions: () => unknown }) {
    state.clients.push(this);
  }
  onNotification(method: string, handler: (params: unknown) => void): { dispose(): void } {
    this.notifications.set(method, handler);
    return { dispose: () => undefined };
  }
  async sendRequest(method: string, params: unknown): Promise<unknown> {
    this.requests.push({ method, params });
    return this.response;
  }
  async start(): Promise<void> {
    this.started = true;
  }
  async stop(): Promise<void> {
    this.started = false;
  }
  restarts = 0;
  async restart(): Promise<void> {
    this.restarts += 1;
  }
}

class Range {
  constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {}
}

const fakeVscode = {
  StatusBarAlignment: { Left: 1, Right: 2 },
  ThemeColor: class {
    constructor(readonly id: string) {}
  },
  Range,
  Uri: { parse: (uri: string) => ({ uri, toString: () => uri }) },
  window: {
    createOutputChannel: () => ({ dispose: () => undefined }),
    createStatusBarItem: () => {
      state.status = { text: '', shown: false, show() { this.shown = true; }, dispose: () => undefined };
      return state.status;
    },
    get activeTextEditor() {
      const active = state.activeEditor;
      return active && { document: { uri: { toString: () => active.uri } }, selection: { active: { line: active.line, character: active.character } } };
    },
    showQuickPick: async (items: readonly { label: string }[], options: { placeHolder: string }) => {
      state.quickPicks.push({ items, placeHolder: options.placeHolder });
      return items[state.pick];
    },
    showTextDocument: async (uri: { uri: string }, options: { selection: unknown }) => {
      state.shown.push({ uri: uri.uri, selection: options.selection });
    },
    showInformationMessage: async () => undefined,
  },
  commands: {
    registerCommand: (command: string, handler: (...args: unknown[]) => unknown) => {
      state.commands.set(command, handler);
      return { dispose: () => undefined };
    },
  },
  workspace: {
    asRelativePath: (uri: { uri: string }) => uri.uri.replace('file:///ws/', ''),
    get isTrusted() {
      return state.trusted;
    },
    onDidGrantWorkspaceTrust: (listener: () => unknown) => {
      state.grantTrust = listener;
      return { dispose: () => undefined };
    },
  },
};

const fakeLanguageClient = { LanguageClient: FakeClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } };

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

describe('the VS Code extension (on a stand-in vscode API)', () => {
  // The module system itself (not an import's namespace copy), so the stand-ins replace what the extension requires.
  const load = createRequire(__filename);
  const moduleWithLoad = load('node:module') as { _load: Load };
  const originalLoad = moduleWithLoad._load;
  let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };

  before(async () => {
    moduleWithLoad._load = function (request, parent, isMain) {
      if (request === 'vscode') return fakeVscode;
      if (request === 'vscode-languageclient/node') return fakeLanguageClient;
      return originalLoad.call(this, request, parent, isMain);
    };
    extension = load(path.join(REPO, 'client', 'dist', 'tsc', 'extension.js')) as typeof extension;
    await extension.activate({ subscriptions: [], asAbsolutePath: (p: string) => path.join('/ext', p) });
  });
  after(async () => {
    await extension.deactivate();
    moduleWithLoad._load = originalLoad;
  });

  it('starts the bundled server over node IPC for TS/JS files and catalogues, with the avglint settings', () => {
    const client = state.clients[0];
    assert.ok(client?.started);
    assert.equal(client.id, 'avglint');
    assert.deepEqual(client.serverOptions.run, { module: path.join('/ext', 'dist', 'server.js'), transport: 1 });
    assert.deepEqual(client.clientOptions.documentSelector, [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      { scheme: 'file', pattern: '**/*avglint.catalogue.{yaml,yml}' },
      { scheme: 'file', pattern: '**/*.prisma' },
    ]);
    assert.deepEqual(client.clientOptions.synchronize, { configurationSection: 'avglint' });
    // The server may load the project's ESLint config (workspace code) only when VS Code trusts the workspace; trust
    // granted later restarts the client, which asks again.
    assert.deepEqual(client.clientOptions.initializationOptions(), { workspaceTrusted: false });
    state.trusted = true;
    state.grantTrust?.();
    assert.equal(client.restarts, 1);
    assert.deepEqual(client.clientOptions.initializationOptions(), { workspaceTrusted: true });
    assert.equal(state.status?.shown, true);
    assert.equal(state.status?.command, 'avglint.openCatalogue');
  });

  it('shows the catalogue state from avglint/status in the status bar', () => {
    const notify = state.clients[0]?.notifications.get('avglint/status');
    assert.ok(notify);
    notify({ state: 'broken', problems: 3, servingLastGood: true, message: 'avglint: avglint.catalogue.yaml has 3 error(s); the last valid version is still used' });
    assert.equal(state.status?.text, '$(warning) avglint: catalogue: 3 problem(s)');
    assert.match(state.status?.tooltip ?? '', /last valid version/);
    assert.equal((state.status?.backgroundColor as { id?: string } | undefined)?.id, 'statusBarItem.warningBackground');
    notify({ state: 'loaded', problems: 0, servingLastGood: false, message: 'avglint: loaded' });
    assert.equal(state.status?.text, '$(shield) avglint: catalogue loaded');
    assert.equal(state.status?.backgroundColor, undefined);
    notify({ state: 'missing', problems: 0, servingLastGood: false, message: 'none' });
    assert.equal(state.status?.text, '$(warning) avglint: no catalogue');
  });

  it('opens the catalogue of the active editor when the command comes without an argument', async () => {
    const middleware = state.clients[0]?.clientOptions.middleware;
    assert.ok(middleware);
    const calls: unknown[][] = [];
    const next = (command: string, args: unknown[]): unknown => calls.push([command, args]);
    state.activeEditor = { uri: 'file:///ws/src/a.ts', line: 0, character: 0 };
    await middleware.executeCommand('avglint.openCatalogue', [], next);
    await middleware.executeCommand('avglint.openCatalogue', [{ uri: 'file:///ws/src/b.ts' }], next);
    await middleware.executeCommand('avglint.scanWorkspace', [], next);
    assert.deepEqual(calls, [
      ['avglint.openCatalogue', [{ uri: 'file:///ws/src/a.ts' }]],
      ['avglint.openCatalogue', [{ uri: 'file:///ws/src/b.ts' }]],
      ['avglint.scanWorkspace', []],
    ]);
  });

  it('walks the flow of the finding under the cursor: pick a step, go there', async () => {
    const client = state.clients[0];
    const showFlow = state.commands.get('avglint.showFlow');
    assert.ok(client && showFlow);
    const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });
    client.response = {
      rule: 'no-unauthorised-transfer',
      steps: [
        { kind: 'source', uri: 'file:///ws/src/a.ts', range: range(3), description: 'reads `l.bsn`' },
        { kind: 'sink', uri: 'file:///ws/src/client.ts', range: range(7), description: 'sent by `fetch`' },
      ],
    };
    state.activeEditor = { uri: 'file:///ws/src/a.ts', line: 3, character: 4 };
    state.pick = 1;
    await showFlow();
    assert.deepEqual(client.requests.at(-1), { method: 'avglint/showFlow', params: { textDocument: { uri: 'file:///ws/src/a.ts' }, position: { line: 3, character: 4 } } });
    assert.deepEqual(state.quickPicks.at(-1)?.items.map((i) => [i.label, i.description, i.detail]), [
      ['1. source', 'reads `l.bsn`', 'src/a.ts:4:3'],
      ['2. sink', 'sent by `fetch`', 'src/client.ts:8:3'],
    ]);
    assert.equal(state.quickPicks.at(-1)?.placeHolder, 'avglint/no-unauthorised-transfer: the flow from source to sink');
    assert.deepEqual(state.shown.at(-1), { uri: 'file:///ws/src/client.ts', selection: new Range(7, 2, 7, 9) });
  });
});
