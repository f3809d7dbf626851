import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FIXTURE_PROJECT, REPO, until, uriOf } from './harness';

describe('language server: stdio', function () {
  // A fresh process builds its program from scratch.
  this.timeout(60_000);
  it('starts with `node server/dist/server.js --stdio`, initializes, diagnoses and exits cleanly', async () => {
    const child = spawn(process.execPath, [path.join(REPO, 'server', 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let exitCode: number | null | undefined;
    child.on('exit', (code) => {
      exitCode = code;
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p);
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: uriOf(FIXTURE_PROJECT), capabilities: { workspace: { configuration: true } } });
      assert.equal(result.serverInfo?.name, 'avglint');
      assert.equal(result.capabilities.hoverProvider, true);
      await connection.sendNotification('initialized', {});
      const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'leerling.ts');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') } });
      const params = await until(() => published.find((p) => p.uri === uriOf(file)), 'diagnostics over stdio', 30_000);
      assert.deepEqual(params.diagnostics.map((d) => d.code), ['no-bsn-literal']);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await until(() => exitCode !== undefined, 'the server process to exit');
      assert.equal(exitCode, 0);
    } finally {
      connection.dispose();
      if (exitCode === undefined) child.kill();
    }
  });
});
