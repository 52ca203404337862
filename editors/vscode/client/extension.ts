// The VS Code side of the klp extension: starts the language server (dist/server.cjs, bundled
// from ../server) for .klp files. Bundled by build.mjs with esbuild; `vscode` is provided by the
// editor at run time. The server holds all the logic, and the tests drive it without an editor.

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const options: LanguageClientOptions = { documentSelector: [{ scheme: 'file', language: 'klp' }] };
  client = new LanguageClient('klp', 'klp language server', server, options);
  return client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
