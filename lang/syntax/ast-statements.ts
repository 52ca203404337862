// CST -> AST for process bodies: blocks and statements (the statement rules of parser.ts).
// A statement that is incomplete after error recovery is dropped from its block; the block
// itself is kept. `else if` becomes an else block holding the single nested `if`.

import type { CstNode, IToken } from 'chevrotain';
import type { Block, Fairness, LValueStep, Stmt } from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import { joinSpans } from '../span.js';
import { buildExpr, ident } from './ast-expressions.js';
import { has, node, nodes, nodeSpan, onlyChild, token, type BuildContext } from './cst.js';
import { UnterminatedString } from './tokens.js';

export function buildBlock(n: CstNode | undefined, cx: BuildContext): Block | undefined {
  if (n === undefined || n.recoveredNode === true) return undefined;
  return { stmts: buildStmts(nodes(n, 'statement'), cx), span: nodeSpan(n, cx) };
}

export function buildStmts(ns: readonly CstNode[], cx: BuildContext): Stmt[] {
  return ns.flatMap((s) => {
    const inner = onlyChild(s);
    return (inner && builders[inner.name]?.(inner, cx)) ?? [];
  });
}

type Builder = (n: CstNode, cx: BuildContext) => Stmt | undefined;

const builders: Readonly<Record<string, Builder>> = {
  labelOrAssign,
  fairLabel: (n, cx) => {
    const name = ident(token(n, 'name'), cx);
    const fairness = buildFairness(node(n, 'fairness'));
    return name && fairness && { kind: 'label', name, fairness, span: nodeSpan(n, cx) };
  },
  awaitStmt: (n, cx) => {
    const cond = buildExpr(node(n, 'cond'), cx);
    return cond && { kind: 'await', cond, span: nodeSpan(n, cx) };
  },
  lockStmt: (n, cx) => {
    const lock = ident(token(n, 'lock'), cx);
    const kind = token(n, 'op')?.image === 'unlock' ? 'unlock' : 'lock';
    return lock && { kind, lock, span: nodeSpan(n, cx) };
  },
  ifStmt,
  whileStmt: (n, cx) => {
    const cond = buildExpr(node(n, 'cond'), cx);
    const body = buildBlock(node(n, 'body'), cx);
    return cond && body && { kind: 'while', cond, body, span: nodeSpan(n, cx) };
  },
  gotoStmt: (n, cx) => {
    const target = ident(token(n, 'target'), cx);
    return target && { kind: 'goto', target, span: nodeSpan(n, cx) };
  },
  eitherStmt: (n, cx) => {
    const branches = nodes(n, 'branch').map((b) => buildBlock(b, cx));
    if (branches.length < 2 || branches.some((b) => b === undefined)) return undefined;
    return { kind: 'either', branches: branches as Block[], span: nodeSpan(n, cx) };
  },
  chooseStmt: (n, cx) => binderStmt('choose', n, cx),
  forStmt: (n, cx) => binderStmt('for', n, cx),
  letStmt: (n, cx) => {
    const name = ident(token(n, 'name'), cx);
    const value = buildExpr(node(n, 'value'), cx);
    return name && value && { kind: 'let', name, value, span: nodeSpan(n, cx) };
  },
  assertStmt: (n, cx) => {
    const cond = buildExpr(node(n, 'cond'), cx);
    const message = token(n, 'message');
    return cond && { kind: 'assert', name: ident(token(n, 'name'), cx), cond, message: message && decodeString(message, cx), span: nodeSpan(n, cx) };
  },
  skipStmt: (n, cx) => ({ kind: 'skip', span: nodeSpan(n, cx) }),
};

function labelOrAssign(n: CstNode, cx: BuildContext): Stmt | undefined {
  const root = ident(token(n, 'name'), cx);
  if (root === undefined) return undefined;
  if (has(n, 'label')) return { kind: 'label', name: root, fairness: undefined, span: nodeSpan(n, cx) };
  const value = buildExpr(node(n, 'value'), cx);
  if (value === undefined) return undefined;
  const path: LValueStep[] = [];
  for (const s of nodes(n, 'lvalueStep')) {
    const index = buildExpr(node(s, 'index'), cx);
    const field = ident(token(s, 'field'), cx);
    if (s.recoveredNode === true || (index === undefined && field === undefined)) return undefined;
    const span = nodeSpan(s, cx);
    path.push(index ? { kind: 'index', index, span } : { kind: 'field', field: field!, span });
  }
  const last = path[path.length - 1];
  const target = { root, path, span: last ? joinSpans(root.span, last.span) : root.span };
  return { kind: 'assign', target, value, span: nodeSpan(n, cx) };
}

// `fair`, `strong fair`, `unfair` (the CST of the `fairness` rule)
export function buildFairness(n: CstNode | undefined): Fairness | undefined {
  if (n === undefined) return undefined;
  const kind = token(n, 'kind')?.image;
  if (kind === 'unfair') return 'unfair';
  if (!has(n, 'kw_fair')) return undefined;
  return kind === 'strong' ? 'strong' : 'weak';
}

function ifStmt(n: CstNode, cx: BuildContext): Stmt | undefined {
  const cond = buildExpr(node(n, 'cond'), cx);
  const then = buildBlock(node(n, 'then'), cx);
  let els: Block | undefined;
  const elseIf = node(n, 'elseIf');
  if (elseIf !== undefined) {
    const nested = ifStmt(elseIf, cx);
    els = nested && { stmts: [nested], span: nested.span };
  } else if (has(n, 'else')) {
    els = buildBlock(node(n, 'else'), cx);
  }
  const elseMissing = has(n, 'kw_else') && els === undefined;
  return cond && then && !elseMissing ? { kind: 'if', cond, then, else: els, span: nodeSpan(n, cx) } : undefined;
}

function binderStmt(kind: 'choose' | 'for', n: CstNode, cx: BuildContext): Stmt | undefined {
  const binder = ident(token(n, 'binder'), cx);
  const domain = buildExpr(node(n, 'domain'), cx);
  const body = buildBlock(node(n, 'body'), cx);
  return binder && domain && body && { kind, binder, domain, body, span: nodeSpan(n, cx) };
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n' };

// The text of a string literal (also an unterminated one, already reported by the lexer).
export function decodeString(t: IToken, cx: BuildContext): string {
  const body = t.image.slice(1, t.tokenType === UnterminatedString ? undefined : -1);
  return body.replace(/\\(.?)/g, (whole, c: string, at: number) => {
    const decoded = ESCAPES[c];
    if (decoded !== undefined || c === '') return decoded ?? '';
    const start = t.startOffset + 1 + at;
    cx.diagnostics.push(diag('KLP1008', cx.lines.span(start, start + whole.length), { text: whole }, { hint: 'a string may use the escapes \\" \\\\ and \\n' }));
    return c;
  });
}
