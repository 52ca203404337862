// What docs/klp.md says about specs it does not ship: the user-visible form of StackOrder as a
// two-line variant of each shipped spec, and the two halves of the fix as mutants of postfix.
// Each is loaded as if it sat in specs/klp and checked by the explorer and the reference checker.

import assert from 'node:assert/strict';
import type { SearchResult } from '../../runtime/result.js';
import { runText, type Run } from './pipeline.js';

// verdicts as `name=holds` or `name=<steps>`, after checking that the reference checker agrees
function summary({ result, reference }: Run): Record<string, string | number> {
  assert.equal(result.complete, true);
  assert.equal(reference.distinct, result.stats.distinct, 'reference distinct states');
  for (const r of reference.properties) {
    const p = result.properties.find((q) => q.name === r.name)!;
    assert.deepEqual([p.verdict, p.trace?.steps.length], [r.verdict, r.length], `reference verdict of ${r.name}`);
  }
  return Object.fromEntries([...result.properties.map((p) => [p.name, p.verdict === 'violated' ? p.trace!.steps.length : p.verdict]), ['states', result.stats.distinct]]);
}

const labels = (r: SearchResult, name: string) => r.properties.find((p) => p.name === name)!.trace!.steps.map((s) => `${s.instance}.${s.label}`);

describe('klp: the claims of docs/klp.md about unshipped specs', function () {
  this.timeout(60_000);

  // "violated on prefix (6 steps: race 1, then parse_args) and ignore-going, and holds on
  // postfix, load-failure, direct-calls and removal: exactly where StackOrder and GoingCoverage
  // both hold"
  for (const spec of ['prefix', 'ignore-going', 'postfix', 'load-failure', 'direct-calls', 'removal']) {
    it(`SameStacks on ${spec}: violated exactly where StackOrder or GoingCoverage is`, async () => {
      const text = `variant of "${spec}.klp"\ninvariant SameStacks: mod_callable => func_stack[a] == func_stack[b]\n`;
      const run = await runText(`same-stacks-${spec}.klp`, text);
      const s = summary(run);
      assert.equal(s['SameStacks'] === 'holds', s['StackOrder'] === 'holds' && s['GoingCoverage'] === 'holds');
      if (spec === 'prefix') assert.deepEqual(labels(run.result, 'SameStacks'), [...labels(run.result, 'StackOrder'), 'loader.parse_args']);
    });
  }

  // postfix without one of its two prepended lines
  const half = (line: string) =>
    `variant of "base.klp"\nvar klp_alive: bool = false\nreplace fn klp_find_object_module(s: ModState): Module? = if klp_alive then find_module(s) else none\n${line}\n`;

  it('without klp_alive := false in the GOING notifier, race 2 is back', async () => {
    const run = await runText('no-going-half.klp', half('prepend step loader.klp_coming { klp_alive := true; }'));
    assert.deepEqual(summary(run), { StackOrder: 'holds', NoDanglingModule: 11, GoingCoverage: 'holds', NoDoubleEnable: 'holds', deadlock: 'holds', 'spec errors': 'holds', states: 247 });
    const steps = labels(run.result, 'NoDanglingModule');
    assert.ok(steps.indexOf('unloader.klp_going') < steps.indexOf('patcher[3].register'));
  });

  it('without klp_alive := true in the COMING notifier, a patch never binds a live M', async () => {
    const run = await runText('no-coming-half.klp', half('prepend step unloader.klp_going { klp_alive := false; }'));
    assert.deepEqual(summary(run), { StackOrder: 'holds', NoDanglingModule: 'holds', GoingCoverage: 6, NoDoubleEnable: 'holds', deadlock: 'holds', 'spec errors': 'holds', states: 285 });
    assert.deepEqual(labels(run.result, 'GoingCoverage'), [
      'loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming', 'loader.parse_args', 'patcher[3].register', 'patcher[3].enable',
    ]);
  });
});
