// The reference model checker: a plain breadth-first search over canonical state keys. In: a
// typed Program. Out: the numbers the fast explorer must reproduce exactly: distinct states,
// transitions, depth, and per property its verdict with the length of a shortest counterexample.

import type { Program, Stmt } from '../../lang/program.js';
import type { Span } from '../../lang/span.js';
import { Interpreter, type Failure } from './interpreter.js';
import { allDone, stateKey, type State } from './state.js';
import { SpecError } from './values.js';
import { evalBool } from './eval.js';

export type RefKind = 'invariant' | 'assert' | 'deadlock' | 'specError' | 'property';

export interface RefProperty {
  readonly name: string;
  readonly kind: RefKind;
  readonly verdict: 'holds' | 'violated';
  readonly length?: number; // steps in a shortest counterexample, when violated
}

export interface RefResult {
  readonly distinct: number;
  readonly transitions: number;
  readonly depth: number;
  readonly properties: readonly RefProperty[];
}

export interface RefOptions {
  readonly deadlock?: boolean; // check for deadlocks (default true)
  readonly maxStates?: number; // throw TooManyStates beyond this many states (a runaway generated spec)
}

// The property name of an assert site, as runtime/result.ts spells it: its own name if it has one.
export function assertName(site: { readonly name?: string | undefined; readonly span: Span }): string {
  return site.name ?? `assert ${site.span.file}:${site.span.line}`;
}

export class TooManyStates extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} states`);
  }
}

export function check(program: Program, opts: RefOptions = {}): RefResult {
  const interp = new Interpreter(program);
  const shortest = new Map<string, number>(); // property name -> shortest counterexample length
  const violate = (name: string, length: number) => {
    if (length < (shortest.get(name) ?? Infinity)) shortest.set(name, length);
  };
  const failed = (f: Failure, length: number) => violate(f.kind === 'assert' ? assertName(f) : 'spec errors', length);
  const seen = new Set<string>();
  const add = (s: State): boolean => {
    const key = stateKey(s);
    if (seen.has(key)) return false;
    if (opts.maxStates !== undefined && seen.size >= opts.maxStates) throw new TooManyStates(opts.maxStates);
    seen.add(key);
    return true;
  };

  const init = interp.initial();
  init.failures.forEach((f) => failed(f, 0));
  let frontier = init.states.filter(add);
  let transitions = 0;
  let depth = -1;
  while (frontier.length > 0) {
    depth++;
    const next: State[] = [];
    for (const s of frontier) {
      const ctx = { program, instances: interp.instances, state: s, self: undefined, env: new Map() };
      for (const inv of program.invariants) if (!invariantHolds(() => evalBool(ctx, inv.expr))) violate(inv.name, depth);
      const outcomes = interp.instances.flatMap((_, g) => interp.outcomes(s, g));
      for (const o of outcomes) {
        if (o.kind === 'fail') {
          failed(o.failure, depth + 1);
        } else {
          transitions++;
          if (add(o.state)) next.push(o.state);
        }
      }
      // a state with a failing step is not a deadlock: the failure is reported instead
      if (outcomes.length === 0 && !allDone(program, interp.instances, s)) violate('deadlock', depth);
    }
    frontier = next;
  }
  return { distinct: seen.size, transitions, depth: Math.max(depth, 0), properties: properties(program, shortest, opts) };
}

// Every property in the runtime's order, each violated when a counterexample was found.
function properties(program: Program, shortest: ReadonlyMap<string, number>, opts: RefOptions): RefProperty[] {
  const prop = (name: string, kind: RefKind): RefProperty => {
    const length = shortest.get(name);
    return length === undefined ? { name, kind, verdict: 'holds' } : { name, kind, verdict: 'violated', length };
  };
  return [
    ...program.invariants.map((inv) => prop(inv.name, 'invariant')),
    ...(opts.deadlock === false ? [] : [prop('deadlock', 'deadlock')]),
    ...assertSites(program).map((name) => prop(name, 'assert')),
    prop('spec errors', 'specError'),
  ];
}

// A spec error while evaluating an invariant counts as the invariant not holding.
function invariantHolds(f: () => boolean): boolean {
  try {
    return f();
  } catch (e) {
    if (e instanceof SpecError) return false;
    throw e;
  }
}

// Every assert site of the program, by property name, in program order.
function assertSites(program: Program): string[] {
  const names = new Set<string>();
  const walk = (stmts: readonly Stmt[]): void => {
    for (const st of stmts) {
      if (st.kind === 'assert') names.add(assertName(st));
      if (st.kind === 'if') { walk(st.then); walk(st.else); }
      if (st.kind === 'either') st.branches.forEach(walk);
      if (st.kind === 'choose' || st.kind === 'for') walk(st.body);
    }
  };
  program.processes.forEach((p) => p.steps.forEach((s) => walk(s.body)));
  return [...names];
}
