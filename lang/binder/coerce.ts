// Where a value flows into a slot (assignment, initial value, argument, result) the value's type
// must fit the slot's. `coerce` returns the value unchanged when the slot statically contains its
// type, wraps it in `fit` when only a runtime check can tell, in `some` for T -> T?, rebuilds a
// record whose fields need either, and reports KLP3001 when the shapes differ. `unify` gives
// several values (if-branches, literal elements) their join type.

import { diag } from '../diagnostics/diagnostic.js';
import type { Expr } from '../program.js';
import { symmetryOf, typeToString, type Type } from '../types.js';
import { poison, type Cx } from './context.js';
import { contains, ERR, fitsByCheck, join, sameFieldNames } from './typeops.js';

export function coerce(cx: Cx, v: Expr, slot: Type): Expr {
  if (contains(slot, v.type)) return v;
  if (slot.kind === 'option' && v.type.kind !== 'option') {
    const inner = coerce(cx, v, slot.inner);
    return inner.type === ERR ? inner : { kind: 'some', type: slot, span: v.span, value: inner };
  }
  if (fitsByCheck(slot, v.type)) return { kind: 'fit', type: slot, span: v.span, value: v };
  if (slot.kind === 'record' && v.type.kind === 'record' && sameFieldNames(slot, v.type)) return rebuild(cx, v, slot);
  return mismatch(cx, v, slot);
}

export function mismatch(cx: Cx, v: Expr, slot: Type): Expr {
  const actual = v.kind === 'none' ? "'none'" : typeToString(v.type);
  cx.diags.push(diag('KLP3001', v.span, { expected: typeToString(slot), actual }, hint(slot, v)));
  return poison(v.span);
}

// What may be done with the values of a symmetric type T, for messages about one.
export function symmetricHint(t: Type): { hint?: string } {
  const sym = symmetryOf(t);
  if (sym === undefined) return {};
  const ring = sym.ring ? ', succ() and pred()' : '';
  return { hint: `${sym.name} is symmetric: its values have no numbers or order, only == and !=${ring}; get one from a quantifier, choose, a parameter or 'in ${sym.name}'` };
}

export const NONE_HINT = "'none' is only a value of an option type (T?)";

function hint(slot: Type, v: Expr): { hint?: string } {
  const actual = v.type;
  if (v.kind === 'none') return { hint: NONE_HINT };
  const symmetric = [slot, actual].map((t) => (t.kind === 'option' ? t.inner : t)).find((t) => symmetryOf(t) !== undefined);
  if (symmetric !== undefined) return symmetricHint(symmetric);
  if (actual.kind === 'option' && slot.kind !== 'option' && join(slot, actual.inner)) {
    return { hint: 'this is an option: use unwrap(...) to get its value, or is_some(...) to test it' };
  }
  if (slot.kind === 'record' && actual.kind === 'record') {
    const names = (t: Type & { kind: 'record' }) => t.fields.map((f) => f.name);
    const missing = names(slot).filter((n) => !names(actual).includes(n));
    const extra = names(actual).filter((n) => !names(slot).includes(n));
    return { hint: [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : ''].filter(Boolean).join('; ') };
  }
  return {};
}

// A record value with the slot's field order, each field coerced to the slot's field type.
function rebuild(cx: Cx, v: Expr, slot: Type & { kind: 'record' }): Expr {
  const vt = v.type as Type & { kind: 'record' };
  const values = (get: (i: number) => Expr) => slot.fields.map((f) => coerce(cx, get(vt.fields.findIndex((x) => x.name === f.name)), f.type));
  if (v.kind === 'recordLit') return { kind: 'recordLit', type: slot, span: v.span, values: values((i) => v.values[i]!) };
  // bind the value once: its fields are read one by one
  const binding = { id: cx.ids.next++, name: 'record', type: vt };
  const ref: Expr = { kind: 'bound', id: binding.id, name: binding.name, type: vt, span: v.span };
  const fields = values((i) => ({ kind: 'field', target: ref, index: i, type: vt.fields[i]!.type, span: v.span }));
  const body: Expr = { kind: 'recordLit', type: slot, span: v.span, values: fields };
  return { kind: 'let', type: slot, span: v.span, binding, value: v, body };
}

// The values converted to their common type; a value whose shape differs is reported.
export function unify(cx: Cx, vs: readonly Expr[]): { exprs: Expr[]; type: Type } {
  let type: Type = ERR;
  const ok = vs.map((v) => {
    const j = join(type, v.type);
    if (j === undefined) return mismatch(cx, v, type);
    type = j;
    return v;
  });
  return { exprs: ok.map((v) => coerce(cx, v, type)), type };
}
