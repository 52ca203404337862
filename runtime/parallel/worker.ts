// The entry point of a worker thread of a parallel search (runtime/parallel/coordinator.ts
// starts it): loads the model from its source, then runs each level it is given with a
// LevelExplorer and answers with what it found. One search per worker; the coordinator ends it.

import { parentPort } from 'node:worker_threads';
import { LevelExplorer } from './level.js';
import type { FromWorker, ToWorker } from './messages.js';
import { loadModel } from './model-source.js';
import { SharedFpTable } from './shared-table.js';

const port = parentPort!;
let explorer: LevelExplorer | undefined;

const send = (m: FromWorker): void => port.postMessage(m);

function step(): void {
  const r = explorer!.run();
  send(r === 'paused' ? { kind: 'paused' } : r);
}

port.on('message', (m: ToWorker) => {
  void (async () => {
    try {
      if (m.kind === 'init') {
        const model = await loadModel(m.source);
        const control = new Int32Array(m.control);
        explorer = new LevelExplorer(model, m.worker, m.workers, new SharedFpTable(m.table, control), control, m.settings, m.store);
        send({ kind: 'ready' });
      } else if (m.kind === 'level') {
        explorer!.begin(m);
        step();
      } else if (explorer!.rehash(m.table)) {
        step();
      }
    } catch (e) {
      send({ kind: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  })();
});
