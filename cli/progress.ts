// The live progress line on stderr while a search runs (only on a terminal, never with --json):
// rewritten in place about once a second, erased when the search ends.

import type { Progress } from '../runtime/explore.js';
import type { Io } from './io.js';
import { formatInt } from './verdicts.js';

export interface ProgressLine {
  readonly onProgress: ((p: Progress) => void) | undefined;
  done(): void;
}

const CLEAR = '\r\x1b[K';

export function progressLine(io: Io, enabled: boolean): ProgressLine {
  if (!enabled) return { onProgress: undefined, done: () => {} };
  let shown = false;
  return {
    onProgress: (p) => {
      shown = true;
      const text = `${formatInt(p.distinct)} distinct, ${formatInt(p.transitions)} generated, ${formatInt(p.queued)} queued, depth ${p.depth} (${Math.round(p.seconds)} s)`;
      io.err(CLEAR + io.errStyle.dim(text));
    },
    done: () => {
      if (shown) io.err(CLEAR);
    },
  };
}
