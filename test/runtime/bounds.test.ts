// Incomplete searches: maxStates, maxDepth and stopOnFirst cut the search, and then no property
// without a violation may be reported as holding. Also the invariant selection option and the
// progress callback.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { explore, type Progress } from '../../runtime/explore.js';
import type { SearchResult } from '../../runtime/result.js';
import { brute } from './brute.js';
import { arbitraryGraph, Counters, Faulty, GraphModel } from './models.js';
import { property } from './replay.js';

const verdicts = (r: SearchResult) => Object.fromEntries(r.properties.map((p) => [p.name, p.verdict]));

// states (a, b) of Counters(n) with a + b <= d
const within = (n: number, d: number): number => {
  let count = 0;
  for (let a = 0; a <= n; a++) for (let b = 0; b <= n; b++) if (a + b <= d) count++;
  return count;
};

describe('runtime/explore bounds', () => {
  it('maxStates: stops at the bound and reports unknown, never holds', () => {
    const r = explore(new Counters(3), { deadlock: true, maxStates: 5 });
    assert.equal(r.complete, false);
    assert.equal(r.incompleteReason, '--max-states 5 reached');
    assert.equal(r.stats.distinct, 5);
    assert.deepEqual(verdicts(r), { SumBelow: 'unknown', NonNegative: 'unknown', deadlock: 'unknown', 'spec errors': 'unknown' });
  });

  it('maxStates equal to the state space size does not cut the search', () => {
    const r = explore(new Counters(3), { deadlock: true, maxStates: 16 });
    assert.equal(r.complete, true);
    assert.equal(property(r, 'deadlock').verdict, 'violated');
    assert.equal(property(r, 'NonNegative').verdict, 'holds');
  });

  it('maxStates keeps violations found before the bound', () => {
    const r = explore(new Counters(5, 2), { deadlock: true, maxStates: 10 });
    assert.equal(property(r, 'SumBelow').verdict, 'violated');
    assert.equal(property(r, 'SumBelow').trace!.steps.length, 2);
    assert.equal(property(r, 'NonNegative').verdict, 'unknown');
  });

  it('maxDepth N: stores the states up to depth N, complete only if nothing lies deeper', () => {
    for (let d = 0; d <= 7; d++) {
      const r = explore(new Counters(3), { deadlock: true, maxDepth: d });
      assert.equal(r.stats.distinct, within(3, d), `depth ${d}`);
      assert.equal(r.stats.depth, Math.min(d, 6));
      assert.equal(r.complete, d >= 6, `depth ${d}`);
      if (d < 6) assert.equal(r.incompleteReason, `--max-depth ${d} reached`);
      assert.equal(property(r, 'deadlock').verdict, d >= 6 ? 'violated' : 'unknown');
    }
  });

  it('maxDepth N on random graphs: the states within N steps, violations within N steps', function () {
    this.timeout(60_000);
    const depthAndGraph = fc.tuple(fc.integer({ min: 0, max: 6 }), arbitraryGraph);
    fc.assert(
      fc.property(depthAndGraph, ([d, g]) => {
        const model = new GraphModel(g);
        const b = brute(model, true);
        const r = explore(model, { deadlock: true, maxDepth: d });
        assert.equal(r.stats.distinct, b.levels.slice(0, d + 1).reduce((x, y) => x + y, 0));
        assert.equal(r.complete, b.depth <= d);
        for (const p of r.properties) {
          const shortest = b.violations.get(p.name);
          const expected = shortest !== undefined && shortest <= d ? 'violated' : r.complete ? 'holds' : 'unknown';
          assert.equal(p.verdict, expected, p.name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maxDepth N: steps from depth-N states still run, so their failures are reported', () => {
    const r = explore(new Faulty(), { deadlock: true, maxDepth: 2 });
    assert.equal(r.complete, false);
    assert.equal(property(r, 'assert t.klp:11').verdict, 'violated');
    assert.equal(property(r, 'spec errors').verdict, 'unknown');
  });

  it('stopOnFirst: stops at the first violation', () => {
    const r = explore(new Faulty(), { deadlock: true, stopOnFirst: true });
    assert.equal(r.complete, false);
    assert.equal(r.incompleteReason, 'stopped at the first violation');
    assert.deepEqual(verdicts(r), { deadlock: 'unknown', 'assert t.klp:11': 'violated', 'spec errors': 'unknown' });
    assert.equal(property(r, 'assert t.klp:11').trace!.steps.length, 2);
  });

  it('checks only the chosen invariants', () => {
    const r = explore(new Counters(5, 4), { deadlock: false, invariants: ['NonNegative'] });
    assert.deepEqual(verdicts(r), { NonNegative: 'holds', 'spec errors': 'holds' });
    assert.throws(() => explore(new Counters(5), { deadlock: false, invariants: ['Nope'] }), /no invariant named 'Nope'/);
  });
});

describe('runtime/explore progress', () => {
  it('reports progress about once a second of (faked) time, with consistent counts', () => {
    const realNow = performance.now;
    let clock = 0;
    performance.now = () => (clock += 100); // each reading advances 0.1 s
    try {
      const seen: Progress[] = [];
      const r = explore(new Counters(120), { deadlock: false, onProgress: (p) => seen.push(p) });
      assert.ok(seen.length > 0);
      for (const p of seen) {
        assert.ok(p.distinct <= r.stats.distinct && p.transitions <= r.stats.transitions);
        assert.ok(p.queued > 0 && p.queued < p.distinct);
        // the queue holds the states of the level being expanded and the next one
        assert.ok(p.distinct - p.queued >= within(120, p.depth - 1) && p.distinct <= within(120, p.depth + 1));
      }
      assert.deepEqual(seen.map((p) => p.distinct), [...seen.map((p) => p.distinct)].sort((a, b) => a - b));
    } finally {
      performance.now = realNow;
    }
  });
});
