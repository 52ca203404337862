// Rebuilds counterexamples from the state store: walks parent indexes from a state back to an
// initial state, then unpacks and decodes each state on the way, and describes what failed
// after the last state. Runs once per violated property, after the search, so it may allocate.

import type { CompiledModel } from './model.js';
import { failureMessage } from './properties.js';
import type { PropertyKind, Trace, TraceStep } from './result.js';
import type { StateStore } from './store.js';
import type { DecodedState } from './value.js';

// What the search records for the first violation of a property. `state` is the violating
// state (invariant), the deadlocked state, or the state a failing step ran from (-1 during
// initialisation, when `initial` holds the partly built initial state).
export interface Found {
  readonly state: number;
  readonly step: number;
  readonly site: number;
  readonly value: number;
  readonly initial: DecodedState | undefined;
}

type Failure = NonNullable<Trace['failure']>;

const DEADLOCK = 'deadlock: no step is enabled and some instance is not done';

export function violationTrace(model: CompiledModel, store: StateStore, kind: PropertyKind, found: Found): Trace {
  if (kind === 'invariant') return traceTo(model, store, found.state);
  if (kind === 'deadlock') return traceTo(model, store, found.state, noStep(DEADLOCK, undefined));
  const site = model.meta.sites[found.site]!;
  const message = failureMessage(site, found.value);
  if (found.initial !== undefined) return { initial: found.initial, steps: [], failure: noStep(message, site.loc) };
  const failure = { step: found.step, ...stepNames(model, found.step), message, loc: site.loc };
  return traceTo(model, store, found.state, failure);
}

function noStep(message: string, loc: Failure['loc']): Failure {
  return { step: undefined, instance: undefined, label: undefined, message, loc };
}

// The trace ending in state `last`, followed by `failure` if given.
function traceTo(model: CompiledModel, store: StateStore, last: number, failure?: Failure): Trace {
  const path: number[] = [];
  for (let i = last; i >= 0; i = store.parent(i)) path.push(i);
  path.reverse();
  const temp = new Int32Array(model.slots);
  const decodeAt = (i: number): DecodedState => {
    model.unpack(store.chunk(i), store.offset(i), temp);
    return model.decode(temp);
  };
  const steps = path.slice(1).map((i): TraceStep => {
    const step = store.step(i);
    return { step, ...stepNames(model, step), state: decodeAt(i) };
  });
  const initial = decodeAt(path[0]!);
  return failure === undefined ? { initial, steps } : { initial, steps, failure };
}

function stepNames(model: CompiledModel, step: number): { instance: string; label: string } {
  const meta = model.meta.steps[step];
  if (meta === undefined) throw new Error(`step ${step} is not in the model's metadata`);
  return { instance: model.meta.instances[meta.instance]!.name, label: meta.label };
}
