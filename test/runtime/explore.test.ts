// explore() against the brute-force oracle: exact counts, shortest counterexamples that replay
// on the model, deadlocks, spec errors and asserts, on hand-written and random models.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CounterModel } from '../../bench/models/counter.js';
import { PhilosophersModel } from '../../bench/models/philosophers.js';
import { explore } from '../../runtime/explore.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { SearchResult } from '../../runtime/result.js';
import { brute, collect } from './brute.js';
import { arbitraryGraph, Counters, Faulty, GraphModel } from './models.js';
import { property, replay } from './replay.js';

function matchesBrute(model: CompiledModel, deadlock = true): SearchResult {
  const r = explore(model, { deadlock });
  const b = brute(model, deadlock);
  assert.equal(r.complete, true);
  assert.equal(r.stats.distinct, b.distinct);
  assert.equal(r.stats.transitions, b.transitions);
  assert.equal(r.stats.depth, b.depth);
  assert.deepEqual(r.stepCounts, b.stepCounts);
  for (const name of b.violations.keys()) property(r, name);
  for (const p of r.properties) {
    const shortest = b.violations.get(p.name);
    if (shortest === undefined) {
      assert.equal(p.verdict, 'holds', p.name);
      continue;
    }
    assert.equal(p.verdict, 'violated', p.name);
    assert.equal(p.trace!.steps.length, shortest, `${p.name}: shortest trace`);
    const last = replay(model, p.trace!);
    if (p.kind === 'invariant') {
      const i = model.meta.invariants.findIndex((inv) => inv.name === p.name);
      assert.equal(model.invariants[i]!(last), false, 'the invariant is false in the last state');
    }
    if (p.kind === 'deadlock') {
      const out = collect(model, (next, sink) => model.successors(last, next, sink));
      assert.equal(out.successors.length + out.failures.length, 0);
      assert.equal(model.allDone(last), false);
    }
  }
  return r;
}

describe('runtime/explore', () => {
  it('counts the states of two counters and finds the deadlock at (n, n)', () => {
    const r = matchesBrute(new Counters(3));
    assert.equal(r.stats.distinct, 16);
    assert.equal(r.stats.transitions, 24);
    assert.equal(property(r, 'deadlock').trace!.steps.length, 6);
    assert.deepEqual(property(r, 'deadlock').trace!.steps.at(-1)!.state, { a: 3, b: 3 });
    assert.equal(property(r, 'deadlock').trace!.failure!.step, undefined);
  });

  it('reports no deadlock where every instance is done, and none when not asked', () => {
    assert.equal(property(matchesBrute(new Counters(3, Infinity, true)), 'deadlock').verdict, 'holds');
    const r = matchesBrute(new Counters(3), false);
    assert.ok(!r.properties.some((p) => p.kind === 'deadlock'));
  });

  it('finds an invariant violation at its BFS depth with a replayable trace', () => {
    const r = matchesBrute(new Counters(5, 4));
    const sum = property(r, 'SumBelow');
    assert.equal(sum.trace!.steps.length, 4);
    assert.equal(sum.trace!.failure, undefined);
    assert.equal(property(r, 'NonNegative').verdict, 'holds');
  });

  it('reports spec errors with the value and one property per assert line', () => {
    const r = matchesBrute(new Faulty());
    assert.deepEqual(
      r.properties.map((p) => [p.name, p.kind, p.verdict]),
      [
        ['deadlock', 'deadlock', 'holds'],
        ['assert t.klp:11', 'assert', 'violated'],
        ['spec errors', 'specError', 'violated'],
      ],
    );
    const spec = property(r, 'spec errors').trace!;
    assert.equal(spec.steps.length, 3);
    assert.deepEqual(spec.failure, {
      step: 0,
      instance: 'p',
      label: 'inc',
      message: 'value 4 outside 0..3 (assigning to x)',
      loc: { file: 't.klp', line: 10, col: 1 },
    });
    const check = property(r, 'assert t.klp:11').trace!;
    assert.equal(check.failure!.label, 'check');
    assert.equal(check.failure!.message, 'x is never 2 when checked');
  });

  it('reports a failure during initialisation with the partial initial state', () => {
    const r = explore(new Faulty(true), { deadlock: true });
    assert.equal(r.stats.distinct, 0);
    const trace = property(r, 'spec errors').trace!;
    assert.deepEqual(trace.initial, { x: 0, y: 0 });
    assert.deepEqual(trace.steps, []);
    assert.equal(trace.failure!.step, undefined);
    assert.equal(trace.failure!.message, 'division by zero');
  });

  it('matches the oracle on the bench models, with the sizes pinned in specs/examples', function () {
    this.timeout(120_000);
    // distinct states from the comments of counter.klp and philosophers.klp (SPIN-confirmed)
    assert.equal(matchesBrute(new CounterModel(3, 1)).stats.distinct, 322);
    assert.equal(matchesBrute(new PhilosophersModel(3)).stats.distinct, 45);
    assert.equal(matchesBrute(new PhilosophersModel(5)).stats.distinct, 573);
    const phil = matchesBrute(new PhilosophersModel(9));
    assert.equal(property(phil, 'deadlock').trace!.steps.length, 18);
    const counter = matchesBrute(new CounterModel(3, 4));
    assert.equal(counter.stats.distinct, 315_154);
    assert.equal(property(counter, 'NoLostUpdate').verdict, 'violated');
  });

  it('matches the oracle on random graphs', function () {
    this.timeout(60_000);
    fc.assert(fc.property(arbitraryGraph, (g) => void matchesBrute(new GraphModel(g))), { numRuns: 300 });
  });

  it('is deterministic: two runs give the same result', () => {
    const strip = (r: SearchResult) => ({ ...r, stats: { ...r.stats, seconds: 0, statesPerSecond: 0 } });
    const model = new PhilosophersModel(6);
    assert.deepEqual(strip(explore(model, { deadlock: true })), strip(explore(model, { deadlock: true })));
  });
});
