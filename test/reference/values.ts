// Values of the reference interpreter: immutable plain JS data, deliberately unlike the packed
// Int32 slots of the generated explorer. Scalars are numbers (bool 0/1, int, enum ordinal); sets
// are sorted arrays of distinct numbers; sequences are arrays; maps are arrays indexed by
// domainIndex(key); records are objects keyed by field name (so field order never matters);
// options are null (none) or {some: v}.

import { domainIndex, domainSize, domainValue, type Type } from '../../lang/types.js';
import type { SpecErrorKind } from '../../lang/program.js';

export type Value = number | readonly Value[] | { readonly [field: string]: Value } | null;

// A spec error raised while evaluating: caught by the statement runner, which turns the path
// into a failure of the step.
export class SpecError extends Error {
  constructor(readonly kind: SpecErrorKind, message: string) {
    super(`${kind}: ${message}`);
  }
}

// A canonical text for a value: equal values (structurally) give equal strings. Object keys are
// sorted so a record's text does not depend on the order its fields were written in.
export function canon(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v === 0 ? 0 : v); // -0 and 0 are one value
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  const o = v as { readonly [field: string]: Value };
  return `{${Object.keys(o).sort().map((k) => `${k}:${canon(o[k] ?? null)}`).join(',')}}`;
}

export function valueEq(a: Value, b: Value): boolean {
  return canon(a) === canon(b);
}

// Every value of a finite scalar type, ascending.
export function domainValues(t: Type): number[] {
  const out: number[] = [];
  for (let i = 0; i < domainSize(t); i++) out.push(domainValue(t, i));
  return out;
}

export function makeSet(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

// True when v is a value of type t (ints in range, sequences within their bound, ...).
export function fits(v: Value, t: Type): boolean {
  switch (t.kind) {
    case 'bool': return v === 0 || v === 1;
    case 'int': return typeof v === 'number' && Number.isInteger(v) && v >= t.lo && v <= t.hi;
    case 'enum': return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < t.members.length;
    case 'set': return Array.isArray(v) && v.every((x) => fits(x, t.elem));
    case 'seq': return Array.isArray(v) && v.length <= t.max && v.every((x) => fits(x, t.elem));
    case 'map': return Array.isArray(v) && v.length === domainSize(t.key) && v.every((x) => fits(x, t.value));
    case 'option': return v === null || (isSome(v) && fits(v.some, t.inner));
    case 'record': {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
      const o = v as { readonly [field: string]: Value };
      return t.fields.every((f) => f.name in o && fits(o[f.name] ?? null, f.type));
    }
  }
}

export function isSome(v: Value): v is { readonly some: Value } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'some' in v;
}

// The position of key k in a map of key type t; a key outside the domain is a spec error.
export function mapSlot(keyType: Type, k: Value): number {
  if (!fits(k, keyType)) throw new SpecError('domain', `map key ${canon(k)} outside its key type`);
  return domainIndex(keyType, k as number);
}

export function asNum(v: Value): number {
  if (typeof v !== 'number') throw new Error(`internal: expected a scalar, got ${canon(v)}`);
  return v;
}

export function asArr(v: Value): readonly Value[] {
  if (!Array.isArray(v)) throw new Error(`internal: expected an array, got ${canon(v)}`);
  return v;
}

export function asRecord(v: Value): { readonly [field: string]: Value } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`internal: expected a record, got ${canon(v)}`);
  return v as { readonly [field: string]: Value };
}
