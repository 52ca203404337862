// Test helpers for the syntax stage: parse snippets that must be valid, pull out the piece under
// test (an expression, a type, statements), and locate fixture files.

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Decl, Expr, SpecFile, Stmt, TypeExpr } from '../../lang/ast.js';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../lang/diagnostics/render.js';
import { parse } from '../../lang/syntax/parse.js';

// Tests run from dist/test/syntax; fixtures stay in the source tree.
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/syntax/', import.meta.url));

export function render(diagnostics: readonly Diagnostic[], file: string, text: string): string {
  return renderDiagnostics(diagnostics, new Map([[file, text]]));
}

export function parseValid(text: string): SpecFile {
  const { spec, diagnostics } = parse(text, 'test.klp');
  assert.deepEqual(diagnostics, [], render(diagnostics, 'test.klp', text));
  return spec;
}

export function onlyDecl(text: string): Decl {
  const { decls } = parseValid(text);
  assert.equal(decls.length, 1);
  return decls[0]!;
}

export function exprOf(text: string): Expr {
  const d = onlyDecl(`const X = ${text}`);
  assert.equal(d.kind, 'const');
  return d.value;
}

export function typeOf(text: string): TypeExpr {
  const d = onlyDecl(`type T = ${text}`);
  assert.equal(d.kind, 'type');
  return d.type;
}

export function stmtsOf(body: string): readonly Stmt[] {
  const d = onlyDecl(`process p {\n${body}\n}`);
  assert.equal(d.kind, 'process');
  return d.body.stmts;
}

export function codes(text: string): string[] {
  return parse(text, 'test.klp').diagnostics.map((d) => d.code);
}
