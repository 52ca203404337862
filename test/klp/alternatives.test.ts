// The commit message's rejected designs (specs/klp/alternatives): each one's pinned verdicts and
// distinct states (alternatives-table.ts) against the explorer and the reference checker, what
// `klpc diff` against postfix.klp finds, the shape of each counterexample next to the commit's
// words, and the variations of a design that docs/klp.md reports (loaded as unshipped specs).

import assert from 'node:assert/strict';
import type { SearchResult, Trace } from '../../runtime/result.js';
import { diffFamily } from '../diff/family.js';
import { alternatives } from './alternatives-table.js';
import { alternativesTable, expectDocsTable } from './docs-table.js';
import { assertAgrees, runSpec, runText, type Run } from './pipeline.js';
import { assertPinned, H, type Pinned } from './table.js';

const sizes = { '2/1/1': new Map([['NPATCHES', 2], ['NRACING', 1]]), '4/2/1': new Map() } as const;

const runs = new Map<string, Promise<Run>>();
function run(spec: string, size: keyof typeof sizes): Promise<Run> {
  const key = `${spec} ${size}`;
  if (!runs.has(key)) runs.set(key, runSpec(`alternatives/${spec}`, sizes[size]));
  return runs.get(key)!;
}

const verdict = (r: SearchResult, name: string): Pinned | string => {
  const p = r.properties.find((q) => q.name === name);
  assert.ok(p, `no property ${name}`);
  return p.verdict === 'violated' ? p.trace!.steps.length : p.verdict;
};
const trace = (r: SearchResult, name: string): Trace => r.properties.find((q) => q.name === name)!.trace!;
const steps = (t: Trace) => t.steps.map((s) => `${s.instance}.${s.label}`);
const last = (t: Trace) => t.steps.at(-1)!.state;

describe('klp: the rejected alternatives (specs/klp/alternatives)', function () {
  this.timeout(120_000);

  for (const alt of alternatives) {
    for (const size of Object.keys(sizes) as (keyof typeof sizes)[]) {
      it(`${alt.spec} ${size}: verdicts and ${alt.distinct[size]} distinct states, as the reference checker`, async () => {
        const r = await run(alt.spec, size);
        assertPinned(r.result, { ...alt.verdicts, ...(size === '2/1/1' ? alt.oneRacing : {}) });
        assert.equal(r.result.stats.distinct, alt.distinct[size]);
        assertAgrees(r);
      });
    }

    it(`klpc diff postfix.klp ${alt.spec}: the pinned flips, view-states and first differing behaviours`, async () => {
      const { d } = await diffFamily('postfix', `alternatives/${alt.spec.replace(/\.klp$/, '')}`);
      const names = (c: typeof d.behaviours.aNotB) => (c.status === 'witness' ? c.witness.trace.steps.map((s) => `${s.instance} ${s.label}`) : c.status);
      assert.deepEqual(d.verdicts.filter((r) => r.change !== 'same').map((r) => r.name), alt.diff.flipped);
      assert.deepEqual([d.reach.both, d.reach.onlyA.count, d.reach.onlyB.count, d.reach.onlyB.failing], [alt.diff.both, alt.diff.onlyPostfix, alt.diff.onlyHere, alt.diff.failing]);
      assert.equal(d.behaviours.relation, 'incomparable');
      assert.deepEqual([names(d.behaviours.aNotB), names(d.behaviours.bNotA)], [alt.diff.postfixOnly, alt.diff.hereOnly]);
    });
  }

  it('reject: a patch that registers while M is COMING is refused, and its module never enables it', async () => {
    const { d } = await diffFamily('postfix', 'alternatives/reject');
    assert.equal(d.behaviours.bNotA.status, 'witness');
    if (d.behaviours.bNotA.status !== 'witness') return;
    const t = d.behaviours.bNotA.witness.trace;
    assert.equal(t.steps[1]!.state['mod_state'], 'COMING');
    assert.deepEqual(t.steps[2]!.state['klp_patches'], [1, 2]); // postfix appends P3 here
    assert.equal(t.steps[2]!.state['patcher[3].pc'], 'done');
  });

  it('wait-locked: the deadlock the commit warns of, the notifier blocked on klp_mutex', async () => {
    const t = trace((await run('wait-locked.klp', '4/2/1')).result, 'deadlock');
    assert.deepEqual(steps(t), ['loader.add_unformed', 'loader.complete_formation', 'patcher[3].register']);
    const s = last(t);
    assert.deepEqual([s['mod_state'], s['loader.pc'], s['patcher[3].pc'], s['klp_mutex']], ['COMING', 'klp_coming', 'wait', 'patcher[3]']);
  });

  it('stop-modules: two patch modules in COMING each wait for the other', async () => {
    const t = trace((await run('stop-modules.klp', '4/2/1')).result, 'deadlock');
    assert.deepEqual(steps(t).slice(-4).sort(), ['patcher[3].register', 'patcher[3].request', 'patcher[4].register', 'patcher[4].request']);
    const s = last(t);
    assert.deepEqual([s['patcher[3].pc'], s['patcher[4].pc'], s['coming_patches'], s['stop_requests']], ['settle', 'settle', { '#set': [3, 4] }, { '#set': [3, 4] }]);
  });

  it('fixup: race 1 repaired, race 2 untouched (a patch binds M after the GOING notifier)', async () => {
    const names = steps(trace((await run('fixup.klp', '4/2/1')).result, 'NoDanglingModule'));
    assert.ok(names.indexOf('unloader.klp_going') < names.indexOf('patcher[3].register'));
    assert.equal(names.at(-1), 'unloader.free');
  });

  it('new-state: a patch registered after the COMING notifier, before M leaves the new state, misses M', async () => {
    const t = trace((await run('new-state.klp', '4/2/1')).result, 'GoingCoverage');
    assert.deepEqual(steps(t), [
      'loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming', 'patcher[3].register', 'loader.parse_args', 'patcher[3].enable',
    ]);
    assert.deepEqual([last(t)['mod_callable'], last(t)['func_stack']], [true, { '#map': [['a', [1, 2, 3]], ['b', [1, 2]]] }]);
  });

  // The variations docs/klp.md reports, each as a variant of a shipped alternative
  const variation = async (name: string, text: string) => (await runText(`alternatives/${name}`, text)).result;

  it('wait-unlocked without starting over: the waiter binds M after the GOING notifier (race 2)', async () => {
    const r = await variation('wait-no-recheck.klp', `variant of "wait-unlocked.klp"
replace step patcher.wait {
  wait:
    await mod_state != COMING and mod_state != GOING;
  relock:
    lock(klp_mutex);
    lock(module_mutex);
    obj[p][obj_M].mod := klp_find_object_module(mod_state);
    unlock(module_mutex);
    klp_patches := append(klp_patches, p);
    unlock(klp_mutex);
}
`);
    assert.equal(verdict(r, 'NoDanglingModule'), 13);
    const names = steps(trace(r, 'NoDanglingModule'));
    assert.ok(names.indexOf('patcher[3].wait') < names.indexOf('unloader.stop') && names.indexOf('unloader.klp_going') < names.indexOf('patcher[3].relock'));
  });

  it('stop-modules where every module that asked is ignored: no deadlock, everything holds', async () => {
    const r = await variation('stop-ignore-askers.klp', `variant of "stop-modules.klp"
replace fn others_settled(p: Patch): bool =
  mod_state != COMING and mod_state != GOING and (forall q in coming_patches: q in stop_requests)
`);
    for (const p of r.properties) assert.equal(p.verdict, H, p.name);
  });

  it('new-state left before the COMING notifier instead of after it: race 1 is back', async () => {
    const r = await variation('new-state-early.klp', `variant of "new-state.klp"
replace step loader.complete_formation {
  complete_formation:
    mod_unused := true;
    lock(module_mutex);
    mod_state := COMING;
    unlock(module_mutex);
  coming:
    lock(module_mutex);
    mod_unused := false;
    unlock(module_mutex);
}
replace step loader.parse_args {
  parse_args:
    mod_callable := true;
}
`);
    assert.deepEqual([verdict(r, 'StackOrder'), verdict(r, 'GoingCoverage')], [6, H]);
    assert.deepEqual(steps(trace(r, 'StackOrder')).slice(-4), ['loader.coming', 'patcher[3].register', 'patcher[3].enable', 'loader.klp_coming']);
  });

  it('docs/klp.md shows the pinned table of the alternatives', () => expectDocsTable(alternativesTable(alternatives)));
});
