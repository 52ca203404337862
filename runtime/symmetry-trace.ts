// Counterexamples and step counts of a symmetry-reduced search. The store holds one
// representative per class of states, so its parent chain is no path of the model: a step
// leads from a representative to some permutation of the next one. This rebuilds a real path
// by replaying the steps on concrete states: from the (initial) first representative, take the
// first successor whose representative is the next one; a failing step is looked up again at
// the last concrete state. Runs once per violated property, so it may allocate.

import type { CompiledModel, SymmetryMeta } from './model.js';
import type { PropertyKind, Trace } from './result.js';
import type { Canonicalizer } from './symmetry.js';
import { violationTrace, type Found, type Path } from './trace.js';

export function symmetricTrace(model: CompiledModel, canon: Canonicalizer, kind: PropertyKind, found: Found, pathTo: (state: number) => Path): Trace {
  if (found.initial !== undefined) return violationTrace(model, kind, found, pathTo);
  const reps = pathTo(found.state);
  // the set of initial states is closed under the group, so the first representative is one
  const states = [reps.states[0]!];
  const steps: number[] = [];
  for (let i = 1; i < reps.states.length; i++) {
    const next = emitted(model, states[i - 1]!).successors.find((e) => same(canon.canonical(e.state), reps.states[i]!));
    if (next === undefined) throw new Error('internal: a representative has no concrete successor in its class');
    states.push(next.state);
    steps.push(next.step);
  }
  let concrete = found;
  if (kind === 'assert' || kind === 'specError') {
    const failure = emitted(model, states[states.length - 1]!).failures.find((f) => f.site === found.site);
    if (failure === undefined) throw new Error('internal: the failing step does not fail in the concrete state');
    concrete = { ...found, step: failure.step, value: failure.value };
  }
  return violationTrace(model, kind, concrete, () => ({ states, steps }));
}

// With symmetry, a step's count is that of its class: the same label of every interchangeable
// instance (the representatives may all use one of them).
export function foldStepCounts(meta: SymmetryMeta, counts: number[]): number[] {
  const out = [...counts];
  for (const p of meta.processes) {
    for (let l = 0; l < p.labels; l++) {
      let sum = 0;
      for (let k = 0; k < p.instances; k++) sum += counts[p.firstStep + k * p.labels + l]!;
      for (let k = 0; k < p.instances; k++) out[p.firstStep + k * p.labels + l] = sum;
    }
  }
  return out;
}

function emitted(model: CompiledModel, from: Int32Array): { successors: { step: number; state: Int32Array }[]; failures: { step: number; site: number; value: number }[] } {
  const next = new Int32Array(model.slots);
  const out: ReturnType<typeof emitted> = { successors: [], failures: [] };
  model.successors(from, next, {
    emit: (step) => void out.successors.push({ step, state: next.slice() }),
    fail: (step, site, value) => void out.failures.push({ step, site, value }),
  });
  return out;
}

function same(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
