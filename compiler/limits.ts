// What the explorer can represent, checked before any code is generated: the runtime stores a
// step index per state in 16 bits, and every scalar leaf of a state becomes unrolled code in
// pack/unpack. A spec beyond these limits gets KLP3011 at its first process or variable, not a
// crash or a multi-megabyte generated module.

import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { Program } from '../lang/program.js';
import { planLayout } from './layout.js';

export const MAX_STEPS = 0xfffe; // step ids 0..0xfffe; the store's Uint16 keeps one spare
export const MAX_LEAVES = 1 << 16;

export function checkLimits(program: Program): Diagnostic[] {
  const steps = program.processes.reduce((n, p) => n + p.instances.length * p.labels.length, 0);
  if (steps > MAX_STEPS) {
    const biggest = [...program.processes].sort((a, b) => b.instances.length * b.labels.length - a.instances.length * a.labels.length)[0]!;
    return [diag('KLP3011', biggest.span, { why: `${steps} steps (instances x labels) exceed the limit of ${MAX_STEPS}` }, { hint: `process '${biggest.name}' has ${biggest.instances.length} instances of ${biggest.labels.length} labels` })];
  }
  const leaves = planLayout(program).leaves.length;
  if (leaves > MAX_LEAVES) {
    const span = program.vars[0]?.span ?? program.processes[0]!.span;
    return [diag('KLP3011', span, { why: `${leaves} scalar values per state exceed the limit of ${MAX_LEAVES}` }, { hint: 'shrink the ranges of map keys and sequence bounds' })];
  }
  return [];
}
