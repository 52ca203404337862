// Hand-written model of specs/examples/philosophers.klp: N philosophers, fork p between p and
// p % N + 1, each forever `think`, `pickFirst` (await its left fork free, take it),
// `pickSecond` (the right one), `eat` (put both back). Slots: [fork[N] (0 free, else the
// holder), pc[N]] with pc 0 think, 1 pickFirst, 2 pickSecond, 3 eat. Deadlocks (everyone holds
// a left fork); EatersHoldForks holds. Nobody is ever done.

import type { CompiledModel, ModelMeta, Sink } from '../../runtime/model.js';
import type { DecodedState } from '../../runtime/value.js';
import { copy, Layout } from './layout.js';
import { loc, processMeta } from './meta.js';

const THINK = 0;
const FIRST = 1;
const SECOND = 2;
const EAT = 3;
const LABELS = ['think', 'pickFirst', 'pickSecond', 'eat'];

export class PhilosophersModel implements CompiledModel {
  readonly meta: ModelMeta;
  readonly slots: number;
  readonly words: number;
  readonly invariants: readonly ((s: Int32Array) => boolean)[];
  readonly predicates: readonly ((s: Int32Array) => number)[] = [];
  private readonly layout: Layout;

  constructor(readonly n: number) {
    const file = 'philosophers.klp';
    const { instances, steps } = processMeta(file, 'phil', n, LABELS);
    this.meta = {
      name: `philosophers N=${n}`,
      instances,
      steps,
      invariants: [{ name: 'EatersHoldForks', loc: loc(file, 44) }],
      properties: [],
      sites: [],
      vars: ['fork'],
    };
    this.slots = 2 * n;
    const ranges: [number, number][] = [];
    for (let i = 0; i < n; i++) ranges.push([0, n]);
    for (let i = 0; i < n; i++) ranges.push([0, 3]);
    this.layout = new Layout(ranges);
    this.words = this.layout.words;
    this.invariants = [(s) => this.eatersHoldForks(s)];
  }

  init(next: Int32Array, sink: Sink): void {
    next.fill(0);
    sink.emit(-1);
  }

  // Philosopher i (0-based) is phil[i + 1]; its left fork is slot i, its right one slot i + 1 mod n.
  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const pc = cur[n + i]!;
      const right = i + 1 === n ? 0 : i + 1;
      if (pc === THINK) {
        copy(cur, next);
        next[n + i] = FIRST;
        sink.emit(4 * i);
      } else if (pc === FIRST) {
        if (cur[i] !== 0) continue;
        copy(cur, next);
        next[i] = i + 1;
        next[n + i] = SECOND;
        sink.emit(4 * i + 1);
      } else if (pc === SECOND) {
        if (cur[right] !== 0) continue;
        copy(cur, next);
        next[right] = i + 1;
        next[n + i] = EAT;
        sink.emit(4 * i + 2);
      } else {
        copy(cur, next);
        next[i] = 0;
        next[right] = 0;
        next[n + i] = THINK;
        sink.emit(4 * i + 3);
      }
    }
  }

  allDone(): boolean {
    return false;
  }

  pack(src: Int32Array, dst: Int32Array, off: number): void {
    this.layout.pack(src, dst, off);
  }

  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    this.layout.unpack(src, off, dst);
  }

  decode(s: Int32Array): DecodedState {
    const n = this.n;
    const fork = Array.from({ length: n }, (_, i) => [i + 1, s[i]!] as const);
    const out: Record<string, DecodedState[string]> = { fork: { '#map': fork } };
    for (let i = 0; i < n; i++) out[`phil[${i + 1}].pc`] = LABELS[s[n + i]!]!;
    return out;
  }

  private eatersHoldForks(s: Int32Array): boolean {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      if (s[n + i] === EAT && (s[i] !== i + 1 || s[i + 1 === n ? 0 : i + 1] !== i + 1)) return false;
    }
    return true;
  }
}
