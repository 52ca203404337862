// Expression checking: ast.Expr -> typed program Expr. `check` is bidirectional in a light way:
// `expected` is a hint that gives `none`, `{}` and `[]` their type (and literals' elements
// theirs); it never changes a value, and the caller still coerces the result into its slot.
// This file holds the dispatcher and the binding forms; the rest lives beside it by topic.

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Expr } from '../program.js';
import type { Span } from '../span.js';
import { BOOL, intType, symmetryOf, typeToString, type Type } from '../types.js';
import { call } from './calls.js';
import { constantPart } from './constant-part.js';
import { symmetricHint, unify } from './coerce.js';
import { poison, withBinding, type Cx } from './context.js';
import { fieldExpr, indexExpr, mapLit, recordLit, seqComp, seqLit, setComp, setLit, withField, withIndex } from './literals.js';
import { atExpr, localOfExpr, nameExpr, selfExpr } from './names.js';
import { binary, unary } from './operators.js';
import { ERR, join } from './typeops.js';

export function check(cx: Cx, e: ast.Expr, expected?: Type): Expr {
  switch (e.kind) {
    case 'int': return { kind: 'lit', value: e.value, type: intType(e.value, e.value), span: e.span };
    case 'bool': return { kind: 'lit', value: Number(e.value), type: BOOL, span: e.span };
    case 'none': return noneExpr(cx, e.span, expected);
    case 'self': return selfExpr(cx, e.span);
    case 'name': return nameExpr(cx, e.name);
    case 'unary': return constantPart(cx, e) ?? unary(cx, e);
    case 'binary': return constantPart(cx, e) ?? binary(cx, e);
    case 'ite': return ite(cx, e, expected);
    case 'let': {
      const value = check(cx, e.value);
      const inner = withBinding(cx, e.name.name, value.type);
      const body = check(inner.cx, e.body, expected);
      return { kind: 'let', type: body.type, span: e.span, binding: inner.binding, value, body };
    }
    case 'quant': {
      const domain = checkSet(cx, e.domain);
      const inner = withBinding(cx, e.binder.name, elemOf(domain.type));
      const body = checkBool(inner.cx, e.body);
      return { kind: 'quant', type: BOOL, span: e.span, quant: e.quant, binding: inner.binding, domain, body };
    }
    case 'call': return call(cx, e, expected);
    case 'index': return indexExpr(cx, e);
    case 'field': return fieldExpr(cx, e);
    case 'withIndex': return withIndex(cx, e);
    case 'withField': return withField(cx, e);
    case 'setLit': return setLit(cx, e, expected);
    case 'setComp': return setComp(cx, e);
    case 'seqLit': return seqLit(cx, e, expected);
    case 'seqComp': return seqComp(cx, e, expected);
    case 'mapLit': return mapLit(cx, e, expected);
    case 'recordLit': return recordLit(cx, e, expected);
    case 'at': return atExpr(cx, e.process, e.instance, e.label, e.span);
    case 'localOf': return localOfExpr(cx, e.process, e.instance, e.local, e.span);
    case 'temporal': case 'leadsto': {
      const op = e.kind === 'temporal' ? e.op : 'leadsto';
      cx.diags.push(diag('KLP3017', e.span, { op }, { hint: "declare it as 'property Name: ...'; a condition of one state is an 'invariant'" }));
      return poison(e.span);
    }
  }
}

function noneExpr(cx: Cx, span: Span, expected: Type | undefined): Expr {
  if (expected === undefined || expected === ERR) {
    if (expected === undefined) cx.diags.push(diag('KLP3008', span, { what: "option ('none')" }));
    return poison(span);
  }
  return { kind: 'none', type: expected.kind === 'option' ? expected : { kind: 'option', inner: expected }, span };
}

function ite(cx: Cx, e: ast.Expr & { kind: 'ite' }, expected: Type | undefined): Expr {
  const cond = checkBool(cx, e.cond);
  const [a, b] = checkPair(cx, e.then, e.else, expected);
  const { exprs, type } = unify(cx, [a, b]);
  return { kind: 'ite', type, span: e.span, cond, then: exprs[0]!, else: exprs[1]! };
}

// `none`, `{}` and `[]` need a type from their context.
export function isHole(e: ast.Expr): boolean {
  return e.kind === 'none' || ((e.kind === 'setLit' || e.kind === 'seqLit') && e.elems.length === 0);
}

// Two operands that should have one type: a hole takes its type from the other one.
export function checkPair(cx: Cx, a: ast.Expr, b: ast.Expr, expected?: Type): [Expr, Expr] {
  if (isHole(a) && !isHole(b)) {
    const rb = check(cx, b, expected);
    return [check(cx, a, expected ?? rb.type), rb];
  }
  const ra = check(cx, a, expected);
  return [ra, check(cx, b, expected ?? ra.type)];
}

// Elements that should share one type: holes take the others' join as their hint.
export function checkElems(cx: Cx, elems: readonly ast.Expr[], hint: Type | undefined): Expr[] {
  const solid = new Map(elems.filter((x) => !isHole(x)).map((x) => [x, check(cx, x, hint)]));
  const j = [...solid.values()].reduce<Type | undefined>((acc, v) => (acc === undefined ? v.type : join(acc, v.type) ?? acc), undefined);
  return elems.map((x) => solid.get(x) ?? check(cx, x, hint ?? j));
}

export function checkBool(cx: Cx, e: ast.Expr): Expr {
  return expectType(cx, check(cx, e, BOOL), BOOL);
}

export function checkInt(cx: Cx, e: ast.Expr): Expr {
  const v = check(cx, e);
  if (v.type.kind !== 'int') return report(cx, v, 'an integer');
  if (symmetryOf(v.type) === undefined) return v;
  cx.diags.push(diag('KLP3001', v.span, { expected: 'an integer', actual: typeToString(v.type) }, symmetricHint(v.type)));
  return poison(v.span);
}

export function checkSet(cx: Cx, e: ast.Expr, expected?: Type): Expr {
  const v = check(cx, e, expected);
  return v.type.kind === 'set' || v.type === ERR ? v : report(cx, v, 'a set');
}

// The domain of a `for` or a sequence comprehension (`what`), which visit a set in ascending
// order: not allowed for a set of symmetric values.
export function checkIterable(cx: Cx, e: ast.Expr, what: string): Expr {
  const v = check(cx, e);
  if (v.type.kind === 'set') return unordered(cx, v, what);
  return v.type.kind === 'seq' || v.type === ERR ? v : report(cx, v, 'a set or a sequence');
}

// `v`, a set, unless its elements are symmetric and `what` would visit them in order.
export function unordered(cx: Cx, v: Expr, what: string): Expr {
  const elem = elemOf(v.type);
  if (symmetryOf(elem) === undefined) return v;
  cx.diags.push(diag('KLP3015', v.span, { what, type: typeToString(elem) }, { hint: 'use forall/exists, a set comprehension or choose, which do not depend on an order' }));
  return poison(v.span);
}

export function expectType(cx: Cx, v: Expr, t: Type): Expr {
  return v.type.kind === t.kind || v.type === ERR ? v : report(cx, v, typeToString(t));
}

export function report(cx: Cx, v: Expr, expected: string): Expr {
  if (v.type !== ERR) cx.diags.push(diag('KLP3001', v.span, { expected, actual: typeToString(v.type) }));
  return poison(v.span);
}

export function elemOf(t: Type): Type {
  return t.kind === 'set' || t.kind === 'seq' ? t.elem : ERR;
}
