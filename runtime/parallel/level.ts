// One worker's part of a BFS level in a parallel search: it takes blocks of frontier states
// from a shared cursor (so fast workers take more), expands each, and keeps each new
// successor the shared table lets it have, in its own store, checking the invariants on it.
// The Sink the generated code calls, as runtime/explore.ts's Search is for one thread; what
// it finds goes to the coordinator in the level's `done` message.

import { fingerprint, fpHi } from '../fingerprint.js';
import type { CompiledModel, Sink } from '../model.js';
import { planProperties, type PropertyPlan } from '../properties.js';
import { Canonicalizer } from '../symmetry.js';
import type { DoneMessage, FoundReport, LevelMessage, SearchSettings } from './messages.js';
import { Control, type SharedFpTable } from './shared-table.js';
import type { StateStore } from '../store.js';
import { globalId, publish, sharedStore } from './shared-store.js';

const BLOCK = 64; // frontier states taken at a time: few cursor updates, little imbalance at the end

export class LevelExplorer implements Sink {
  private readonly next: Int32Array;
  private readonly cur: Int32Array;
  private readonly plan: PropertyPlan;
  private readonly canon: Canonicalizer | undefined;
  private readonly stores: (StateStore | undefined)[];
  private readonly own: StateStore;
  private counts: Float64Array;
  private checks: ((s: Int32Array) => boolean)[] = [];
  private checkProperty: number[] = [];
  private found: FoundReport[] = [];
  private reported = new Set<number>();
  private chunksBefore = 0;
  private parent = 0; // global id of the state being expanded
  private activity = 0;
  private keep = true;
  private readonly limited: boolean; // --max-states: every kept state is counted in Control.committed
  private refused = false;
  // the level in progress: the claimed block [at, blockEnd) of the virtual frontier
  private level: LevelMessage | undefined;
  private at = 0;
  private blockEnd = 0;
  private total = 0;

  constructor(
    private readonly model: CompiledModel,
    private readonly worker: number,
    private readonly workers: number,
    private table: SharedFpTable,
    private readonly control: Int32Array,
    private readonly settings: SearchSettings,
    own: { readonly buffers: readonly ArrayBufferLike[]; readonly count: number },
  ) {
    this.next = new Int32Array(model.slots);
    this.cur = new Int32Array(model.slots);
    this.plan = planProperties(model.meta, settings.deadlock, settings.invariants);
    const symmetry = settings.symmetry ? model.meta.symmetry : undefined;
    this.canon = symmetry && new Canonicalizer(symmetry, model.slots, model.meta.instances.length);
    this.own = sharedStore(model.words, own.buffers, own.count);
    this.stores = Array.from({ length: workers }, (_, w) => (w === worker ? this.own : undefined));
    this.chunksBefore = own.buffers.length; // the coordinator knows those; a new store's first chunk it does not
    this.counts = new Float64Array(model.meta.steps.length + 1);
    this.limited = settings.maxStates !== Infinity;
  }

  emit(step: number): void {
    this.counts[step + 1]!++;
    this.activity++;
    const store = this.own;
    this.model.pack(this.canon === undefined ? this.next : this.canon.canonical(this.next), store.tail, store.tailOff);
    const lo = fingerprint(store.tail, store.tailOff, store.words);
    if (!this.table.insert(fpHi, lo)) return;
    if (!this.keep || (this.limited && Atomics.add(this.control, Control.committed, 1) >= this.settings.maxStates)) return this.refuse();
    const id = globalId(store.commit(this.parent, step), this.worker, this.workers);
    const checks = this.checks;
    for (let k = 0; k < checks.length; k++) {
      if (checks[k]!(this.next)) continue;
      this.report(this.checkProperty[k]!, id, -1, -1, NaN);
      checks.splice(k, 1);
      this.checkProperty.splice(k--, 1);
    }
  }

  fail(step: number, site: number, value: number): void {
    this.activity++;
    const property = this.plan.siteProperty[site]!;
    if (!this.reported.has(property)) this.report(property, this.parent, step, site, value);
  }

  // Starts a level; then run() until it says done.
  begin(level: LevelMessage): void {
    if (level.table !== undefined) this.replaceTable(level.table);
    level.chunks.forEach((buffers, w) => {
      if (w !== this.worker) publish(this.stores, w, this.model.words, buffers);
    });
    this.level = level;
    this.keep = level.keep;
    this.total = level.ends.reduce((n, e, w) => n + e - level.starts[w]!, 0);
    this.at = this.blockEnd = 0;
    this.refused = false;
    this.found = [];
    this.reported = new Set(level.found);
    const chosen = this.plan.invariants.filter((c) => !this.reported.has(c.property));
    this.checks = chosen.map((c) => this.model.invariants[c.invariant]!);
    this.checkProperty = chosen.map((c) => c.property);
  }

  // After a rehash: the table twice the size.
  replaceTable(table: SharedArrayBuffer): void {
    this.table = this.table.moveTo(table);
  }

  // Expands frontier states until the level is done, or the table must grow ('paused': call
  // again after replaceTable). Allocation failures end the level as out of memory.
  run(): DoneMessage | 'paused' {
    const level = this.level!;
    const control = this.control;
    try {
      for (;;) {
        // (plain loads on x86: checking before every state costs next to nothing)
        if (Atomics.load(control, Control.halt) !== 0) break;
        if (Atomics.load(control, Control.grow) !== 0) return 'paused';
        if (this.at === this.blockEnd) {
          this.at = Atomics.add(control, Control.cursor, BLOCK);
          this.blockEnd = Math.min(this.at + BLOCK, this.total);
          if (this.at >= this.total) break;
        }
        this.expand(level, this.at++);
      }
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      Atomics.store(control, Control.halt, 1);
      return this.done(true);
    }
    return this.done(false);
  }

  // Frontier position p: the p-th state of the level's ranges, taken in worker order.
  private expand(level: LevelMessage, p: number): void {
    let w = 0;
    while (p >= level.ends[w]! - level.starts[w]!) p -= level.ends[w]! - level.starts[w]!, w++;
    const local = level.starts[w]! + p;
    const store = this.stores[w]!;
    this.model.unpack(store.chunk(local), store.offset(local), this.cur);
    this.parent = globalId(local, w, this.workers);
    this.activity = 0;
    this.model.successors(this.cur, this.next, this);
    if (this.activity === 0 && this.plan.deadlock >= 0 && !this.reported.has(this.plan.deadlock) && !this.model.allDone(this.cur)) {
      this.report(this.plan.deadlock, this.parent, -1, -1, NaN);
    }
  }

  private refuse(): void {
    this.refused = true;
    if (this.keep) Atomics.store(this.control, Control.halt, 1); // --max-states: the search ends
  }

  private report(property: number, state: number, step: number, site: number, value: number): void {
    this.reported.add(property);
    this.found.push({ property, state, step, site, value });
    if (this.settings.stopOnFirst) Atomics.store(this.control, Control.halt, 1);
  }

  private done(outOfMemory: boolean): DoneMessage {
    const chunks = this.own.buffers.slice(this.chunksBefore);
    this.chunksBefore = this.own.buffers.length;
    const stepCounts = this.counts;
    this.counts = new Float64Array(stepCounts.length);
    return { kind: 'done', count: this.own.count, chunks, stepCounts, found: this.found, refused: this.refused, outOfMemory };
  }
}
