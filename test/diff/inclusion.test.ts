// The behaviour comparison (product search with on-the-fly subset construction) against brute
// force: on random pairs of tiny labelled transition systems (lts.ts), the shortest A-only
// behaviour klpc diff finds must be as long as the shortest sequence in traces(A) \ traces(B)
// enumerated up to K steps, and inclusion is claimed only when the brute force finds no such
// sequence. With random --max-states bounds, whatever is claimed must still be true.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffModels } from '../../diff/diff.js';
import type { BehaviourCheck } from '../../diff/behaviours.js';
import { explore } from '../../runtime/explore.js';
import { observableTraces, shortestExtra, traceText } from './brute.js';
import { ltsArb, ltsModel, mutated, type Lts } from './lts.js';

const K = 6; // longer than most shortest differences of these systems
const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 300);
const KEYS = ['v'];

const pairArb = fc.oneof(
  ltsArb.chain((a) => fc.tuple(fc.constant(a), mutated(a))),
  fc.tuple(ltsArb, ltsArb),
);

async function compare(a: Lts, b: Lts, maxStates?: number) {
  const view = { keys: KEYS, excluded: [], reordered: [] };
  const exploreOptions = maxStates === undefined ? { deadlock: false } : { deadlock: false, maxStates };
  return await diffModels({ name: 'A', model: ltsModel(a) }, { name: 'B', model: ltsModel(b) }, { view, explore, exploreOptions });
}

// What the brute force says about one direction, checked against the product search's answer.
function agree(check: BehaviourCheck, mine: ReadonlySet<string>, other: ReadonlySet<string>, exact: boolean): void {
  const extra = shortestExtra(mine, other);
  if (check.status === 'included') assert.equal(extra, undefined, 'inclusion claimed, but brute force finds an extra behaviour');
  if (check.status === 'witness') {
    const seq = traceText(check.witness.trace, KEYS);
    assert.ok(mine.has(seq) || check.witness.trace.steps.length > K, `the witness ${seq} is not a behaviour of its side`);
    assert.ok(!other.has(seq), `the witness ${seq} is a behaviour of the other side too`);
    if (exact && check.witness.shortest) assert.equal(check.witness.trace.steps.length, extra ?? check.witness.trace.steps.length, 'not a shortest witness');
    if (extra !== undefined) assert.ok(check.witness.trace.steps.length <= extra || !check.witness.shortest, 'a shorter witness exists');
  }
  if (exact) assert.notEqual(check.status, 'incomplete', 'an unbounded comparison is never incomplete');
}

describe('diff: behaviour inclusion against brute force on random transition systems', function () {
  this.timeout(20000);

  it(`agrees on ${RUNS} random pairs`, async () => {
    let witnesses = 0;
    let inclusions = 0;
    await fc.assert(
      fc.asyncProperty(pairArb, async ([a, b]) => {
        const d = await compare(a, b);
        const [ta, tb] = [observableTraces(ltsModel(a), KEYS, K), observableTraces(ltsModel(b), KEYS, K)];
        agree(d.behaviours.aNotB, ta, tb, true);
        agree(d.behaviours.bNotA, tb, ta, true);
        if (d.behaviours.aNotB.status === 'witness') witnesses++;
        if (d.behaviours.aNotB.status === 'included') inclusions++;
      }),
      { numRuns: RUNS },
    );
    // the property is only meaningful if both answers occur often
    assert.ok(witnesses > RUNS / 10 && inclusions > RUNS / 10, `${witnesses} witnesses, ${inclusions} inclusions`);
  });

  it('under a --max-states bound, never claims more than is true', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, fc.integer({ min: 1, max: 4 }), async ([a, b], maxStates) => {
        const d = await compare(a, b, maxStates);
        const [ta, tb] = [observableTraces(ltsModel(a), KEYS, K), observableTraces(ltsModel(b), KEYS, K)];
        agree(d.behaviours.aNotB, ta, tb, false);
        agree(d.behaviours.bNotA, tb, ta, false);
        if (d.outcome === 'same') assert.equal(shortestExtra(ta, tb) ?? shortestExtra(tb, ta), undefined);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
