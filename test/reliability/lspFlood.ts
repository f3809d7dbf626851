/**
 * The language server under an edit flood: the real server in a child process over stdio, as an editor starts it;
 * thousands of small edits sent as fast as the pipe takes them; then the diagnostics for the final text must equal
 * what a fresh server reports for that text, the server must still be alive, and its resident memory must stay under
 * twice what it was after the first analysis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { Random } from './generators';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(REPO, 'server', 'dist', 'server.js');
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'project');

class ServerProcess {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  exited = false;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.on('exit', () => (this.exited = true));
    if (!this.child.stdout || !this.child.stdin) throw new Error('no stdio for the server');
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void this.latest.set(params.uri, params));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 20 })));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(root: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(root).toString(),
      workspaceFolders: [{ uri: URI.file(root).toString(), name: 'flood' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resident memory of the server process in MB, from /proc (undefined where there is none). */
  rssMb(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
    } catch {
      return undefined;
    }
  }

  async diagnostics(uri: string, version: number, timeoutMs: number): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.latest.get(uri);
      if (latest && latest.version === version) return latest.diagnostics;
      if (this.exited) throw new Error('the server exited');
      if (Date.now() > deadline) throw new Error(`no diagnostics for version ${version} within ${timeoutMs} ms`);
      // Polling for the condition, not waiting for a result: checked again until it holds.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    if (!this.exited) this.child.kill();
  }
}

export interface FloodReport {
  readonly edits: number;
  readonly seconds: number;
  readonly alive: boolean;
  readonly equalToFresh: boolean;
  readonly rssAfterFirstMb?: number;
  readonly rssAfterFloodMb?: number;
  readonly finalDiagnostics: number;
  readonly difference?: string;
}

function key(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
}

/** Starting text: a file with findings of several rules, so every edit changes what is reported. */
const START = [
  "import type { Leerling } from './flow-types';",
  'export function toon(l: Leerling) {',
  '  console.log(l.bsn);',
  "  void fetch('https://api.onbekend.example/x', { method: 'POST', body: JSON.stringify({ naam: l.naam }) });",
  '  return l.dossier?.datum;',
  '}',
  '',
].join('\n');

const INSERTS = ['l.bsn', ' ', '\n', ';', 'console.log(l.naam);\n', '(', ')', '{', '}', "'111222333'", 'leerling', '.', 'x'];

export async function editFlood(edits: number, seed = 13): Promise<FloodReport> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'avglint-flood-'));
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  const file = path.join(workspace, 'src', 'flood.ts');
  fs.writeFileSync(file, START);
  const uri = URI.file(file).toString();
  const random = new Random(seed);
  const server = new ServerProcess();
  const began = Date.now();
  let text = START;
  let report: FloodReport;
  try {
    await server.initialize(workspace);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await server.diagnostics(uri, 1, 120_000);
    const rssAfterFirstMb = server.rssMb();
    let version = 1;
    for (let i = 0; i < edits; i++) {
      const offset = random.int(text.length + 1);
      const remove = random.next() < 0.4 ? Math.min(text.length - offset, 1 + random.int(6)) : 0;
      const insert = remove > 0 && random.next() < 0.5 ? '' : random.pick(INSERTS);
      const start = positionAt(text, offset);
      const end = positionAt(text, offset + remove);
      text = text.slice(0, offset) + insert + text.slice(offset + remove);
      version++;
      // Not awaited one by one: a flood, as fast as the pipe takes it.
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: insert }] });
    }
    const flooded = await server.diagnostics(uri, version, 300_000);
    const rssAfterFloodMb = server.rssMb();
    const fresh = new ServerProcess();
    let freshDiagnostics: Diagnostic[];
    try {
      await fresh.initialize(workspace);
      await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
      freshDiagnostics = await fresh.diagnostics(uri, 1, 120_000);
    } finally {
      await fresh.stop();
    }
    const a = flooded.map(key).sort();
    const b = freshDiagnostics.map(key).sort();
    const equalToFresh = JSON.stringify(a) === JSON.stringify(b);
    report = {
      edits,
      seconds: Math.round((Date.now() - began) / 100) / 10,
      alive: !server.exited,
      equalToFresh,
      rssAfterFirstMb,
      rssAfterFloodMb,
      finalDiagnostics: flooded.length,
      ...(equalToFresh ? {} : { difference: `flooded: ${a.filter((x) => !b.includes(x)).join(' | ')} — fresh: ${b.filter((x) => !a.includes(x)).join(' | ')}` }),
    };
  } finally {
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  return report;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}
