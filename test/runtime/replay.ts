// Checks that a trace returned by explore() is a real path of the model: its initial state is
// an initial state, each step is a transition the model emits with that step index, and its
// failure really happens after the last state. Returns the last state (unpacked); replayStates
// returns them all. Also: property(), a result's property by name.

import { strict as assert } from 'node:assert';
import type { CompiledModel } from '../../runtime/model.js';
import type { PropertyResult, Trace } from '../../runtime/result.js';
import type { DecodedState } from '../../runtime/value.js';
import { collect } from './brute.js';

const same = (model: CompiledModel, s: Int32Array, d: DecodedState): boolean =>
  JSON.stringify(model.decode(s)) === JSON.stringify(d);

export function replayStates(model: CompiledModel, trace: Trace): Int32Array[] {
  const init = collect(model, (next, sink) => model.init(next, sink));
  let cur = init.successors.find((e) => same(model, e.state, trace.initial))?.state;
  assert.ok(cur, 'the trace starts in an initial state');
  const states = [cur];
  for (const ts of trace.steps) {
    const from: Int32Array = cur;
    const out = collect(model, (next, sink) => model.successors(from, next, sink));
    cur = out.successors.find((e) => e.step === ts.step && same(model, e.state, ts.state))?.state;
    assert.ok(cur, `step ${ts.label} is a transition of the model`);
    states.push(cur);
    const meta = model.meta.steps[ts.step]!;
    assert.equal(ts.label, meta.label);
    assert.equal(ts.instance, model.meta.instances[meta.instance]!.name);
  }
  return states;
}

export function replay(model: CompiledModel, trace: Trace): Int32Array {
  const cur = replayStates(model, trace).at(-1)!;
  const failure = trace.failure;
  if (failure?.step !== undefined) {
    const last = cur;
    const out = collect(model, (next, sink) => model.successors(last, next, sink));
    const site = (i: number) => model.meta.sites[i]!;
    assert.ok(
      out.failures.some((f) => f.step === failure.step && JSON.stringify(site(f.site).loc) === JSON.stringify(failure.loc)),
      'the failing step fails after the last state',
    );
  }
  return cur;
}

export function property(r: { readonly properties: readonly PropertyResult[] }, name: string): PropertyResult {
  const p = r.properties.find((q) => q.name === name);
  assert.ok(p, `property ${name}`);
  return p;
}
