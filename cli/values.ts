// Readable rendering of decoded values (runtime/value.ts, ITF-shaped) in the spec language's own
// notation: ints, enum names, sets `{1, 2}`, sequences `[1, 2]`, maps `[a |-> 1, b |-> 2]`,
// records `{state: ENABLED, mod: some(M)}`, options `none` / `some(M)`.

import type { Value } from '../runtime/value.js';

export type RecordValue = { readonly [k: string]: Value };

export function formatValue(v: Value): string {
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return String(v);
  if (isSeq(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (isSet(v)) return `{${v['#set'].map(formatValue).join(', ')}}`;
  if (isMap(v)) return `[${v['#map'].map(([k, x]) => `${formatValue(k)} |-> ${formatValue(x)}`).join(', ')}]`;
  if (isOption(v)) return v.tag === 'None' ? 'none' : `some(${formatValue(v.value)})`;
  const fields = Object.entries(v as RecordValue).map(([k, x]) => `${k}: ${formatValue(x)}`);
  return `{${fields.join(', ')}}`;
}

export function isSeq(v: Value): v is readonly Value[] {
  return Array.isArray(v);
}

export function isSet(v: Value): v is { readonly '#set': readonly Value[] } {
  return typeof v === 'object' && !Array.isArray(v) && '#set' in v;
}

export function isMap(v: Value): v is { readonly '#map': readonly (readonly [Value, Value])[] } {
  return typeof v === 'object' && !Array.isArray(v) && '#map' in v;
}

// Options are Quint-style variants; a record whose only fields are `tag` and `value` with a tag
// of None/Some is indistinguishable from one, and prints as an option.
export function isOption(v: Value): v is { readonly tag: 'None' | 'Some'; readonly value: Value } {
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const tag = (v as RecordValue).tag;
  return keys.length === 2 && 'value' in v && (tag === 'None' || tag === 'Some');
}

// A record: a plain object that is none of the tagged shapes above.
export function isRecord(v: Value): v is RecordValue {
  return typeof v === 'object' && !isSeq(v) && !isSet(v) && !isMap(v) && !isOption(v);
}

export function sameValue(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
