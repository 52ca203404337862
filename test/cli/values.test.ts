// Value rendering in the spec language's notation, and the per-path changes between states.

import assert from 'node:assert/strict';
import { entryLines, pendingInstances, stateChanges } from '../../cli/changes.js';
import { formatValue } from '../../cli/values.js';
import type { Value } from '../../runtime/value.js';

describe('cli values', () => {
  const cases: [Value, string][] = [
    [3, '3'],
    [-1, '-1'],
    [true, 'true'],
    ['ENABLED', 'ENABLED'],
    [[], '[]'],
    [[1, 2], '[1, 2]'],
    [{ '#set': [] }, '{}'],
    [{ '#set': [1, 2] }, '{1, 2}'],
    [{ '#map': [['a', [2, 1]], ['b', []]] }, '[a |-> [2, 1], b |-> []]'],
    [{ tag: 'None', value: [] }, 'none'],
    [{ tag: 'Some', value: 'M' }, 'some(M)'],
    [{ state: 'ENABLED', mod: { tag: 'Some', value: 'M' } }, '{state: ENABLED, mod: some(M)}'],
    [{ tag: 'Other', value: 1 }, '{tag: Other, value: 1}'],
  ];
  for (const [value, text] of cases) {
    it(`prints ${JSON.stringify(value)} as ${text}`, () => assert.equal(formatValue(value), text));
  }
});

describe('cli changes', () => {
  const paths = (a: Record<string, Value>, b: Record<string, Value>) =>
    stateChanges(a, b).map((c) => `${c.path}: ${c.before === undefined ? '' : `${formatValue(c.before)} -> `}${formatValue(c.after)}`);

  it('lists nothing for equal states', () => {
    assert.deepEqual(paths({ x: 1, s: [1] }, { x: 1, s: [1] }), []);
  });

  it('leaves out program counters', () => {
    assert.deepEqual(paths({ x: 1, 'p[1].pc': 'a' }, { x: 2, 'p[1].pc': 'b' }), ['x: 1 -> 2']);
  });

  it('descends into maps and records, not into sequences and sets', () => {
    const before = { m: { '#map': [[1, { st: 'A', n: 0 }], [2, { st: 'A', n: 0 }]] }, s: [1, 2], set: { '#set': [1] } } as Record<string, Value>;
    const after = { m: { '#map': [[1, { st: 'A', n: 0 }], [2, { st: 'B', n: 0 }]] }, s: [1, 3], set: { '#set': [1, 2] } } as Record<string, Value>;
    assert.deepEqual(paths(before, after), ['m[2].st: A -> B', 's: [1, 2] -> [1, 3]', 'set: {1} -> {1, 2}']);
  });

  it('prints a whole option when it changes shape', () => {
    const before = { o: { tag: 'None', value: [] } } as Record<string, Value>;
    const after = { o: { tag: 'Some', value: { a: 1 } } } as Record<string, Value>;
    assert.deepEqual(paths(before, after), ['o: none -> some({a: 1})']);
  });

  it('marks a key missing before as new', () => {
    assert.deepEqual(paths({}, { x: 1 }), ['x: 1']);
  });

  it('splits a value too wide for a line into its entries', () => {
    const obj = { '#map': [[1, { state: 'ENABLED', mod: 'M' }], [2, { state: 'DISABLED', mod: 'M' }]] } as Value;
    assert.deepEqual(entryLines('obj', obj, 80), ['obj = [1 |-> {state: ENABLED, mod: M}, 2 |-> {state: DISABLED, mod: M}]']);
    assert.deepEqual(entryLines('obj', obj, 40), ['obj[1] = {state: ENABLED, mod: M}', 'obj[2] = {state: DISABLED, mod: M}']);
    assert.deepEqual(entryLines('obj', obj, 20), ['obj[1].state = ENABLED', 'obj[1].mod = M', 'obj[2].state = DISABLED', 'obj[2].mod = M']);
    assert.deepEqual(entryLines('s', [1, 2, 3], 3), ['s = [1, 2, 3]']);
  });

  it('finds the instances that are not done', () => {
    assert.deepEqual(pendingInstances({ x: 1, 'a.pc': 'done', 'b[2].pc': 'enable', 'b[2].n': 3 }), [{ instance: 'b[2]', label: 'enable' }]);
  });
});
