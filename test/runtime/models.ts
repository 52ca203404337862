// Small hand-written CompiledModels for the runtime tests, each with an obvious state space.
// States pack one slot per word (the runtime must not care how a model packs). Also random
// graphs (fast-check) as models.

import fc from 'fast-check';
import type { CompiledModel, ModelMeta, SiteMeta, Sink } from '../../runtime/model.js';
import type { DecodedState } from '../../runtime/value.js';

const loc = (line: number) => ({ file: 't.klp', line, col: 1 });

abstract class OneWordPerSlot implements CompiledModel {
  abstract readonly meta: ModelMeta;
  abstract readonly slots: number;
  abstract readonly invariants: readonly ((s: Int32Array) => boolean)[];
  readonly predicates: readonly ((s: Int32Array) => number)[] = [];
  abstract init(next: Int32Array, sink: Sink): void;
  abstract successors(cur: Int32Array, next: Int32Array, sink: Sink): void;
  abstract allDone(s: Int32Array): boolean;
  get words(): number {
    return this.slots;
  }
  pack(src: Int32Array, dst: Int32Array, off: number): void {
    dst.set(src, off);
  }
  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    dst.set(src.subarray(off, off + this.slots));
  }
  decode(s: Int32Array): DecodedState {
    return Object.fromEntries(this.meta.vars.map((v, i) => [v, s[i]!]));
  }
}

// Two counters a, b in 0..n, one instance per counter; stuck (deadlock) at a = b = n unless
// `finishes`. Invariant `SumBelow` (a + b < limit) first fails at BFS depth `limit`.
export class Counters extends OneWordPerSlot {
  readonly slots = 2;
  readonly meta: ModelMeta;
  readonly invariants: readonly ((s: Int32Array) => boolean)[];

  constructor(
    readonly n: number,
    readonly limit = Infinity,
    readonly finishes = false,
  ) {
    super();
    this.meta = {
      name: 'counters',
      instances: [
        { name: 'ca', process: 'ca' },
        { name: 'cb', process: 'cb' },
      ],
      steps: [
        { instance: 0, label: 'inc', loc: loc(3), fairness: 'unfair' },
        { instance: 1, label: 'inc', loc: loc(4), fairness: 'unfair' },
      ],
      properties: [],
      invariants: [
        { name: 'SumBelow', loc: loc(1) },
        { name: 'NonNegative', loc: loc(2) },
      ],
      sites: [],
      vars: ['a', 'b'],
    };
    this.invariants = [(s) => s[0]! + s[1]! < limit, (s) => s[0]! >= 0 && s[1]! >= 0];
  }
  init(next: Int32Array, sink: Sink): void {
    next[0] = 0;
    next[1] = 0;
    sink.emit(-1);
  }
  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    for (let i = 0; i < 2; i++) {
      if (cur[i]! < this.n) {
        next.set(cur);
        next[i]!++;
        sink.emit(i);
      }
    }
  }
  allDone(s: Int32Array): boolean {
    return this.finishes && s[0] === this.n && s[1] === this.n;
  }
}

const sites: SiteMeta[] = [
  { kind: 'domain', message: 'value {value} outside 0..3 (assigning to x)', loc: loc(10) },
  { kind: 'assert', message: 'x is never 2 when checked', loc: loc(11) },
  { kind: 'assert', message: 'another assert on line 11', loc: loc(11) },
  { kind: 'divzero', message: 'division by zero', loc: loc(12) },
];

// x in 0..3 and a flag y; `inc` (x := x + 1) fails its domain at x = 3 (value 4, depth 3 + y
// steps); `check` asserts x != 2 (fails from x = 2: depth 2); `toggle` flips y once. Nothing
// deadlocks: `inc` is always tried. With `failInit`, initialisation fails (division by zero).
export class Faulty extends OneWordPerSlot {
  readonly slots = 2;
  readonly invariants = [];
  readonly meta: ModelMeta = {
    name: 'faulty',
    instances: [{ name: 'p', process: 'p' }],
    steps: [
      { instance: 0, label: 'inc', loc: loc(5), fairness: 'unfair' },
      { instance: 0, label: 'check', loc: loc(6), fairness: 'unfair' },
      { instance: 0, label: 'toggle', loc: loc(7), fairness: 'unfair' },
    ],
    invariants: [],
    properties: [],
    sites,
    vars: ['x', 'y'],
  };
  constructor(readonly failInit = false) {
    super();
  }
  init(next: Int32Array, sink: Sink): void {
    next[0] = 0;
    next[1] = 0;
    if (this.failInit) sink.fail(-1, 3, NaN);
    else sink.emit(-1);
  }
  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    const x = cur[0]!;
    if (x + 1 > 3) sink.fail(0, 0, x + 1);
    else {
      next.set(cur);
      next[0] = x + 1;
      sink.emit(0);
    }
    if (x === 2) sink.fail(1, 1, NaN);
    if (cur[1] === 0) {
      next.set(cur);
      next[1] = 1;
      sink.emit(2);
    }
  }
  allDone(): boolean {
    return false;
  }
}

export interface Graph {
  readonly edges: readonly (readonly number[])[]; // edges[u]: successors of node u, in step order
  readonly initial: readonly number[];
  readonly done: readonly boolean[];
  readonly bad: readonly boolean[]; // invariant `Good` is false there
  readonly failing: readonly boolean[]; // step 0 from the node also fails an assert (site 0)
}

// Any finite graph as a model: the state is the node (plus a copy of it scrambled into a second
// word, so states span two words); edge k out of a node is step k.
export class GraphModel extends OneWordPerSlot {
  readonly slots = 2;
  readonly meta: ModelMeta;
  readonly invariants: readonly ((s: Int32Array) => boolean)[];

  constructor(readonly g: Graph) {
    super();
    const degree = Math.max(1, ...g.edges.map((e) => e.length));
    this.meta = {
      name: 'graph',
      instances: [{ name: 'walker', process: 'walker' }],
      steps: Array.from({ length: degree }, (_, k) => ({ instance: 0, label: `edge${k}`, loc: loc(20 + k), fairness: 'unfair' })),
      invariants: [{ name: 'Good', loc: loc(1) }],
      properties: [],
      sites: [{ kind: 'assert', message: 'failing node', loc: loc(19) }],
      vars: ['node', 'scrambled'],
    };
    this.invariants = [(s) => !g.bad[s[0]!]];
  }
  private put(next: Int32Array, node: number): void {
    next[0] = node;
    next[1] = Math.imul(node, 0x9e3779b1) ^ 0x5bd1e995;
  }
  init(next: Int32Array, sink: Sink): void {
    for (const u of this.g.initial) {
      this.put(next, u);
      sink.emit(-1);
    }
  }
  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    const u = cur[0]!;
    if (this.g.failing[u]) sink.fail(0, 0, NaN);
    this.g.edges[u]!.forEach((v, k) => {
      this.put(next, v);
      sink.emit(k);
    });
  }
  allDone(s: Int32Array): boolean {
    return this.g.done[s[0]!]!;
  }
}

export const arbitraryGraph: fc.Arbitrary<Graph> = fc.integer({ min: 1, max: 30 }).chain((n) => {
  const node = fc.integer({ min: 0, max: n - 1 });
  const flags = (percent: number) =>
    fc.array(fc.integer({ min: 0, max: 99 }).map((x) => x < percent), { minLength: n, maxLength: n });
  return fc.record({
    edges: fc.array(fc.array(node, { maxLength: 4 }), { minLength: n, maxLength: n }),
    initial: fc.array(node, { minLength: 1, maxLength: 3 }),
    done: flags(30),
    bad: flags(5),
    failing: flags(5),
  });
});
