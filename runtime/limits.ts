// When a search must stop before it is done, whatever the state space: a time limit, a memory
// budget, the JavaScript heap nearing V8's limit (whose exhaustion is a fatal crash no catch can
// turn into a result), and an interrupt (an AbortSignal the CLI aborts on SIGINT/SIGTERM). The
// search consults a Limits at its checkpoints; nothing here runs per state. In: the options and
// what the search's structures hold. Out: why to stop, and how many states fit the budget.

import { freemem, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

export interface LimitOptions {
  readonly timeLimit?: number; // seconds
  readonly maxMemory?: number; // bytes of JS heap and typed arrays (the search's, and others'); default: defaultMemoryBudget()
  readonly signal?: AbortSignal; // aborted (reason: the signal's name): stop as soon as possible
}

// The structures whose growth the budget plans: the fingerprint table doubles (holding the old and
// the new array while it rehashes), the state store adds fixed-size chunks.
export interface Growth {
  readonly tableBytes: number;
  readonly tableEntries: number;
  readonly tableCapacity: number; // entries it holds before it doubles
  readonly storeBytes: number;
  readonly storeCount: number;
  readonly chunkBytes: number;
  readonly chunkStates: number;
}

// Without --max-memory: most of the memory free when the search starts (MemAvailable on Linux),
// and of the cgroup's limit if there is one, so that the search ends as a result rather than
// being killed by the kernel or swapping the machine to a halt.
export function defaultMemoryBudget(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const inCgroup = limit > 0 && limit < totalmem() ? limit - process.memoryUsage.rss() : Infinity;
  return Math.floor(0.8 * Math.min(freemem(), inCgroup));
}

// Stop when the heap is this full: V8 aborts the process (no exception) when it cannot grow it.
// Its limit (heap_size_limit) includes the young generation's reserve, at most three 16 MiB
// semi-spaces, which the old generation's own limit (--max-old-space-size) does not.
const HEAP_FULL = 0.8;
const MIB = 1024 * 1024;
const YOUNG_RESERVE = 48 * MIB;

export class Limits {
  readonly budget: number;
  private readonly deadline: number;
  private heap = getHeapStatistics();

  constructor(private readonly options: LimitOptions, start: number) {
    this.budget = options.maxMemory ?? defaultMemoryBudget();
    this.deadline = options.timeLimit === undefined ? Infinity : start + options.timeLimit * 1000;
  }

  // Reads the heap's figures for stopReason and maxStates (~10 us).
  look(): void {
    this.heap = getHeapStatistics();
  }

  // Why the search must stop now, or undefined.
  stopReason(now: number, distinct: number): string | undefined {
    const signal = this.options.signal;
    if (signal?.aborted === true) return interruptedReason(signal);
    if (now >= this.deadline) return `--time-limit ${formatSeconds(this.options.timeLimit!)} reached`;
    const { used_heap_size: used, heap_size_limit: limit } = this.heap;
    const oldLimit = Math.max(limit / 2, limit - YOUNG_RESERVE);
    if (used > HEAP_FULL * oldLimit) {
      return `out of memory after ${count(distinct)} distinct states: the JavaScript heap holds ${mib(used)} of its ${mib(oldLimit)} limit`;
    }
    return undefined;
  }

  allocationFailed(distinct: number): string {
    return `out of memory after ${count(distinct)} distinct states: an allocation failed`;
  }

  outOfMemory(distinct: number): string {
    const what = this.options.maxMemory === undefined ? `the default budget of ${mib(this.budget)} (80% of the memory free at the start)` : `--max-memory ${mib(this.budget)}`;
    return `out of memory after ${count(distinct)} distinct states: ${what}`;
  }

  // The most distinct states the store may hold without the JS heap and the typed arrays ever
  // exceeding the budget, planning each growth of the table and the store ahead. Memory that
  // is not the search's own (the heap, klpc diff's graphs) is taken as it is now.
  maxStates(g: Growth): number {
    const heap = this.heap.used_heap_size + this.heap.external_memory - g.tableBytes - g.storeBytes;
    let tableBytes = g.tableBytes;
    let capacity = g.tableCapacity;
    for (;;) {
      const chunks = Math.floor((this.budget - heap - tableBytes) / g.chunkBytes);
      const byStore = chunks * g.chunkStates - 1; // a chunk is added when the previous one fills
      // one entry of room is kept: the state that finds the store full is inserted first
      const byTable = g.storeCount + (capacity - g.tableEntries) - 1;
      if (byStore <= byTable) return Math.max(0, byStore);
      const storeAtGrowth = (Math.floor((byTable + 1) / g.chunkStates) + 1) * g.chunkBytes;
      if (heap + storeAtGrowth + 3 * tableBytes > this.budget) return Math.max(0, byTable);
      tableBytes *= 2;
      capacity *= 2;
    }
  }
}

// `interrupted (SIGINT)`: how every search and simulation names an aborted signal's stop.
export function interruptedReason(signal: AbortSignal): string {
  return `interrupted (${String(signal.reason ?? 'signal')})`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function mib(bytes: number): string {
  return bytes >= 10 * 1024 * MIB ? `${(bytes / (1024 * MIB)).toFixed(1)} GiB` : `${Math.round(bytes / MIB)} MiB`;
}

function formatSeconds(s: number): string {
  return s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`;
}
