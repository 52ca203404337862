// Relations between semantic types used by the checker: join (the least type holding values of
// both, for if-branches, literal elements, set operations), static containment (does a slot need
// a `fit` check?), equality and layout. ERR is the type of an expression that already produced a
// diagnostic: it is compatible with everything so one mistake is reported once.

import { BOOL, domainSize, intType, isScalarDomain, typeToString, type Type } from '../types.js';

// Compared by identity: a poisoned expression's type.
export const ERR: Type = Object.freeze({ kind: 'int', lo: 0, hi: 0 }) as Type;

const MAX_SET_DOMAIN = 1024;

// Enum names are unique within a program, so the rendered form identifies a type.
export function typeEquals(a: Type, b: Type): boolean {
  return typeToString(a) === typeToString(b);
}

// The least type containing both, or undefined when their shapes differ. T joined with U? is
// (T join U)?: the T side is then converted with `some`.
export function join(a: Type, b: Type): Type | undefined {
  if (a === ERR) return b;
  if (b === ERR) return a;
  if (a.kind === 'option' && b.kind !== 'option') return optionOf(join(a.inner, b));
  if (b.kind === 'option' && a.kind !== 'option') return optionOf(join(a, b.inner));
  switch (a.kind) {
    case 'bool': return b.kind === 'bool' ? BOOL : undefined;
    case 'int': return b.kind === 'int' ? intType(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi)) : undefined;
    case 'enum': return b.kind === 'enum' && b.name === a.name ? a : undefined;
    case 'set': return b.kind === 'set' ? setOf(join(a.elem, b.elem)) : undefined;
    case 'option': return b.kind === 'option' ? optionOf(join(a.inner, b.inner)) : undefined;
    case 'seq': {
      if (b.kind !== 'seq') return undefined;
      const elem = join(a.elem, b.elem);
      return elem && { kind: 'seq', elem, max: Math.max(a.max, b.max) };
    }
    case 'map': {
      if (b.kind !== 'map' || !typeEquals(a.key, b.key)) return undefined;
      const value = join(a.value, b.value);
      return value && { kind: 'map', key: a.key, value };
    }
    case 'record': {
      if (b.kind !== 'record' || !sameFieldNames(a, b)) return undefined;
      const fields = a.fields.map((f) => ({ name: f.name, type: join(f.type, fieldType(b, f.name)!) }));
      return fields.every((f) => f.type) ? { kind: 'record', fields: fields as { name: string; type: Type }[] } : undefined;
    }
  }
}

function setOf(elem: Type | undefined): Type | undefined {
  return elem && { kind: 'set', elem };
}
function optionOf(inner: Type | undefined): Type | undefined {
  return inner && { kind: 'option', inner };
}

export function sameFieldNames(a: Type & { kind: 'record' }, b: Type & { kind: 'record' }): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f) => fieldType(b, f.name) !== undefined);
}

export function fieldType(t: Type & { kind: 'record' }, name: string): Type | undefined {
  return t.fields.find((f) => f.name === name)?.type;
}

// True when every value of `t` is a value of `slot` with the same layout: no fit, no conversion.
export function contains(slot: Type, t: Type): boolean {
  if (slot === ERR || t === ERR) return true;
  switch (slot.kind) {
    case 'bool': return t.kind === 'bool';
    case 'int': return t.kind === 'int' && slot.lo <= t.lo && t.hi <= slot.hi;
    case 'enum': return t.kind === 'enum' && t.name === slot.name;
    case 'set': return t.kind === 'set' && contains(slot.elem, t.elem);
    case 'seq': return t.kind === 'seq' && t.max <= slot.max && contains(slot.elem, t.elem);
    case 'option': return t.kind === 'option' && contains(slot.inner, t.inner);
    case 'map': return t.kind === 'map' && typeEquals(slot.key, t.key) && contains(slot.value, t.value);
    case 'record':
      return t.kind === 'record' && t.fields.length === slot.fields.length &&
        slot.fields.every((f, i) => t.fields[i]!.name === f.name && contains(f.type, t.fields[i]!.type));
  }
}

// True when `from` can be stored in `to` by a plain `fit` check (same shape and layout, some
// values possibly outside): no `some` wrapping or record reordering needed anywhere inside.
export function fitsByCheck(to: Type, from: Type): boolean {
  if (to === ERR || from === ERR) return true;
  switch (to.kind) {
    case 'bool': case 'int': return from.kind === to.kind;
    case 'enum': return from.kind === 'enum' && from.name === to.name;
    case 'set': return from.kind === 'set' && fitsByCheck(to.elem, from.elem);
    case 'seq': return from.kind === 'seq' && fitsByCheck(to.elem, from.elem);
    case 'option': return from.kind === 'option' && fitsByCheck(to.inner, from.inner);
    case 'map': return from.kind === 'map' && typeEquals(to.key, from.key) && fitsByCheck(to.value, from.value);
    case 'record':
      return from.kind === 'record' && from.fields.length === to.fields.length &&
        to.fields.every((f, i) => from.fields[i]!.name === f.name && fitsByCheck(f.type, from.fields[i]!.type));
  }
}

// Why `t` cannot be a set element or map key, or undefined when it can.
export function finiteDomainProblem(t: Type): string | undefined {
  if (t === ERR) return undefined;
  if (!isScalarDomain(t)) return 'elements and keys must be bool, an integer range or an enum';
  if (domainSize(t) > MAX_SET_DOMAIN) return `it has ${domainSize(t)} values, more than ${MAX_SET_DOMAIN}`;
  return undefined;
}
