/**
 * The editor benchmark: open the corpus's 1,000-line file, apply the same sequence of edits one after another, and
 * time each edit until its diagnostics arrive, in
 *  - the avglint language server (LSP over stdio: didOpen, didChange → publishDiagnostics for that version);
 *  - TypeScript's own LanguageService (getSemanticDiagnostics after each edit; a child process, ls-baseline.ts);
 *  - tsserver (change + geterr → semanticDiag), for peak memory on the same project and as a second reference.
 * Peak memory is VmHWM from /proc/<pid>/status of each process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { applyEdit, editText, vmHwmMb, type EditorRun, type EditPlan } from './edits';

export { applyEdit, editText, vmHwmMb, type EditorRun, type EditPlan } from './edits';

/** Samples VmHWM while the process lives, so a process that dies early still has a figure. */
class MemorySampler {
  peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
  }

  sample(): void {
    const mb = vmHwmMb(this.pid);
    if (mb !== undefined && mb > this.peak) this.peak = mb;
  }

  stop(): number {
    this.sample();
    clearInterval(this.timer);
    return this.peak;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The avglint language server.

export interface ServerOptions {
  readonly serverScript: string;
  readonly root: string;
  readonly catalogue: string;
  readonly plan: EditPlan;
  /** The server's debounce; 0 measures the analysis itself, the editor default (200 ms) adds a fixed wait. */
  readonly debounceMs: number;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

export async function runServer(options: ServerOptions): Promise<EditorRun> {
  const { plan, root } = options;
  const child = spawn(process.execPath, [options.serverScript, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  if (!child.stdout || !child.stdin || !child.stderr || child.pid === undefined) throw new Error('could not start the language server');
  const sampler = new MemorySampler(child.pid);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the language server exited (${code}): ${stderr.slice(-2000)}`))));
  exited.catch(() => undefined);
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(path.join(root, plan.file)).href;
  const waiting = new Map<number, (count: number) => void>();
  let lastCount = 0;
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: unknown[] }) => {
    if (params.uri !== uri) return;
    lastCount = params.diagnostics.length;
    if (params.version !== undefined) {
      waiting.get(params.version)?.(params.diagnostics.length);
      waiting.delete(params.version);
    } else {
      // A server that does not send versions: the first publication after the edit answers it.
      for (const [version, resolve] of waiting) {
        resolve(params.diagnostics.length);
        waiting.delete(version);
      }
    }
  });
  // Requests the server may make of a client; answered so it never waits on us.
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const diagnosticsFor = (version: number): Promise<number> =>
    Promise.race([withTimeout(new Promise<number>((resolve) => waiting.set(version, resolve)), options.timeoutMs, `diagnostics for version ${version}`), exited]);

  try {
    await Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
        initializationOptions: { settings: { catalogue: options.catalogue, debounceMs: options.debounceMs, severity: 'error' } },
      }),
      exited,
    ]);
    await connection.sendNotification('initialized', {});

    let text = fs.readFileSync(path.join(root, plan.file), 'utf8');
    let version = 1;
    let started = performance.now();
    const opened = diagnosticsFor(version);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
    await opened;
    const openMs = performance.now() - started;
    options.log(`    server: open → diagnostics ${openMs.toFixed(0)} ms (${lastCount} diagnostics)`);

    const editMs: number[] = [];
    for (let k = 1; k <= plan.edits; k++) {
      version++;
      text = applyEdit(text, plan, k);
      const at = { line: plan.insertAfterLine + 1, character: 0 };
      const published = diagnosticsFor(version);
      started = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, text: editText(k) }],
      });
      await published;
      editMs.push(performance.now() - started);
    }
    const peakRssMb = sampler.stop();
    await Promise.race([connection.sendRequest('shutdown'), exited]).catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    return { openMs, editMs, diagnostics: lastCount, peakRssMb };
  } finally {
    sampler.stop();
    connection.dispose();
    await stop(child);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// tsserver, driven through its own protocol (JSON requests on stdin, Content-Length framed messages on stdout).

interface TsServerMessage {
  readonly type: 'response' | 'event';
  readonly event?: string;
  readonly command?: string;
  readonly request_seq?: number;
  readonly success?: boolean;
  readonly message?: string;
  readonly body?: { readonly file?: string; readonly diagnostics?: unknown[]; readonly request_seq?: number };
}

export async function runTsServer(options: { root: string; plan: EditPlan; timeoutMs: number; log: (line: string) => void }): Promise<EditorRun> {
  const { plan, root } = options;
  const tsserver = require.resolve('typescript/lib/tsserver.js');
  const child = spawn(process.execPath, [tsserver, '--disableAutomaticTypingAcquisition'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  if (!child.stdout || !child.stdin || child.pid === undefined) throw new Error('could not start tsserver');
  const sampler = new MemorySampler(child.pid);
  const file = path.join(root, plan.file);
  const listeners = new Set<(message: TsServerMessage) => void>();
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const match = /Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString());
      if (!match) {
        buffer = buffer.subarray(header + 4);
        continue;
      }
      const length = Number(match[1]);
      if (buffer.length < header + 4 + length) return;
      const body = buffer.subarray(header + 4, header + 4 + length).toString();
      buffer = buffer.subarray(header + 4 + length);
      const message = JSON.parse(body) as TsServerMessage;
      for (const listener of listeners) listener(message);
    }
  });
  child.stderr?.resume();
  let seq = 0;
  const send = (command: string, args: unknown): number => {
    seq++;
    child.stdin?.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return seq;
  };
  /** geterr, then wait for the semantic diagnostics of the file. */
  const semanticDiagnostics = (): Promise<number> =>
    withTimeout(
      new Promise<number>((resolve) => {
        const listener = (message: TsServerMessage): void => {
          if (message.type === 'event' && message.event === 'semanticDiag' && message.body?.file === file) {
            listeners.delete(listener);
            resolve(message.body.diagnostics?.length ?? 0);
          }
        };
        listeners.add(listener);
        send('geterr', { files: [file], delay: 0 });
      }),
      options.timeoutMs,
      'tsserver semanticDiag',
    );

  try {
    let text = fs.readFileSync(file, 'utf8');
    let started = performance.now();
    send('open', { file, fileContent: text, scriptKindName: 'TS', projectRootPath: root });
    let diagnostics = await semanticDiagnostics();
    const openMs = performance.now() - started;
    options.log(`    tsserver: open → semantic diagnostics ${openMs.toFixed(0)} ms`);
    const editMs: number[] = [];
    for (let k = 1; k <= plan.edits; k++) {
      text = applyEdit(text, plan, k);
      const line = plan.insertAfterLine + 2;
      started = performance.now();
      send('change', { file, line, offset: 1, endLine: line, endOffset: 1, insertString: editText(k) });
      diagnostics = await semanticDiagnostics();
      editMs.push(performance.now() - started);
    }
    return { openMs, editMs, diagnostics, peakRssMb: sampler.stop() };
  } finally {
    sampler.stop();
    send('exit', {});
    await stop(child);
  }
}
