// Hand-written model of specs/examples/counter.klp (the lost-update race): K threads each do
// `x++` ROUNDS times, non-atomically: `read: while n < ROUNDS { tmp := x; write: x := tmp + 1;
// n := n + 1; }`. Slots: [x, pc[K], n[K], tmp[K]] with pc 0 read, 1 write, 2 done. The invariant
// NoLostUpdate (all done => x == K * ROUNDS) is violated; `write` checks x's domain (site 0).

import type { CompiledModel, ModelMeta, Sink } from '../../runtime/model.js';
import type { DecodedState } from '../../runtime/value.js';
import { copy, Layout } from './layout.js';
import { loc, processMeta } from './meta.js';

const READ = 0;
const WRITE = 1;
const DONE = 2;
const PCS = ['read', 'write', 'done'];

export class CounterModel implements CompiledModel {
  readonly meta: ModelMeta;
  readonly slots: number;
  readonly words: number;
  readonly invariants: readonly ((s: Int32Array) => boolean)[];
  readonly predicates: readonly ((s: Int32Array) => number)[] = [];
  private readonly layout: Layout;
  private readonly max: number;

  constructor(
    readonly k: number,
    readonly rounds: number,
  ) {
    const file = 'counter.klp';
    const { instances, steps } = processMeta(file, 'inc', k, ['read', 'write']);
    this.max = k * rounds;
    this.meta = {
      name: `counter K=${k} ROUNDS=${rounds}`,
      instances,
      steps,
      invariants: [{ name: 'NoLostUpdate', loc: loc(file, 32) }],
      properties: [],
      sites: [{ kind: 'domain', message: `value {value} outside 0..${this.max} (assigning to x)`, loc: loc(file, 25) }],
      vars: ['x'],
    };
    this.slots = 1 + 3 * k;
    const ranges: [number, number][] = [[0, this.max]];
    for (let i = 0; i < k; i++) ranges.push([0, 2]);
    for (let i = 0; i < k; i++) ranges.push([0, rounds]);
    for (let i = 0; i < k; i++) ranges.push([0, this.max]);
    this.layout = new Layout(ranges);
    this.words = this.layout.words;
    this.invariants = [(s) => !this.allDone(s) || s[0] === this.max];
  }

  init(next: Int32Array, sink: Sink): void {
    next.fill(0);
    sink.emit(-1);
  }

  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    const k = this.k;
    for (let i = 0; i < k; i++) {
      const pc = cur[1 + i]!;
      if (pc === READ) {
        copy(cur, next);
        if (cur[1 + k + i]! < this.rounds) {
          next[1 + 2 * k + i] = cur[0]!;
          next[1 + i] = WRITE;
        } else {
          next[1 + i] = DONE;
        }
        sink.emit(2 * i);
      } else if (pc === WRITE) {
        const v = cur[1 + 2 * k + i]! + 1;
        if (v > this.max) {
          sink.fail(2 * i + 1, 0, v);
          continue;
        }
        copy(cur, next);
        next[0] = v;
        next[1 + k + i] = cur[1 + k + i]! + 1;
        next[1 + i] = READ;
        sink.emit(2 * i + 1);
      }
    }
  }

  allDone(s: Int32Array): boolean {
    for (let i = 0; i < this.k; i++) if (s[1 + i] !== DONE) return false;
    return true;
  }

  pack(src: Int32Array, dst: Int32Array, off: number): void {
    this.layout.pack(src, dst, off);
  }

  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    this.layout.unpack(src, off, dst);
  }

  decode(s: Int32Array): DecodedState {
    const k = this.k;
    const out: Record<string, number | string> = { x: s[0]! };
    for (let i = 0; i < k; i++) {
      out[`inc[${i + 1}].pc`] = PCS[s[1 + i]!]!;
      out[`inc[${i + 1}].n`] = s[1 + k + i]!;
      out[`inc[${i + 1}].tmp`] = s[1 + 2 * k + i]!;
    }
    return out;
  }
}
