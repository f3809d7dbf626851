/**
 * The avglint language server. Any editor starts it with `node server/dist/server.js --stdio`; the VS Code extension
 * starts the bundled copy over node IPC (`--node-ipc`). `createConnection` picks the transport from the arguments.
 * Tests import `startServer` and run it in-process over streams.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './start';

export { startServer, pathToUri, uriToPath, type ServerOptions } from './start';
export * from './protocol';

/** Starts the server on the transport named on the command line. */
export function main(): void {
  startServer(createConnection(ProposedFeatures.all), { crashGuards: true });
}

if (require.main === module) main();
