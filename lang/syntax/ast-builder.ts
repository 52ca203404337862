// CST -> AST for a whole file: the `SpecFile` of lang/ast.ts, with a span on every node.
// Declarations that are incomplete after error recovery are left out (the syntax errors explain
// why), so the result is a best-effort, possibly partial file. Reports KLP1006 for a
// `variant of` that is not the first declaration.

import type { CstNode } from 'chevrotain';
import type { Decl, FnDecl, InvariantDecl, Param, ProcessDecl, PropertyDecl, SpecFile, TypeDecl, VarDecl } from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import { buildExpr, buildType, ident } from './ast-expressions.js';
import { buildBlock, buildFairness, buildStmts, decodeString } from './ast-statements.js';
import { has, node, nodes, nodeSpan, onlyChild, token, tokens, tokenSpan, type BuildContext } from './cst.js';

export function buildSpec(cst: CstNode, cx: BuildContext): SpecFile {
  let variantOf: SpecFile['variantOf'];
  const decls: Decl[] = [];
  nodes(cst, 'declaration').forEach((d, i) => {
    const inner = onlyChild(d);
    if (inner?.name !== 'variantDecl') {
      const decl = inner && builders[inner.name]?.(inner, cx);
      if (decl !== undefined) decls.push(decl);
    } else if (i > 0) {
      cx.diagnostics.push(diag('KLP1006', nodeSpan(inner, cx), {}, { hint: "move 'variant of' to the top of the file" }));
    } else {
      const path = token(inner, 'path');
      if (path !== undefined) variantOf = { path: decodeString(path, cx), span: tokenSpan(path, cx) };
    }
  });
  return { file: cx.lines.file, variantOf, decls };
}

type Builder = (n: CstNode, cx: BuildContext) => Decl | undefined;

const builders: Readonly<Record<string, Builder>> = {
  constDecl: (n, cx) => {
    const name = ident(token(n, 'name'), cx);
    const value = buildExpr(node(n, 'value'), cx);
    return name && value && { kind: 'const', name, value, span: nodeSpan(n, cx) };
  },
  enumDecl: (n, cx) => {
    const name = ident(token(n, 'name'), cx);
    const members = tokens(n, 'member').map((t) => ({ name: t.image, span: tokenSpan(t, cx) }));
    return name && members.length > 0 ? { kind: 'enum', name, members, span: nodeSpan(n, cx) } : undefined;
  },
  typeDecl,
  varDecl,
  lockDecl: (n, cx) => {
    const name = ident(token(n, 'name'), cx);
    return name && { kind: 'lock', name, span: nodeSpan(n, cx) };
  },
  fnDecl,
  processDecl,
  invariantDecl,
  propertyDecl,
  replaceDecl,
  contextualDecl: (n, cx) => {
    const span = nodeSpan(n, cx);
    if (token(n, 'name') !== undefined) {
      const name = ident(token(n, 'name'), cx);
      const kind = token(n, 'what')?.image === 'property' ? 'removeProperty' : 'removeInvariant';
      return name && has(n, 'what') ? { kind, name, span } : undefined;
    }
    const process = ident(token(n, 'process'), cx);
    const label = ident(token(n, 'label'), cx);
    if (token(n, 'keyword')?.image === 'remove') return complete(n) && process && label && { kind: 'removeStep', process, label, span };
    const body = buildBlock(node(n, 'block'), cx);
    return complete(n) && process && label && body && { kind: 'prependStep', process, label, body, span };
  },
};

function complete(n: CstNode | undefined): CstNode | undefined {
  return n?.recoveredNode === true ? undefined : n;
}

function varDecl(n: CstNode, cx: BuildContext): VarDecl | undefined {
  const name = ident(token(n, 'name'), cx);
  const type = buildType(node(n, 'type'), cx);
  const init = token(n, 'init');
  const expr = buildExpr(node(n, 'value'), cx);
  if (!complete(n) || !name || !type || !init || !expr) return undefined;
  return { kind: 'var', name, type, init: { kind: init.image === 'in' ? 'oneOf' : 'value', expr }, span: nodeSpan(n, cx) };
}

function param(n: CstNode | undefined, cx: BuildContext): Param | undefined {
  const name = n && complete(n) && ident(token(n, 'name'), cx);
  const type = n && buildType(node(n, 'type'), cx);
  return name && type ? { name, type } : undefined;
}

function fnDecl(n: CstNode, cx: BuildContext): FnDecl | undefined {
  const name = ident(token(n, 'name'), cx);
  const params = nodes(n, 'param').map((p) => param(p, cx));
  const result = buildType(node(n, 'result'), cx);
  const body = buildExpr(node(n, 'body'), cx);
  if (!complete(n) || !name || !result || !body || params.some((p) => p === undefined)) return undefined;
  return { kind: 'fn', name, params: params as Param[], result, body, span: nodeSpan(n, cx) };
}

function processDecl(n: CstNode, cx: BuildContext): ProcessDecl | undefined {
  const name = ident(token(n, 'name'), cx);
  const p = has(n, 'param') ? param(node(n, 'param'), cx) : undefined;
  const locals = nodes(n, 'local').map((l) => varDecl(l, cx));
  const [open, close] = [token(n, 'open'), token(n, 'close')];
  const fairness = has(n, 'fairness') ? buildFairness(node(n, 'fairness')) : 'unfair';
  if (!complete(n) || !name || !open || !close || (has(n, 'param') && !p) || !fairness) return undefined;
  const body = { stmts: buildStmts(nodes(n, 'statement'), cx), span: cx.lines.span(open.startOffset, close.startOffset + 1) };
  return { kind: 'process', name, fairness, param: p, locals: locals.flatMap((l) => l ?? []), body, span: nodeSpan(n, cx) };
}

function typeDecl(n: CstNode, cx: BuildContext): TypeDecl | undefined {
  const name = ident(token(n, 'name'), cx);
  const type = buildType(node(n, 'type'), cx);
  return name && type && { kind: 'type', name, type, span: nodeSpan(n, cx) };
}

function invariantDecl(n: CstNode, cx: BuildContext): InvariantDecl | undefined {
  const name = ident(token(n, 'name'), cx);
  const expr = buildExpr(node(n, 'expr'), cx);
  return name && expr && { kind: 'invariant', name, expr, span: nodeSpan(n, cx) };
}

function propertyDecl(n: CstNode, cx: BuildContext): PropertyDecl | undefined {
  const name = ident(token(n, 'name'), cx);
  const formula = buildExpr(node(n, 'formula'), cx);
  return name && formula && { kind: 'property', name, formula, span: nodeSpan(n, cx) };
}

function replaceDecl(n: CstNode, cx: BuildContext): Decl | undefined {
  const span = nodeSpan(n, cx);
  const fn = node(n, 'fnDecl');
  const inv = node(n, 'invariantDecl');
  const type = node(n, 'typeDecl');
  if (type !== undefined) {
    const built = typeDecl(type, cx);
    return built && { kind: 'replaceType', type: built, span };
  }
  const prop = node(n, 'propertyDecl');
  if (prop !== undefined) {
    const built = propertyDecl(prop, cx);
    return built && { kind: 'replaceProperty', property: built, span };
  }
  if (fn !== undefined) {
    const built = fnDecl(fn, cx);
    return built && { kind: 'replaceFn', fn: built, span };
  }
  if (inv !== undefined) {
    const built = invariantDecl(inv, cx);
    return built && { kind: 'replaceInvariant', invariant: built, span };
  }
  const process = ident(token(n, 'process'), cx);
  const label = ident(token(n, 'label'), cx);
  const body = buildBlock(node(n, 'block'), cx);
  return complete(n) && process && label && body && { kind: 'replaceStep', process, label, body, span };
}
