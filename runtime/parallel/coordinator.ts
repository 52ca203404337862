// A breadth-first search spread over worker threads: model (and a pool of workers importing
// it) in, SearchResult out, the same as runtime/explore.ts's for a complete search:
// distinct states, transitions, depth, every verdict and each shortest counterexample's length.
// The workers share one fingerprint table (shared-table.ts) and go level by level: all of
// level d is expanded before any of level d + 1, so the first level where a property fails is
// the one a single thread finds, and traces stay shortest (which one of equal length is found
// may vary between runs). This thread commits the initial states, hands out the levels,
// rehashes the table when it fills, and rebuilds the traces at the end.
//
// Bounds as in explore.ts: --max-depth lets the last level's steps run (their failures and
// deadlocks count) and only refuses their new successors; --max-states stops all workers once
// that many states are kept (the transitions then counted may differ from one thread's). The
// limits (an interrupt, --time-limit, the memory budget, which here bounds what the search adds
// to the process's resident memory: the workers' structures are not this thread's to count)
// are watched from this thread while a level runs, and stop the workers through Control.halt.

import type { Worker } from 'node:worker_threads';
import type { ExploreOptions } from '../explore.js';
import { Limits } from '../limits.js';
import type { CompiledModel } from '../model.js';
import type { SearchResult } from '../result.js';
import type { Found } from '../trace.js';
import { grown, initialLevel } from './initial.js';
import type { DoneMessage, FromWorker, LevelMessage, SearchSettings, ToWorker } from './messages.js';
import { workerError, type WorkerPool } from './pool.js';
import { parallelResult } from './result.js';
import type { StateStore } from '../store.js';
import { publish } from './shared-store.js';
import { SpareTable } from './spare-table.js';
import { Control, SharedFpTable } from './shared-table.js';

const INITIAL_SLOTS = 1 << 20; // 8 MB: a search comes here only past PROBE_STATES states
const PROGRESS_MS = 1000;
const WATCH_MS = 50;

// On the pool's workers, which it terminates. `initialSlots`: the shared table's first size
// (tests make it small, to grow it often).
export async function exploreParallel(model: CompiledModel, pool: WorkerPool, options: ExploreOptions, initialSlots = INITIAL_SLOTS): Promise<SearchResult> {
  try {
    return await new ParallelSearch(model, options, pool.size, initialSlots).run(pool);
  } finally {
    await pool.terminate();
  }
}

class ParallelSearch {
  private readonly start = performance.now();
  private readonly settings: SearchSettings;
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * Control.words));
  private table: SharedFpTable;
  private readonly views: (StateStore | undefined)[] = [];
  private readonly unsent: ArrayBufferLike[][] = [];
  private readonly counts: Float64Array; // emits per step, index step + 1 (0: initial states)
  private readonly found = new Map<number, Found>();
  private starts: number[] = [];
  private ends: number[] = [];
  private depth = 0;
  private deepest = 0;
  private halted: string | undefined; // why the search stopped early
  private deepReached = false; // a successor past --max-depth was refused
  private rehashed: SharedArrayBuffer | undefined; // a table the workers have not been given yet
  private readonly spare = new SpareTable(); // the next table, prepared from half full on
  private readonly limits: Limits;
  private readonly baseRss = process.memoryUsage.rss();

  constructor(
    private readonly model: CompiledModel,
    private readonly options: ExploreOptions,
    private readonly workers: number,
    initialSlots: number,
  ) {
    this.settings = {
      deadlock: options.deadlock,
      ...(options.invariants === undefined ? {} : { invariants: options.invariants }),
      symmetry: options.symmetry === true && model.meta.symmetry !== undefined,
      maxStates: options.maxStates ?? Infinity,
      stopOnFirst: options.stopOnFirst === true,
    };
    this.table = new SharedFpTable(SharedFpTable.allocate(initialSlots), this.control);
    this.counts = new Float64Array(model.meta.steps.length + 1);
    this.limits = new Limits(options, this.start);
  }

  async run(workerPool: WorkerPool): Promise<SearchResult> {
    const { model, workers } = this;
    const init = initialLevel(model, this.settings, this.table, this.control, workers);
    this.table = init.table;
    for (const [property, f] of init.found) this.found.set(property, f);
    if (init.refused) this.halted = `--max-states ${this.options.maxStates} reached`;
    if (init.found.size > 0 && this.settings.stopOnFirst) this.halted ??= 'stopped at the first violation';
    this.counts[0] = init.store.count;
    for (let w = 0; w < workers; w++) {
      this.views.push(w === 0 ? init.store : undefined);
      this.unsent.push(w === 0 ? [...init.store.buffers] : []);
    }
    this.starts = this.views.map(() => 0);
    this.ends = this.views.map((_, w) => (w === 0 ? init.store.count : 0));
    await workerPool.ready;
    const pool = workerPool.threads;
    pool.forEach((t, w) =>
      t.postMessage({
        kind: 'init',
        worker: w,
        workers,
        control: this.control.buffer as SharedArrayBuffer,
        table: this.table.buffer,
        settings: this.settings,
        store: w === 0 ? { buffers: init.store.buffers, count: init.store.count } : { buffers: [], count: 0 },
      } satisfies ToWorker),
    );
    const timer = this.options.onProgress && setInterval(() => this.progress(), PROGRESS_MS);
    const watch = setInterval(() => this.watch(), WATCH_MS);
    try {
      while (this.halted === undefined && this.ends.some((e, w) => e > this.starts[w]!)) await this.level(pool);
    } finally {
      if (timer !== undefined) clearInterval(timer);
      clearInterval(watch);
    }
    const reason = this.halted ?? (this.deepReached ? `--max-depth ${this.options.maxDepth} reached` : undefined);
    const seconds = (performance.now() - this.start) / 1000;
    const data = { views: this.views, sizes: this.ends, table: this.table, counts: this.counts, found: this.found, depth: this.deepest, seconds };
    return parallelResult(model, this.settings, data, reason);
  }

  private async level(pool: readonly Worker[]): Promise<void> {
    Atomics.store(this.control, Control.cursor, 0);
    const level: LevelMessage = {
      kind: 'level',
      depth: this.depth,
      keep: this.depth < (this.options.maxDepth ?? Infinity),
      starts: this.starts,
      ends: this.ends,
      chunks: this.unsent.map((c) => c.splice(0)),
      found: [...this.found.keys()],
      ...(this.rehashed === undefined ? {} : { table: this.rehashed }),
    };
    this.rehashed = undefined;
    const done = await runLevel(pool, level, () => this.grow());
    const reports = done.flatMap((d) => d.found).sort((a, b) => a.state - b.state || a.step - b.step || a.site - b.site);
    for (const r of reports) {
      if (!this.found.has(r.property)) this.found.set(r.property, { state: r.state, step: r.step, site: r.site, value: r.value, initial: undefined });
    }
    done.forEach((d, w) => {
      publish(this.views, w, this.model.words, d.chunks);
      this.unsent[w]!.push(...d.chunks);
      d.stepCounts.forEach((c, i) => (this.counts[i]! += c));
    });
    const ends = done.map((d) => d.count);
    if (ends.some((e, w) => e > this.ends[w]!)) this.deepest = this.depth + 1;
    if (done.some((d) => d.outOfMemory)) this.halted = `out of memory after ${ends.reduce((a, b) => a + b, 0)} distinct states`;
    else if (done.some((d) => d.refused) && level.keep) this.halted = `--max-states ${this.options.maxStates} reached`;
    else if (this.settings.stopOnFirst && reports.length > 0) this.halted = 'stopped at the first violation';
    if (done.some((d) => d.refused) && !level.keep) this.deepReached = true;
    this.starts = this.ends;
    this.ends = ends;
    this.depth++;
  }

  // Every worker is paused or done: move to a table twice the size.
  private grow(): SharedArrayBuffer {
    this.table = grown(this.table, this.control, this.spare.take(2 * this.table.capacity));
    this.rehashed = this.table.buffer;
    return this.table.buffer;
  }

  private watch(): void {
    this.limits.look();
    const distinct = Atomics.load(this.control, Control.size);
    if (distinct >= this.table.capacity / 2) this.spare.prepare(2 * this.table.capacity);
    const grown = process.memoryUsage.rss() - this.baseRss;
    const reason = this.limits.stopReason(performance.now(), distinct) ?? (grown > this.limits.budget ? this.limits.outOfMemory(distinct) : undefined);
    if (reason === undefined) return;
    this.halted ??= reason;
    Atomics.store(this.control, Control.halt, 1);
  }

  private progress(): void {
    const total = this.ends.reduce((n, e, w) => n + e - this.starts[w]!, 0);
    let transitions = 0;
    for (let s = 1; s < this.counts.length; s++) transitions += this.counts[s]!;
    this.options.onProgress!({
      distinct: Math.min(Atomics.load(this.control, Control.size), this.settings.maxStates), // fingerprints: a close count
      transitions,
      queued: Math.max(0, total - Atomics.load(this.control, Control.cursor)),
      depth: this.depth,
      seconds: (performance.now() - this.start) / 1000,
    });
  }
}

// Posts the level to every worker; when all are paused or done and the table must grow,
// `grow` rehashes and the paused ones resume. Resolves with each worker's `done`.
function runLevel(pool: readonly Worker[], level: LevelMessage, grow: () => SharedArrayBuffer): Promise<DoneMessage[]> {
  return new Promise((resolve, reject) => {
    const done: (DoneMessage | undefined)[] = pool.map(() => undefined);
    const paused = new Set<number>();
    const failed = (e: Error): void => finish(e);
    const listeners = pool.map((w, i) => (m: FromWorker) => {
      if (m.kind === 'done') done[i] = m;
      else if (m.kind === 'paused') paused.add(i);
      else return finish(workerError(m));
      if (paused.size > 0 && paused.size + done.filter((d) => d !== undefined).length === pool.length) {
        const table = grow();
        for (const p of paused) pool[p]!.postMessage({ kind: 'resume', table } satisfies ToWorker);
        paused.clear();
      }
      if (done.every((d) => d !== undefined)) finish(undefined);
    });
    const finish = (error: Error | undefined): void => {
      pool.forEach((w, i) => {
        w.off('message', listeners[i]!);
        w.off('error', failed);
      });
      if (error === undefined) resolve(done as DoneMessage[]);
      else reject(error);
    };
    pool.forEach((w, i) => {
      w.on('message', listeners[i]!);
      w.on('error', failed);
      w.postMessage(level satisfies ToWorker);
    });
  });
}
