// The klp language server: LSP requests in, analysis.ts's answers out, over any connection
// (stdio or IPC in VS Code, in-memory streams in the tests). Every change re-analyses the open
// documents (a base file's edit changes its variants' diagnostics), from the editor's text.

import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionItemKind, DiagnosticSeverity, SymbolKind, TextDocuments, TextDocumentSyncKind,
  type Connection, type Diagnostic as LspDiagnostic, type DocumentSymbol, type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../../../lang/span.js';
import { Analysis, diskReader } from './analysis.js';
import type { Sym } from './symbols.js';

const SYMBOL_KIND: Record<Sym['kind'] | 'edit', SymbolKind> = {
  const: SymbolKind.Constant, enum: SymbolKind.Enum, member: SymbolKind.EnumMember, type: SymbolKind.TypeParameter,
  var: SymbolKind.Variable, lock: SymbolKind.Key, fn: SymbolKind.Function, process: SymbolKind.Class,
  invariant: SymbolKind.Boolean, property: SymbolKind.Boolean, local: SymbolKind.Field, param: SymbolKind.Variable, label: SymbolKind.Method,
  binder: SymbolKind.Variable, edit: SymbolKind.Event,
};

const COMPLETION_KIND: Record<Sym['kind'] | 'keyword' | 'builtin', CompletionItemKind> = {
  const: CompletionItemKind.Constant, enum: CompletionItemKind.Enum, member: CompletionItemKind.EnumMember,
  type: CompletionItemKind.TypeParameter, var: CompletionItemKind.Variable, lock: CompletionItemKind.Variable,
  fn: CompletionItemKind.Function, process: CompletionItemKind.Class, invariant: CompletionItemKind.Property, property: CompletionItemKind.Property,
  local: CompletionItemKind.Field, param: CompletionItemKind.Variable, label: CompletionItemKind.Reference,
  binder: CompletionItemKind.Variable, keyword: CompletionItemKind.Keyword, builtin: CompletionItemKind.Function,
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const pathOf = (uri: string) => fileURLToPath(uri);
  const uriOf = (path: string) => pathToFileURL(path).href;
  const read = (path: string) => documents.get(uriOf(path))?.getText() ?? diskReader(path);
  const analyse = (uri: string) => new Analysis(pathOf(uri), read);
  const range = (a: Analysis, s: Span): Range => {
    const doc = TextDocument.create(uriOf(s.file), 'klp', 0, a.loaded.sources.get(s.file) ?? '');
    return { start: doc.positionAt(s.start), end: doc.positionAt(s.end) };
  };
  const offset = (uri: string, pos: { line: number; character: number }) => documents.get(uri)?.offsetAt(pos) ?? 0;

  const validate = (doc: TextDocument): void => {
    const a = analyse(doc.uri);
    const diagnostics: LspDiagnostic[] = a.diagnostics().map(({ diag: d, span, message }) => ({
      range: range(a, span),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: d.code,
      source: 'klpc',
      message,
      ...(d.related === undefined ? {} : { relatedInformation: d.related.map((r) => ({ location: { uri: uriOf(r.span.file), range: range(a, r.span) }, message: r.message })) }),
    }));
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      documentSymbolProvider: true,
      completionProvider: { triggerCharacters: ['@', '.'] },
      documentFormattingProvider: true,
    },
    serverInfo: { name: 'klpc' },
  }));
  documents.onDidChangeContent(() => documents.all().forEach(validate));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  connection.onHover(({ textDocument, position }) => {
    const a = analyse(textDocument.uri);
    const text = a.hover(offset(textDocument.uri, position));
    return text === undefined ? null : { contents: { kind: 'markdown', value: text } };
  });
  connection.onDefinition(({ textDocument, position }) => {
    const a = analyse(textDocument.uri);
    const s = a.definition(offset(textDocument.uri, position));
    return s === undefined ? null : { uri: uriOf(s.file), range: range(a, s) };
  });
  connection.onDocumentSymbol(({ textDocument }) => {
    const a = analyse(textDocument.uri);
    return a.outline().map((d): DocumentSymbol => ({
      name: d.name, kind: SYMBOL_KIND[d.kind], range: range(a, d.span), selectionRange: range(a, d.selection),
      children: d.children.map((c) => ({ name: c.name, kind: SYMBOL_KIND[c.kind], range: range(a, c.span), selectionRange: range(a, c.span) })),
    }));
  });
  connection.onCompletion(({ textDocument, position }) => {
    const a = analyse(textDocument.uri);
    return a.completions(offset(textDocument.uri, position)).map((c) => ({ label: c.label, kind: COMPLETION_KIND[c.kind], ...(c.detail === undefined ? {} : { detail: c.detail }) }));
  });
  connection.onDocumentFormatting(({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    const text = doc && analyse(textDocument.uri).formatted();
    if (doc === undefined || text === undefined || text === doc.getText()) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text }];
  });

  documents.listen(connection);
  connection.listen();
}
