// Hand-written model of K processes each incrementing a shared counter R times, non-atomically:
//   var x: 0..K*R;  process proc(i) { var tmp: 0..K*R;  var n: 0..R-1 = 0;
//     read: tmp := x;  write: x := tmp + 1; if n < R - 1 { n := n + 1; goto read; } }
// Slots: [x, pc[0..K), tmp[0..K), n[0..K)] with pc 0 = read, 1 = write, 2 = done. Invariant
// `Bounded` (x <= K*R) holds; the write step checks x's domain like generated code would.

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
  private readonly layout: Layout;

  private readonly max: number;

  constructor(
    readonly k: number,
    readonly rounds = 1,
  ) {
    const file = 'counter.klp';
    const { instances, steps } = processMeta(file, 'proc', k, ['read', 'write']);
    this.meta = {
      name: rounds === 1 ? `counter${k}` : `counter${k}x${rounds}`,
      instances,
      steps,
      invariants: [{ name: 'Bounded', loc: loc(file, 2) }],
      sites: [{ kind: 'domain', message: `value {value} outside 0..${k * rounds} (assigning to x)`, loc: loc(file, 11) }],
      vars: ['x'],
    };
    this.max = k * rounds;
    this.slots = 1 + 3 * k;
    const ranges: [number, number][] = [[0, this.max]];
    for (let i = 0; i < k; i++) ranges.push([0, 2]);
    for (let i = 0; i < k; i++) ranges.push([0, this.max]);
    for (let i = 0; i < k; i++) ranges.push([0, rounds - 1]);
    this.layout = new Layout(ranges);
    this.words = this.layout.words;
    this.invariants = [(s) => s[0]! <= this.max];
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
        next[1 + i] = WRITE;
        next[1 + k + i] = cur[0]!;
        sink.emit(2 * i);
      } else if (pc === WRITE) {
        const v = cur[1 + k + i]! + 1;
        if (v > this.max) {
          sink.fail(2 * i + 1, 0, v);
          continue;
        }
        copy(cur, next);
        next[0] = v;
        const n = cur[1 + 2 * k + i]!;
        if (n < this.rounds - 1) {
          next[1 + 2 * k + i] = n + 1;
          next[1 + i] = READ;
        } else {
          next[1 + i] = DONE;
        }
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
    const out: Record<string, number | string> = { x: s[0]! };
    for (let i = 0; i < this.k; i++) {
      out[`proc[${i}].pc`] = PCS[s[1 + i]!]!;
      out[`proc[${i}].tmp`] = s[1 + this.k + i]!;
      out[`proc[${i}].n`] = s[1 + 2 * this.k + i]!;
    }
    return out;
  }
}
