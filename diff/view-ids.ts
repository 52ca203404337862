// Numbers the view-states of both specs with one shared id space. A state's view is encoded as
// 32-bit words from its decoded values (runtime/value.ts), which never depend on a spec's slot
// layout: ints as themselves, booleans 0/1, strings (enum members, labels, lock holders) by an
// id shared by both specs, containers as their length then their elements, records as their
// fields in order. The words are fingerprinted (runtime/fingerprint.ts) into an FpIndex.
//
// Within one type the encoding is unambiguous, and both specs have the same type for each view
// key. Only the order of record fields and of enum members (which orders sets and maps) may
// differ between them: such `reordered` keys are encoded as the id of their canonical text
// (canonical.ts), which is slower. Decoding allocates, so a graph asks once per distinct state.

import { fingerprint, fpHi } from '../runtime/fingerprint.js';
import type { DecodedState, Value } from '../runtime/value.js';
import { canonicalValue } from './canonical.js';
import { FpIndex } from '../runtime/fpindex.js';
import type { View } from './view.js';

export class ViewIds {
  readonly keys: readonly string[];
  private readonly reordered: readonly boolean[];
  private readonly index = new FpIndex();
  private readonly strings = new Map<string, number>();
  private words = new Int32Array(256);
  private length = 0;

  constructor(view: View) {
    this.keys = view.keys;
    this.reordered = view.keys.map((k) => view.reordered.includes(k));
  }

  get count(): number {
    return this.index.size;
  }

  idOf(state: DecodedState): number {
    this.length = 0;
    this.keys.forEach((k, i) => {
      const v = state[k];
      if (v === undefined) throw new Error(`view key '${k}' is not in the decoded state`);
      if (this.reordered[i]) this.push(this.stringId(canonicalValue(v)));
      else this.put(v);
    });
    const lo = fingerprint(this.words, 0, this.length);
    return this.index.getOrAdd(fpHi, lo, this.index.size);
  }

  // The view keys of a decoded state, for reports.
  project(state: DecodedState): DecodedState {
    return Object.fromEntries(this.keys.map((k) => [k, state[k]!]));
  }

  private put(v: Value): void {
    if (typeof v === 'number') return this.push(v);
    if (typeof v === 'boolean') return this.push(v ? 1 : 0);
    if (typeof v === 'string') return this.push(this.stringId(v));
    if (Array.isArray(v)) return this.putAll(v);
    const o = v as Readonly<Record<string, Value>>;
    if ('#set' in o) return this.putAll(o['#set'] as readonly Value[]);
    if ('#map' in o) {
      const entries = o['#map'] as readonly (readonly [Value, Value])[];
      this.push(entries.length);
      for (const [k, x] of entries) {
        this.put(k);
        this.put(x);
      }
      return;
    }
    for (const field in o) this.put(o[field]!);
  }

  private putAll(vs: readonly Value[]): void {
    this.push(vs.length);
    for (const x of vs) this.put(x);
  }

  private push(w: number): void {
    if (this.length === this.words.length) {
      const bigger = new Int32Array(2 * this.words.length);
      bigger.set(this.words);
      this.words = bigger;
    }
    this.words[this.length++] = w;
  }

  private stringId(s: string): number {
    let id = this.strings.get(s);
    if (id === undefined) {
      id = this.strings.size;
      this.strings.set(s, id);
    }
    return id;
  }
}
