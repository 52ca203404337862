// Unary and binary operators: operand checks and result types. Integer results get their range
// by exact interval arithmetic (arith.ts), and a range that leaves the integers JS numbers hold
// exactly is KLP3013: the compiled explorer computes with doubles, so such a value could be
// rounded. `==` takes the join of its operands (so `x == none` and `s == []` type their hole from
// the other side); set operators join element types.

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Expr, Op } from '../program.js';
import type { Span } from '../span.js';
import { BOOL, intType, symmetryOf, typeToString, type Type } from '../types.js';
import * as arith from './arith.js';
import { mismatch, NONE_HINT, symmetricHint, unify } from './coerce.js';
import { poison, type Cx } from './context.js';
import { check, checkPair, elemOf } from './expr.js';
import { ERR, finiteDomainProblem, join } from './typeops.js';

export function unary(cx: Cx, e: ast.Expr & { kind: 'unary' }): Expr {
  if (e.op === 'not') return op('not', BOOL, [operand(cx, e.operand, 'bool', 'not')], e.span);
  const v = operand(cx, e.operand, 'int', '-');
  return op('neg', intOf(cx, arith.neg(interval(v)), e.span), [v], e.span);
}

// An operand of `op`, which must be of the given kind (KLP3002 otherwise).
// A symmetric value is no integer here: its order and arithmetic would tell its values apart.
function operand(cx: Cx, e: ast.Expr, kind: 'bool' | 'int' | 'set', o: string, v: Expr = check(cx, e, kind === 'bool' ? BOOL : undefined)): Expr {
  if ((v.type.kind === kind && symmetryOf(v.type) === undefined) || v.type === ERR) return v;
  const hint = v.type.kind === 'seq' && (o === 'in' || o === 'notin') ? { hint: 'for a sequence, use contains(s, x)' } : symmetricHint(v.type);
  cx.diags.push(diag('KLP3002', v.span, { op: o, actual: typeToString(v.type) }, hint));
  return poison(v.span);
}

const LOGIC = { '=>': 'implies', 'or': 'or', 'and': 'and' } as const;
const COMPARE = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;
const ARITH = {
  '+': ['add', arith.add], '-': ['sub', arith.sub], '*': ['mul', arith.mul], '/': ['div', arith.div], '%': ['mod', arith.mod],
} as const;

export function binary(cx: Cx, e: ast.Expr & { kind: 'binary' }): Expr {
  const o = e.op;
  const both = (kind: 'bool' | 'int') => [operand(cx, e.left, kind, o), operand(cx, e.right, kind, o)];
  if (o === '=>' || o === 'or' || o === 'and') return op(LOGIC[o], BOOL, both('bool'), e.span);
  if (o === '<' || o === '<=' || o === '>' || o === '>=') return op(COMPARE[o], BOOL, both('int'), e.span);
  if (o === '+' || o === '-' || o === '*' || o === '/' || o === '%') {
    const [name, f] = ARITH[o];
    const [a, b] = both('int') as [Expr, Expr];
    return op(name, intOf(cx, f(interval(a), interval(b)), e.span), [a, b], e.span);
  }
  if (o === '==' || o === '!=') return equality(cx, o === '==' ? 'eq' : 'ne', e);
  if (o === 'in' || o === 'notin') return membership(cx, o, e);
  if (o === '..') return rangeSet(cx, e);
  return setOp(cx, o, e);
}

function equality(cx: Cx, name: Op, e: ast.Expr & { kind: 'binary' }): Expr {
  const [a, b] = checkPair(cx, e.left, e.right);
  if (join(a.type, b.type) === undefined) return (mismatch(cx, b, a.type), poison(e.span));
  // `x == none` with x not an option would silently always be false
  const plain = [a, b].find((v) => v.type.kind !== 'option' && v.type !== ERR);
  if (plain && (a.kind === 'none' || b.kind === 'none')) {
    cx.diags.push(diag('KLP3001', plain.span, { expected: 'an option (T?)', actual: typeToString(plain.type) }, { hint: NONE_HINT }));
    return poison(e.span);
  }
  return op(name, BOOL, unify(cx, [a, b]).exprs, e.span);
}

function membership(cx: Cx, name: 'in' | 'notin', e: ast.Expr & { kind: 'binary' }): Expr {
  const x = check(cx, e.left);
  const s = operand(cx, e.right, 'set', name, check(cx, e.right, { kind: 'set', elem: x.type }));
  if (join(elemOf(s.type), x.type) === undefined) return (mismatch(cx, x, elemOf(s.type)), poison(e.span));
  return op(name, BOOL, [x, s], e.span);
}

function rangeSet(cx: Cx, e: ast.Expr & { kind: 'binary' }): Expr {
  const lo = operand(cx, e.left, 'int', '..'), hi = operand(cx, e.right, 'int', '..');
  const l = lo.type as Type & { kind: 'int' }, h = hi.type as Type & { kind: 'int' };
  // every element x has l.lo <= x <= h.hi; when l.lo > h.hi the set is always empty
  const elem = intType(l.lo, Math.max(l.lo, h.hi));
  return op('range', setType(cx, elem, e.span), [lo, hi], e.span);
}

function setOp(cx: Cx, name: 'subseteq' | 'union' | 'diff' | 'inter', e: ast.Expr & { kind: 'binary' }): Expr {
  const [pa, pb] = checkPair(cx, e.left, e.right);
  const a = operand(cx, e.left, 'set', name, pa), b = operand(cx, e.right, 'set', name, pb);
  const elem = join(elemOf(a.type), elemOf(b.type));
  if (elem === undefined) return (mismatch(cx, b, a.type), poison(e.span));
  const type = name === 'subseteq' ? BOOL : name === 'diff' ? a.type : setType(cx, elem, e.span);
  return op(name, type, [a, b], e.span);
}

export function setType(cx: Cx, elem: Type, span: Span): Type {
  const why = finiteDomainProblem(elem);
  if (why === undefined) return { kind: 'set', elem };
  cx.diags.push(diag('KLP3003', span, { type: `Set[${typeToString(elem)}]`, why }));
  return ERR;
}

function op(name: Op, type: Type, args: readonly Expr[], span: Span): Expr {
  if (type === ERR || args.some((a) => a.type === ERR)) return poison(span);
  return { kind: 'op', op: name, args, type, span };
}

function interval(v: Expr): arith.Interval {
  return v.type.kind === 'int' ? { lo: BigInt(v.type.lo), hi: BigInt(v.type.hi) } : { lo: 0n, hi: 0n };
}

// The operands' ranges are exact, so a result range within the exact integers means every
// run-time result is computed exactly too (IEEE operations are exact when the result is
// representable; truncated division of exact integers is exact).
function intOf(cx: Cx, i: arith.Interval, span: Span): Type {
  if (arith.isExact(i.lo) && arith.isExact(i.hi)) return intType(Number(i.lo), Number(i.hi));
  const value = arith.isExact(i.hi) ? i.lo : i.hi;
  cx.diags.push(diag('KLP3013', span, { what: 'This expression can reach', value: String(value) }, {
    hint: 'narrow the types of the values it combines (a variable declared 0..1000 rather than 0..2147483647), or make it a constant expression: those are folded exactly',
  }));
  return ERR;
}
