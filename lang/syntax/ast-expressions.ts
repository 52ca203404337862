// CST -> AST for expressions and types (the rules of expression-grammar.ts). Every builder returns
// undefined when its node is incomplete after error recovery, so callers drop what they cannot
// build. Reports KLP1005 (integer literal too large) and KLP1004 for a type that is neither a
// name nor a range (`rangeOrName` accepts any additive expression, see the grammar).

import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, Expr, FieldInit, FieldType, Ident, TypeExpr } from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import { joinSpans, type Span } from '../span.js';
import { has, node, nodes, nodeSpan, token, tokens, tokenSpan, type BuildContext } from './cst.js';

// Larger literals could not be range-checked exactly with 53-bit doubles after arithmetic.
const MAX_INT_LITERAL = 2 ** 31 - 1;

const BINARY_OPS: ReadonlySet<string> = new Set<BinaryOp>([
  '=>', 'or', 'and', '==', '!=', '<', '<=', '>', '>=', 'in', 'notin', 'subseteq', '..', 'union', 'diff', 'inter', '+', '-', '*', '/', '%',
]);

export function ident(t: IToken | undefined, cx: BuildContext): Ident | undefined {
  return t === undefined ? undefined : { name: t.image, span: tokenSpan(t, cx) };
}

type Builder = (n: CstNode, cx: BuildContext) => Expr | undefined;

const builders: Readonly<Record<string, Builder>> = {
  expression: (n, cx) => {
    const operands = buildAll(nodes(n, 'operand'), cx);
    if (operands === undefined || operands.length !== (has(n, 'op') ? 2 : 1)) return undefined;
    const [left, right] = operands as [Expr, Expr | undefined];
    return right === undefined ? left : { kind: 'leadsto', left, right, span: joinSpans(left.span, right.span) };
  },
  implication: foldLeft, // at most two operands: `a => (b => c)` arrives already nested
  disjunction: foldLeft,
  conjunction: foldLeft,
  comparison: foldLeft,
  rangeExpr: foldLeft,
  unionExpr: foldLeft,
  interExpr: foldLeft,
  additive: foldLeft,
  multiplicative: foldLeft,
  negation: prefix,
  unaryMinus: prefix,
  postfix,
  primary,
  parenExpr: (n, cx) => buildExpr(node(n, 'expression'), cx),
  nameRef,
  braceExpr,
  bracketExpr,
  iteExpr: (n, cx) => {
    const [cond, then, els] = ['cond', 'then', 'else'].map((k) => buildExpr(node(n, k), cx));
    return cond && then && els && { kind: 'ite', cond, then, else: els, span: nodeSpan(n, cx) };
  },
  letExpr: (n, cx) => {
    const name = ident(token(n, 'name'), cx);
    const [value, body] = ['value', 'body'].map((k) => buildExpr(node(n, k), cx));
    return name && value && body && { kind: 'let', name, value, body, span: nodeSpan(n, cx) };
  },
  temporalExpr: (n, cx) => {
    const op = token(n, 'op')?.image;
    const operand = buildExpr(node(n, 'operand'), cx);
    if ((op !== 'always' && op !== 'eventually') || operand === undefined) return undefined;
    return { kind: 'temporal', op, operand, span: nodeSpan(n, cx) };
  },
  quantExpr: (n, cx) => {
    const quant = token(n, 'quant')?.image;
    const binder = ident(token(n, 'binder'), cx);
    const [domain, body] = ['domain', 'body'].map((k) => buildExpr(node(n, k), cx));
    if ((quant !== 'forall' && quant !== 'exists') || !binder || !domain || !body) return undefined;
    return { kind: 'quant', quant, binder, domain, body, span: nodeSpan(n, cx) };
  },
};

export function buildExpr(n: CstNode | undefined, cx: BuildContext): Expr | undefined {
  if (n === undefined || n.recoveredNode === true) return undefined;
  const build = builders[n.name];
  if (build === undefined) throw new Error(`internal: no AST builder for CST rule '${n.name}'`);
  return build(n, cx);
}

function buildAll(ns: readonly CstNode[], cx: BuildContext): Expr[] | undefined {
  const out: Expr[] = [];
  for (const n of ns) {
    const e = buildExpr(n, cx);
    if (e === undefined) return undefined;
    out.push(e);
  }
  return out;
}

function foldLeft(n: CstNode, cx: BuildContext): Expr | undefined {
  const operands = buildAll(nodes(n, 'operand'), cx);
  const ops = tokens(n, 'op');
  if (operands === undefined || operands.length !== ops.length + 1) return undefined;
  return ops.reduce<Expr>((left, op, i) => {
    const right = operands[i + 1]!;
    if (!BINARY_OPS.has(op.image)) throw new Error(`internal: '${op.image}' is not a binary operator`);
    return { kind: 'binary', op: op.image as BinaryOp, left, right, span: joinSpans(left.span, right.span) };
  }, operands[0]!);
}

// `not e` and `-e`
function prefix(n: CstNode, cx: BuildContext): Expr | undefined {
  const operand = buildExpr(node(n, 'operand'), cx);
  const op = token(n, 'op');
  if (op === undefined || operand === undefined) return has(n, 'op') ? undefined : operand;
  return { kind: 'unary', op: op.image === 'not' ? 'not' : '-', operand, span: joinSpans(tokenSpan(op, cx), operand.span) };
}

function postfix(n: CstNode, cx: BuildContext): Expr | undefined {
  let target = buildExpr(node(n, 'primary'), cx);
  for (const s of nodes(n, 'suffix')) {
    if (target === undefined || s.recoveredNode === true) return undefined;
    target = applySuffix(target, s, cx);
  }
  return target;
}

function applySuffix(target: Expr, s: CstNode, cx: BuildContext): Expr | undefined {
  const span = joinSpans(target.span, nodeSpan(s, cx));
  const update = node(s, 'withUpdate');
  const index = buildExpr(node(update ?? s, 'index'), cx);
  const field = ident(token(update ?? s, 'field'), cx);
  if (update === undefined) {
    if (index) return { kind: 'index', target, index, span };
    return field && { kind: 'field', target, field, span };
  }
  const value = buildExpr(node(update, 'value'), cx);
  if (value === undefined) return undefined;
  if (index) return { kind: 'withIndex', target, index, value, span };
  return field && { kind: 'withField', target, field, value, span };
}

function primary(n: CstNode, cx: BuildContext): Expr | undefined {
  const span = nodeSpan(n, cx);
  const int = token(n, 'Integer');
  if (int !== undefined) return intLiteral(int, cx);
  if (has(n, 'kw_true') || has(n, 'kw_false')) return { kind: 'bool', value: has(n, 'kw_true'), span };
  if (has(n, 'kw_none')) return { kind: 'none', span };
  if (has(n, 'kw_self')) return { kind: 'self', span };
  const sub = Object.values(n.children).flat()[0];
  return sub !== undefined && 'children' in sub ? buildExpr(sub, cx) : undefined;
}

function intLiteral(t: IToken, cx: BuildContext): Expr {
  const span = tokenSpan(t, cx);
  const value = Number(t.image);
  if (value > MAX_INT_LITERAL) {
    cx.diagnostics.push(diag('KLP1005', span, { text: t.image }, { hint: `integer literals are at most ${MAX_INT_LITERAL}` }));
  }
  return { kind: 'int', value, span };
}

function nameRef(n: CstNode, cx: BuildContext): Expr | undefined {
  const name = ident(token(n, 'name'), cx);
  if (name === undefined) return undefined;
  const span = nodeSpan(n, cx);
  const args = node(n, 'callArgs');
  if (args !== undefined) {
    const built = buildAll(nodes(args, 'arg'), cx);
    return built && { kind: 'call', callee: name, args: built, span };
  }
  if (!has(n, 'atLabel')) return has(n, 'callArgs') ? undefined : { kind: 'name', name, span };
  const at = node(n, 'atLabel');
  const label = at && ident(token(at, 'label'), cx);
  const instance = has(n, 'instance') ? buildExpr(node(n, 'instance'), cx) : undefined;
  if (label === undefined || (has(n, 'instance') && instance === undefined)) return undefined;
  return { kind: 'at', process: name, instance, label, span };
}

function braceExpr(n: CstNode, cx: BuildContext): Expr | undefined {
  const span = nodeSpan(n, cx);
  if (has(n, 'fieldInit')) {
    const fields: FieldInit[] = [];
    for (const f of nodes(n, 'fieldInit')) {
      const name = ident(token(f, 'name'), cx);
      const value = f.recoveredNode ? undefined : buildExpr(node(f, 'value'), cx);
      if (!name || !value) return undefined;
      fields.push({ name, value });
    }
    return { kind: 'recordLit', fields, span };
  }
  const elems = buildAll(nodes(n, 'elem'), cx);
  if (elems === undefined) return undefined;
  if (!has(n, 'comprehension')) return { kind: 'setLit', elems, span };
  const parts = comprehension(node(n, 'comprehension'), elems, cx);
  return parts && { kind: 'setComp', ...parts, span };
}

// The parts shared by `{ e for x in S if p }` and `[e for x in S if p]`.
function comprehension(c: CstNode | undefined, elems: readonly Expr[], cx: BuildContext): { elem: Expr; binder: Ident; domain: Expr; filter: Expr | undefined } | undefined {
  const binder = c && ident(token(c, 'binder'), cx);
  const domain = c && buildExpr(node(c, 'domain'), cx);
  const filter = c && has(c, 'filter') ? buildExpr(node(c, 'filter'), cx) : undefined;
  if (!c || !binder || !domain || !elems[0] || (has(c, 'filter') && !filter)) return undefined;
  return { elem: elems[0], binder, domain, filter };
}

function bracketExpr(n: CstNode, cx: BuildContext): Expr | undefined {
  const span = nodeSpan(n, cx);
  if (!has(n, 'mapBody')) {
    const elems = buildAll(nodes(n, 'elem'), cx);
    if (elems === undefined || !has(n, 'seqComprehension')) return elems && { kind: 'seqLit', elems, span };
    const parts = comprehension(node(n, 'seqComprehension'), elems, cx);
    return parts && { kind: 'seqComp', ...parts, span };
  }
  const m = node(n, 'mapBody');
  const binder = m && ident(token(m, 'binder'), cx);
  const domain = m && buildType(node(m, 'domain'), cx);
  const value = m && buildExpr(node(m, 'value'), cx);
  return binder && domain && value && { kind: 'mapLit', binder, domain, value, span };
}

// ---- types ---------------------------------------------------------------------------------

export function buildType(n: CstNode | undefined, cx: BuildContext): TypeExpr | undefined {
  if (n === undefined || n.recoveredNode === true) return undefined;
  const atom = typeAtom(node(n, 'typeAtom'), cx);
  return atom && tokens(n, 'option').reduce<TypeExpr>((inner, q) => ({ kind: 'option', inner, span: joinSpans(inner.span, tokenSpan(q, cx)) }), atom);
}

function typeAtom(n: CstNode | undefined, cx: BuildContext): TypeExpr | undefined {
  if (n === undefined) return undefined;
  const span = nodeSpan(n, cx);
  if (has(n, 'kw_bool')) return { kind: 'bool', span };
  if (has(n, 'kw_record')) {
    const fields: FieldType[] = [];
    for (const f of nodes(n, 'fieldType')) {
      const name = ident(token(f, 'name'), cx);
      const type = f.recoveredNode ? undefined : buildType(node(f, 'type'), cx);
      if (!name || !type) return undefined;
      fields.push({ name, type });
    }
    return { kind: 'record', fields, span };
  }
  const elem = buildType(node(n, 'elem'), cx);
  if (has(n, 'kw_Set')) return elem && { kind: 'set', elem, span };
  if (has(n, 'kw_Seq')) {
    const max = buildExpr(node(n, 'max'), cx);
    return elem && max && { kind: 'seq', elem, max, span };
  }
  if (has(n, 'kw_Map')) {
    const [key, value] = ['key', 'value'].map((k) => buildType(node(n, k), cx));
    return key && value && { kind: 'map', key, value, span };
  }
  const sym = node(n, 'symmetric');
  if (sym !== undefined) return symmetric(sym, has(n, 'ring'), span, cx);
  const r = node(n, 'rangeOrName');
  return r && rangeOrName(r, cx);
}

function symmetric(n: CstNode, ring: boolean, span: Span, cx: BuildContext): TypeExpr | undefined {
  const range = rangeOrName(n, cx);
  if (range === undefined) return undefined;
  if (range.kind === 'range') return { kind: 'symmetric', ring, lo: range.lo, hi: range.hi, span };
  cx.diagnostics.push(diag('KLP1004', range.span, { expected: 'a range lo..hi', found: `'${cx.lines.text.slice(range.span.start, range.span.end)}'` }, { hint: 'write symmetric 1..N (or symmetric ring 1..N)' }));
  return undefined;
}

function rangeOrName(n: CstNode, cx: BuildContext): TypeExpr | undefined {
  const span = nodeSpan(n, cx);
  const lo = buildExpr(node(n, 'lo'), cx);
  if (lo === undefined) return undefined;
  if (has(n, 'DotDot')) {
    const hi = buildExpr(node(n, 'hi'), cx);
    return hi && { kind: 'range', lo, hi, span };
  }
  if (lo.kind === 'name') return { kind: 'named', name: lo.name, span };
  const text = cx.lines.text.slice(lo.span.start, lo.span.end);
  const found = text.length <= 20 ? `'${text}'` : 'an expression';
  cx.diagnostics.push(diag('KLP1004', lo.span, { expected: 'a type', found }, { hint: 'a type is a name, bool, lo..hi, record {...}, Set[T], Seq[T, N] or Map[K, V]' }));
  return undefined;
}
