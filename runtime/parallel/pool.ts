// The worker threads of a parallel search, started ahead of it: a thread takes tens of
// milliseconds to boot (35-60 ms measured for a bare worker on a 2-core machine) and then
// imports the model, time that passes while this thread does something else: check's
// one-thread probe (search.ts), or the initial states. The search that is given the pool
// (coordinator.ts) terminates it.

import { Worker } from 'node:worker_threads';
import type { FromWorker } from './messages.js';
import type { ModelSource } from './model-source.js';

export class WorkerPool {
  readonly threads: readonly Worker[];
  // every worker has imported the model (worker.ts says so unasked)
  readonly ready: Promise<void>;

  constructor(source: ModelSource, size: number) {
    this.threads = Array.from({ length: size }, () => new Worker(workerUrl(), { workerData: source }));
    this.ready = Promise.all(this.threads.map(booted)).then(() => undefined);
    this.ready.catch(() => undefined); // a pool terminated unused may never be awaited
  }

  get size(): number {
    return this.threads.length;
  }

  async terminate(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}

// Where the worker's code is: beside this module, or beside the bundled CLI.
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.mjs') ? './klpc-worker.mjs' : './worker.js', import.meta.url);
}

function booted(t: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    t.once('message', (m: FromWorker) => (m.kind === 'ready' ? resolve() : reject(workerError(m))));
    t.once('error', reject);
  });
}

export function workerError(m: FromWorker): Error {
  return new Error(`internal: a search worker failed: ${m.kind === 'error' ? m.message : `unexpected '${m.kind}'`}`);
}
