// Where a command's output goes: stdout and stderr, each with its own Style, the terminal width
// for the lanes, and whether stderr may show progress. bin/klpc.ts builds the real one; tests
// build one that records the text.

import type { CommandLine } from './command-line.js';
import { processInterrupts, type Interrupts } from './interrupt.js';
import { colorEnabled, makeStyle, type Style } from './style.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly outStyle: Style;
  readonly errStyle: Style;
  readonly progress: boolean; // stderr is a terminal: a live progress line is welcome
  readonly width: number;
  readonly version: string;
  readonly cmd: CommandLine;
  // listens for SIGINT/SIGTERM until finish() (cli/interrupt.ts); a search aborts on its signal
  interrupts(): Interrupts;
}

// Piped output gets a fixed width, so that saved reports do not depend on the terminal.
const PIPED_WIDTH = 100;

export function processIo(version: string, cmd: CommandLine): Io {
  const { stdout, stderr, env } = process;
  return {
    out: (t) => void stdout.write(t),
    err: (t) => void stderr.write(t),
    outStyle: makeStyle(colorEnabled(stdout, env)),
    errStyle: makeStyle(colorEnabled(stderr, env)),
    progress: stderr.isTTY === true,
    width: stdout.isTTY === true ? Math.max(60, stdout.columns) : PIPED_WIDTH,
    version,
    cmd,
    interrupts: processInterrupts,
  };
}
