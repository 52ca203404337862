// The test oracle: a slow, obviously correct breadth-first enumeration of a CompiledModel over
// UNPACKED states (JS Set of string keys), sharing nothing with the runtime's fingerprints, table
// or store. Gives counts, BFS distances and the shortest violation length per property name.

import type { CompiledModel, Sink } from '../../runtime/model.js';

export interface BruteResult {
  readonly distinct: number;
  readonly transitions: number;
  readonly depth: number;
  readonly levels: number[]; // distinct states at each BFS distance
  readonly stepCounts: number[];
  // property name -> length (TraceSteps) of a shortest counterexample; a failing step is the
  // trace's `failure`, not one of its steps
  readonly violations: Map<string, number>;
}

interface Emitted {
  readonly successors: { step: number; state: Int32Array }[];
  readonly failures: { step: number; site: number; value: number }[];
}

// Runs `run` with a sink that collects copies of every emitted state and every failure.
export function collect(model: CompiledModel, run: (next: Int32Array, sink: Sink) => void): Emitted {
  const next = new Int32Array(model.slots);
  const out: Emitted = { successors: [], failures: [] };
  run(next, {
    emit: (step) => void out.successors.push({ step, state: next.slice() }),
    fail: (step, site, value) => void out.failures.push({ step, site, value }),
  });
  return out;
}

export function siteProperty(model: CompiledModel, site: number): string {
  const meta = model.meta.sites[site]!;
  return meta.kind === 'assert' ? `assert ${meta.loc.file}:${meta.loc.line}` : 'spec errors';
}

export function brute(model: CompiledModel, deadlock: boolean): BruteResult {
  const violations = new Map<string, number>();
  const violate = (name: string, length: number): void => {
    if (!violations.has(name) || violations.get(name)! > length) violations.set(name, length);
  };
  const seen = new Set<string>();
  let frontier: Int32Array[] = [];
  const visit = (s: Int32Array, d: number): void => {
    const key = s.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    frontier.push(s);
    model.meta.invariants.forEach((inv, i) => {
      if (!model.invariants[i]!(s)) violate(inv.name, d);
    });
  };
  const init = collect(model, (next, sink) => model.init(next, sink));
  init.failures.forEach((f) => violate(siteProperty(model, f.site), 0));
  init.successors.forEach((e) => visit(e.state, 0));
  const stepCounts = model.meta.steps.map(() => 0);
  let transitions = 0;
  const levels: number[] = [];
  for (let d = 0; frontier.length > 0; d++) {
    levels.push(frontier.length);
    const level = frontier;
    frontier = [];
    for (const s of level) {
      const out = collect(model, (next, sink) => model.successors(s, next, sink));
      transitions += out.successors.length;
      out.failures.forEach((f) => violate(siteProperty(model, f.site), d));
      const idle = out.successors.length === 0 && out.failures.length === 0;
      if (deadlock && idle && !model.allDone(s)) violate('deadlock', d);
      out.successors.forEach((e) => {
        stepCounts[e.step]!++;
        visit(e.state, d + 1);
      });
    }
  }
  return { distinct: seen.size, transitions, depth: Math.max(0, levels.length - 1), levels, stepCounts, violations };
}
