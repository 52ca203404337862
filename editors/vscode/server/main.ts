// The server's entry point in VS Code: the client starts it as a Node process and they speak LSP
// over the transport its command line names (--node-ipc or --stdio).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all));
