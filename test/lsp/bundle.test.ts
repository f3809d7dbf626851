import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FIXTURE_PROJECT, REPO, until, uriOf } from './harness';

const BUNDLE = path.join(REPO, 'client', 'dist', 'server.js');

describe('the bundled server in the extension', function () {
  // A fresh process builds its program from scratch.
  this.timeout(60_000);

  it('runs over node IPC, as VS Code starts it, with TypeScript and its lib files inside the extension', async () => {
    assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` (it bundles the client)`);
    assert.ok(fs.existsSync(path.join(path.dirname(BUNDLE), 'lib.es2022.d.ts')), 'TypeScript lib files next to the bundle');
    const child = fork(BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let exitCode: number | null | undefined;
    child.on('exit', (code) => {
      exitCode = code;
    });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p);
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: uriOf(FIXTURE_PROJECT), capabilities: { workspace: { configuration: true } } });
      assert.equal(result.serverInfo?.name, 'avglint');
      await connection.sendNotification('initialized', {});
      // A transfer through a helper module needs the program (and its lib files) to be found.
      const file = path.join(FIXTURE_PROJECT, 'src', 'lsp', 'aanmelding.ts');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') } });
      const params = await until(() => published.find((p) => p.uri === uriOf(file)), 'diagnostics over IPC', 45_000);
      assert.deepEqual(params.diagnostics.map((d) => [d.code, d.relatedInformation?.length]), [['no-unauthorised-transfer', 3]]);
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
