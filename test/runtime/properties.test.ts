// The property list a search reports, and failure messages with and without a value.

import { strict as assert } from 'node:assert';
import type { ModelMeta, SiteMeta } from '../../runtime/model.js';
import { failureMessage, planProperties } from '../../runtime/properties.js';

const loc = (line: number) => ({ file: 'a.klp', line, col: 3 });
const site = (kind: SiteMeta['kind'], message: string, line: number): SiteMeta => ({ kind, message, loc: loc(line) });

const meta: ModelMeta = {
  name: 'm',
  instances: [],
  steps: [],
  properties: [],
  invariants: [
    { name: 'deadlock', loc: loc(1) },
    { name: 'Safe', loc: loc(2) },
  ],
  sites: [
    site('domain', 'value outside 0..3', 5),
    site('assert', 'first', 7),
    site('divzero', 'division by zero', 8),
    site('assert', 'second on the same line', 7),
    site('assert', 'third', 9),
  ],
  vars: [],
};

describe('runtime/properties', () => {
  it('lists invariants, deadlock, one property per assert line, then spec errors', () => {
    const plan = planProperties(meta, true);
    assert.deepEqual(plan.names, ['deadlock', 'Safe', 'deadlock', 'assert a.klp:7', 'assert a.klp:9', 'spec errors']);
    assert.deepEqual(plan.kinds, ['invariant', 'invariant', 'deadlock', 'assert', 'assert', 'specError']);
    assert.equal(plan.deadlock, 2);
    assert.deepEqual(Array.from(plan.siteProperty), [5, 3, 5, 3, 4]);
  });

  it('keeps the chosen invariants in declaration order, and spec errors even without sites', () => {
    const plan = planProperties({ ...meta, sites: [] }, false, ['Safe', 'deadlock']);
    assert.deepEqual(plan.names, ['deadlock', 'Safe', 'spec errors']);
    assert.deepEqual(plan.invariants, [
      { invariant: 0, property: 0 },
      { invariant: 1, property: 1 },
    ]);
    assert.equal(plan.deadlock, -1);
  });

  it('puts the offending value into the message; NaN means none', () => {
    assert.equal(failureMessage(site('domain', 'value {value} outside 0..3 (assigning to x)', 1), 4), 'value 4 outside 0..3 (assigning to x)');
    assert.equal(failureMessage(site('domain', 'value outside 0..3', 1), -1), 'value outside 0..3 (got -1)');
    assert.equal(failureMessage(site('divzero', 'division by zero', 1), NaN), 'division by zero');
  });
});
