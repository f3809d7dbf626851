/**
 * Entry of the bundled server in the VS Code extension: always starts. (`server.ts` starts only when it is the main
 * module, so tests can import it; a bundle that included both checks would start two servers on one transport.)
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './start';

startServer(createConnection(ProposedFeatures.all), { crashGuards: true });
