// Hand-made search results for the printer tests, shaped like the livepatch race 1 of commit
// 8cb2c2dc (docs: /work/shared/design/KLP_MODEL.md) and small variations: an assert, a spec
// error, a deadlock, an incomplete search, a violation in an initial state.

import type { ModelMeta } from '../../runtime/model.js';
import type { PropertyResult, SearchResult, Trace } from '../../runtime/result.js';
import type { DecodedState, Value } from '../../runtime/value.js';

const none: Value = { tag: 'None', value: { '#tup': [] } as unknown as Value };
const some = (v: Value): Value => ({ tag: 'Some', value: v });
const map = (entries: [Value, Value][]): Value => ({ '#map': entries });
const obj = (state: string, mod: Value): Value => ({ state, mod });

export const meta: ModelMeta = {
  name: 'prefix',
  instances: [
    { name: 'loader', process: 'loader' },
    { name: 'patcher[3]', process: 'patcher' },
  ],
  steps: [
    { instance: 0, label: 'add_unformed', loc: { file: 'prefix.klp', line: 20, col: 3 }, fairness: 'unfair' },
    { instance: 0, label: 'complete_formation', loc: { file: 'prefix.klp', line: 23, col: 3 }, fairness: 'unfair' },
    { instance: 0, label: 'klp_coming', loc: { file: 'prefix.klp', line: 26, col: 3 }, fairness: 'unfair' },
    { instance: 1, label: 'register', loc: { file: 'prefix.klp', line: 40, col: 3 }, fairness: 'unfair' },
    { instance: 1, label: 'enable', loc: { file: 'prefix.klp', line: 45, col: 3 }, fairness: 'unfair' },
  ],
  invariants: [{ name: 'StackOrder', loc: { file: 'prefix.klp', line: 60, col: 1 } }],
  properties: [],
  sites: [],
  vars: ['mod_state', 'klp_patches', 'patch_state', 'obj', 'func_stack', 'klp_mutex'],
};

const s0: DecodedState = {
  mod_state: 'ABSENT',
  klp_patches: [1, 2],
  patch_state: map([[1, 'ENABLED'], [2, 'ENABLED'], [3, 'UNREGISTERED']]),
  obj: map([[1, obj('DISABLED', none)], [2, obj('DISABLED', none)], [3, obj('DISABLED', none)]]),
  func_stack: map([['a', [2, 1]], ['b', []]]),
  used: { '#set': [] },
  klp_mutex: none,
  'loader.pc': 'add_unformed',
  'patcher[3].pc': 'register',
};
const s1 = { ...s0, mod_state: 'UNFORMED', 'loader.pc': 'complete_formation' };
const s2 = { ...s1, mod_state: 'COMING', 'loader.pc': 'klp_coming' };
const s3 = {
  ...s2,
  klp_patches: [1, 2, 3],
  patch_state: map([[1, 'ENABLED'], [2, 'ENABLED'], [3, 'DISABLED']]),
  obj: map([[1, obj('DISABLED', none)], [2, obj('DISABLED', none)], [3, obj('DISABLED', some('M'))]]),
  'patcher[3].pc': 'enable',
};
const s4 = {
  ...s3,
  patch_state: map([[1, 'ENABLED'], [2, 'ENABLED'], [3, 'ENABLED']]),
  obj: map([[1, obj('DISABLED', none)], [2, obj('DISABLED', none)], [3, obj('ENABLED', some('M'))]]),
  func_stack: map([['a', [3, 2, 1]], ['b', [3]]]),
  used: { '#set': ['a', 'b'] },
  'patcher[3].pc': 'done',
};
const s5 = {
  ...s4,
  obj: map([[1, obj('ENABLED', some('M'))], [2, obj('ENABLED', some('M'))], [3, obj('ENABLED', some('M'))]]),
  func_stack: map([['a', [3, 2, 1]], ['b', [2, 1, 3]]]),
  'loader.pc': 'live',
};

const step = (n: number, instance: string, label: string, state: DecodedState) => ({ step: n, instance, label, state });

export const race1: Trace = {
  initial: s0,
  steps: [
    step(0, 'loader', 'add_unformed', s1),
    step(1, 'loader', 'complete_formation', s2),
    step(3, 'patcher[3]', 'register', s3),
    step(4, 'patcher[3]', 'enable', s4),
    step(2, 'loader', 'klp_coming', s5),
  ],
};

const stats = { distinct: 1234, transitions: 5678, depth: 14, seconds: 0.25, statesPerSecond: 4936, bytesPerState: 24 };

export const violated: SearchResult = {
  complete: true,
  stats,
  properties: [
    { name: 'StackOrder', kind: 'invariant', verdict: 'violated', trace: race1 },
    { name: 'GoingCoverage', kind: 'invariant', verdict: 'holds' },
    { name: 'NoDoubleEnable', kind: 'invariant', verdict: 'violated', trace: race1 }, // printed once
    { name: 'deadlock', kind: 'deadlock', verdict: 'holds' },
    { name: 'spec errors', kind: 'specError', verdict: 'holds' },
  ],
  stepCounts: [10, 9, 8, 0, 7],
};

const failure = (instance: string, label: string, message: string) => ({
  step: 4, instance, label, message, loc: { file: 'prefix.klp', line: 47, col: 5 },
});

const assertTrace: Trace = { initial: s0, steps: race1.steps.slice(0, 3), failure: failure('patcher[3]', 'enable', 'only one patch may be enabled at a time') };
const specErrorTrace: Trace = { initial: s0, steps: race1.steps.slice(0, 1), failure: failure('patcher[3]', 'register', 'value 4 outside 0..3 assigning to klp_count') };
const deadlockTrace: Trace = {
  initial: s0,
  steps: race1.steps.slice(0, 2),
  failure: { step: undefined, instance: undefined, label: undefined, message: 'deadlock', loc: undefined },
};

const prop = (p: PropertyResult) => p;

export const several: SearchResult = {
  complete: false,
  incompleteReason: 'stopped at the first violation (--first)',
  stats,
  properties: [
    prop({ name: 'deadlock', kind: 'deadlock', verdict: 'violated', trace: deadlockTrace }),
    prop({ name: 'assert prefix.klp:47', kind: 'assert', verdict: 'violated', trace: assertTrace }),
    prop({ name: 'spec errors', kind: 'specError', verdict: 'violated', trace: specErrorTrace }),
    prop({ name: 'StackOrder', kind: 'invariant', verdict: 'unknown' }),
  ],
  stepCounts: [3, 2, 0, 1, 0],
};

export const incomplete: SearchResult = {
  complete: false,
  incompleteReason: '--max-states 1000 reached',
  stats: { ...stats, distinct: 1000 },
  properties: [
    { name: 'StackOrder', kind: 'invariant', verdict: 'unknown' },
    { name: 'deadlock', kind: 'deadlock', verdict: 'unknown' },
  ],
  stepCounts: [1, 1, 1, 0, 0],
};

export const holds: SearchResult = {
  complete: true,
  stats,
  properties: [
    { name: 'StackOrder', kind: 'invariant', verdict: 'holds' },
    { name: 'deadlock', kind: 'deadlock', verdict: 'holds' },
  ],
  stepCounts: [1, 1, 1, 1, 1],
};

// Violated in an initial state: a trace with no steps, so no lanes.
export const initialViolation: SearchResult = {
  complete: true,
  stats,
  properties: [{ name: 'StackOrder', kind: 'invariant', verdict: 'violated', trace: { initial: s0, steps: [] } }],
  stepCounts: [0, 0, 0, 0, 0],
};
