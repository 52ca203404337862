// The live progress line on stderr while a search or a simulation runs (only on a terminal,
// never with --json): rewritten in place about once a second, erased when the run ends.

import type { Progress } from '../runtime/explore.js';
import type { SimulationProgress } from '../runtime/simulate.js';
import type { Io } from './io.js';
import { formatInt } from './verdicts.js';

export interface ProgressLine<P = Progress> {
  readonly onProgress: ((p: P) => void) | undefined;
  done(): void;
}

const CLEAR = '\r\x1b[K';

export function searchProgress(p: Progress): string {
  return `${formatInt(p.distinct)} distinct, ${formatInt(p.transitions)} generated, ${formatInt(p.queued)} queued, depth ${p.depth} (${Math.round(p.seconds)} s)`;
}

export function simulationProgress(p: SimulationProgress): string {
  return `${formatInt(p.traces)} traces, ${formatInt(p.steps)} steps (${Math.round(p.seconds)} s)`;
}

export function progressLine<P = Progress>(io: Io, enabled: boolean, format: (p: P) => string = searchProgress as never): ProgressLine<P> {
  if (!enabled) return { onProgress: undefined, done: () => {} };
  let shown = false;
  return {
    onProgress: (p) => {
      shown = true;
      io.err(CLEAR + io.errStyle.dim(format(p)));
    },
    done: () => {
      if (shown) io.err(CLEAR);
    },
  };
}
