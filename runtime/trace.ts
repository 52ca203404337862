// Builds counterexamples: a path of unpacked states (from the state store's parent indexes, or
// from a random walk) decoded step by step, plus what failed after the last state. Runs once
// per violated property, after the search, so it may allocate.

import type { CompiledModel } from './model.js';
import { failureMessage } from './properties.js';
import type { PropertyKind, Trace, TraceStep } from './result.js';
import type { Store } from './store.js';
import type { DecodedState } from './value.js';

// What a search records for the first violation of a property. `state` is the violating
// state (invariant), the deadlocked state, or the state a failing step ran from (-1 during
// initialisation, when `initial` holds the partly built initial state).
export interface Found {
  readonly state: number;
  readonly step: number;
  readonly site: number;
  readonly value: number;
  readonly initial: DecodedState | undefined;
}

// A run from an initial state: states[0] is initial, steps[i] leads from states[i] to
// states[i + 1]. States are unpacked.
export interface Path {
  readonly states: readonly Int32Array[];
  readonly steps: readonly number[];
}

export type Failure = NonNullable<Trace['failure']>;

const DEADLOCK = 'deadlock: no step is enabled and some instance is not done';

// `pathTo(found.state)` gives the path ending in the state the violation was found at.
export function violationTrace(model: CompiledModel, kind: PropertyKind, found: Found, pathTo: (state: number) => Path): Trace {
  if (kind === 'invariant') return pathTrace(model, pathTo(found.state));
  if (kind === 'deadlock') return pathTrace(model, pathTo(found.state), noStep(DEADLOCK, undefined));
  const site = model.meta.sites[found.site]!;
  const message = failureMessage(site, found.value);
  if (found.initial !== undefined) return { initial: found.initial, steps: [], failure: noStep(message, site.loc) };
  const failure = { step: found.step, ...stepNames(model, found.step), message, loc: site.loc };
  return pathTrace(model, pathTo(found.state), failure);
}

// The path through the store's parent indexes from an initial state to state `last`.
export function storePath(model: CompiledModel, store: Store, last: number): Path {
  const indexes: number[] = [];
  for (let i = last; i >= 0; i = store.parent(i)) indexes.push(i);
  indexes.reverse();
  return nodesPath(model, store, indexes, indexes.slice(1).map((i) => store.step(i)));
}

// The path through stored states indexes[0], indexes[1], ... by steps[i] from indexes[i].
export function nodesPath(model: CompiledModel, store: Store, indexes: readonly number[], steps: readonly number[]): Path {
  const states = indexes.map((i) => {
    const s = new Int32Array(model.slots);
    model.unpack(store.chunk(i), store.offset(i), s);
    return s;
  });
  return { states, steps };
}

export function noStep(message: string, loc: Failure['loc']): Failure {
  return { step: undefined, instance: undefined, label: undefined, message, loc };
}

export function pathTrace(model: CompiledModel, path: Path, failure?: Failure): Trace {
  const steps = path.steps.map((step, i): TraceStep => ({ step, ...stepNames(model, step), state: model.decode(path.states[i + 1]!) }));
  const initial = model.decode(path.states[0]!);
  return failure === undefined ? { initial, steps } : { initial, steps, failure };
}

function stepNames(model: CompiledModel, step: number): { instance: string; label: string } {
  const meta = model.meta.steps[step];
  if (meta === undefined) throw new Error(`step ${step} is not in the model's metadata`);
  return { instance: model.meta.instances[meta.instance]!.name, label: meta.label };
}
