// Colours for terminal output. picocolors decides colour support from stdout alone (and turns it
// on under CI), so each stream gets its own instance, enabled only for a TTY unless NO_COLOR or
// FORCE_COLOR says otherwise. Printers take a Style, so tests and --json use `plainStyle`.

import pc from 'picocolors';
import type { Paint } from '../lang/diagnostics/render.js';

export interface Style extends Paint {
  ok(s: string): string;
  bad(s: string): string;
  unknown(s: string): string;
  bold(s: string): string;
}

export function colorEnabled(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function makeStyle(enabled: boolean): Style {
  const c = pc.createColors(enabled);
  return {
    error: (s) => c.bold(c.red(s)),
    warning: (s) => c.bold(c.yellow(s)),
    dim: c.dim,
    accent: c.cyan,
    ok: c.green,
    bad: c.red,
    unknown: c.yellow,
    bold: c.bold,
  };
}

export const plainStyle: Style = makeStyle(false);
