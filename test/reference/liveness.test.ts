// Checks the temporal oracle itself: its two deciders (every subset, and the fixpoint) agree on
// random graphs with random fairness, and tiny specs get the verdicts worked out by hand in the
// comments.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadText, removeScratch } from '../conformance/pipeline.js';
import { fairCycle, refGraph, refTemporal, type Fairness, type RefGraph, type Task } from './liveness.js';

// A random graph of up to 8 states over 2 instances with 2 labels each: per state the pcs and
// which instances are enabled, edges by enabled instances only.
const graphArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pcs: fc.array(fc.tuple(fc.nat({ max: 1 }), fc.nat({ max: 1 })), { minLength: n, maxLength: n }),
    edges: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: 1 }), fc.nat({ max: n - 1 })), { maxLength: 3 * n }),
    fairness: fc.array(fc.array(fc.constantFrom<'unfair' | 'weak' | 'strong'>('unfair', 'weak', 'strong'), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }),
    accepting: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

function graphOf(x: { pcs: readonly (readonly [number, number])[]; edges: readonly (readonly [number, number, number])[] }): RefGraph {
  const states = x.pcs.map((pcs) => ({ vars: [], locks: [], pcs: [...pcs], locals: [[], []] }));
  const edges = states.map((_, v) => x.edges.filter(([s, , t]) => s === v && t !== v).map(([, i, t]) => ({ instance: i, label: x.pcs[v]![i]!, target: t })));
  const enabled = edges.map((out) => [0, 1].map((i) => out.some((e) => e.instance === i)));
  return { states, initial: [0], edges, enabled };
}

describe('reference temporal oracle', function () {
  this.timeout(0);
  after(removeScratch);

  it('decides fair cycles the same way by subsets and by fixpoint', () => {
    fc.assert(
      fc.property(graphArb, (x) => {
        const g = graphOf(x);
        const task: Task = { candidates: new Set(g.states.map((_, v) => v)), accepting: (v) => x.accepting[v]! };
        const fairness: Fairness = x.fairness;
        assert.equal(fairCycle(g, fairness, task, 99), fairCycle(g, fairness, task, 0));
      }),
      { numRuns: 2000 },
    );
  });

  async function verdicts(text: string): Promise<Record<string, string>> {
    const { program } = await loadText(text, 'oracle');
    return Object.fromEntries(refTemporal(program, refGraph(program)).map((p) => [p.name, p.verdict === 'holds' ? 'holds' : `violated ${p.failing.join(',')}`]));
  }

  it('lets an unfair process stutter forever, and a fair one not', async () => {
    // x := 1 is enabled in the initial state; unfair, it may never happen
    const text = (fair: string) => `var x: 0..1 = 0\n${fair}process p {\n  a: x := 1;\n}\nproperty E: eventually x == 1\nproperty S: always x <= 1`;
    assert.deepEqual(await verdicts(text('')), { E: 'violated 0', S: 'holds' });
    assert.deepEqual(await verdicts(text('fair ')), { E: 'holds', S: 'holds' });
  });

  it('tells weak from strong fairness on a step enabled on and off', async () => {
    // q toggles x forever; p's step needs x == 1, enabled every other state: never continuously
    // (so weak fairness lets p wait forever), but infinitely often (so strong fairness does not)
    const text = (kind: string) => `var x: 0..1 = 0\nvar got: bool = false\nfair process q {\n  t: while true {\n    x := 1 - x;\n  }\n}\n${kind} process p {\n  a: await x == 1;\n    got := true;\n}\nproperty Got: eventually got`;
    assert.deepEqual(await verdicts(text('fair')), { Got: 'violated 0' });
    assert.deepEqual(await verdicts(text('strong fair')), { Got: 'holds' });
  });

  it('treats a terminated state as stuttering forever, and checks each instance', async () => {
    // each worker sets its flag once and ends; only worker 1 can make x reach 1 (then stays)
    const text = `var x: 0..1 = 0\nvar f: Map[1..2, bool] = [w in 1..2 |-> false]\nfair process worker(w: 1..2) {\n  a: f[w] := true;\n     if w == 1 { x := 1; }\n}\nproperty Flag: forall w in 1..2: eventually f[w]\nproperty Stays: forall w in 1..2: (f[w] and x == 0) leadsto x == 1\nproperty Forever: eventually always x == 1\nproperty Again: always eventually x == 0`;
    // worker 2 sets its flag with x == 0 first in some behaviour; then worker 1 sets x := 1
    assert.deepEqual(await verdicts(text), { Flag: 'holds', Stays: 'holds', Forever: 'holds', Again: 'violated 0' });
  });
});
