// Canonical text of types and decoded values, so that two specs compare by meaning rather than
// by layout: record fields, enum members, set elements and map entries are sorted, so a value
// prints the same in every spec that has its type, whatever the declaration order there.
// In: a lang Type or a runtime Value. Out: a string; equal strings mean equal types or values.

import type { Type } from '../lang/types.js';
import type { Value } from '../runtime/value.js';

export function canonicalType(t: Type): string {
  switch (t.kind) {
    case 'bool':
      return 'bool';
    case 'int':
      return `${t.lo}..${t.hi}`;
    case 'enum':
      return `${t.name}{${[...t.members].sort().join(',')}}`;
    case 'record':
      return `record{${[...t.fields].sort((x, y) => compare(x.name, y.name)).map((f) => `${f.name}:${canonicalType(f.type)}`).join(',')}}`;
    case 'set':
      return `Set[${canonicalType(t.elem)}]`;
    case 'seq':
      return `Seq[${canonicalType(t.elem)},${t.max}]`;
    case 'map':
      return `Map[${canonicalType(t.key)},${canonicalType(t.value)}]`;
    case 'option':
      return `${canonicalType(t.inner)}?`;
  }
}

export function canonicalValue(v: Value): string {
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalValue).join(',')}]`;
  if ('#set' in v) return `{#set:${(v['#set'] as readonly Value[]).map(canonicalValue).sort(compare).join(',')}}`;
  if ('#map' in v) {
    const entries = (v['#map'] as readonly (readonly [Value, Value])[]).map(([k, x]) => `${canonicalValue(k)}|->${canonicalValue(x)}`);
    return `{#map:${entries.sort(compare).join(',')}}`;
  }
  const fields = Object.keys(v).sort(compare);
  return `{${fields.map((f) => `${JSON.stringify(f)}:${canonicalValue((v as Record<string, Value>)[f]!)}`).join(',')}}`;
}

// Code-unit order, independent of the locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
