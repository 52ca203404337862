// Breadth-first search of a CompiledModel's state space: model in, SearchResult out. States are
// processed in discovery order (the store is the queue), so the first violation found of each
// property has a shortest trace. The search goes on after violations, so every property gets a
// verdict, unless `stopOnFirst`. The Search object is the Sink the generated code calls: one
// object per run, and emit() allocates nothing.
//
// Bounds: initial states have depth 0. With maxDepth N, no state deeper than N is stored or
// checked; steps from depth-N states still run, so their failures and deadlocks are reported,
// and a new successor only marks the search incomplete. With maxStates N, the search stops when
// an (N+1)th distinct state is found. An incomplete search never reports 'holds'.
//
// A failing step counts as activity for deadlock detection: a state whose every enabled step
// fails is reported as a failure, not also as a deadlock. Values passed to fail(): NaN means
// "no value" (see properties.ts).
//
// With `graph`, the search also records the state graph (runtime/graph.ts): states are then
// looked up in an FpIndex, which gives the index of a state seen before, instead of the FpTable.
//
// Limits (limits.ts): every CHECK_EVERY expansions the search looks at the clock, the interrupt
// signal and the heap; the memory budget caps the store's size ahead of time (unless --spill
// takes what does not fit to disk), so the hot path pays nothing for it. `explore` runs to the
// end in one go; `exploreAsync` pauses every 50 ms (runtime/slices.ts) so that the event loop can deliver an
// interrupt.

import { fingerprint, fpHi } from './fingerprint.js';
import { FpIndex } from './fpindex.js';
import { FpTable } from './fptable.js';
import type { GraphRecorder } from './graph.js';
import { Limits, type LimitOptions } from './limits.js';
import type { CompiledModel, Sink } from './model.js';
import { runInSlices, runToEnd } from './slices.js';
import { planProperties, type PropertyPlan } from './properties.js';
import type { PropertyResult, SearchResult, SearchStats } from './result.js';
import { DiskStore } from './spill/disk-store.js';
import { SpillArea } from './spill/area.js';
import { SpillVisited } from './spill/visited.js';
import { CHUNK, StateStore, type Store } from './store.js';
import { Canonicalizer } from './symmetry.js';
import { foldStepCounts, symmetricTrace } from './symmetry-trace.js';
import { storePath, violationTrace, type Found } from './trace.js';

export interface Progress {
  readonly distinct: number;
  readonly transitions: number;
  readonly queued: number; // distinct states not yet expanded
  readonly depth: number; // of the states being expanded
  readonly seconds: number;
}

export interface ExploreOptions extends LimitOptions {
  readonly deadlock: boolean;
  readonly invariants?: readonly string[]; // names to check; default: all
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly stopOnFirst?: boolean;
  // explore one state per class of states equal up to the model's symmetry (ModelMeta.symmetry)
  readonly symmetry?: boolean;
  readonly onProgress?: (progress: Progress) => void; // about once a second
  readonly graph?: GraphRecorder; // records the state graph while searching
  // --spill: the store and queue in files under dir; with maxTableBytes, the fingerprints too
  // once the table reaches that size (runtime/spill/visited.ts)
  readonly spill?: { readonly dir: string; readonly maxTableBytes?: number };
}

const PROGRESS_MS = 1000;
const CHECK_EVERY = 256; // expansions between checkpoints (a power of two)
const LOOK_MS = 10; // between looks at the limits and the heap, and plans of the memory budget

export function explore(model: CompiledModel, options: ExploreOptions): SearchResult {
  return runToEnd(new Search(model, options));
}

export async function exploreAsync(model: CompiledModel, options: ExploreOptions): Promise<SearchResult> {
  return runInSlices(new Search(model, options));
}

class Search implements Sink {
  private readonly next: Int32Array;
  private readonly store: Store;
  private readonly table: { insert(hi: number, lo: number): boolean; readonly bytes: number };
  private readonly spill: { readonly area: SpillArea; readonly store: DiskStore; readonly visited: SpillVisited | undefined } | undefined;
  private readonly graph: GraphRecorder | undefined;
  private readonly index: FpIndex | undefined; // state indexes by fingerprint, when recording
  private readonly counts: Float64Array; // emits per step, index step + 1 (0: initial states)
  private readonly plan: PropertyPlan;
  private readonly found: (Found | undefined)[];
  // the invariants not violated yet, and their property indexes
  private readonly checks: ((s: Int32Array) => boolean)[];
  private readonly checkProperty: number[];
  private readonly canon: Canonicalizer | undefined;
  private parent = -1; // the state being expanded, -1 during init
  private activity = 0; // emits and failures from the state being expanded
  private storeLimit: number;
  private memoryCap = Infinity; // the most states the memory budget lets the store hold
  private halted = false;
  private incompleteReason: string | undefined;
  private readonly limits: Limits;
  // where the search is, between slices
  private readonly start = performance.now();
  private readonly cur: Int32Array;
  private i = 0; // the next state to expand
  private depth = 0;
  private levelEnd = -1; // the last state of the level being expanded
  private exhausted = false; // with --spill: a new level held only states seen before
  private lastProgress = this.start;
  private lastLook = this.start;

  constructor(
    private readonly model: CompiledModel,
    private readonly options: ExploreOptions,
  ) {
    // the compiler refuses such specs (KLP3011); a hand-written model reaching here is a bug
    if (model.meta.steps.length >= 0xffff) throw new Error('internal: more steps than the state store can index');
    this.next = new Int32Array(model.slots);
    if (options.spill === undefined) {
      this.store = new StateStore(model.words);
      this.table = new FpTable();
    } else {
      const area = new SpillArea(options.spill.dir);
      const store = new DiskStore(model.words, area.file('states'));
      const visited = options.spill.maxTableBytes === undefined ? undefined : new SpillVisited(area, options.spill.maxTableBytes);
      this.spill = { area, store, visited };
      this.store = store;
      this.table = visited ?? new FpTable();
    }
    this.counts = new Float64Array(model.meta.steps.length + 1);
    this.plan = planProperties(model.meta, options.deadlock, options.invariants);
    this.found = this.plan.names.map(() => undefined);
    this.checks = this.plan.invariants.map((c) => model.invariants[c.invariant]!);
    this.checkProperty = this.plan.invariants.map((c) => c.property);
    this.storeLimit = options.maxStates ?? Infinity;
    const symmetry = options.symmetry === true ? model.meta.symmetry : undefined;
    this.canon = symmetry && new Canonicalizer(symmetry, model.slots, model.meta.instances.length);
    this.graph = options.graph;
    // a graph of canonical representatives would pair each node with the wrong successors' steps
    if (this.graph !== undefined && this.canon !== undefined) throw new Error('internal: a state graph cannot be recorded under symmetry reduction');
    this.index = this.graph && new FpIndex();
    if (this.graph !== undefined && this.spill !== undefined) throw new Error('internal: a state graph is recorded in memory, not with --spill');
    if (this.store instanceof StateStore) this.graph?.start(this.store);
    this.limits = new Limits(options, this.start);
    this.cur = new Int32Array(model.slots);
    this.planMemory();
    try {
      model.init(this.next, this);
    } catch (e) {
      this.allocationFailed(e);
    }
    this.levelEnd = this.store.count - 1;
  }

  emit(step: number): void {
    if (this.halted) return;
    this.counts[step + 1]!++;
    this.activity++;
    const store = this.store;
    this.model.pack(this.canon === undefined ? this.next : this.canon.canonical(this.next), store.tail, store.tailOff);
    const lo = fingerprint(store.tail, store.tailOff, store.words);
    if (this.index === undefined) {
      if (!this.table.insert(fpHi, lo)) return;
      if (store.count >= this.storeLimit) return this.refuse();
    } else if (!this.isNew(lo, step)) {
      return;
    }
    const index = store.commit(this.parent, step);
    this.graph?.added(index, this.parent, step, this.next);
    const checks = this.checks;
    for (let k = 0; k < checks.length; k++) {
      if (!checks[k]!(this.next)) this.violateInvariant(k--, index);
    }
  }

  fail(step: number, site: number, value: number): void {
    if (this.halted) return;
    this.activity++;
    this.graph?.failed(this.parent, step, site);
    const property = this.plan.siteProperty[site]!;
    if (this.found[property] !== undefined) return;
    const initial = this.parent < 0 ? this.model.decode(this.next) : undefined;
    this.record(property, { state: this.parent, step, site, value, initial });
  }

  // Expands states until the search is done (true) or the clock passes sliceEnd (false).
  advance(sliceEnd: number): boolean {
    const { model, store, cur } = this;
    const maxDepth = this.options.maxDepth ?? Infinity;
    const visited = this.spill?.visited;
    let { i, depth, levelEnd } = this;
    try {
      for (; i < store.count && !this.halted; i++) {
        if (i > levelEnd) {
          // every state of the new level a duplicate of one on disk: the search is done
          if (visited !== undefined && visited.levelEnd(store, i) === 0) {
            levelEnd = store.count - 1;
            this.exhausted = true;
            break;
          }
          depth++;
          levelEnd = store.count - 1;
        }
        if (visited?.isDuplicate(i) === true) continue;
        if (depth >= maxDepth) this.storeLimit = -1;
        model.unpack(store.chunk(i), store.offset(i), cur);
        this.parent = i;
        this.activity = 0;
        model.successors(cur, this.next, this);
        if (!this.halted) this.graph?.closeNode(i);
        if (this.activity === 0 && !this.halted) this.checkDeadlock(i, cur);
        visited?.checkpoint(store);
        if ((i & (CHECK_EVERY - 1)) === CHECK_EVERY - 1 && this.checkpoint(i, depth) >= sliceEnd) {
          i++;
          break;
        }
      }
    } catch (e) {
      this.allocationFailed(e);
    }
    this.i = i;
    this.depth = depth;
    this.levelEnd = levelEnd;
    return this.halted || this.exhausted || i >= store.count;
  }

  // Progress, the limits and the memory plan; returns the time.
  private checkpoint(i: number, depth: number): number {
    const now = performance.now();
    const onProgress = this.options.onProgress;
    if (onProgress !== undefined && now - this.lastProgress >= PROGRESS_MS) {
      this.lastProgress = now;
      onProgress({ ...this.counters(), queued: this.store.count - i - 1, depth });
    }
    if (now - this.lastLook >= LOOK_MS || this.options.signal?.aborted === true) {
      this.lastLook = now;
      this.limits.look();
      const reason = this.limits.stopReason(now, this.store.count);
      if (reason !== undefined) {
        this.halted = true;
        this.incompleteReason = reason;
      }
      this.planMemory();
    }
    return now;
  }

  // In memory, the budget caps the store; with --spill, what does not fit goes to disk.
  private planMemory(): void {
    if (this.spill !== undefined) return;
    const table = this.table as FpTable;
    const store = this.store as StateStore;
    this.memoryCap = this.limits.maxStates({
      tableBytes: table.bytes, tableEntries: table.size, tableCapacity: table.capacity,
      storeBytes: store.bytes, storeCount: store.count, chunkBytes: store.chunkBytes, chunkStates: CHUNK,
    });
    if (this.storeLimit >= 0) this.storeLimit = Math.min(this.options.maxStates ?? Infinity, this.memoryCap);
  }

  // The table and store grow by allocating first, so a failed allocation leaves them consistent:
  // the search ends incomplete with what it found, never with a crash.
  private allocationFailed(e: unknown): void {
    if (!isAllocationFailure(e)) throw e;
    this.halted = true;
    this.incompleteReason = this.limits.allocationFailed(this.store.count);
  }

  result(): SearchResult {
    // a search that stopped early may hold new states not yet checked against the run on disk
    const visited = this.spill?.visited;
    const beyond = visited === undefined ? this.store.count - 1 - this.levelEnd : visited.levelEnd(this.store, this.levelEnd + 1);
    try {
      return this.summary(beyond > 0 ? this.depth + 1 : this.depth);
    } finally {
      this.spill?.store.close();
      this.spill?.area.remove();
    }
  }

  // Recording: is the state with fingerprint (fpHi, lo) new and kept? Edges to states already
  // known, or refused now or before (index -1), go to the graph here.
  private isNew(lo: number, step: number): boolean {
    const { store, index, graph } = this;
    const known = index!.getOrAdd(fpHi, lo, store.count);
    if (known === store.count && store.count < this.storeLimit) return true;
    if (known === store.count) {
      index!.set(fpHi, lo, -1);
      this.refuse();
    }
    graph!.edge(this.parent, known === store.count ? -1 : known, step);
    return false;
  }

  // A new state the bounds do not let us keep.
  private refuse(): void {
    if (this.storeLimit < 0) {
      this.incompleteReason ??= `--max-depth ${this.options.maxDepth} reached`;
    } else {
      const count = this.store.count;
      this.incompleteReason = count >= this.memoryCap ? this.limits.outOfMemory(count) : `--max-states ${this.options.maxStates} reached`;
      this.halted = true;
    }
  }

  private checkDeadlock(state: number, cur: Int32Array): void {
    const property = this.plan.deadlock;
    if (property < 0 || this.found[property] !== undefined || this.model.allDone(cur)) return;
    this.record(property, { state, step: -1, site: -1, value: NaN, initial: undefined });
  }

  private violateInvariant(k: number, state: number): void {
    const property = this.checkProperty[k]!;
    this.checks.splice(k, 1);
    this.checkProperty.splice(k, 1);
    this.record(property, { state, step: -1, site: -1, value: NaN, initial: undefined });
  }

  private record(property: number, found: Found): void {
    this.found[property] = found;
    if (this.options.stopOnFirst === true) {
      this.halted = true;
      this.incompleteReason = 'stopped at the first violation';
    }
  }

  private counters(): { distinct: number; transitions: number; seconds: number } {
    let transitions = 0;
    for (let s = 1; s < this.counts.length; s++) transitions += this.counts[s]!;
    return { distinct: this.store.count - (this.spill?.visited?.duplicates ?? 0), transitions, seconds: (performance.now() - this.start) / 1000 };
  }

  private summary(depth: number): SearchResult {
    const { distinct, transitions, seconds } = this.counters();
    const bytes = this.table.bytes + this.store.bytes + (this.index?.bytes ?? 0) + (this.graph?.bytes ?? 0);
    const stats: SearchStats = {
      distinct,
      transitions,
      depth,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : 0,
      bytesPerState: distinct > 0 ? bytes / distinct : 0,
    };
    const complete = this.incompleteReason === undefined;
    const properties = this.plan.names.map((name, p): PropertyResult => {
      const kind = this.plan.kinds[p]!;
      const found = this.found[p];
      if (found === undefined) return { name, kind, verdict: complete ? 'holds' : 'unknown' };
      const pathTo = (i: number) => storePath(this.model, this.store, i);
      const trace = this.canon === undefined ? violationTrace(this.model, kind, found, pathTo) : symmetricTrace(this.model, this.canon, kind, found, pathTo);
      return { name, kind, verdict: 'violated', trace };
    });
    const counts = Array.from(this.counts.subarray(1));
    const stepCounts = this.canon === undefined ? counts : foldStepCounts(this.model.meta.symmetry!, counts);
    const spilled = this.spill && { states: this.spill.store.spilled, fingerprints: this.spill.visited?.spilled ?? 0 };
    const base = { stats, properties, stepCounts, ...(this.canon === undefined ? {} : { symmetry: this.model.meta.symmetry!.groups }), ...(spilled === undefined ? {} : { spilled }) };
    return complete ? { complete, ...base } : { complete, incompleteReason: this.incompleteReason, ...base };
  }
}

function isAllocationFailure(e: unknown): boolean {
  return e instanceof RangeError && /allocation failed|Invalid typed array length|Array buffer/i.test(e.message);
}
