// The VS Code extension as it ships: `vsce` (VS Code's own packager, offline) lists exactly the
// bundles, the grammar and the manifests, and packages a .vsix; the bundled server (the file
// VS Code starts) speaks LSP over stdio and reports a mistake. `npm run build` builds the bundles.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic } from 'vscode-languageserver/node';
import { repoRoot } from '../golden.js';

const EXT = path.join(repoRoot, 'editors/vscode');
const VSCE = path.join(repoRoot, 'node_modules/.bin/vsce');
const FLAGS = ['--no-dependencies', '--skip-license', '--allow-missing-repository']; // bundled; a private extension

describe('editor: the packaged extension', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-vsix-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('vsce lists only the bundles, the grammar and the manifests, and packages a .vsix', () => {
    const ls = spawnSync(VSCE, ['ls', '--no-dependencies'], { cwd: EXT, encoding: 'utf8' });
    assert.equal(ls.status, 0, ls.stderr);
    assert.deepEqual(ls.stdout.trim().split('\n').sort(), [
      'README.md', 'dist/extension.cjs', 'dist/server.cjs', 'language-configuration.json', 'package.json', 'syntaxes/klp.tmLanguage.json',
    ]);
    const vsix = path.join(tmp, 'klp.vsix');
    const pack = spawnSync(VSCE, ['package', ...FLAGS, '-o', vsix], { cwd: EXT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stdout + pack.stderr);
    assert.ok(fs.statSync(vsix).size > 10_000);
  });

  it('the bundled server answers over stdio and reports a mistake with its code', async () => {
    const child = spawn(process.execPath, [path.join(EXT, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    try {
      const diagnostics = new Promise<Diagnostic[]>((resolve) => client.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Diagnostic[] }) => resolve(p.diagnostics)));
      client.listen();
      const init = await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { serverInfo?: { name: string } };
      assert.equal(init.serverInfo?.name, 'klpc');
      client.sendNotification('initialized', {});
      const uri = pathToFileURL(path.join(tmp, 'a.klp')).href;
      client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'klp', version: 1, text: 'var x: 0..1 = y\n' } });
      assert.deepEqual((await diagnostics).map((d) => d.code), ['KLP2001']);
    } finally {
      client.dispose();
      child.kill();
    }
  });
});
