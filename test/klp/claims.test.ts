// What docs/klp.md says about specs it does not ship: the user-visible form of StackOrder as a
// two-line variant of each shipped spec (with the earlier forms of StackOrder and
// NoDanglingModule), the halves of the fix as mutants, klp_alive across a reload, and removal on
// the pre-fix code. Each is loaded as if it sat in specs/klp and checked by the explorer and the
// reference checker.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { SearchResult } from '../../runtime/result.js';
import { assertAgrees, runText, specDir, type Run } from './pipeline.js';

// verdicts as `name: holds`, `name: violated` (a temporal property) or `name: <steps>`, after
// checking that the reference checker agrees
function summary(run: Run): Record<string, string | number> {
  assertAgrees(run);
  const { result } = run;
  return Object.fromEntries([...result.properties.map((p) => [p.name, p.verdict === 'violated' && p.kind !== 'property' ? p.trace!.steps.length : p.verdict]), ['states', result.stats.distinct]]);
}

const labels = (r: SearchResult, name: string) => r.properties.find((p) => p.name === name)!.trace!.steps.map((s) => `${s.instance}.${s.label}`);

describe('klp: the claims of docs/klp.md about unshipped specs', function () {
  this.timeout(60_000);

  // "violated on prefix (6 steps: race 1, then parse_args) and ignore-going, and holds on
  // postfix, load-failure, direct-calls and removal: exactly where StackOrder and GoingCoverage
  // both hold"; and StackOrder and NoDanglingModule as they were first written agree with the
  // shipped forms in every reachable state, wherever no patch fails to initialize or is unregistered
  const earlierForms = `
invariant FirstStackOrder: (forall f in Func: func_stack[f] == [p for p in klp_patches if obj[p][home(f)].state == ENABLED]) ==
  (forall f in Func: func_stack[f] == [p for p in klp_patches if patch_state[p] == ENABLED and loaded(home(f), obj[p][home(f)])])
invariant FirstNoDangling: (forall p in Patch: contains(klp_patches, p) => not is_some(obj[p][obj_M].mod)) ==
  (forall p in Patch: not is_some(obj[p][obj_M].mod))
`;
  for (const spec of ['prefix', 'ignore-going', 'postfix', 'load-failure', 'direct-calls', 'removal']) {
    it(`SameStacks on ${spec}: violated exactly where StackOrder or GoingCoverage is`, async () => {
      const forms = spec === 'removal' ? '' : earlierForms;
      const text = `variant of "${spec}.klp"\ninvariant SameStacks: mod_callable => func_stack[a] == func_stack[b]\n${forms}`;
      const run = await runText(`same-stacks-${spec}.klp`, text);
      const s = summary(run);
      assert.equal(s['SameStacks'] === 'holds', s['StackOrder'] === 'holds' && s['GoingCoverage'] === 'holds');
      if (forms !== '') assert.deepEqual([s['FirstStackOrder'], s['FirstNoDangling']], ['holds', 'holds']);
      if (spec === 'prefix') assert.deepEqual(labels(run.result, 'SameStacks'), [...labels(run.result, 'StackOrder'), 'loader.parse_args']);
    });
  }

  // postfix without one of its two prepended lines
  const half = (line: string) =>
    `variant of "base.klp"\nvar klp_alive: bool = false\nreplace fn klp_find_object_module(s: ModState): Module? = if klp_alive then find_module(s) else none\n${line}\n`;

  it('without klp_alive := false in the GOING notifier, race 2 is back', async () => {
    const run = await runText('no-going-half.klp', half('prepend step loader.klp_coming { klp_alive := true; }'));
    assert.deepEqual(summary(run), { StackOrder: 'holds', NoDanglingModule: 11, GoingCoverage: 'holds', NoDoubleEnable: 'holds', PatchesRegister: 'holds', AllSettle: 'holds', deadlock: 'holds', 'spec errors': 'holds', states: 247 });
    const steps = labels(run.result, 'NoDanglingModule');
    assert.ok(steps.indexOf('unloader.klp_going') < steps.indexOf('patcher[3].register'));
  });

  it('without klp_alive := true in the COMING notifier, a patch never binds a live M', async () => {
    const run = await runText('no-coming-half.klp', half('prepend step unloader.klp_going { klp_alive := false; }'));
    assert.deepEqual(summary(run), { StackOrder: 'holds', NoDanglingModule: 'holds', GoingCoverage: 6, NoDoubleEnable: 'holds', PatchesRegister: 'holds', AllSettle: 'holds', deadlock: 'holds', 'spec errors': 'holds', states: 285 });
    assert.deepEqual(labels(run.result, 'GoingCoverage'), [
      'loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming', 'loader.parse_args', 'patcher[3].register', 'patcher[3].enable',
    ]);
  });

  // klp_alive across a reload of M (NLOADS=2): set again by every COMING notifier, false in
  // every new struct module
  it('klp_alive set only by the first load: a patch registered in the second does not bind M', async () => {
    const text = half('prepend step loader.klp_coming { if load == 1 { klp_alive := true; } }\nprepend step unloader.klp_going { klp_alive := false; }');
    const run = await runText('alive-once.klp', text, new Map([['NLOADS', 2]]));
    assert.equal(summary(run)['GoingCoverage'], 16);
    const steps = labels(run.result, 'GoingCoverage');
    assert.deepEqual(steps.slice(-6), ['loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming', 'loader.parse_args', 'patcher[3].register', 'patcher[3].enable']);
    assert.ok(steps.includes('unloader.free'));
  });

  it('klp_alive not reset in a new struct module: after a failed load, race 1 is back', async () => {
    const text = `variant of "load-failure.klp"
replace step loader.add_unformed {
  add_unformed:
    lock(module_mutex);
    await mod_state == ABSENT or mod_freed;
    mod_state := UNFORMED;
    mod_freed := false;
    unlock(module_mutex);
}
`;
    const run = await runText('alive-stale.klp', text, new Map([['NLOADS', 2]]));
    assert.equal(summary(run)['StackOrder'], 12);
    const steps = labels(run.result, 'StackOrder');
    assert.ok(steps.indexOf('loader.unlink_mod') < steps.lastIndexOf('loader.complete_formation'));
    assert.equal(steps.at(-1), 'loader.klp_coming');
  });

  // "There are no such problems when the patch is being removed", without the fix: removal.klp's
  // disabler on prefix.klp, registration kept out of M's COMING and GOING windows
  it('removal on the pre-fix code: every property holds when no registration is in a window', async () => {
    const removal = fs.readFileSync(path.join(specDir, 'removal.klp'), 'utf8');
    assert.ok(removal.includes('variant of "postfix.klp"'));
    const text = `${removal.replace('variant of "postfix.klp"', 'variant of "prefix.klp"')}
prepend step patcher.register {
  await mod_state != COMING and mod_state != GOING;
}
`;
    const run = await runText('removal-prefix.klp', text);
    assert.deepEqual(summary(run), { StackOrder: 'holds', NoDanglingModule: 'holds', GoingCoverage: 'holds', NoDoubleEnable: 'holds', PatchesRegister: 'holds', AllSettle: 'holds', deadlock: 'holds', 'spec errors': 'holds', states: 1871 });
    // and the disabler does unregister patches, early and racing ones
    const unregistered = await runText('removal-unregisters.klp', `variant of "removal.klp"\ninvariant AllRegistered: len(klp_patches) >= NPATCHES - NRACING\n`);
    assert.equal(summary(unregistered)['AllRegistered'], 2);
  });
});
