// Symmetry reduction, proven against an independent oracle (orbits.ts): on random specs over a
// symmetric type (gen.ts) and on the shipped symmetric examples, the reduced search finds
// exactly one state per orbit of the reachable states, the same depth, and every verdict with
// the same shortest counterexample length as the unreduced search; each of its traces is a
// real path of the model. KLPC_FUZZ_RUNS=N for more random specs, KLPC_EXAMPLES_LARGE=1 for
// the large pinned sizes (their unreduced state spaces are too big for the oracle in the suite).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import path from 'node:path';
import { buildModel } from '../../compiler/build.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';
import type { CompiledModel } from '../../runtime/model.js';
import { traceLength, type SearchResult } from '../../runtime/result.js';
import { loadText, removeScratch } from '../conformance/pipeline.js';
import { runKlpc } from '../cli/run-klpc.js';
import { exampleDir, loadExample } from '../examples/pipeline.js';
import { collect } from '../runtime/brute.js';
import { replay } from '../runtime/replay.js';
import { printSymmetric, symmetricShape } from './gen.js';
import { orbitCount, reachable } from './orbits.js';

const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 40);
const LARGE = process.env['KLPC_EXAMPLES_LARGE'] === '1';
const MAX_STATES = 3000; // the oracle enumerates every state and every permutation of it

// The reduced search against the unreduced one: same depth, verdicts and shortest lengths, and
// real traces. Returns both results.
function sameVerdicts(model: CompiledModel): { full: SearchResult; reduced: SearchResult } {
  const full = explore(model, { deadlock: true });
  const reduced = explore(model, { deadlock: true, symmetry: true });
  assert.ok(full.complete && reduced.complete);
  assert.equal(reduced.stats.depth, full.stats.depth, 'depth');
  assert.ok(reduced.symmetry !== undefined && reduced.symmetry.length > 0, 'the search was reduced');
  full.properties.forEach((p, i) => {
    const r = reduced.properties[i]!;
    assert.equal(r.name, p.name);
    assert.equal(r.verdict, p.verdict, `${p.name}: verdict`);
    if (p.verdict !== 'violated') return;
    assert.equal(traceLength(r.trace!), traceLength(p.trace!), `${p.name}: shortest counterexample`);
    const last = replay(model, r.trace!);
    if (r.kind === 'invariant') {
      const k = model.meta.invariants.findIndex((inv) => inv.name === r.name);
      assert.equal(model.invariants[k]!(last), false, `${r.name} is false at the end of its trace`);
    }
    if (r.kind === 'deadlock') {
      const out = collect(model, (next, sink) => model.successors(last, next, sink));
      assert.equal(out.successors.length + out.failures.length, 0, 'the trace ends in a deadlock');
    }
  });
  return { full, reduced };
}

function orbitsOf(program: Program, full: SearchResult): number {
  const states = reachable(program);
  assert.equal(states.length, full.stats.distinct, 'the reference interpreter reaches the same states');
  return orbitCount(program, states);
}

describe('symmetry reduction', function () {
  this.timeout(0);
  after(removeScratch);

  it(`finds one state per orbit and the unreduced verdicts on ${RUNS} random symmetric specs`, async function () {
    let compared = 0;
    let violated = 0;
    await fc.assert(
      fc.asyncProperty(symmetricShape, async (shape) => {
        const text = printSymmetric(shape);
        const { program, path: file } = await loadText(text, 'symmetric');
        const model = await buildModel(program, { cacheDir: path.join(path.dirname(file), 'cache') });
        const probe = explore(model, { deadlock: true, maxStates: MAX_STATES });
        fc.pre(probe.complete);
        try {
          const { full, reduced } = sameVerdicts(model);
          assert.equal(reduced.stats.distinct, orbitsOf(program, full), 'distinct states = orbits');
          if (full.properties.some((p) => p.verdict === 'violated')) violated++;
        } catch (e) {
          throw new Error(`${(e as Error).message}\n--- spec ---\n${text}`);
        }
        compared++;
      }),
      { numRuns: RUNS, maxSkipsPerRun: 10 },
    );
    assert.ok(compared >= RUNS / 2, `only ${compared} of ${RUNS} specs were small enough to compare`);
    assert.ok(violated > 0, 'no generated spec violated any property');
  });

  // Reduced distinct states; for the sizes marked `oracle` also counted as orbits here. The
  // unreduced counts are those of counter.klp, peterson-symmetric's own, and philosophers.klp
  // (confirmed by SPIN: docs/examples.md).
  const rows: { spec: string; consts: Record<string, number>; reduced: number; full: number; oracle?: true; large?: true }[] = [
    { spec: 'counter-symmetric.klp', consts: { K: 2, ROUNDS: 1 }, reduced: 16, full: 28, oracle: true },
    { spec: 'counter-symmetric.klp', consts: { K: 3, ROUNDS: 1 }, reduced: 71, full: 322, oracle: true },
    { spec: 'counter-symmetric.klp', consts: { K: 4, ROUNDS: 1 }, reduced: 330, full: 5168, oracle: true },
    { spec: 'counter-symmetric.klp', consts: { K: 3, ROUNDS: 2 }, reduced: 1250, full: 6663, oracle: true },
    { spec: 'counter-symmetric.klp', consts: { K: 5, ROUNDS: 1 }, reduced: 1539, full: 103714 },
    { spec: 'counter-symmetric.klp', consts: { K: 6, ROUNDS: 1 }, reduced: 7104, full: 2470512, large: true },
    { spec: 'peterson-symmetric.klp', consts: { N: 2 }, reduced: 54, full: 104, oracle: true },
    { spec: 'peterson-symmetric.klp', consts: { N: 3 }, reduced: 468, full: 2500, oracle: true },
    { spec: 'peterson-symmetric.klp', consts: { N: 4 }, reduced: 3011, full: 58768 },
    { spec: 'philosophers-ring.klp', consts: { N: 3 }, reduced: 17, full: 45, oracle: true },
    { spec: 'philosophers-ring.klp', consts: { N: 5 }, reduced: 117, full: 573, oracle: true },
    { spec: 'philosophers-ring.klp', consts: { N: 6 }, reduced: 353, full: 2041, oracle: true },
    { spec: 'philosophers-ring.klp', consts: { N: 11 }, reduced: 106329, full: 1169589, large: true },
  ];
  for (const row of rows) {
    const name = `${row.spec} ${Object.entries(row.consts).map(([k, v]) => `${k}=${v}`).join(' ')}`;
    (row.large && !LARGE ? it.skip : it)(`${name}: ${row.reduced} states instead of ${row.full}`, async function () {
      const { program } = await loadExample(row.spec, new Map(Object.entries(row.consts)));
      const { full, reduced } = sameVerdicts(await buildModel(program!));
      assert.equal(full.stats.distinct, row.full);
      assert.equal(reduced.stats.distinct, row.reduced);
      if (row.oracle) assert.equal(orbitsOf(program!, full), row.reduced);
    });
  }

  it('reduces by two symmetric types at once, locks and sets included', async function () {
    const { program, path: file } = await loadText(`
      type Client = symmetric 1..2
      type Server = symmetric 0..2
      var bound: Map[Client, Server?] = [c in Client |-> none]
      var busy: Set[Server] = {}
      lock table
      process client(c: Client) {
        pick: choose s in Server { await s notin busy; lock(table); bound[c] := s; busy := busy union {s}; unlock(table); }
        drop: lock(table);
        free: busy := busy diff {unwrap(bound[c])}; bound[c] := none; unlock(table); goto pick;
      }
      process server(s: Server) {
        var served: 0..2 = 0
        serve: await exists c in Client: bound[c] == s; served := (served + 1) % 3; goto serve;
      }
      invariant OneEach: forall a in Client: forall b in Client: a != b and is_some(bound[a]) => bound[a] != bound[b]`, 'two-groups');
    const model = await buildModel(program, { cacheDir: path.join(path.dirname(file), 'cache') });
    const { full, reduced } = sameVerdicts(model);
    assert.deepEqual(reduced.symmetry?.map((g) => g.name), ['Client', 'Server']);
    assert.equal(reduced.stats.distinct, orbitsOf(program, full));
    assert.ok(reduced.stats.distinct < full.stats.distinct / 6, `${reduced.stats.distinct} of ${full.stats.distinct}`);
  });

  it('is on by default in klpc check, off with --no-symmetry', function () {
    const spec = path.join(exampleDir, 'counter-symmetric.klp');
    const on = runKlpc(['check', spec]);
    assert.equal(on.code, 12);
    assert.match(on.stdout, /^71 distinct states, .* \(complete search, symmetry: Thread \(3! permutations\)\)$/m);
    assert.match(on.stdout, /NoLostUpdate +violated \(9 steps\)/);
    const off = runKlpc(['check', spec, '--no-symmetry', '--json']);
    const doc = JSON.parse(off.stdout);
    assert.equal(doc.stats.distinct, 322);
    assert.equal(doc.symmetry, undefined);
    assert.deepEqual(JSON.parse(runKlpc(['check', spec, '--json']).stdout).symmetry, [{ name: 'Thread', size: 3, ring: false }]);
  });

  it('leaves a spec without symmetric types unreduced', async function () {
    const { program } = await loadText('var x: 0..1 = 0\nprocess p(i: 1..2) { a: x := 1; }\n', 'plain');
    const r = explore(await buildModel(program), { deadlock: true, symmetry: true });
    assert.equal(r.symmetry, undefined);
    assert.equal(r.stats.distinct, 4);
  });

  it('folds the step counts of interchangeable instances', async function () {
    const { program } = await loadExample('counter-symmetric.klp', new Map([['K', 3]]));
    const r = explore(await buildModel(program!), { deadlock: true, symmetry: true });
    // steps instance-major: inc[1].read, inc[1].write, inc[2].read, ...
    const [read, write] = [0, 1].map((l) => r.stepCounts.filter((_, i) => i % 2 === l));
    assert.equal(new Set(read).size, 1, 'every read step has the count of its class');
    assert.equal(new Set(write).size, 1, 'every write step has the count of its class');
    assert.ok(r.stepCounts.every((c) => c > 0), 'no step is reported as never run');
  });
});
