// simulate(): random walks find real violations (their traces replay on the model), never
// claim that a property holds, repeat exactly for a seed, respect the depth, trace and time
// bounds, and choose among successors uniformly. Random graphs check the first two against
// the brute-force oracle: a violation simulation reports must exist, at no fewer steps than the
// shortest one.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CounterModel } from '../../bench/models/counter.js';
import { PhilosophersModel } from '../../bench/models/philosophers.js';
import type { CompiledModel, ModelMeta, Sink } from '../../runtime/model.js';
import { simulate, simulateAsync, type SimulateOptions, type SimulationResult } from '../../runtime/simulate.js';
import { brute, collect } from './brute.js';
import { arbitraryGraph, Counters, Faulty, GraphModel } from './models.js';
import { property, replay } from './replay.js';

const run = (model: CompiledModel, options: Partial<SimulateOptions> = {}): SimulationResult =>
  simulate(model, { deadlock: true, seed: 1, depth: 100, traces: 200, ...options });

// Every violation replays as a real path ending where the property fails.
function realTraces(model: CompiledModel, r: SimulationResult): void {
  for (const p of r.properties) {
    assert.notEqual(p.verdict, 'holds', `${p.name}: a simulation never proves a property`);
    if (p.verdict !== 'violated') continue;
    const last = replay(model, p.trace!);
    if (p.kind === 'invariant') {
      const i = model.meta.invariants.findIndex((inv) => inv.name === p.name);
      assert.equal(model.invariants[i]!(last), false, `${p.name} is false in the last state`);
    }
    if (p.kind === 'deadlock') {
      const out = collect(model, (next, sink) => model.successors(last, next, sink));
      assert.equal(out.successors.length + out.failures.length, 0);
      assert.equal(model.allDone(last), false);
    }
  }
}

// Three steps from the initial state, to states 1, 2, 3, where every instance is done.
class Fan implements CompiledModel {
  readonly slots = 1;
  readonly words = 1;
  readonly invariants = [];
  readonly predicates = [];
  readonly meta: ModelMeta = {
    name: 'fan',
    instances: [{ name: 'p', process: 'p' }],
    steps: [1, 2, 3].map((k) => ({ instance: 0, label: `to${k}`, loc: { file: 'fan.klp', line: k, col: 1 }, fairness: 'unfair' as const })),
    invariants: [],
    properties: [],
    sites: [],
    vars: ['x'],
  };
  init(next: Int32Array, sink: Sink): void {
    next[0] = 0;
    sink.emit(-1);
  }
  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    if (cur[0] !== 0) return;
    for (let k = 0; k < 3; k++) {
      next[0] = k + 1;
      sink.emit(k);
    }
  }
  allDone(s: Int32Array): boolean {
    return s[0] !== 0;
  }
  pack(src: Int32Array, dst: Int32Array, off: number): void {
    dst[off] = src[0]!;
  }
  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    dst[0] = src[off]!;
  }
  decode(s: Int32Array): { x: number } {
    return { x: s[0]! };
  }
}

describe('runtime/simulate', () => {
  it('finds the lost update on the counter and the philosophers deadlock, with real traces', () => {
    const counter = new CounterModel(3, 2);
    const r = run(counter);
    assert.equal(property(r, 'NoLostUpdate').verdict, 'violated');
    // every walk ends when all threads are done: K * (2 * ROUNDS + 1) steps
    assert.equal(property(r, 'NoLostUpdate').trace!.steps.length, 15);
    assert.equal(property(r, 'deadlock').verdict, 'unknown');
    realTraces(counter, r);
    const phil = new PhilosophersModel(4);
    const p = run(phil, { depth: 200 });
    assert.equal(property(p, 'deadlock').verdict, 'violated');
    assert.equal(property(p, 'EatersHoldForks').verdict, 'unknown');
    realTraces(phil, p);
  });

  it('reports failing steps, also from a step the walk did not take', () => {
    const r = run(new Faulty());
    assert.equal(property(r, 'spec errors').verdict, 'violated');
    assert.equal(property(r, `assert t.klp:11`).verdict, 'violated');
    realTraces(new Faulty(), r);
    const init = run(new Faulty(true));
    assert.equal(property(init, 'spec errors').trace!.steps.length, 0);
    assert.match(property(init, 'spec errors').trace!.failure!.message, /division by zero/);
  });

  it('repeats exactly for a seed, and another seed walks differently', () => {
    const model = new PhilosophersModel(5);
    const a = run(model, { seed: 42 });
    assert.deepEqual(run(model, { seed: 42 }).properties, a.properties);
    assert.deepEqual(run(model, { seed: 42 }).stepCounts, a.stepCounts);
    assert.notDeepEqual(run(model, { seed: 43 }).stepCounts, a.stepCounts);
  });

  it('walks at most --depth steps and stops after --traces walks', () => {
    const r = run(new Counters(50), { depth: 7, traces: 30 });
    assert.equal(r.stats.traces, 30);
    assert.equal(r.stats.longest, 7);
    assert.equal(r.stats.steps, 30 * 7);
    assert.equal(r.stopReason, '30 traces');
    // depth 0 checks the initial states only
    const zero = run(new Counters(3, 0), { depth: 0, traces: 5 });
    assert.equal(zero.stats.steps, 0);
    assert.equal(property(zero, 'SumBelow').trace!.steps.length, 0);
  });

  it('stops at the time limit when no trace count is given', () => {
    const r = simulate(new Counters(1_000_000, Infinity, true), { deadlock: true, seed: 1, depth: 1_000_000, timeLimit: 0.2 });
    assert.equal(r.stopReason, 'time limit (0.2 s)');
    assert.ok(r.stats.traces >= 1);
  });

  it('the async form lets the event loop run, resumes a walk where it paused, and walks the same', async () => {
    const options: SimulateOptions = { deadlock: true, seed: 3, depth: 1_000_000, traces: 2 };
    const model = new Counters(400_000, Infinity, true); // walks of 800,000 steps: paused mid-walk
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const slow = await simulateAsync(model, options);
    clearInterval(ticker);
    assert.ok(turns > 0, 'the event loop ran during the walks');
    const fast = simulate(model, options);
    const same = (r: SimulationResult) => ({ ...r, stats: { ...r.stats, seconds: 0, stepsPerSecond: 0 } });
    assert.deepEqual(same(slow), same(fast));
    assert.equal(slow.stats.steps, 2 * 800_000);
  });

  it('stops at an interrupt, counting the walk it cut short', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGINT'), 30);
    const r = await simulateAsync(new Counters(1_000_000, Infinity, true), { deadlock: true, seed: 1, depth: 1_000_000, timeLimit: 60, signal: controller.signal });
    assert.equal(r.stopReason, 'interrupted (SIGINT)');
    assert.ok(r.stats.traces >= 1 && r.stats.steps > 0);
  });

  it('stops early once every property is violated', () => {
    const r = run(new Faulty(), { deadlock: false, traces: 1000 });
    assert.equal(r.stopReason, 'every property is violated');
    assert.ok(r.stats.traces < 1000);
  });

  it('chooses each successor with equal probability', () => {
    const r = run(new Fan(), { traces: 6000, depth: 5 });
    for (const count of r.stepCounts) assert.ok(count > 1800 && count < 2200, `step taken ${count} times of 6000`);
    assert.equal(r.stats.steps, 6000);
  });

  it('on random graphs, reports only violations that exist, none shorter than the shortest', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.nat(), (g, seed) => {
        const model = new GraphModel(g);
        const r = run(model, { seed, depth: 20, traces: 20 });
        const b = brute(model, true);
        realTraces(model, r);
        for (const p of r.properties) {
          if (p.verdict !== 'violated') continue;
          assert.ok(b.violations.has(p.name), p.name);
          assert.ok(p.trace!.steps.length >= b.violations.get(p.name)!, `${p.name}: no shorter than the shortest`);
        }
      }),
      { numRuns: 100 },
    );
  });
});
