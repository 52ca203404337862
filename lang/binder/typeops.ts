// Relations between semantic types used by the checker: static containment (does a slot need a
// `fit` check?), conversion by check, and finite domains. Equality and join, which the compiler
// needs too, live in lang/types.ts.

import { domainSize, ERR, isScalarDomain, sameSymmetry, typeEquals, type Type } from '../types.js';

export { ERR, fieldType, join, sameFieldNames, typeEquals } from '../types.js';

const MAX_SET_DOMAIN = 1024;

// True when every value of `t` is a value of `slot` with the same layout: no fit, no conversion.
export function contains(slot: Type, t: Type): boolean {
  if (slot === ERR || t === ERR) return true;
  switch (slot.kind) {
    case 'bool': return t.kind === 'bool';
    case 'int': return t.kind === 'int' && sameSymmetry(slot, t) && slot.lo <= t.lo && t.hi <= slot.hi;
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
    case 'bool': return from.kind === 'bool';
    case 'int': return from.kind === 'int' && sameSymmetry(to, from);
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
