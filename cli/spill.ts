// `check --spill DIR [--max-memory SIZE]`: the explorer's spill options, or why not. The store
// and the queue always go to files under DIR; with a budget, the fingerprint table is capped at
// TABLE_SHARE of it, since moving a full table to disk sorts it with scratch space as large
// and checks the states kept since with 12 bytes each (runtime/spill/visited.ts). Temporal
// properties keep the whole state graph in memory, so they cannot be checked with --spill.

import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { errnoReason, makeDirs } from '../lang/files.js';
import type { ExploreOptions } from '../runtime/explore.js';
import type { Io } from './io.js';

export const TABLE_SHARE = 0.3;

export function spillOptions(dir: string, maxMemory: number | undefined, temporal: boolean, io: Io): { spill: NonNullable<ExploreOptions['spill']> } | { problems: Diagnostic[] } {
  if (temporal) {
    return { problems: [diag('KLP6009', io.cmd.spanOf(dir), {}, { hint: 'add --no-properties to check the rest with --spill, or check the temporal properties without it' })] };
  }
  try {
    makeDirs(dir, 0o700);
  } catch (e) {
    return { problems: [diag('KLP6006', io.cmd.spanOf(dir), { path: dir, reason: errnoReason(e) })] };
  }
  return { spill: { dir, ...(maxMemory === undefined ? {} : { maxTableBytes: Math.floor(TABLE_SHARE * maxMemory) }) } };
}
