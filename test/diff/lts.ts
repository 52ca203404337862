// Tiny labelled transition systems as CompiledModels, for checking the diff's product search
// against brute force on thousands of random pairs without compiling anything. A state is one
// slot (its number); its decoded form is { v: its view value, s: itself }; every LTS has the
// same three steps (p a, p b, q a), so two LTSs compare step by step.

import fc from 'fast-check';
import type { CompiledModel, ModelMeta } from '../../runtime/model.js';

export interface Lts {
  readonly views: readonly number[]; // view value of each state; the state count is its length
  readonly initial: readonly number[];
  readonly edges: readonly (readonly [from: number, step: number, to: number])[];
}

const loc = { file: 'lts', line: 1, col: 1 };
const meta: ModelMeta = {
  name: 'lts',
  instances: [{ name: 'p', process: 'p' }, { name: 'q', process: 'q' }],
  steps: [{ instance: 0, label: 'a', loc, fairness: 'unfair' }, { instance: 0, label: 'b', loc, fairness: 'unfair' }, { instance: 1, label: 'a', loc, fairness: 'unfair' }],
  invariants: [],
  properties: [],
  sites: [],
  vars: ['v', 's'],
};

export function ltsModel(l: Lts): CompiledModel {
  return {
    meta,
    slots: 1,
    words: 1,
    init(next, sink) {
      for (const s of l.initial) {
        next[0] = s;
        sink.emit(-1);
      }
    },
    successors(cur, next, sink) {
      for (const [from, step, to] of l.edges) {
        if (from !== cur[0]) continue;
        next[0] = to;
        sink.emit(step);
      }
    },
    invariants: [],
    predicates: [],
    allDone: () => false,
    pack: (src, dst, off) => void (dst[off] = src[0]!),
    unpack: (src, off, dst) => void (dst[0] = src[off]!),
    decode: (s) => ({ v: l.views[s[0]!]!, s: s[0]! }),
  };
}

export const ltsArb: fc.Arbitrary<Lts> = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    views: fc.array(fc.nat({ max: 2 }), { minLength: n, maxLength: n }),
    initial: fc.uniqueArray(fc.nat({ max: n - 1 }), { minLength: 1, maxLength: 2 }),
    edges: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: 2 }), fc.nat({ max: n - 1 })), { maxLength: 9 }),
  }),
);

// One small change: an edge added, dropped or redirected, a view value changed, an initial state
// swapped. Differences between near-identical systems are the interesting ones.
export function mutated(l: Lts): fc.Arbitrary<Lts> {
  const n = l.views.length;
  const state = fc.nat({ max: n - 1 });
  const edge = fc.tuple(state, fc.nat({ max: 2 }), state);
  const at = (len: number) => fc.nat({ max: Math.max(0, len - 1) });
  return fc.oneof(
    edge.map((e) => ({ ...l, edges: [...l.edges, e] })),
    at(l.edges.length).map((i) => ({ ...l, edges: l.edges.filter((_, j) => j !== i) })),
    fc.tuple(at(l.edges.length), state).map(([i, to]) => ({ ...l, edges: l.edges.map((e, j) => (j === i ? ([e[0], e[1], to] as const) : e)) })),
    fc.tuple(state, fc.nat({ max: 2 })).map(([s, v]) => ({ ...l, views: l.views.map((x, j) => (j === s ? v : x)) })),
    state.map((s) => ({ ...l, initial: [s] })),
  );
}
