// The reference verdicts of temporal properties, straight from the definitions and sharing no
// code with runtime/liveness: the state graph comes from the reference interpreter, and each
// property instance is violated exactly when some fair behaviour falsifies it. A behaviour that
// ends up repeating a set of states C forever (taking every edge inside C, or stuttering when C
// is one state) exists when C is strongly connected; it is fair when every step action (i, L)
// of a fair label, TLA+ style, is taken inside C or is (weak) not enabled in some state of C /
// (strong) not enabled in any state of C. An action is enabled in s when instance i is at L and
// has a successor other than s itself (a failing step is not a transition).
//
// Two independent deciders: every subset C of the candidate states (small sets), and a
// fixpoint that removes what cannot be on a fair cycle from the classes of mutually reachable
// states (any size). The tests check that the two agree.

import type { Program } from '../../lang/program.js';
import { evalBool } from './eval.js';
import { Interpreter } from './interpreter.js';
import { stateKey, type State } from './state.js';
import { SpecError } from './values.js';

export interface RefEdge {
  readonly instance: number;
  readonly label: number; // the instance's pc in the source: the action is (instance, label)
  readonly target: number;
}

export interface RefGraph {
  readonly states: readonly State[];
  readonly initial: readonly number[];
  readonly edges: readonly (readonly RefEdge[])[];
  // enabled[s][i]: instance i has a successor other than s
  readonly enabled: readonly (readonly boolean[])[];
}

export interface RefTemporal {
  readonly name: string;
  readonly verdict: 'holds' | 'violated';
  readonly failing: readonly number[]; // indexes of the failing instances
}

export class TooManyStates extends Error {}

export function refGraph(program: Program, maxStates = Infinity): RefGraph {
  const interp = new Interpreter(program);
  const index = new Map<string, number>();
  const states: State[] = [];
  const add = (s: State): number => {
    const key = stateKey(s);
    let i = index.get(key);
    if (i === undefined) {
      if (states.length >= maxStates) throw new TooManyStates();
      i = states.push(s) - 1;
      index.set(key, i);
    }
    return i;
  };
  const initial = [...new Set(interp.initial().states.map(add))];
  const edges: RefEdge[][] = [];
  const enabled: boolean[][] = [];
  for (let v = 0; v < states.length; v++) {
    const s = states[v]!;
    const out: RefEdge[] = [];
    const en = interp.instances.map(() => false);
    interp.instances.forEach((_, g) => {
      for (const o of interp.outcomes(s, g)) {
        if (o.kind !== 'next') continue;
        const t = add(o.state);
        if (t === v) continue; // a stutter
        en[g] = true;
        out.push({ instance: g, label: s.pcs[g]!, target: t });
      }
    });
    edges.push(out);
    enabled.push(en);
  }
  return { states, initial, edges, enabled };
}

// Each property's verdict over all its instances, in declaration order.
export function refTemporal(program: Program, g: RefGraph, subsetLimit = 10): RefTemporal[] {
  const interp = new Interpreter(program);
  const fairness = interp.instances.map((inst) => program.processes[inst.process]!.labels.map((l) => l.fairness));
  return program.properties.map((prop) => {
    const failing = prop.instances.flatMap((values, k) => {
      const holdsAt = (e: typeof prop.p) => (v: number): boolean | undefined => {
        const env = new Map(prop.binders.map((b, i) => [b.id, values[i]!] as const));
        try {
          return evalBool({ program, instances: interp.instances, state: g.states[v], self: undefined, env }, e);
        } catch (err) {
          if (err instanceof SpecError) return undefined;
          throw err;
        }
      };
      const p = holdsAt(prop.p);
      const q = prop.q === undefined ? () => false : holdsAt(prop.q);
      const all = g.states.map((_, v) => v);
      if (all.some((v) => p(v) === undefined || q(v) === undefined)) return [k];
      if (prop.form === 'always') return all.some((v) => !p(v)) ? [k] : [];
      const task = taskOf(prop.form, g, p, q);
      return fairCycle(g, fairness, task, subsetLimit) ? [k] : [];
    });
    return { name: prop.name, verdict: failing.length > 0 ? 'violated' : 'holds', failing };
  });
}

// Where a counterexample's cycle must stay (candidates: reachable within the region from where
// the behaviour enters it) and which states accept.
export interface Task {
  readonly candidates: ReadonlySet<number>;
  readonly accepting: (v: number) => boolean;
}

function taskOf(form: Program['properties'][number]['form'], g: RefGraph, p: (v: number) => boolean | undefined, q: (v: number) => boolean | undefined): Task {
  const all = g.states.map((_, v) => v);
  let region: (v: number) => boolean;
  let entry: number[];
  if (form === 'eventually') [region, entry] = [(v) => !p(v), g.initial.filter((v) => !p(v))];
  else if (form === 'leadsto') [region, entry] = [(v) => !q(v), all.filter((v) => p(v) && !q(v))];
  else if (form === 'alwaysEventually') [region, entry] = [(v) => !p(v), all.filter((v) => !p(v))];
  else [region, entry] = [() => true, all];
  const candidates = new Set(entry);
  const todo = [...entry];
  while (todo.length > 0) {
    for (const e of g.edges[todo.pop()!]!) {
      if (region(e.target) && !candidates.has(e.target)) {
        candidates.add(e.target);
        todo.push(e.target);
      }
    }
  }
  return { candidates, accepting: form === 'eventuallyAlways' ? (v) => !p(v) : () => true };
}

export type Fairness = readonly (readonly ('unfair' | 'weak' | 'strong')[])[]; // [instance][label]

export function fairCycle(g: RefGraph, fairness: Fairness, task: Task, subsetLimit: number): boolean {
  const cand = [...task.candidates];
  return cand.length <= subsetLimit ? bySubsets(g, fairness, task, cand) : byFixpoint(g, fairness, task, cand);
}

// Is C (strongly connected) the set of states of a fair accepting behaviour's cycle?
export function fairSet(g: RefGraph, fairness: Fairness, task: Task, c: readonly number[]): boolean {
  return c.some(task.accepting) && unmet(g, fairness, c).length === 0;
}

// The states of C that an unmet strong action is enabled in, or all of C for an unmet weak one.
function unmet(g: RefGraph, fairness: Fairness, c: readonly number[]): number[] {
  const inC = new Set(c);
  const taken = new Set(c.flatMap((v) => g.edges[v]!.filter((e) => inC.has(e.target)).map((e) => `${e.instance}:${e.label}`)));
  const en = (v: number, i: number, l: number) => g.states[v]!.pcs[i] === l && g.enabled[v]![i]!;
  const bad = new Set<number>();
  fairness.forEach((labels, i) => labels.forEach((f, l) => {
    if (f === 'unfair' || taken.has(`${i}:${l}`)) return;
    if (f === 'weak' && c.every((v) => en(v, i, l))) c.forEach((v) => bad.add(v));
    if (f === 'strong') c.filter((v) => en(v, i, l)).forEach((v) => bad.add(v));
  }));
  return [...bad];
}

function bySubsets(g: RefGraph, fairness: Fairness, task: Task, cand: readonly number[]): boolean {
  for (let mask = 1; mask < 1 << cand.length; mask++) {
    const c = cand.filter((_, i) => (mask & (1 << i)) !== 0);
    if (stronglyConnected(g, c) && fairSet(g, fairness, task, c)) return true;
  }
  return false;
}

function reachWithin(g: RefGraph, inside: ReadonlySet<number>, from: number): Set<number> {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) {
    for (const e of g.edges[todo.pop()!]!) {
      if (inside.has(e.target) && !seen.has(e.target)) {
        seen.add(e.target);
        todo.push(e.target);
      }
    }
  }
  return seen;
}

function stronglyConnected(g: RefGraph, c: readonly number[]): boolean {
  const inside = new Set(c);
  return c.every((v) => reachWithin(g, inside, v).size === c.length);
}

// Repeatedly: split the candidates into classes of mutually reachable states; a class whose
// weak obligations or acceptance fail is dropped, one with states where an unmet strong action
// is enabled loses those states; a class with nothing to remove is a fair cycle.
function byFixpoint(g: RefGraph, fairness: Fairness, task: Task, cand: readonly number[]): boolean {
  let x = new Set(cand);
  for (;;) {
    const reach = new Map([...x].map((v) => [v, reachWithin(g, x, v)] as const));
    const classes = new Map<string, number[]>();
    for (const v of x) {
      const cls = [...reach.get(v)!].filter((w) => reach.get(w)!.has(v)).sort((a, b) => a - b);
      classes.set(cls.join(','), cls);
    }
    const next = new Set<number>();
    for (const c of classes.values()) {
      if (!c.some(task.accepting)) continue;
      const bad = new Set(unmet(g, fairness, c));
      if (bad.size === 0) return true;
      for (const v of c) if (!bad.has(v)) next.add(v);
    }
    if (next.size === x.size) return false;
    x = next;
  }
}
