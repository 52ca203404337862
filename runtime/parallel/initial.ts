// Level 0 of a parallel search, run by the coordinator before the workers start: the initial
// states go into worker 0's store (which that worker then continues) and the shared table,
// checked against the invariants as explore.ts checks them; a failure while building one is
// kept with the partial state, as explore.ts keeps it.

import { fingerprint, fpHi } from '../fingerprint.js';
import type { CompiledModel, Sink } from '../model.js';
import { planProperties } from '../properties.js';
import { Canonicalizer } from '../symmetry.js';
import type { Found } from '../trace.js';
import type { SearchSettings } from './messages.js';
import type { StateStore } from '../store.js';
import { globalId, sharedStore } from './shared-store.js';
import { Control, SharedFpTable } from './shared-table.js';

export interface InitialLevel {
  readonly table: SharedFpTable; // grown as the initial states needed
  readonly store: StateStore;
  readonly found: Map<number, Found>;
  readonly refused: boolean; // more initial states than --max-states
}

export function initialLevel(model: CompiledModel, settings: SearchSettings, first: SharedFpTable, control: Int32Array, workers: number): InitialLevel {
  let table = first;
  const plan = planProperties(model.meta, settings.deadlock, settings.invariants);
  const symmetry = settings.symmetry ? model.meta.symmetry : undefined;
  const canon = symmetry && new Canonicalizer(symmetry, model.slots, model.meta.instances.length);
  const store = sharedStore(model.words);
  const found = new Map<number, Found>();
  const next = new Int32Array(model.slots);
  let refused = false;
  const sink: Sink = {
    emit: () => {
      model.pack(canon === undefined ? next : canon.canonical(next), store.tail, store.tailOff);
      const lo = fingerprint(store.tail, store.tailOff, store.words);
      if (!table.insert(fpHi, lo)) return;
      if (Atomics.load(control, Control.grow) !== 0) table = grown(table, control);
      if (settings.maxStates !== Infinity && Atomics.add(control, Control.committed, 1) >= settings.maxStates) {
        refused = true;
        return;
      }
      const state = globalId(store.commit(-1, -1), 0, workers);
      for (const c of plan.invariants) {
        if (!found.has(c.property) && !model.invariants[c.invariant]!(next)) found.set(c.property, { state, step: -1, site: -1, value: NaN, initial: undefined });
      }
    },
    fail: (step, site, value) => {
      const property = plan.siteProperty[site]!;
      if (!found.has(property)) found.set(property, { state: -1, step, site, value, initial: model.decode(next) });
    },
  };
  model.init(next, sink);
  table.flush();
  if (Atomics.load(control, Control.grow) !== 0) table = grown(table, control);
  return { table, store, found, refused };
}

// A table twice the size with the same fingerprints (no other thread inserts), in `buffer`
// (empty, of that size) if given.
export function grown(table: SharedFpTable, control: Int32Array, buffer = SharedFpTable.allocate(2 * table.capacity)): SharedFpTable {
  table.flush();
  const bigger = new SharedFpTable(buffer, control);
  table.rehashInto(bigger);
  Atomics.store(control, Control.grow, 0);
  return bigger;
}
