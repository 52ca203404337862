// Checks a temporal counterexample against the definitions, using only the compiled model (not
// the recorded graph, nor any liveness code): the trace is a real path (replay), its last state
// is the state it loops back to, the predicates say what the property's form needs along it,
// and the cycle is fair: every step action (instance, label) of a fair label is taken in the
// cycle, or is (weak) disabled in some cycle state / (strong) disabled in every cycle state.
// Enabled: the model emits a successor other than the state itself for the instance's step.

import { strict as assert } from 'node:assert';
import type { CompiledModel } from '../../runtime/model.js';
import type { PropertyResult } from '../../runtime/result.js';
import { collect } from './brute.js';
import { replayStates } from './replay.js';

export function validateLasso(model: CompiledModel, p: PropertyResult): void {
  const trace = p.trace;
  assert.ok(trace !== undefined && p.temporal?.instance !== undefined, `${p.name}: a violation with a trace and an instance`);
  const prop = model.meta.properties.find((x) => x.name === p.name)!;
  const inst = prop.instances.find((i) => i.label === p.temporal!.instance)!;
  const states = replayStates(model, trace);
  const holds = (k: number, s: Int32Array) => model.predicates[k]!(s);
  const last = states.length - 1;
  if (trace.loop === undefined) {
    // a finite counterexample: `always P` false, or a predicate that cannot be evaluated
    const v = holds(inst.p, states[last]!);
    const q = inst.q >= 0 ? holds(inst.q, states[last]!) : 0;
    assert.ok((prop.form === 'always' && v === 0) || v < 0 || q < 0, `${p.name}: the last state falsifies it`);
    return;
  }
  const loop = trace.loop;
  const same = (a: Int32Array, b: Int32Array) => a.every((x, i) => x === b[i]);
  assert.ok(loop <= last && same(states[last]!, states[loop]!), `${p.name}: the last state is state ${loop} again`);
  const cycle = loop === last ? [states[loop]!] : states.slice(loop, last);
  const P = (s: Int32Array) => holds(inst.p, s) === 1;
  const Q = (s: Int32Array) => holds(inst.q, s) === 1;
  switch (prop.form) {
    case 'eventually':
      assert.ok(states.every((s) => !P(s)), `${p.name}: P never holds`);
      break;
    case 'leadsto': {
      const k = states.findIndex((s, i) => i <= loop && P(s) && states.slice(i).every((t) => !Q(t)));
      assert.ok(k >= 0, `${p.name}: P at some state, and Q never after it`);
      break;
    }
    case 'alwaysEventually':
      assert.ok(cycle.every((s) => !P(s)), `${p.name}: P never holds in the cycle`);
      break;
    case 'eventuallyAlways':
      assert.ok(cycle.some((s) => !P(s)), `${p.name}: P is false in the cycle`);
      break;
    default:
      assert.fail(`${p.name}: an 'always' property has no lasso`);
  }
  assertFair(model, cycle, trace.steps.slice(loop).map((s) => s.step));
}

function assertFair(model: CompiledModel, cycle: readonly Int32Array[], taken: readonly number[]): void {
  const { steps, instances } = model.meta;
  // the step (instance, label) each instance is at in a state, from its decoded pc
  const stepAt = (s: Int32Array, i: number): number => {
    const pc = model.decode(s)[`${instances[i]!.name}.pc`];
    return steps.findIndex((st) => st.instance === i && st.label === pc);
  };
  const enabledSteps = cycle.map((s) => {
    const out = collect(model, (next, sink) => model.successors(s, next, sink));
    return new Set(out.successors.filter((e) => !e.state.every((x, k) => x === s[k])).map((e) => e.step));
  });
  instances.forEach((_, i) => {
    const at = new Set(cycle.map((s) => stepAt(s, i)).filter((k) => k >= 0));
    for (const step of at) {
      const fairness = steps[step]!.fairness;
      if (fairness === 'unfair' || taken.includes(step)) continue;
      const en = enabledSteps.map((e) => e.has(step));
      const violated = fairness === 'weak' ? en.every((x) => x) : en.some((x) => x);
      assert.ok(!violated, `the cycle is not fair to ${instances[i]!.name}@${steps[step]!.label} (${fairness})`);
    }
  });
}
