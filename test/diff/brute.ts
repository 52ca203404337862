// The oracle for klpc diff: slow, obviously correct enumerations over a CompiledModel's UNPACKED
// states (plain JS sets of strings), sharing nothing with diff/ (no recorder, graph, fingerprint,
// view ids or product search). A view is the JSON of the chosen keys' decoded values.
// - reachableStates, reachableViews: every reachable state (plain BFS), and their views.
// - observableTraces: every observable sequence of at most k steps (initial view, then
//   `instance label > view` per step), by enumerating every path (paths that reach the same
//   state with the same sequence are merged): a set of strings.

import type { CompiledModel } from '../../runtime/model.js';
import type { Trace } from '../../runtime/result.js';
import type { DecodedState } from '../../runtime/value.js';

interface Successor {
  readonly step: number;
  readonly state: Int32Array;
}

function emitted(model: CompiledModel, run: (next: Int32Array, emit: { emit(step: number): void; fail(): void }) => void): Successor[] {
  const next = new Int32Array(model.slots);
  const out: Successor[] = [];
  run(next, { emit: (step) => void out.push({ step, state: next.slice() }), fail: () => {} });
  return out;
}

export const initialStates = (m: CompiledModel) => emitted(m, (next, sink) => m.init(next, sink)).map((s) => s.state);
export const successorsOf = (m: CompiledModel, s: Int32Array) => emitted(m, (next, sink) => m.successors(s, next, sink));

export function viewText(state: DecodedState, keys: readonly string[]): string {
  return JSON.stringify(keys.map((k) => state[k]));
}

export function reachableStates(model: CompiledModel): Int32Array[] {
  const seen = new Map<string, Int32Array>();
  let frontier = initialStates(model);
  while (frontier.length > 0) {
    const next: Int32Array[] = [];
    for (const s of frontier) {
      const key = s.join(',');
      if (seen.has(key)) continue;
      seen.set(key, s);
      next.push(...successorsOf(model, s).map((e) => e.state));
    }
    frontier = next;
  }
  return [...seen.values()];
}

export function reachableViews(model: CompiledModel, keys: readonly string[]): Set<string> {
  return new Set(reachableStates(model).map((s) => viewText(model.decode(s), keys)));
}

function stepName(model: CompiledModel, step: number): string {
  const s = model.meta.steps[step]!;
  return `${model.meta.instances[s.instance]!.name} ${s.label}`;
}

export function observableTraces(model: CompiledModel, keys: readonly string[], k: number): Set<string> {
  const out = new Set<string>();
  // the paths of each length, merged when they reach the same state with the same sequence
  let level = new Map<string, { seq: string; state: Int32Array }>();
  const add = (seq: string, state: Int32Array) => void level.set(`${seq}#${state.join(',')}`, { seq, state });
  for (const s of initialStates(model)) add(viewText(model.decode(s), keys), s);
  for (let depth = 0; level.size > 0; depth++) {
    const here = [...level.values()];
    level = new Map();
    for (const { seq, state } of here) {
      out.add(seq);
      if (depth === k) continue;
      for (const e of successorsOf(model, state)) add(`${seq}|${stepName(model, e.step)}>${viewText(model.decode(e.state), keys)}`, e.state);
    }
  }
  return out;
}

export function stepsIn(seq: string): number {
  return seq.split('|').length - 1;
}

// The length of a shortest sequence in a \ b, or undefined when a ⊆ b.
export function shortestExtra(a: ReadonlySet<string>, b: ReadonlySet<string>): number | undefined {
  let best: number | undefined;
  for (const s of a) if (!b.has(s) && (best === undefined || stepsIn(s) < best)) best = stepsIn(s);
  return best;
}

// A Trace (a diff witness) as the oracle's observable sequence.
export function traceText(trace: Trace, keys: readonly string[]): string {
  return [viewText(trace.initial, keys), ...trace.steps.map((s) => `${s.instance} ${s.label}>${viewText(s.state, keys)}`)].join('|');
}
