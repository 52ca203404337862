// The workers' half of growing the shared table: when the coordinator hands every worker the
// table twice the size, they copy the old one into it together, each taking blocks of it from a
// shared cursor (page faults on the new memory and the copying itself both split across
// threads, where a copy on the coordinator stopped every worker for all of it). A worker that
// goes on inserting waits until every copier is done: an insert before that could find a
// fingerprint missing that was still on its way over.

import { Control, type SharedFpTable } from './shared-table.js';

// Slots of the old table per claim: about 32 claims, so a thread slowed down (the machine is
// shared) leaves little for the others to wait on; at least 64, so tiny test tables still split.
function blockSlots(capacity: number): number {
  return Math.max(64, capacity >> 5);
}

// Copies this thread's share of `from` into `to` and counts itself done. The coordinator sets
// Control.copyCursor and Control.copied to 0 before it sends the new table.
export function copyShare(from: SharedFpTable, to: SharedFpTable, control: Int32Array, workers: number): void {
  const block = blockSlots(from.capacity);
  for (;;) {
    const begin = Atomics.add(control, Control.copyCursor, block);
    if (begin >= from.capacity) break;
    from.copyInto(to, begin, Math.min(begin + block, from.capacity));
  }
  if (Atomics.add(control, Control.copied, 1) + 1 === workers) Atomics.notify(control, Control.copied);
}

// Blocks until every worker has copied its share.
export function awaitCopies(control: Int32Array, workers: number): void {
  for (let n = Atomics.load(control, Control.copied); n < workers; n = Atomics.load(control, Control.copied)) {
    Atomics.wait(control, Control.copied, n);
  }
}
