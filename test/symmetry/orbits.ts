// The oracle of symmetry reduction, independent of compiler/symmetry.ts and runtime/symmetry.ts:
// every reachable state of a typed program by the reference interpreter, every element of its
// symmetry group (all permutations of each symmetric type's values, or all rotations of a
// ring) applied to those states by walking their values with the program's types, and the
// number of orbits: the distinct states left when each is replaced by its least image.

import type { Program } from '../../lang/program.js';
import { domainIndex, domainSize, domainValue, symmetryOf, type Type } from '../../lang/types.js';
import { Interpreter } from '../reference/interpreter.js';
import { stateKey, type State } from '../reference/state.js';
import type { Value } from '../reference/values.js';

// A group element: per symmetric type name, value index -> new value index.
type Element = ReadonlyMap<string, readonly number[]>;

export function reachable(program: Program): State[] {
  const interp = new Interpreter(program);
  const seen = new Map<string, State>();
  let frontier = interp.initial().states.filter((s) => !seen.has(stateKey(s)) && seen.set(stateKey(s), s));
  while (frontier.length > 0) {
    const next: State[] = [];
    for (const s of frontier) {
      for (let g = 0; g < interp.instances.length; g++) {
        for (const o of interp.outcomes(s, g)) {
          if (o.kind !== 'next' || seen.has(stateKey(o.state))) continue;
          seen.set(stateKey(o.state), o.state);
          next.push(o.state);
        }
      }
    }
    frontier = next;
  }
  return [...seen.values()];
}

export function orbitCount(program: Program, states: readonly State[]): number {
  const elements = groupElements(program);
  const reps = new Set(states.map((s) => elements.map((e) => stateKey(permuteState(program, e, s))).reduce((a, b) => (b < a ? b : a))));
  return reps.size;
}

export function groupElements(program: Program): Element[] {
  const types = new Map<string, { size: number; ring: boolean }>();
  const visit = (t: Type): void => {
    const sym = symmetryOf(t);
    if (sym !== undefined) types.set(sym.name, { size: domainSize(t), ring: sym.ring });
    if (t.kind === 'set' || t.kind === 'seq') visit(t.elem);
    if (t.kind === 'option') visit(t.inner);
    if (t.kind === 'map') [t.key, t.value].forEach(visit);
    if (t.kind === 'record') t.fields.forEach((f) => visit(f.type));
  };
  program.vars.forEach((v) => visit(v.type));
  program.processes.forEach((p) => [...(p.param ? [p.param.type] : []), ...p.locals.map((l) => l.type)].forEach(visit));
  let out: Element[] = [new Map()];
  for (const [name, { size, ring }] of types) {
    const perms = ring ? rotations(size) : permutations(size);
    out = out.flatMap((e) => perms.map((p) => new Map(e).set(name, p)));
  }
  return out;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

function rotations(n: number): number[][] {
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, i) => (i + r) % n));
}

function permuteValue(e: Element, t: Type, v: Value): Value {
  const sym = symmetryOf(t);
  if (sym !== undefined) return domainValue(t, e.get(sym.name)![domainIndex(t, v as number)]!);
  switch (t.kind) {
    case 'option': return v === null ? null : { some: permuteValue(e, t.inner, (v as { some: Value }).some) };
    case 'record': return Object.fromEntries(t.fields.map((f) => [f.name, permuteValue(e, f.type, (v as Record<string, Value>)[f.name]!)]));
    case 'set': return (v as number[]).map((x) => permuteValue(e, t.elem, x) as number).sort((a, b) => a - b);
    case 'seq': return (v as Value[]).map((x) => permuteValue(e, t.elem, x));
    case 'map': {
      const values = v as Value[];
      const out: Value[] = [...values];
      values.forEach((x, i) => {
        out[domainIndex(t.key, permuteValue(e, t.key, domainValue(t.key, i)) as number)] = permuteValue(e, t.value, x);
      });
      return out;
    }
    default: return v;
  }
}

function permuteState(program: Program, e: Element, s: State): State {
  // global instance -> the instance it becomes
  const moved: number[] = [];
  program.processes.forEach((p) => {
    p.instances.forEach((v, k) => {
      const to = p.param && symmetryOf(p.param.type) ? domainIndex(p.param.type, permuteValue(e, p.param.type, v) as number) : k;
      moved[p.firstInstance + k] = p.firstInstance + to;
    });
  });
  const pcs: number[] = [...s.pcs];
  const locals: Value[][] = s.locals.map((l) => [...l]);
  program.processes.forEach((p) => {
    p.instances.forEach((_, k) => {
      const from = p.firstInstance + k;
      pcs[moved[from]!] = s.pcs[from]!;
      locals[moved[from]!] = p.locals.map((l, li) => permuteValue(e, l.type, s.locals[from]![li]!));
    });
  });
  return {
    vars: program.vars.map((v, i) => permuteValue(e, v.type, s.vars[i]!)),
    locks: s.locks.map((owner) => (owner === 0 ? 0 : moved[owner - 1]! + 1)),
    pcs,
    locals,
  };
}
