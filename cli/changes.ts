// What a step changed: the difference between two decoded states as a list of paths
// (`func_stack[b]`, `obj[3].mod`), descending into maps and records so that one changed entry
// of a big map prints as one short line. Program counters (`inst.pc` keys) are left out: the
// step label already says where the instance went.

import type { DecodedState, Value } from '../runtime/value.js';
import { formatValue, isMap, isRecord, sameValue } from './values.js';

export interface Change {
  readonly path: string;
  readonly before: Value | undefined; // undefined: the key is new
  readonly after: Value;
}

export function isPcKey(key: string): boolean {
  return key.endsWith('.pc');
}

// The state's entries without program counters, in the decoder's order.
export function dataEntries(s: DecodedState): [string, Value][] {
  return Object.entries(s).filter(([k]) => !isPcKey(k));
}

export function stateChanges(before: DecodedState, after: DecodedState): Change[] {
  const out: Change[] = [];
  for (const [key, value] of dataEntries(after)) diffValue(key, before[key], value, out);
  return out;
}

function diffValue(path: string, a: Value | undefined, b: Value, out: Change[]): void {
  if (a !== undefined && sameValue(a, b)) return;
  const ca = a === undefined ? undefined : children(path, a);
  const cb = children(path, b);
  if (ca !== undefined && cb !== undefined && ca.length > 0 && ca.length === cb.length && ca.every(([p], i) => p === cb[i]![0])) {
    cb.forEach(([p, v], i) => diffValue(p, ca[i]![1], v, out));
  } else {
    out.push({ path, before: a, after: b });
  }
}

// The entries of a map or a record as (path, value) pairs, `m[k]` and `r.f`; undefined for
// other values.
export function children(path: string, v: Value): [string, Value][] | undefined {
  if (isMap(v)) return v['#map'].map(([k, x]) => [`${path}[${formatValue(k)}]`, x]);
  if (isRecord(v)) return Object.entries(v).map(([f, x]) => [`${path}.${f}`, x]);
  return undefined;
}

// `path = value` lines for a value, split into its entries (recursively) while too wide.
export function entryLines(path: string, v: Value, width: number): string[] {
  const line = `${path} = ${formatValue(v)}`;
  const kids = children(path, v);
  if (line.length <= width || kids === undefined || kids.length === 0) return [line];
  return kids.flatMap(([p, x]) => entryLines(p, x, width));
}

// Instances that are not finished in state `s`, with the label each waits at (for deadlocks).
export function pendingInstances(s: DecodedState): { instance: string; label: string }[] {
  return Object.entries(s)
    .filter(([k, v]) => isPcKey(k) && v !== 'done')
    .map(([k, v]) => ({ instance: k.slice(0, -'.pc'.length), label: formatValue(v) }));
}
