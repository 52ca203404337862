// The klp language server, driven over LSP messages as an editor would, with no editor: the
// server runs in process on in-memory streams, a JSON-RPC client sends initialize, didOpen,
// didChange, hover, definition, documentSymbol, completion and formatting, and reads the
// published diagnostics. The variant and its base are real files in a scratch folder.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createConnection, createMessageConnection, StreamMessageReader, StreamMessageWriter,
  type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Location, type MarkupContent, type MessageConnection, type TextEdit,
} from 'vscode-languageserver/node';
import { startServer } from '../../editors/vscode/server/server.js';

const BASE = `const N = 2
var x: 0..N = 0
lock m

process worker(w: 1..N) {
  var seen: 0..N = 0
  take:
    lock(m);
    seen := x;
  put:
    x := seen + 1;
    unlock(m);
}

invariant Bounded: forall w in 1..N: worker[w]@done => x > 0
`;

const VARIANT = `variant of "base.klp"
replace step worker.put {
  put:
    x := seen;
    goto take;
}
invariant AtPut: worker[1]@put => x <= N
`;

export function lspPair(): MessageConnection {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.listen();
  return client;
}

// Line and column (0-based) of the n-th occurrence of `needle` in `text`, plus `delta` columns.
function at(text: string, needle: string, delta = 0, n = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i);
  return { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 + delta };
}

describe('editor: language server over LSP', function () {
  this.timeout(20000);
  let dir: string;
  let client: MessageConnection;
  let baseUri: string;
  let variantUri: string;
  const published = new Map<string, Diagnostic[][]>();

  // the next diagnostics published for `uri` after `action`
  async function diagnosticsAfter(uri: string, action: () => void): Promise<Diagnostic[]> {
    const seen = published.get(uri)?.length ?? 0;
    action();
    for (let i = 0; i < 200; i++) {
      const all = published.get(uri) ?? [];
      if (all.length > seen) return all[all.length - 1]!;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no diagnostics for ${uri}`);
  }

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-lsp-')));
    fs.writeFileSync(path.join(dir, 'base.klp'), BASE);
    fs.writeFileSync(path.join(dir, 'variant.klp'), VARIANT);
    baseUri = pathToFileURL(path.join(dir, 'base.klp')).href;
    variantUri = pathToFileURL(path.join(dir, 'variant.klp')).href;
    client = lspPair();
    client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      published.set(p.uri, [...(published.get(p.uri) ?? []), p.diagnostics]);
    });
    const init = await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }) as { capabilities: Record<string, unknown> };
    for (const c of ['hoverProvider', 'definitionProvider', 'documentSymbolProvider', 'completionProvider', 'documentFormattingProvider']) assert.ok(init.capabilities[c], c);
    client.sendNotification('initialized', {});
  });
  after(() => {
    client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = (uri: string, text: string) => client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'klp', version: 1, text } });
  const change = (uri: string, version: number, text: string) => client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });

  it('publishes diagnostics as you type, with code, hint and position, and clears them when fixed', async () => {
    assert.deepEqual(await diagnosticsAfter(baseUri, () => open(baseUri, BASE)), []);
    const typo = BASE.replace('seen := x;', 'seen := xx;');
    const [d, ...rest] = await diagnosticsAfter(baseUri, () => change(baseUri, 2, typo));
    assert.equal(rest.length, 0);
    assert.equal(d!.code, 'KLP2001');
    assert.equal(d!.source, 'klpc');
    assert.match(d!.message as string, /Unknown name 'xx'\.\nhint: did you mean 'x'\?/);
    assert.deepEqual(d!.range, { start: at(typo, 'xx;'), end: at(typo, 'xx;', 2) });
    assert.deepEqual(await diagnosticsAfter(baseUri, () => change(baseUri, 3, BASE)), []);
  });

  it('reports a syntax error without stopping, and a variant mistake with its related base line', async () => {
    const bad = BASE.replace('x := seen + 1;', 'x := seen +;');
    const diags = await diagnosticsAfter(baseUri, () => change(baseUri, 4, bad));
    assert.deepEqual(diags.map((d) => d.code), ['KLP1004']);
    await diagnosticsAfter(baseUri, () => change(baseUri, 5, BASE));
    const wrong = `${VARIANT}remove step worker.take\n`;
    const v = await diagnosticsAfter(variantUri, () => open(variantUri, wrong));
    assert.deepEqual(v.map((d) => d.code), ['KLP5008']);
    assert.equal(v[0]!.relatedInformation?.[0]?.location.uri, variantUri, 'the goto take in the replaced step');
    assert.deepEqual(await diagnosticsAfter(variantUri, () => change(variantUri, 2, VARIANT)), []);
  });

  it('hovers with the declaration and its type: an integer variable shows its interval', async () => {
    const hover = async (uri: string, pos: { line: number; character: number }) => ((await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })) as Hover | null)?.contents as MarkupContent | undefined;
    assert.match((await hover(baseUri, at(BASE, 'seen := x', 8)))!.value, /var x: 0\.\.2/);
    assert.match((await hover(baseUri, at(BASE, 'seen := x')))!.value, /var worker\.seen: 0\.\.2 {2}\(local\)/);
    assert.match((await hover(baseUri, at(BASE, 'N = 2')))!.value, /const N: 2\.\.2 = 2/);
    assert.match((await hover(baseUri, at(BASE, 'w]@done', 0)))!.value, /w in 1\.\.N/);
    assert.match((await hover(baseUri, at(BASE, '@done', -8)))!.value, /process worker\(w: 1\.\.N\) {2}\/\/ 2 instance\(s\), steps: take, put/);
    const inBase = await hover(variantUri, at(VARIANT, 'seen;'));
    assert.match(inBase!.value, /var worker\.seen: 0\.\.2/);
    assert.match(inBase!.value, /declared in .*base\.klp:6/);
  });

  it('goes to definitions, also from a variant into its base', async () => {
    const def = async (uri: string, pos: { line: number; character: number }) => (await client.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos })) as Location | null;
    const x = await def(variantUri, at(VARIANT, 'x := seen'));
    assert.deepEqual(x, { uri: baseUri, range: { start: at(BASE, 'x: 0..N'), end: at(BASE, 'x: 0..N', 1) } });
    assert.equal((await def(variantUri, at(VARIANT, 'take;')))?.range.start.line, at(BASE, 'take:').line, 'goto take: the label in the base');
    assert.deepEqual((await def(variantUri, at(VARIANT, 'put {')))?.range.start, at(BASE, 'put:'));
    assert.deepEqual((await def(variantUri, at(VARIANT, '@put', 1)))?.range.start, at(VARIANT, 'put:'), 'the replaced step\'s own label');
    assert.equal((await def(variantUri, at(VARIANT, 'base.klp')))?.uri, baseUri);
    assert.deepEqual((await def(baseUri, at(BASE, 'w]@done')))?.range.start, at(BASE, 'w in 1..N'), 'a quantifier\'s binder');
  });

  it('lists the outline: declarations, a process\'s locals and steps, a variant\'s edits', async () => {
    const symbols = (await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: baseUri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['N', 'x', 'm', 'worker', 'Bounded']);
    assert.deepEqual(symbols[3]!.children?.map((c) => c.name), ['seen', 'take', 'put']);
    const edits = (await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: variantUri } })) as DocumentSymbol[];
    assert.deepEqual(edits.map((s) => s.name), ['replace step worker.put', 'AtPut']);
  });

  it('completes names, labels after P@ and goto, and locals after P.', async () => {
    const complete = async (text: string, needle: string) => {
      change(variantUri, 10, text);
      return ((await client.sendRequest('textDocument/completion', { textDocument: { uri: variantUri }, position: at(text, needle, needle.length) })) as CompletionItem[]).map((c) => c.label).sort();
    };
    assert.deepEqual(await complete(`${VARIANT}invariant J: worker[2]@`, 'worker[2]@'), ['put', 'take']);
    assert.deepEqual(await complete(VARIANT.replace('goto take;', 'goto t'), 'goto '), ['done', 'put', 'take']);
    assert.deepEqual(await complete(`${VARIANT}invariant J: worker[1].`, 'worker[1].'), ['seen']);
    const all = await complete(`${VARIANT}invariant J: `, 'J: ');
    for (const name of ['N', 'x', 'm', 'worker', 'Bounded', 'forall', 'len']) assert.ok(all.includes(name), name);
    change(variantUri, 11, VARIANT);
  });

  it('formats a document with klpc fmt', async () => {
    const messy = 'const  A=1;\nvar x:0..A=0\n';
    await diagnosticsAfter(baseUri, () => change(baseUri, 20, messy));
    const edits = (await client.sendRequest('textDocument/formatting', { textDocument: { uri: baseUri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    assert.deepEqual(edits.map((e) => e.newText), ['const A = 1\nvar x: 0..A = 0\n']);
    change(baseUri, 21, BASE);
  });
});
