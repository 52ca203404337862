// Temporal properties at the edges of the semantics (docs/language.md, "Temporal properties"):
// a failing step is not a transition, so fairness cannot force it; a predicate that cannot be
// evaluated is a violation; a bounded search never says "holds" but its lassos are real;
// --first stops after the first violated property, and an interrupt between two checks; temporal properties are checked on the full
// graph even when the spec declares a symmetry.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildModel } from '../../compiler/build.js';
import type { SearchOptions } from '../../runtime/temporal-search.js';
import { searchWithProperties } from '../../runtime/temporal-search.js';
import { explore } from '../../runtime/explore.js';
import { GraphRecorder } from '../../runtime/graph.js';
import { livenessChecks } from '../../runtime/liveness/check.js';
import { NodeLabels } from '../../runtime/liveness/labels.js';
import { planLiveness } from '../../runtime/liveness/plan.js';
import { loadText, removeScratch, scratchDir } from '../conformance/pipeline.js';
import { validateLasso } from './lasso.js';

async function run(text: string, options: Partial<SearchOptions> = {}) {
  const { program } = await loadText(text, 'edges');
  const model = await buildModel(program, { cacheDir: join(scratchDir(), 'cache') });
  return { model, result: searchWithProperties(model, { deadlock: true, ...options }) };
}

const verdict = (r: Awaited<ReturnType<typeof run>>, name: string) => r.result.properties.find((p) => p.name === name)!;

describe('temporal properties: edge cases', function () {
  this.timeout(60_000);
  after(removeScratch);

  it('does not count a failing step as enabled: the process is stuck, and the state repeats', async () => {
    const r = await run('var x: 0..1 = 0\nfair process p {\n  a: assert x == 1, "never";\n    x := 1;\n}\nproperty E: eventually x == 1');
    const e = verdict(r, 'E');
    assert.equal(e.verdict, 'violated');
    assert.deepEqual([e.trace?.steps.length, e.trace?.loop], [0, 0]);
    assert.equal(r.result.properties.find((p) => p.kind === 'assert')?.verdict, 'violated');
    validateLasso(r.model, e);
  });

  it('reports a predicate that cannot be evaluated as a violation, with where', async () => {
    const r = await run('var o: 0..1? = none\nvar x: 0..1 = 0\nfair process p {\n  a: x := 1;\n  b: o := some(1);\n}\nproperty U: eventually (x == 1 and unwrap(o) == 1)');
    const u = verdict(r, 'U');
    assert.equal(u.verdict, 'violated');
    assert.equal(u.trace?.loop, undefined);
    assert.match(u.trace?.failure?.message ?? '', /cannot be evaluated in this state: .*unwrap/);
  });

  const toggler = 'var flag: bool = false\nvar n: 0..3 = 0\nfair process t {\n  a: while true {\n    flag := not flag;\n    n := (n + 1) % 4;\n  }\n}\n';

  it('keeps a lasso found before a bound, and claims no "holds" after one', async () => {
    // t toggles forever; u (unfair) may count to 5 or not: the toggling cycle at the start is fair
    const text = 'var flag: bool = false\nvar c: 0..5 = 0\nfair process t {\n  a: while true {\n    flag := not flag;\n  }\n}\n'
      + 'process u {\n  b: while c < 5 {\n    c := c + 1;\n  }\n}\nproperty Never: eventually false\nproperty Small: always c <= 5';
    const bounded = await run(text, { maxStates: 4 }); // states 0 and 1 expanded: the cycle is closed
    assert.equal(bounded.result.complete, false);
    assert.equal(verdict(bounded, 'Never').verdict, 'violated');
    validateLasso(bounded.model, verdict(bounded, 'Never'));
    assert.equal(verdict(bounded, 'Small').verdict, 'unknown');
    const cut = await run(text, { maxStates: 3 }); // state 1 is not fully expanded
    assert.equal(verdict(cut, 'Never').verdict, 'unknown');
    const full = await run(text);
    assert.deepEqual([verdict(full, 'Never').verdict, verdict(full, 'Small').verdict], ['violated', 'holds']);
  });

  it('stops after the first violated property with --first', async () => {
    const r = await run(`${toggler}property A: eventually false\nproperty B: eventually false`, { stopOnFirst: true });
    assert.deepEqual([verdict(r, 'A').verdict, verdict(r, 'B').verdict], ['violated', 'unknown']);
    assert.equal(r.result.incompleteReason, 'stopped at the first violation');
  });

  it('stops the analysis between checks when asked (an interrupt, the time limit), keeping what it decided', async () => {
    const { program } = await loadText(`${toggler}property A: eventually false\nproperty B: eventually n == 3\nproperty C: eventually false`, 'edges');
    const model = await buildModel(program, { cacheDir: join(scratchDir(), 'cache') });
    const plan = planLiveness(model.meta);
    const recorder = new GraphRecorder();
    const labels = new NodeLabels(model, plan);
    recorder.labeler = labels;
    assert.equal(explore(model, { deadlock: true, graph: recorder }).complete, true);
    const graph = recorder.freeze();
    const input = { model, graph, labels, flat: labels.freeze(graph.count), plan };
    let asked = 0;
    const run = livenessChecks(input, true, false, () => (++asked > 2 ? 'interrupted (SIGINT)' : undefined));
    let r = run.next();
    for (; r.done !== true; r = run.next()) assert.ok(asked <= 3);
    assert.deepEqual(r.value.properties.map((p) => p.verdict), ['violated', 'holds', 'unknown']);
    assert.equal(r.value.stopReason, 'interrupted (SIGINT)');
  });

  it('checks only the chosen properties, and none with an empty choice', async () => {
    const text = `${toggler}property A: eventually false\nproperty B: always n <= 3`;
    assert.deepEqual((await run(text, { properties: ['B'] })).result.properties.filter((p) => p.kind === 'property').map((p) => p.name), ['B']);
    assert.deepEqual((await run(text, { properties: [] })).result.properties.filter((p) => p.kind === 'property'), []);
  });
});
