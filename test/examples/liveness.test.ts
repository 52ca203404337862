// The known liveness results on the shipped examples, each under the fairness that decides it
// (docs/examples.md says where each result comes from; SPIN 6.5.2 with weak fairness, `pan -a
// -f`, confirms every weak-fairness row): Peterson's filter lock is starvation-free under weak
// fairness and not without it; the naive philosophers fail "everyone eats" even under strong
// fairness (the deadlock); the ordered ones satisfy it under strong fairness but not under weak
// fairness. Every reported lasso is checked against the definitions (test/runtime/lasso.ts).
// The shipped specs carry the fairness of their expected verdict; the other rows edit it away.

import assert from 'node:assert/strict';
import type { SearchResult } from '../../runtime/result.js';
import { validateLasso } from '../runtime/lasso.js';
import { editedExample, searchExample } from './pipeline.js';

const LARGE = process.env['KLPC_EXAMPLES_LARGE'] === '1';

const allFair = (text: string) => text.replace('unfair ncs:', 'ncs:');
const noFairness = (text: string) => text.replace('unfair ncs:', 'ncs:').replace(/^(strong )?fair process/m, 'process');
const weakOnly = (text: string) => text.replace('strong fair process', 'fair process');

function temporal(result: SearchResult, name: string) {
  const p = result.properties.find((q) => q.name === name);
  assert.ok(p?.kind === 'property', `${name} is reported`);
  return p;
}

describe('liveness of the shipped examples', function () {
  this.timeout(LARGE ? 0 : 120_000);

  for (const N of LARGE ? [2, 3, 4] : [2, 3]) {
    it(`peterson N=${N}: starvation-free under weak fairness, with or without a fair non-critical section`, async () => {
      const shipped = await searchExample('peterson.klp', new Map([['N', N]]));
      assert.equal(temporal(shipped.result, 'StarvationFree').verdict, 'holds');
      const fair = await editedExample('peterson.klp', allFair, new Map([['N', N]]));
      assert.equal(temporal(fair.result, 'StarvationFree').verdict, 'holds');
    });
  }

  it('peterson N=2 without fairness: each thread may starve, by stopping in the doorway', async () => {
    const { result, model } = await editedExample('peterson.klp', noFairness, new Map([['N', 2]]));
    const p = temporal(result, 'StarvationFree');
    assert.equal(p.verdict, 'violated');
    assert.deepEqual(p.temporal?.failing, ['t = 1', 't = 2']);
    assert.equal(p.trace?.loop, p.trace?.steps.length, 'the counterexample stutters');
    validateLasso(model, p);
  });

  for (const N of [3, 5]) {
    it(`naive philosophers N=${N}: not everyone eats, even under strong fairness`, async () => {
      const { result, model } = await searchExample('philosophers.klp', new Map([['N', N]]));
      const p = temporal(result, 'EveryoneEats');
      assert.equal(p.verdict, 'violated');
      assert.equal(p.temporal?.failing?.length, N);
      validateLasso(model, p);
    });
  }

  for (const N of LARGE ? [3, 5, 8] : [3, 5]) {
    it(`ordered philosophers N=${N}: everyone eats under strong fairness, not under weak`, async () => {
      const strong = await searchExample('philosophers-ordered.klp', new Map([['N', N]]));
      assert.equal(temporal(strong.result, 'EveryoneEats').verdict, 'holds');
      const weak = await editedExample('philosophers-ordered.klp', weakOnly, new Map([['N', N]]));
      const p = temporal(weak.result, 'EveryoneEats');
      assert.equal(p.verdict, 'violated');
      assert.equal(p.temporal?.failing?.length, N, 'any philosopher can starve');
      assert.ok(p.trace?.loop !== undefined && p.trace.loop < p.trace.steps.length, 'a real cycle, not a deadlock');
      validateLasso(weak.model, p);
    });
  }
});
