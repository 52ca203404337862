// `klpc check --workers N` through the built binary: a state space past the one-thread probe
// is searched by N workers with the counts and verdicts of one thread; a bad N is a usage error.

import assert from 'node:assert/strict';
import path from 'node:path';
import { exampleDir } from '../examples/pipeline.js';
import { runKlpc } from './run-klpc.js';

describe('klpc check --workers', function () {
  this.timeout(120_000);

  it('searches a large state space on N workers with the result of one', () => {
    const args = ['check', path.join(exampleDir, 'counter.klp'), '--const', 'K=4', '--const', 'ROUNDS=2', '--json'];
    const two = JSON.parse(runKlpc([...args, '--workers', '2']).stdout);
    const one = JSON.parse(runKlpc([...args, '--workers', '1']).stdout);
    assert.equal(two.workers, 2);
    assert.equal(one.workers, undefined);
    assert.equal(two.stats.distinct, 446_809);
    // the same everything but timings, and the trace: another of the same length may come first
    const essentials = (doc: { stats: Record<string, number>; properties: { name: string; verdict: string; trace?: { steps: unknown[] } }[]; stepCounts: unknown; exitCode: number }) => ({
      counts: [doc.stats['distinct'], doc.stats['transitions'], doc.stats['depth']],
      properties: doc.properties.map((p) => [p.name, p.verdict, p.trace?.steps.length]),
      stepCounts: doc.stepCounts,
      exitCode: doc.exitCode,
    });
    assert.deepEqual(essentials(two), essentials(one));
    const text = runKlpc(args.slice(0, -1).concat(['--workers', '2', '--quiet', '--no-lanes']));
    assert.equal(text.code, 12);
  });

  it('rejects --workers 0', () => {
    const r = runKlpc(['check', path.join(exampleDir, 'counter.klp'), '--workers', '0']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--workers/);
  });
});
