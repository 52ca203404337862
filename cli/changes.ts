// What a step changed: the difference between two decoded states as a list of paths
// (`func_stack[b]`, `obj[3].mod`), descending into maps and records so that one changed entry
// of a big map prints as one short line. Program counters (`inst.pc` keys) are left out: the
// step label already says where the instance went.

import type { DecodedState, Value } from '../runtime/value.js';
import { formatValue, isMap, isRecord, type RecordValue, sameValue } from './values.js';

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
  if (a !== undefined && isMap(a) && isMap(b) && sameKeyList(a['#map'].map((e) => e[0]), b['#map'].map((e) => e[0]))) {
    b['#map'].forEach(([k, v], i) => diffValue(`${path}[${formatValue(k)}]`, a['#map'][i]![1], v, out));
  } else if (a !== undefined && isRecord(a) && isRecord(b) && sameKeyList(Object.keys(a), Object.keys(b))) {
    for (const [f, v] of Object.entries(b)) diffValue(`${path}.${f}`, (a as RecordValue)[f], v, out);
  } else {
    out.push({ path, before: a, after: b });
  }
}

function sameKeyList(a: readonly Value[], b: readonly Value[]): boolean {
  return a.length === b.length && a.every((k, i) => sameValue(k, b[i]!));
}

// Instances that are not finished in state `s`, with the label each waits at (for deadlocks).
export function pendingInstances(s: DecodedState): { instance: string; label: string }[] {
  return Object.entries(s)
    .filter(([k, v]) => isPcKey(k) && v !== 'done')
    .map(([k, v]) => ({ instance: k.slice(0, -'.pc'.length), label: formatValue(v) }));
}
