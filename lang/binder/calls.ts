// Calls: built-in functions (typed here, one rule each) and user functions (arguments coerced
// to the parameter types). Built-in names are reserved: a user function cannot take one.

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import type { Builtin, Expr } from '../program.js';
import { BOOL, domainSize, intType, symmetryOf, type Type } from '../types.js';
import { coerce, mismatch } from './coerce.js';
import { poison, type Cx } from './context.js';
import { check, report, unordered } from './expr.js';
import { canReadState } from './names.js';
import { ERR, fitsByCheck, join } from './typeops.js';

const ARITY: Readonly<Record<string, number>> = {
  len: 1, append: 2, head: 1, tail: 1, last: 1, pop: 1, contains: 2, remove: 2,
  card: 1, is_some: 1, unwrap: 1, min: 1, max: 1, some: 1, locked: 1, holds: 1, succ: 1, pred: 1,
};
export const BUILTIN_NAMES: readonly string[] = Object.keys(ARITY);

export function call(cx: Cx, e: ast.Expr & { kind: 'call' }, expected: Type | undefined): Expr {
  const name = e.callee.name;
  const arity = ARITY[name];
  if (arity !== undefined) return e.args.length === arity ? builtin(cx, name, e, expected) : arityError(cx, e, arity);
  const sym = cx.g.names.get(name);
  if (sym?.kind !== 'fn') {
    const fns = [...cx.g.names].filter(([, s]) => s.kind === 'fn').map(([n]) => n);
    const near = closest(name, [...fns, ...BUILTIN_NAMES]);
    cx.diags.push(diag('KLP2012', e.callee.span, { name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
    return poison(e.span);
  }
  const sig = cx.g.fnSigs[sym.index]!;
  if (e.args.length !== sig.params.length) return arityError(cx, e, sig.params.length);
  if (cx.g.statefulFns.has(name) && !canReadState(cx, e.callee.span, name, 'a function that reads the state')) return poison(e.span);
  const args = e.args.map((a, i) => coerce(cx, check(cx, a, sig.params[i]), sig.params[i]!));
  return { kind: 'call', type: sig.result, span: e.span, fn: sym.index, args };
}

function arityError(cx: Cx, e: ast.Expr & { kind: 'call' }, expected: number): Expr {
  cx.diags.push(diag('KLP2013', e.span, { name: e.callee.name, expected, actual: e.args.length }));
  return poison(e.span);
}

function builtin(cx: Cx, name: string, e: ast.Expr & { kind: 'call' }, expected: Type | undefined): Expr {
  const span = e.span;
  const a0 = e.args[0]!;
  const mk = (b: Builtin, type: Type, args: readonly Expr[]): Expr =>
    args.some((a) => a.type === ERR) ? poison(span) : { kind: 'builtin', name: b, type, span, args };
  switch (name) {
    case 'some': {
      const value = check(cx, a0, expected?.kind === 'option' ? expected.inner : undefined);
      return value.type === ERR ? poison(span) : { kind: 'some', type: { kind: 'option', inner: value.type }, span, value };
    }
    case 'locked': case 'holds': return lockQuery(cx, name, a0, span);
    case 'is_some': { const o = want(cx, a0, 'option'); return mk('isSome', BOOL, [o]); }
    case 'unwrap': { const o = want(cx, a0, 'option'); return mk('unwrap', o.type.kind === 'option' ? o.type.inner : ERR, [o]); }
    case 'card': {
      const s = want(cx, a0, 'set');
      return mk('card', s.type.kind === 'set' && s.type.elem !== ERR ? intType(0, domainSize(s.type.elem)) : ERR, [s]);
    }
    case 'min': case 'max': {
      const s = unordered(cx, want(cx, a0, 'set'), `'${name}'`);
      return mk(name, s.type.kind === 'set' ? s.type.elem : ERR, [s]);
    }
    case 'succ': case 'pred': {
      const v = check(cx, a0);
      if (v.type === ERR || symmetryOf(v.type)?.ring === true) return mk(name, v.type, [v]);
      return report(cx, v, 'a value of a symmetric ring (symmetric ring lo..hi)');
    }
  }
  const s = want(cx, a0, 'seq');
  const st = s.type.kind === 'seq' ? s.type : undefined;
  switch (name) {
    case 'len': return mk('len', st ? intType(0, st.max) : ERR, [s]);
    case 'head': case 'last': return mk(name, st ? st.elem : ERR, [s]);
    case 'tail': case 'pop': return mk(name, s.type, [s]);
  }
  const { value: x, type: elem } = st ? element(cx, st.elem, e.args[1]!) : { value: poison(span), type: ERR };
  switch (name) {
    case 'append': return mk('append', st ? { kind: 'seq', elem, max: st.max + 1 } : ERR, [s, x]);
    case 'contains': return mk('contains', BOOL, [s, x]);
    case 'remove': return mk('remove', s.type, [s, x]);
  }
  throw new Error(`internal: builtin ${name} has no typing rule`);
}

function want(cx: Cx, a: ast.Expr, kind: 'seq' | 'set' | 'option'): Expr {
  const v = check(cx, a);
  const what = { seq: 'a sequence', set: 'a set', option: 'an option (T?)' }[kind];
  return v.type.kind === kind || v.type === ERR ? v : report(cx, v, what);
}

// An element compared with or added to a sequence of `elem`: converted to their join, which
// must not change the layout of the sequence's own elements.
function element(cx: Cx, elem: Type, a: ast.Expr): { value: Expr; type: Type } {
  const v = check(cx, a, elem);
  const j = join(elem, v.type);
  if (j === undefined || !fitsByCheck(j, elem)) return { value: mismatch(cx, v, elem), type: ERR };
  return { value: coerce(cx, v, j), type: j };
}

function lockQuery(cx: Cx, name: 'locked' | 'holds', a: ast.Expr, span: ast.Ident['span']): Expr {
  const lock = lockIndex(cx, a);
  if (lock === undefined || !canReadState(cx, span, name, 'a lock query')) return poison(span);
  if (name === 'locked') return { kind: 'locked', type: BOOL, span, lock };
  if (cx.proc === undefined) {
    cx.diags.push(diag('KLP2015', span));
    return poison(span);
  }
  return { kind: 'holds', type: BOOL, span, lock };
}

export function lockIndex(cx: Cx, a: ast.Expr | ast.Ident): number | undefined {
  const id = 'kind' in a ? (a.kind === 'name' ? a.name : undefined) : a;
  const sym = id && cx.g.names.get(id.name);
  if (sym?.kind === 'lock') return sym.index;
  const locks = [...cx.g.names].filter(([, s]) => s.kind === 'lock').map(([n]) => n);
  const near = id && closest(id.name, locks);
  cx.diags.push(diag('KLP2006', id?.span ?? (a as ast.Expr).span, { name: id?.name ?? 'expression' }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
  return undefined;
}
