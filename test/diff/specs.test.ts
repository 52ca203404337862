// klpc diff on real compiled specs against brute force: random pairs of tiny specs (one step
// changed, tiny-specs.ts) go through the whole pipeline (loadProgram, buildModel, explore through
// the diff's recorder), and the reachable view-state counts and the shortest behaviour only one
// side has must match a brute-force enumeration over the compiled models. Each pair costs two
// compilations (~50 ms each once warm), so the run count is modest; KLPC_FUZZ_RUNS=N for more.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildModel } from '../../compiler/build.js';
import { diffModels } from '../../diff/diff.js';
import { chosenView, defaultView, type ViewSide } from '../../diff/view.js';
import { loadProgram } from '../../lang/load.js';
import { explore } from '../../runtime/explore.js';
import type { CompiledModel } from '../../runtime/model.js';
import { observableTraces, reachableViews, shortestExtra, traceText } from './brute.js';
import { mutant, tinySpec, tinyText } from './tiny-specs.js';

const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 25);
// How deep brute force enumerates behaviours to confirm an inclusion claim. A witness found by
// the product search is checked at its own length, however long: a fixed depth once made this
// test fail on a pair whose shortest difference had 9 steps.
const K = 8;
const cacheDir = mkdtempSync(join(tmpdir(), 'klpc-diff-test-'));

async function compile(text: string, name: string): Promise<ViewSide & { model: CompiledModel }> {
  const { program, diagnostics } = loadProgram(`${name}.klp`, { readFile: () => text });
  if (program === undefined) throw new Error(`tiny spec does not load:\n${text}\n${diagnostics.map((d) => d.message).join('\n')}`);
  const model = await buildModel(program, { cacheDir });
  return { name, program, meta: model.meta, model };
}

describe('diff: random tiny spec pairs against brute force', function () {
  this.timeout(60000);
  after(() => rmSync(cacheDir, { recursive: true, force: true }));

  it(`agrees on view-state counts and shortest extra behaviours (${RUNS} pairs)`, async () => {
    let witnesses = 0;
    await fc.assert(
      fc.asyncProperty(tinySpec.chain((s) => fc.tuple(fc.constant(s), mutant(s))), fc.constantFrom([], ['x'], ['x', 'p.pc']), async ([sa, sb], names) => {
        const [ta, tb] = [tinyText(sa), tinyText(sb)];
        const a = await compile(ta, 'a');
        const b = await compile(tb, 'b');
        const view = names.length === 0 ? defaultView(a, b) : chosenView(a, b, names).view;
        const d = await diffModels(a, b, { view, explore, exploreOptions: { deadlock: false } });
        const context = `\n--- a\n${ta}--- b\n${tb}--- view ${view.keys.join(',')}`;
        const [va, vb] = [reachableViews(a.model, view.keys), reachableViews(b.model, view.keys)];
        const both = [...va].filter((v) => vb.has(v)).length;
        assert.deepEqual([d.reach.onlyA.count, d.reach.onlyB.count, d.reach.both], [va.size - both, vb.size - both, both], `view-state counts${context}`);
        for (const [check, mineModel, otherModel] of [[d.behaviours.aNotB, a.model, b.model], [d.behaviours.bNotA, b.model, a.model]] as const) {
          const depth = check.status === 'witness' ? Math.max(K, check.witness.trace.steps.length) : K;
          const [mine, other] = [observableTraces(mineModel, view.keys, depth), observableTraces(otherModel, view.keys, depth)];
          const extra = shortestExtra(mine, other);
          if (check.status === 'witness') {
            const seq = traceText(check.witness.trace, view.keys);
            assert.ok(mine.has(seq) && !other.has(seq), `witness ${seq} is not an extra behaviour${context}`);
            assert.equal(check.witness.trace.steps.length, extra, `not a shortest witness${context}`);
            witnesses++;
          } else {
            assert.equal(check.status, 'included', context);
            assert.equal(extra, undefined, `inclusion claimed, but brute force finds a ${extra}-step extra behaviour${context}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(witnesses > 0, 'no pair differed: the comparison proved nothing');
  });
});
