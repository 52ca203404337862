// The SearchResult of a parallel search, in explore.ts's shape: statistics summed over the
// workers, and each violation's trace rebuilt from the parents in their stores (a parent id
// names the worker whose store holds it), through concrete states under symmetry.

import type { CompiledModel } from '../model.js';
import { planProperties } from '../properties.js';
import type { PropertyResult, SearchResult, SearchStats } from '../result.js';
import { Canonicalizer } from '../symmetry.js';
import { foldStepCounts, symmetricTrace } from '../symmetry-trace.js';
import { violationTrace, type Found, type Path } from '../trace.js';
import type { SearchSettings } from './messages.js';
import type { StateStore } from '../store.js';
import type { SharedFpTable } from './shared-table.js';

export interface ParallelSearchData {
  readonly views: readonly (StateStore | undefined)[];
  readonly sizes: readonly number[]; // states in each worker's store
  readonly table: SharedFpTable;
  readonly counts: Float64Array; // emits per step, index step + 1
  readonly found: ReadonlyMap<number, Found>;
  readonly depth: number;
  readonly seconds: number;
}

export function parallelResult(model: CompiledModel, settings: SearchSettings, data: ParallelSearchData, incompleteReason: string | undefined): SearchResult {
  const workers = data.views.length;
  const distinct = data.sizes.reduce((a, b) => a + b, 0);
  let transitions = 0;
  for (let s = 1; s < data.counts.length; s++) transitions += data.counts[s]!;
  const bytes = data.table.buffer.byteLength + data.views.reduce((n, v) => n + (v?.bytes ?? 0), 0);
  const stats: SearchStats = {
    distinct,
    transitions,
    depth: data.depth,
    seconds: data.seconds,
    statesPerSecond: data.seconds > 0 ? distinct / data.seconds : 0,
    bytesPerState: distinct > 0 ? bytes / distinct : 0,
  };
  const pathTo = (id: number): Path => {
    const ids: number[] = [];
    for (let i = id; i >= 0; ) {
      ids.push(i);
      const view = data.views[i % workers]!;
      i = view.parent(Math.floor(i / workers));
    }
    ids.reverse();
    const states = ids.map((i) => {
      const view = data.views[i % workers]!;
      const local = Math.floor(i / workers);
      const s = new Int32Array(model.slots);
      model.unpack(view.chunk(local), view.offset(local), s);
      return s;
    });
    return { states, steps: ids.slice(1).map((i) => data.views[i % workers]!.step(Math.floor(i / workers))) };
  };
  const symmetry = settings.symmetry ? model.meta.symmetry : undefined;
  const canon = symmetry && new Canonicalizer(symmetry, model.slots, model.meta.instances.length);
  const plan = planProperties(model.meta, settings.deadlock, settings.invariants);
  const complete = incompleteReason === undefined;
  const properties = plan.names.map((name, p): PropertyResult => {
    const kind = plan.kinds[p]!;
    const found = data.found.get(p);
    if (found === undefined) return { name, kind, verdict: complete ? 'holds' : 'unknown' };
    const trace = canon === undefined ? violationTrace(model, kind, found, pathTo) : symmetricTrace(model, canon, kind, found, pathTo);
    return { name, kind, verdict: 'violated', trace };
  });
  const counts = Array.from(data.counts.subarray(1));
  const stepCounts = symmetry === undefined ? counts : foldStepCounts(symmetry, counts);
  const base = { stats, properties, stepCounts, ...(symmetry === undefined ? {} : { symmetry: symmetry.groups }) };
  return complete ? { complete, ...base } : { complete, incompleteReason, ...base };
}
