// Constructors and accessors: set, sequence, map and record literals, comprehensions, indexing,
// field access and the functional updates `with`. A literal's elements take hints from the
// expected type; a record literal with an expected record type must name exactly its fields.
// `P.x` and `P[i].x` parse as field accesses and are turned into process-local references here.

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Expr } from '../program.js';
import { domainSize, typeToString, type RecordField, type Type } from '../types.js';
import { coerce, unify } from './coerce.js';
import { poison, withBinding, type Cx } from './context.js';
import { check, checkBool, checkElems, checkInt, checkIterable, checkSet, elemOf } from './expr.js';
import { localOfExpr, processNamed } from './names.js';
import { setType } from './operators.js';
import { finite, resolveType } from './typeexpr.js';
import { ERR, join } from './typeops.js';

export function setLit(cx: Cx, e: ast.Expr & { kind: 'setLit' }, expected: Type | undefined): Expr {
  const hint = expected?.kind === 'set' ? expected.elem : undefined;
  if (e.elems.length === 0) return hint ? { kind: 'setLit', type: { kind: 'set', elem: hint }, span: e.span, elems: [] } : cannotInfer(cx, e, 'set');
  const { exprs, type } = unify(cx, checkElems(cx, e.elems, hint));
  return { kind: 'setLit', type: setType(cx, type, e.span), span: e.span, elems: exprs };
}

export function seqLit(cx: Cx, e: ast.Expr & { kind: 'seqLit' }, expected: Type | undefined): Expr {
  const hint = expected?.kind === 'seq' ? expected.elem : undefined;
  if (e.elems.length === 0) return hint ? { kind: 'seqLit', type: { kind: 'seq', elem: hint, max: 0 }, span: e.span, elems: [] } : cannotInfer(cx, e, 'sequence');
  const { exprs, type } = unify(cx, checkElems(cx, e.elems, hint).map((x) => adapt(cx, x, hint)));
  return { kind: 'seqLit', type: { kind: 'seq', elem: type, max: exprs.length }, span: e.span, elems: exprs };
}

function cannotInfer(cx: Cx, e: ast.Expr, what: string): Expr {
  cx.diags.push(diag('KLP3008', e.span, { what }));
  return poison(e.span);
}

// An element headed for an option slot is made an option itself, so the literal's layout is
// the slot's (a sequence of T cannot be converted to a sequence of T? afterwards).
function adapt(cx: Cx, v: Expr, hint: Type | undefined): Expr {
  if (hint?.kind !== 'option' || v.type.kind === 'option' || v.type === ERR || !join(hint.inner, v.type)) return v;
  return coerce(cx, v, { kind: 'option', inner: v.type });
}

export function setComp(cx: Cx, e: ast.Expr & { kind: 'setComp' }): Expr {
  const domain = checkSet(cx, e.domain);
  const inner = withBinding(cx, e.binder.name, elemOf(domain.type));
  const filter = e.filter && checkBool(inner.cx, e.filter);
  const elem = check(inner.cx, e.elem);
  return { kind: 'setComp', type: setType(cx, elem.type, e.span), span: e.span, binding: inner.binding, domain, elem, filter };
}

// The kept elements in order; the result's bound is the most the domain can hold: every value of
// a set's element type, or the sequence's bound.
export function seqComp(cx: Cx, e: ast.Expr & { kind: 'seqComp' }, expected: Type | undefined): Expr {
  const domain = checkIterable(cx, e.domain, 'A sequence comprehension over a set');
  const hint = expected?.kind === 'seq' ? expected.elem : undefined;
  const inner = withBinding(cx, e.binder.name, elemOf(domain.type));
  const filter = e.filter && checkBool(inner.cx, e.filter);
  const elem = adapt(cx, check(inner.cx, e.elem, hint), hint);
  const t = domain.type;
  if (t.kind !== 'set' && t.kind !== 'seq') return poison(e.span);
  const max = t.kind === 'set' ? domainSize(t.elem) : t.max;
  return { kind: 'seqComp', type: { kind: 'seq', elem: elem.type, max }, span: e.span, binding: inner.binding, domain, elem, filter };
}

export function mapLit(cx: Cx, e: ast.Expr & { kind: 'mapLit' }, expected: Type | undefined): Expr {
  const key = finite(cx.diags, resolveType(cx.g, cx.diags, e.domain), e.domain);
  const hint = expected?.kind === 'map' ? expected.value : undefined;
  const inner = withBinding(cx, e.binder.name, key);
  const value = adapt(cx, check(inner.cx, e.value, hint), hint);
  return { kind: 'mapLit', type: { kind: 'map', key, value: value.type }, span: e.span, binding: inner.binding, value };
}

export function recordLit(cx: Cx, e: ast.Expr & { kind: 'recordLit' }, expected: Type | undefined): Expr {
  const seen = new Set<string>();
  for (const f of e.fields) {
    if (seen.has(f.name.name)) cx.diags.push(diag('KLP2002', f.name.span, { name: f.name.name }));
    seen.add(f.name.name);
  }
  const want = expected?.kind === 'record' ? expected : undefined;
  if (want) {
    const before = cx.diags.length;
    const missing = want.fields.filter((f) => !seen.has(f.name)).map((f) => f.name);
    if (missing.length > 0) cx.diags.push(diag('KLP3010', e.span, { names: missing.join(', '), type: typeToString(want) }));
    for (const f of e.fields) {
      if (!want.fields.some((w) => w.name === f.name.name)) cx.diags.push(diag('KLP3006', f.name.span, { type: typeToString(want), name: f.name.name }));
    }
    if (cx.diags.length > before) return poison(e.span); // the slot would only report the same mismatch again
  }
  // in the expected type's field order when it names the same fields
  const order = want && want.fields.length === seen.size && want.fields.every((f) => seen.has(f.name))
    ? want.fields.map((w) => e.fields.find((f) => f.name.name === w.name)!) : e.fields;
  const values = order.map((f) => {
    const hint = want?.fields.find((w) => w.name === f.name.name)?.type;
    return adapt(cx, check(cx, f.value, hint), hint);
  });
  const fields: RecordField[] = order.map((f, i) => ({ name: f.name.name, type: values[i]!.type }));
  return { kind: 'recordLit', type: { kind: 'record', fields }, span: e.span, values };
}

export function indexExpr(cx: Cx, e: ast.Expr & { kind: 'index' }): Expr {
  if (e.target.kind === 'name' && processNamed(cx, e.target.name)) {
    cx.diags.push(diag('KLP2020', e.target.span, { name: e.target.name.name, what: 'process' }, { hint: `write ${e.target.name.name}[i]@label or ${e.target.name.name}[i].local` }));
    return poison(e.span);
  }
  const target = check(cx, e.target);
  const t = target.type;
  if (t.kind === 'map') {
    const key = coerce(cx, check(cx, e.index, t.key), t.key);
    return { kind: 'mapGet', type: t.value, span: e.span, target, key };
  }
  if (t.kind === 'seq') return { kind: 'seqGet', type: t.elem, span: e.span, target, index: checkInt(cx, e.index) };
  return notIndexable(cx, target);
}

function notIndexable(cx: Cx, target: Expr): Expr {
  if (target.type !== ERR) cx.diags.push(diag('KLP3007', target.span, { type: typeToString(target.type) }));
  return poison(target.span);
}

export function fieldExpr(cx: Cx, e: ast.Expr & { kind: 'field' }): Expr {
  const t = e.target;
  if (t.kind === 'name' && processNamed(cx, t.name)) return localOfExpr(cx, t.name, undefined, e.field, e.span);
  if (t.kind === 'index' && t.target.kind === 'name' && processNamed(cx, t.target.name)) {
    return localOfExpr(cx, t.target.name, t.index, e.field, e.span);
  }
  const target = check(cx, t);
  const index = fieldIndex(cx, target.type, e.field);
  if (index === undefined) return poison(e.span);
  const rt = target.type as Type & { kind: 'record' };
  return { kind: 'field', type: rt.fields[index]!.type, span: e.span, target, index };
}

export function fieldIndex(cx: Cx, t: Type, field: ast.Ident): number | undefined {
  if (t === ERR) return undefined;
  const index = t.kind === 'record' ? t.fields.findIndex((f) => f.name === field.name) : -1;
  if (index >= 0) return index;
  cx.diags.push(diag('KLP3006', field.span, { type: typeToString(t), name: field.name }));
  return undefined;
}

export function withIndex(cx: Cx, e: ast.Expr & { kind: 'withIndex' }): Expr {
  const target = check(cx, e.target);
  const t = target.type;
  if (t.kind === 'map') {
    const key = coerce(cx, check(cx, e.index, t.key), t.key);
    const value = coerce(cx, check(cx, e.value, t.value), t.value);
    return { kind: 'mapSet', type: t, span: e.span, target, key, value };
  }
  if (t.kind === 'seq') {
    const value = coerce(cx, check(cx, e.value, t.elem), t.elem);
    return { kind: 'seqSet', type: t, span: e.span, target, index: checkInt(cx, e.index), value };
  }
  return notIndexable(cx, target);
}

export function withField(cx: Cx, e: ast.Expr & { kind: 'withField' }): Expr {
  const target = check(cx, e.target);
  const index = fieldIndex(cx, target.type, e.field);
  if (index === undefined) return poison(e.span);
  const ft = (target.type as Type & { kind: 'record' }).fields[index]!.type;
  const value = coerce(cx, check(cx, e.value, ft), ft);
  return { kind: 'fieldSet', type: target.type, span: e.span, target, index, value };
}
