// The entry point of a worker thread of a parallel search (runtime/parallel/pool.ts starts it):
// imports the model from its source (the thread's workerData) and says 'ready', then, once the
// coordinator sends the search's shared structures, runs each level it is given with a
// LevelExplorer and answers with what it found. One search per worker; the coordinator ends it.

import { parentPort, workerData } from 'node:worker_threads';
import { LevelExplorer } from './level.js';
import type { CompiledModel } from '../model.js';
import type { FromWorker, ToWorker } from './messages.js';
import { loadModel, type ModelSource } from './model-source.js';
import { SharedFpTable } from './shared-table.js';

const port = parentPort!;
let model: CompiledModel | undefined;
let explorer: LevelExplorer | undefined;

const send = (m: FromWorker): void => port.postMessage(m);
const failed = (e: unknown): void => send({ kind: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });

function step(): void {
  const r = explorer!.run();
  send(r === 'paused' ? { kind: 'paused' } : r);
}

loadModel(workerData as ModelSource).then((m) => {
  model = m;
  send({ kind: 'ready' });
}, failed);

port.on('message', (m: ToWorker) => {
  try {
    if (m.kind === 'init') {
      const control = new Int32Array(m.control);
      explorer = new LevelExplorer(model!, m.worker, m.workers, new SharedFpTable(m.table, control), control, m.settings, m.store);
    } else if (m.kind === 'level') {
      explorer!.begin(m);
      step();
    } else {
      explorer!.replaceTable(m.table);
      step();
    }
  } catch (e) {
    failed(e);
  }
});
