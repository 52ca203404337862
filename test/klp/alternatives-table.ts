// The designs the commit message of 8cb2c2dc rejects (specs/klp/alternatives), pinned: each
// one's verdicts and distinct states with one racing patch (2/1/1) and with the default two
// (4/2/1), what `klpc diff` against postfix.klp finds, and, for the table of docs/klp.md, the
// commit's reason and how the model's verdicts bear on it. alternatives.test.ts checks the
// numbers (explorer, reference checker, klpc diff); docs-table.ts renders the table.

import { H, V, type Pinned, type Property } from './table.js';

export interface DiffPin {
  readonly flipped: readonly string[]; // properties whose verdict differs from postfix's
  readonly both: number; // view-states both reach
  readonly onlyPostfix: number;
  readonly onlyHere: number; // view-states only the alternative reaches
  readonly failing: number; // of those, where an invariant fails
  readonly postfixOnly: readonly string[]; // the shortest behaviour postfix has and the alternative lacks
  readonly hereOnly: readonly string[]; // and conversely (the relation is 'incomparable' for all)
}

export interface Alternative {
  readonly spec: string; // under specs/klp/alternatives
  readonly design: string; // the commit's words for the design
  readonly reason: string; // the commit's reason for rejecting it
  readonly verdicts: Readonly<Record<Property, Pinned>>; // at 4/2/1
  readonly oneRacing?: Partial<Record<Property, Pinned>>; // at 2/1/1, where different
  readonly distinct: { readonly '2/1/1': number; readonly '4/2/1': number };
  readonly diff: DiffPin; // against postfix.klp at 4/2/1
  readonly reading: string; // what the verdicts say about the reason
}

const register3 = ['loader add_unformed', 'loader complete_formation', 'patcher[3] register'];

export const alternatives: readonly Alternative[] = [
  {
    spec: 'reject.klp',
    design: 'reject new patches when a patched module is coming or going',
    reason: '"this is ugly"',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: V, AllSettle: H, deadlock: H },
    distinct: { '2/1/1': 42, '4/2/1': 228 },
    diff: { flipped: ['PatchesRegister'], both: 165, onlyPostfix: 0, onlyHere: 63, failing: 0, postfixOnly: register3, hereOnly: register3 },
    reading: 'agrees: safe, and what the model can show of "ugly" is PatchesRegister failing: a patch refused only because M is loading or unloading',
  },
  {
    spec: 'wait-locked.klp',
    design: 'wait with adding new patch until the module leaves the COMING and GOING states, holding klp_mutex',
    reason: '"we would need to release kgr_lock in the middle of the patch registration to avoid a deadlock with the coming and going handlers"',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: V, AllSettle: V, deadlock: 3 },
    distinct: { '2/1/1': 44, '4/2/1': 231 },
    diff: { flipped: ['PatchesRegister', 'AllSettle', 'deadlock'], both: 165, onlyPostfix: 0, onlyHere: 66, failing: 0, postfixOnly: ['patcher[3] register'], hereOnly: ['patcher[3] register'] },
    reading: 'agrees: the deadlock the commit warns of, in 3 steps (M COMING, the patch waits holding klp_mutex, the notifier needs it)',
  },
  {
    spec: 'wait-unlocked.klp',
    design: 'the same, releasing klp_mutex while waiting and starting over',
    reason: '"this might be dangerous and complicated ... we might need a waitqueue for each module which seems to be even bigger overhead than the boolean"',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '2/1/1': 42, '4/2/1': 228 },
    diff: { flipped: [], both: 165, onlyPostfix: 0, onlyHere: 63, failing: 0, postfixOnly: register3, hereOnly: register3 },
    reading: 'partly: correct as written; "dangerous" is real without the start-over (race 2 is back, see below); the overhead of a waitqueue is beyond the model',
  },
  {
    spec: 'stop-modules.klp',
    design: 'stop modules from entering COMING and GOING states; wait until modules leave these states',
    reason: '"we would need to ignore the module that asked to stop the others to avoid a deadlock; also it is unclear what to do when two modules asked to stop others and both are in COMING state"',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: V, AllSettle: V, deadlock: 5 },
    oneRacing: { PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '2/1/1': 52, '4/2/1': 219 },
    diff: { flipped: ['PatchesRegister', 'AllSettle', 'deadlock'], both: 71, onlyPostfix: 94, onlyHere: 148, failing: 0, postfixOnly: ['patcher[3] register'], hereOnly: ['patcher[3] register'] },
    reading: 'agrees: with each patch module ignoring only itself, two patch modules in COMING wait for each other (5 steps; none with one racing patch); ignoring every module that asked would avoid it (see below)',
  },
  {
    spec: 'fixup.klp',
    design: 'always register/enable new patches and fix up the potential mess (registered patches order) in the COMING notifier',
    reason: '"this is nasty and prone to regressions in the future development"',
    verdicts: { StackOrder: H, NoDanglingModule: 11, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '2/1/1': 41, '4/2/1': 271 },
    diff: { flipped: ['NoDanglingModule'], both: 165, onlyPostfix: 0, onlyHere: 106, failing: 34, postfixOnly: register3, hereOnly: register3 },
    reading: 'goes further: the fix-up repairs race 1 but cannot reach race 2, which happens after the GOING notifier has run; "nasty" and "prone to regressions" are beyond the model',
  },
  {
    spec: 'new-state.klp',
    design: 'add another MODULE_STATE where the kallsyms are visible but the module is not used yet',
    reason: '"this looks too complex; the module states are checked on "many" locations"',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: 6, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '2/1/1': 43, '4/2/1': 325 },
    diff: {
      flipped: ['GoingCoverage'], both: 165, onlyPostfix: 0, onlyHere: 160, failing: 48,
      postfixOnly: ['loader add_unformed', 'loader complete_formation', 'loader klp_coming', 'patcher[3] register'],
      hereOnly: ['loader add_unformed', 'loader complete_formation', 'loader klp_coming', 'patcher[3] register'],
    },
    reading: 'goes further: a state set by module.c, outside klp_mutex, leaves a window on one side of the notifier (a patch registered after it misses M; set before it, race 1 is back); the number of places that check module states is beyond the model',
  },
];
