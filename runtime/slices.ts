// Running a long search either in one go or in slices between which the event loop runs, so that
// a signal handler (SIGINT, SIGTERM) gets to abort it. The search does its work in `advance`,
// returning true once it is over and false when the clock passed `until` first.

export interface Sliced<R> {
  advance(until: number): boolean;
  result(): R;
}

const SLICE_MS = 50;

export function runToEnd<R>(work: Sliced<R>): R {
  while (!work.advance(Infinity));
  return work.result();
}

export async function runInSlices<R>(work: Sliced<R>): Promise<R> {
  while (!work.advance(performance.now() + SLICE_MS)) await new Promise((resolve) => setImmediate(resolve));
  return work.result();
}
