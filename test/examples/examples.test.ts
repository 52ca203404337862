// The shipped example specs (specs/examples): for each spec and constant setting, klpc's exact
// distinct-state and transition counts, search depth, and every property's verdict with the
// length of its shortest counterexample. None of the expected numbers is klpc output: each
// was computed by SPIN 6.5.2 on an equivalent Promela model and by a separate hand-written
// Python BFS (test/fixtures/spin/, method and tables in docs/examples.md).
// The ~1M- and ~9M-state benchmark settings run only with KLPC_EXAMPLES_LARGE=1 (~45 s).

import assert from 'node:assert/strict';
import type { SearchResult, Trace } from '../../runtime/result.js';
import type { DecodedState } from '../../runtime/value.js';
import { loadExample, runExample } from './pipeline.js';

const LARGE = process.env['KLPC_EXAMPLES_LARGE'] === '1';

// A property's expected verdict: 'holds', or the length of its shortest counterexample.
type Expected = 'holds' | number;

interface Row {
  readonly spec: string;
  readonly consts: Readonly<Record<string, number>>;
  readonly distinct: number;
  readonly transitions: number; // SPIN's "transitions" minus 1 (SPIN counts the initial state)
  readonly depth: number;
  readonly properties: Readonly<Record<string, Expected>>; // every property klpc reports
  readonly large?: true;
}

// The counter violates NoLostUpdate only once every thread is done, and every path to that
// takes K * (2 * ROUNDS + 1) steps, the depth. The naive philosophers deadlock when each has
// thought and picked up its left fork: 2 * N steps.
const counter = (K: number, ROUNDS: number, distinct: number, transitions: number, large?: true): Row => ({
  spec: 'counter.klp',
  consts: { K, ROUNDS },
  distinct,
  transitions,
  depth: K * (2 * ROUNDS + 1),
  properties: { NoLostUpdate: K * (2 * ROUNDS + 1), deadlock: 'holds', 'spec errors': 'holds' },
  ...(large && { large }),
});
const peterson = (N: number, distinct: number, transitions: number, depth: number, large?: true): Row => ({
  spec: 'peterson.klp',
  consts: { N },
  distinct,
  transitions,
  depth,
  properties: { MutualExclusion: 'holds', deadlock: 'holds', 'spec errors': 'holds' },
  ...(large && { large }),
});
const philosophers = (ordered: boolean, N: number, distinct: number, transitions: number, large?: true): Row => ({
  spec: ordered ? 'philosophers-ordered.klp' : 'philosophers.klp',
  consts: { N },
  distinct,
  transitions,
  depth: 2 * N,
  properties: { EatersHoldForks: 'holds', deadlock: ordered ? 'holds' : 2 * N, 'spec errors': 'holds' },
  ...(large && { large }),
});

const table: readonly Row[] = [
  counter(2, 1, 28, 38),
  counter(3, 1, 322, 615),
  counter(2, 3, 512, 790),
  counter(3, 2, 6_663, 14_178),
  counter(4, 2, 446_809, 1_256_572),
  counter(3, 5, 1_186_697, 2_964_306, true),
  counter(4, 3, 8_957_124, 27_333_364, true),
  peterson(2, 258, 516, 24),
  peterson(3, 22_346, 67_038, 79),
  peterson(4, 2_591_914, 10_367_656, 144, true),
  philosophers(false, 3, 45, 111),
  philosophers(false, 5, 573, 2_365),
  philosophers(false, 8, 25_889, 170_984),
  philosophers(false, 11, 1_169_589, 10_621_259, true),
  philosophers(true, 3, 42, 103),
  philosophers(true, 5, 534, 2_195),
  philosophers(true, 8, 24_126, 158_929),
  philosophers(true, 11, 1_089_942, 9_879_391, true),
];

const name = (row: Row) => `${row.spec} ${Object.entries(row.consts).map(([k, v]) => `${k}=${v}`).join(' ')}`;
const constMap = (row: Row) => new Map(Object.entries(row.consts));

function verdicts(result: SearchResult): Record<string, Expected | 'unknown'> {
  return Object.fromEntries(
    result.properties.map((p) => [p.name, p.verdict === 'violated' ? p.trace!.steps.length : p.verdict]),
  );
}

function finalState(trace: Trace): DecodedState {
  return trace.steps.at(-1)?.state ?? trace.initial;
}

function counterexample(result: SearchResult, property: string): Trace {
  const trace = result.properties.find((p) => p.name === property)?.trace;
  assert.ok(trace, `${property} has a counterexample`);
  return trace;
}

describe('shipped examples (specs/examples)', function () {
  this.timeout(LARGE ? 0 : 60_000);

  for (const spec of ['counter.klp', 'peterson.klp', 'philosophers.klp', 'philosophers-ordered.klp', 'counter-symmetric.klp', 'peterson-symmetric.klp', 'philosophers-ring.klp']) {
    it(`${spec} loads without any diagnostic`, async () => {
      const { program, diagnostics } = await loadExample(spec, new Map());
      assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.message}`), []);
      assert.ok(program);
    });
  }

  for (const row of table) {
    (row.large && !LARGE ? it.skip : it)(`${name(row)}: ${row.distinct} states, verdicts as SPIN's`, async () => {
      const result = await runExample(row.spec, constMap(row));
      assert.equal(result.complete, true);
      assert.deepEqual(
        { distinct: result.stats.distinct, transitions: result.stats.transitions, depth: result.stats.depth },
        { distinct: row.distinct, transitions: row.transitions, depth: row.depth },
      );
      assert.deepEqual(verdicts(result), row.properties);
    });
  }

  it('counter: the lost update ends with every thread done and x short of K * ROUNDS', async () => {
    const result = await runExample('counter.klp', new Map([['K', 2], ['ROUNDS', 1]]));
    const last = finalState(counterexample(result, 'NoLostUpdate'));
    assert.equal(last['inc[1].pc'], 'done');
    assert.equal(last['inc[2].pc'], 'done');
    assert.equal(last['x'], 1);
  });

  it('philosophers: the deadlock is every philosopher holding its left fork', async () => {
    const result = await runExample('philosophers.klp', new Map([['N', 3]]));
    const last = finalState(counterexample(result, 'deadlock'));
    assert.deepEqual(last['fork'], { '#map': [[1, 1], [2, 2], [3, 3]] });
    for (const p of [1, 2, 3]) assert.equal(last[`phil[${p}].pc`], 'pickSecond');
  });
});
