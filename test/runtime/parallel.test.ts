// The parallel search against explore(): on every pinned example spec, on random specs and on
// random graphs, with 2 and 3 workers, it must give the same distinct states, transitions,
// depth, step counts, verdicts and shortest counterexample lengths, with traces that replay on
// the model; also while its table grows from a few slots, under every bound, and with
// symmetry. search() stays on one thread below PROBE_STATES.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { buildModelSource } from '../../compiler/build.js';
import { explore, type ExploreOptions } from '../../runtime/explore.js';
import type { CompiledModel } from '../../runtime/model.js';
import { exploreParallel } from '../../runtime/parallel/coordinator.js';
import type { ModelSource } from '../../runtime/parallel/model-source.js';
import { WorkerPool } from '../../runtime/parallel/pool.js';
import { PROBE_STATES, search, timed } from '../../runtime/parallel/search.js';
import { SpareTable } from '../../runtime/parallel/spare-table.js';
import { traceLength, type SearchResult } from '../../runtime/result.js';
import { specShape } from '../conformance/gen.js';
import { loadText, removeScratch } from '../conformance/pipeline.js';
import { printSpec } from '../conformance/print.js';
import { loadExample } from '../examples/pipeline.js';
import { arbitraryGraph, GraphModel } from './models.js';
import { replay } from './replay.js';

const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 15);

// Everything a complete search determines: counts, and per property its verdict and length.
function summary(r: SearchResult): object {
  return {
    complete: r.complete,
    incompleteReason: r.incompleteReason,
    distinct: r.stats.distinct,
    transitions: r.stats.transitions,
    depth: r.stats.depth,
    stepCounts: r.stepCounts,
    properties: r.properties.map((p) => [p.name, p.verdict, p.trace === undefined ? null : traceLength(p.trace)]),
  };
}

async function same(model: CompiledModel, source: ModelSource, options: ExploreOptions = { deadlock: true }, workers = 2, slots?: number): Promise<SearchResult> {
  const one = explore(model, options);
  const many = await exploreParallel(model, new WorkerPool(source, workers), options, slots);
  assert.deepEqual(summary(many), summary(one));
  // every trace is a real path (a failure while building an initial state has none)
  for (const p of many.properties) {
    const initFailure = p.kind !== 'deadlock' && p.trace?.failure !== undefined && p.trace.failure.step === undefined;
    if (p.trace !== undefined && !initFailure) replay(model, p.trace);
  }
  return many;
}

async function compiled(spec: string, consts: Record<string, number>): Promise<{ model: CompiledModel; source: ModelSource }> {
  const { program } = await loadExample(spec, new Map(Object.entries(consts)));
  const { model, js } = await buildModelSource(program!);
  return { model, source: { kind: 'js', js } };
}

const graphModule = fileURLToPath(new URL('./models.js', import.meta.url));

describe('runtime/parallel', function () {
  this.timeout(0);
  after(removeScratch);

  const examples: [string, Record<string, number>][] = [
    ['counter.klp', { K: 3, ROUNDS: 2 }],
    ['counter.klp', { K: 4, ROUNDS: 1 }],
    ['peterson.klp', { N: 3 }],
    ['philosophers.klp', { N: 6 }],
    ['philosophers-ordered.klp', { N: 6 }],
    ['counter-symmetric.klp', { K: 4, ROUNDS: 1 }],
    ['peterson-symmetric.klp', { N: 3 }],
    ['philosophers-ring.klp', { N: 6 }],
  ];
  for (const [spec, consts] of examples) {
    it(`${spec} ${JSON.stringify(consts)}: the counts and verdicts of one thread`, async function () {
      const { model, source } = await compiled(spec, consts);
      await same(model, source, { deadlock: true, symmetry: true });
    });
  }

  it('agrees while the shared table grows from 1,024 slots, with 3 workers', async function () {
    const { model, source } = await compiled('philosophers.klp', { N: 8 });
    const r = await same(model, source, { deadlock: true }, 3, 1024);
    assert.equal(r.stats.distinct, 25_889);
  });

  // 16 slots to 131,072: thirteen rehashes, met by workers paused mid-level and by workers
  // already done with it
  it('agrees while the shared table doubles thirteen times, with 2 and 3 workers', async function () {
    const { model, source } = await compiled('counter.klp', { K: 3, ROUNDS: 3 });
    for (const workers of [2, 3]) await same(model, source, { deadlock: true }, workers, 16);
  });

  it('prepares the next table empty, given once and only at its size', async function () {
    const spare = new SpareTable();
    spare.prepare(1 << 20); // 8 MB: touched over several turns of the event loop
    spare.prepare(1 << 21); // one under way: no other
    await new Promise((resolve) => setTimeout(resolve, 50));
    const buffer = spare.take(1 << 20)!;
    assert.equal(buffer.byteLength, 8 << 20);
    assert.ok(new Int32Array(buffer).every((w) => w === 0));
    assert.equal(spare.take(1 << 20), undefined);
    spare.prepare(1 << 10);
    assert.equal(spare.take(1 << 11), undefined); // another size: dropped
    assert.equal(spare.take(1 << 10), undefined);
  });

  it(`agrees on ${RUNS} random specs`, async function () {
    await fc.assert(
      fc.asyncProperty(specShape, async (shape) => {
        const { program } = await loadText(printSpec(shape), 'parallel');
        const { model, js } = await buildModelSource(program);
        fc.pre(explore(model, { deadlock: true, maxStates: 5000 }).complete);
        await same(model, { kind: 'js', js });
      }),
      { numRuns: RUNS, maxSkipsPerRun: 10 },
    );
  });

  it('agrees on random graphs, failures and deadlocks included', async function () {
    await fc.assert(
      fc.asyncProperty(arbitraryGraph, async (g) => {
        await same(new GraphModel(g), { kind: 'module', url: `file://${graphModule}`, name: 'GraphModel', args: [g] });
      }),
      { numRuns: RUNS },
    );
  });

  it('honours --max-depth exactly, and stops at --max-states and --first', async function () {
    const { model, source } = await compiled('philosophers.klp', { N: 6 });
    await same(model, source, { deadlock: true, maxDepth: 7 });
    const capped = await exploreParallel(model, new WorkerPool(source, 2), { deadlock: true, maxStates: 1000 });
    assert.equal(capped.stats.distinct, 1000);
    assert.equal(capped.incompleteReason, '--max-states 1000 reached');
    assert.ok(capped.properties.every((p) => p.verdict !== 'holds'));
    const first = await exploreParallel(model, new WorkerPool(source, 2), { deadlock: true, stopOnFirst: true });
    assert.equal(first.incompleteReason, 'stopped at the first violation');
    assert.equal(first.properties.find((p) => p.kind === 'deadlock')?.trace?.steps.length, 12);
  });

  it('rejects when a worker cannot import the model', async function () {
    const { model } = await compiled('philosophers.klp', { N: 6 });
    const pool = new WorkerPool({ kind: 'module', url: `file://${graphModule}`, name: 'NoSuchModel', args: [] }, 2);
    await assert.rejects(exploreParallel(model, pool, { deadlock: true }), /a search worker failed: TypeError/);
  });

  it('search() stays on one thread for a small state space', async function () {
    const { model, source } = await compiled('philosophers.klp', { N: 6 });
    const small = await search(model, source, { deadlock: true }, 2);
    assert.equal(small.workers, undefined);
    assert.ok(small.stats.distinct < PROBE_STATES);
    // past the first, shorter probe: workers start, and stop unused when the probe ends it
    const { model: mid, source: midSource } = await compiled('counter.klp', { K: 4, ROUNDS: 1 });
    const probed = await search(mid, midSource, { deadlock: true }, 2);
    assert.equal(probed.workers, undefined);
    assert.equal(probed.stats.distinct, 5168);
    const { model: big, source: bigSource } = await compiled('counter.klp', { K: 4, ROUNDS: 2 });
    const r = await search(big, bigSource, { deadlock: true }, 2);
    assert.equal(r.workers, 2);
    assert.equal(r.stats.distinct, 446_809);
    assert.equal(r.stats.transitions, 1_256_572);
  });

  it("search() counts the probes' time in the workers' states/s", function () {
    const stats = { distinct: 1_000_000, transitions: 3_000_000, depth: 9, seconds: 0.75, statesPerSecond: 1_000_000 / 0.75, bytesPerState: 30 };
    assert.deepEqual(timed(stats, 1), { ...stats, seconds: 1, statesPerSecond: 1_000_000 });
  });
});
