// Differential test of temporal properties: random specs with fair, strong fair and unfair
// processes and labels and random temporal properties (gen.ts), decided by the compiled
// explorer (runtime/search.ts) and by the reference oracle (test/reference/liveness.ts, which
// shares no code with it), must agree on every property's verdict and on which instances fail;
// every lasso the explorer reports must be a fair counterexample by the definitions
// (test/runtime/lasso.ts). KLPC_FUZZ_RUNS=N for more runs, KLPC_FUZZ_SEED=S to replay.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildModel } from '../../compiler/build.js';
import { searchWithProperties } from '../../runtime/temporal-search.js';
import { refGraph, refTemporal, TooManyStates } from '../reference/liveness.js';
import { validateLasso } from '../runtime/lasso.js';
import { specShape } from './gen.js';
import { loadText, removeScratch, scratchDir } from './pipeline.js';
import { printSpec } from './print.js';

const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 60);
const SEED = process.env['KLPC_FUZZ_SEED'] === undefined ? undefined : Number(process.env['KLPC_FUZZ_SEED']);
const MAX_STATES = 400; // the reference fixpoint is quadratic in the states it looks at

describe('conformance: temporal properties, reference oracle vs compiled explorer', function () {
  this.timeout(0);
  after(removeScratch);

  it(`agrees on ${RUNS} random specs with properties`, async function () {
    const tally = { compared: 0, violated: 0, held: 0, lassos: 0 };
    await fc.assert(
      fc.asyncProperty(specShape.filter((s) => s.properties.some((p) => p.form !== 'always')), async (shape) => {
        const text = printSpec(shape);
        const { program } = await loadText(text, 'live');
        let graph;
        try {
          graph = refGraph(program, MAX_STATES);
        } catch (e) {
          if (e instanceof TooManyStates) fc.pre(false);
          throw e;
        }
        const expected = refTemporal(program, graph);
        const model = await buildModel(program, { cacheDir: join(scratchDir(), 'cache') });
        const r = searchWithProperties(model, { deadlock: false });
        try {
          assert.ok(r.complete);
          for (const want of expected) {
            const got = r.properties.find((p) => p.name === want.name)!;
            const labels = model.meta.properties.find((p) => p.name === want.name)!.instances.map((i) => i.label);
            assert.equal(got.verdict, want.verdict, `${want.name}: verdict`);
            assert.deepEqual(got.temporal?.failing ?? [], want.failing.map((k) => labels[k]), `${want.name}: failing instances`);
            if (got.verdict !== 'violated') continue;
            validateLasso(model, got);
            if (got.trace?.loop !== undefined) tally.lassos++;
          }
        } catch (e) {
          throw new Error(`${(e as Error).message}\n--- spec ---\n${text}`);
        }
        tally.compared++;
        tally.violated += expected.filter((p) => p.verdict === 'violated').length;
        tally.held += expected.filter((p) => p.verdict === 'holds').length;
      }),
      { numRuns: RUNS, seed: SEED, maxSkipsPerRun: 20 },
    );
    // meaningful only if most specs ran, and both verdicts and real lassos came up
    assert.ok(tally.compared >= RUNS / 2, `only ${tally.compared} of ${RUNS} specs were small enough`);
    assert.ok(tally.violated > 0 && tally.held > 0 && tally.lassos > 0, JSON.stringify(tally));
  });
});
