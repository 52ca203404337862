// Hand-written model of N dining philosophers who each eat M meals, forks as locks:
//   process phil(i) { var meals: 0..M;
//     take_left: lock(fork[i]);  take_right: lock(fork[(i+1) % N]);
//     eat: meals := meals + 1; unlock both; if meals < M goto take_left; }
// Slots: [fork[0..N) (0 free, else owner + 1), pc[0..N), meals[0..N)] with pc 0 take_left,
// 1 take_right, 2 eat, 3 done. Deadlocks when everyone holds a left fork; `EatersHoldForks` holds.

import type { CompiledModel, ModelMeta, Sink } from '../../runtime/model.js';
import type { DecodedState } from '../../runtime/value.js';
import { copy, Layout } from './layout.js';
import { loc, processMeta } from './meta.js';

const TAKE_LEFT = 0;
const TAKE_RIGHT = 1;
const EAT = 2;
const DONE = 3;
const PCS = ['take_left', 'take_right', 'eat', 'done'];

export class PhilosophersModel implements CompiledModel {
  readonly meta: ModelMeta;
  readonly slots: number;
  readonly words: number;
  readonly invariants: readonly ((s: Int32Array) => boolean)[];
  private readonly layout: Layout;

  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    const file = 'philosophers.klp';
    const { instances, steps } = processMeta(file, 'phil', n, ['take_left', 'take_right', 'eat']);
    this.meta = {
      name: `philosophers${n}x${m}`,
      instances,
      steps,
      invariants: [{ name: 'EatersHoldForks', loc: loc(file, 3) }],
      sites: [],
      vars: Array.from({ length: n }, (_, i) => `fork[${i}]`),
    };
    this.slots = 3 * n;
    const ranges: [number, number][] = [];
    for (let i = 0; i < n; i++) ranges.push([0, n]);
    for (let i = 0; i < n; i++) ranges.push([0, 3]);
    for (let i = 0; i < n; i++) ranges.push([0, m]);
    this.layout = new Layout(ranges);
    this.words = this.layout.words;
    this.invariants = [(s) => this.eatersHoldForks(s)];
  }

  init(next: Int32Array, sink: Sink): void {
    next.fill(0);
    sink.emit(-1);
  }

  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const pc = cur[n + i]!;
      const left = i;
      const right = i + 1 === n ? 0 : i + 1;
      if (pc === TAKE_LEFT && cur[left] === 0) {
        copy(cur, next);
        next[left] = i + 1;
        next[n + i] = TAKE_RIGHT;
        sink.emit(3 * i);
      } else if (pc === TAKE_RIGHT && cur[right] === 0) {
        copy(cur, next);
        next[right] = i + 1;
        next[n + i] = EAT;
        sink.emit(3 * i + 1);
      } else if (pc === EAT) {
        copy(cur, next);
        const meals = cur[2 * n + i]! + 1;
        next[2 * n + i] = meals;
        next[left] = 0;
        next[right] = 0;
        next[n + i] = meals < this.m ? TAKE_LEFT : DONE;
        sink.emit(3 * i + 2);
      }
    }
  }

  allDone(s: Int32Array): boolean {
    for (let i = 0; i < this.n; i++) if (s[this.n + i] !== DONE) return false;
    return true;
  }

  pack(src: Int32Array, dst: Int32Array, off: number): void {
    this.layout.pack(src, dst, off);
  }

  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    this.layout.unpack(src, off, dst);
  }

  decode(s: Int32Array): DecodedState {
    const n = this.n;
    const out: Record<string, number | string> = {};
    for (let i = 0; i < n; i++) out[`fork[${i}]`] = s[i]!;
    for (let i = 0; i < n; i++) {
      out[`phil[${i}].pc`] = PCS[s[n + i]!]!;
      out[`phil[${i}].meals`] = s[2 * n + i]!;
    }
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
