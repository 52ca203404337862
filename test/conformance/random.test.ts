// Differential test: random valid specs (gen.ts, print.ts) explored by the reference
// interpreter and by the compiled explorer must agree on distinct states, transitions, depth and
// every property's verdict and shortest counterexample length. KLPC_FUZZ_RUNS=N for more runs,
// KLPC_FUZZ_SEED=S to replay. A failure prints the (shrunk) spec source.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TooManyStates, check } from '../reference/check.js';
import { specShape } from './gen.js';
import { printSpec } from './print.js';
import { fast, loadText, normalized, removeScratch } from './pipeline.js';

const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 100);
const SEED = process.env['KLPC_FUZZ_SEED'] === undefined ? undefined : Number(process.env['KLPC_FUZZ_SEED']);
const MAX_STATES = 5000; // keeps one run in milliseconds; larger specs are discarded, not compared

describe('conformance: random specs, reference vs compiled explorer', function () {
  this.timeout(0);

  before(function () {
  });
  after(removeScratch);

  it(`agrees on ${RUNS} random specs`, async function () {
    let compared = 0;
    let violated = 0;
    await fc.assert(
      fc.asyncProperty(specShape, async (shape) => {
        const text = printSpec(shape);
        const { program } = await loadText(text, 'random');
        let ref;
        try {
          ref = check(program, { deadlock: true, maxStates: MAX_STATES });
        } catch (e) {
          if (e instanceof TooManyStates) fc.pre(false);
          throw e;
        }
        const got = await fast(program, true);
        try {
          assert.deepEqual(normalized(got), normalized(ref));
        } catch (e) {
          throw new Error(`${(e as Error).message}\n--- spec ---\n${text}`);
        }
        compared++;
        if (ref.properties.some((p) => p.verdict === 'violated')) violated++;
      }),
      { numRuns: RUNS, seed: SEED, maxSkipsPerRun: 10 },
    );
    // the comparison is only meaningful if most specs ran and some properties failed
    assert.ok(compared >= RUNS / 2, `only ${compared} of ${RUNS} specs were small enough to compare`);
    assert.ok(violated > 0, 'no generated spec violated any property');
  });
});
