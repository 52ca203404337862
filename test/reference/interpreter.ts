// The reference interpreter's transition relation. In: a typed Program. Out: its initial states
// and, for a state, every outcome of every enabled path of every instance's current step: a
// successor state, or a failure (a false assert or a spec error) at a source site. Paths are
// enumerated by a plain recursive walk of the statement tree, forking the state at either/choose.

import type { Place, PlaceStep, Program, SpecErrorKind, Stmt } from '../../lang/program.js';
import type { Span } from '../../lang/span.js';
import { typeToString, type Type } from '../../lang/types.js';
import { bind, evalBool, evalExpr, evalSet, fieldName, mapKey, seqSlot, type Ctx } from './eval.js';
import { instancesOf, type Instance, type State } from './state.js';
import { asArr, asRecord, canon, fits, mapSlot, SpecError, type Value } from './values.js';

export interface Failure {
  readonly kind: 'assert' | SpecErrorKind;
  readonly span: Span;
  readonly name?: string | undefined; // a named assert's property
  readonly message: string;
}

export type Outcome = { readonly kind: 'next'; readonly state: State } | { readonly kind: 'fail'; readonly failure: Failure };

export class Interpreter {
  readonly instances: readonly Instance[];

  constructor(readonly program: Program) {
    this.instances = instancesOf(program);
  }

  // Every combination of the variables' and then the instances' locals' initial values.
  initial(): { states: State[]; failures: Failure[] } {
    const failures: Failure[] = [];
    const choices = (ctx: Ctx, v: Program['vars'][number]): Value[] => {
      try {
        return v.init.kind === 'value' ? [evalExpr(ctx, v.init.expr)] : [...asArr(evalExpr(ctx, v.init.set))];
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        failures.push({ kind: e.kind, span: v.span, message: e.message });
        return [];
      }
    };
    const varChoices = this.program.vars.map((v) => choices(this.ctx(undefined, undefined), v));
    const localChoices = this.instances.map((inst, g) =>
      this.program.processes[inst.process]!.locals.map((l) => choices(this.ctx(undefined, g), l)));
    const states: State[] = [];
    for (const vars of product(varChoices)) {
      for (const locals of product(localChoices.map(product))) {
        states.push({ vars, locks: this.program.locks.map(() => 0), pcs: this.instances.map(() => 0), locals });
      }
    }
    return { states, failures };
  }

  // The outcomes of instance g's current step from state s (none when g is done or blocked).
  outcomes(s: State, g: number): Outcome[] {
    const proc = this.program.processes[this.instances[g]!.process]!;
    const step = proc.steps[s.pcs[g]!];
    if (step === undefined) return [];
    return this.run(step.body, 0, s, this.ctx(s, g), () => {
      throw new Error(`internal: a path of ${proc.name}.${proc.labels[step.label]!.name} ends without goto`);
    });
  }

  private ctx(s: State | undefined, g: number | undefined): Ctx {
    const base: Ctx = { program: this.program, instances: this.instances, state: s, self: g, env: new Map() };
    const param = g === undefined ? undefined : this.program.processes[this.instances[g]!.process]!.param;
    return param === undefined ? base : bind(base, param.id, this.instances[g!]!.param);
  }

  // Runs stmts[i..] then `k`, in continuation-passing style so that a fork (either, choose)
  // simply runs the rest of the step once per branch; `s` is the path's current state.
  private run(stmts: readonly Stmt[], i: number, s: State, outer: Ctx, k: (s: State) => Outcome[]): Outcome[] {
    const st = stmts[i];
    if (st === undefined) return k(s);
    const ctx = { ...outer, state: s };
    const g = ctx.self!;
    const next = (s2: State, c: Ctx = ctx) => this.run(stmts, i + 1, s2, c, k);
    const nested = (body: readonly Stmt[], s2: State, c: Ctx, k2: (s3: State) => Outcome[]) => this.run(body, 0, s2, c, k2);
    // runs the statement's own evaluation; a spec error there makes this path a failure
    const attempt = <T>(f: () => T, then: (v: T) => Outcome[]): Outcome[] => {
      let v: T;
      try {
        v = f();
      } catch (e) {
        if (!(e instanceof SpecError)) throw e;
        return [{ kind: 'fail', failure: { kind: e.kind, span: st.span, message: e.message } }];
      }
      return then(v);
    };
    switch (st.kind) {
      case 'assign': return attempt(() => this.assign(ctx, s, st.target, evalExpr(ctx, st.value)), (s2) => next(s2));
      case 'await': return attempt(() => evalBool(ctx, st.cond), (ok) => (ok ? next(s) : []));
      case 'assert': return attempt(() => evalBool(ctx, st.cond), (ok) =>
        ok ? next(s) : [{ kind: 'fail', failure: { kind: 'assert', span: st.span, name: st.name, message: st.message } }]);
      case 'lock': return attempt(() => {
        if (s.locks[st.lock] === g + 1) throw new SpecError('relock', `lock ${this.program.locks[st.lock]!.name} already held`);
        return s.locks[st.lock] === 0;
      }, (free) => (free ? next({ ...s, locks: setAt(s.locks, st.lock, g + 1) }) : []));
      case 'unlock': return attempt(() => {
        if (s.locks[st.lock] !== g + 1) throw new SpecError('unlock', `unlock of ${this.program.locks[st.lock]!.name}, not held`);
      }, () => next({ ...s, locks: setAt(s.locks, st.lock, 0) }));
      case 'if': return attempt(() => evalBool(ctx, st.cond), (c) => nested(c ? st.then : st.else, s, ctx, (s2) => next(s2)));
      case 'either': return st.branches.flatMap((b) => nested(b, s, ctx, (s2) => next(s2)));
      case 'choose': return attempt(() => evalSet(ctx, st.domain), (xs) =>
        xs.flatMap((x) => nested(st.body, s, bind(ctx, st.binding.id, x), (s2) => next(s2))));
      case 'for': return attempt(() => asArr(evalExpr(ctx, st.domain)), (xs) => {
        const loop = (j: number, s2: State): Outcome[] => j === xs.length
          ? next(s2)
          : nested(st.body, s2, bind(ctx, st.binding.id, xs[j]!), (s3) => loop(j + 1, s3));
        return loop(0, s);
      });
      case 'let': return attempt(() => evalExpr(ctx, st.value), (v) => next(s, bind(ctx, st.binding.id, v)));
      case 'goto': return [{ kind: 'next', state: { ...s, pcs: setAt(s.pcs, g, st.label) } }];
    }
  }

  private assign(ctx: Ctx, s: State, place: Place, value: Value): State {
    if (!fits(value, place.type)) {
      throw new Error(`internal: assigning ${canon(value)} to a place of type ${typeToString(place.type)} without a fit`);
    }
    const root = place.root;
    if (root.kind === 'var') {
      return { ...s, vars: setAt(s.vars, root.index, this.update(ctx, s.vars[root.index]!, place.rootType, place.path, value)) };
    }
    const g = ctx.self!;
    const mine = s.locals[g]!;
    return { ...s, locals: setAt(s.locals, g, setAt(mine, root.index, this.update(ctx, mine[root.index]!, place.rootType, place.path, value))) };
  }

  // `cur` with the location at `path` replaced by `value`; the path is evaluated in ctx.
  private update(ctx: Ctx, cur: Value, t: Type, path: readonly PlaceStep[], value: Value): Value {
    const [p, ...rest] = path;
    if (p === undefined) return value;
    switch (p.kind) {
      case 'mapKey': {
        if (t.kind !== 'map') throw new Error('internal: mapKey on a non-map');
        const m = asArr(cur);
        const slot = mapSlot(mapKey(t), evalExpr(ctx, p.key));
        return setAt(m, slot, this.update(ctx, m[slot]!, t.value, rest, value));
      }
      case 'seqIndex': {
        if (t.kind !== 'seq') throw new Error('internal: seqIndex on a non-sequence');
        const q = asArr(cur);
        const slot = seqSlot(q, evalExpr(ctx, p.index));
        return setAt(q, slot, this.update(ctx, q[slot]!, t.elem, rest, value));
      }
      case 'field': {
        if (t.kind !== 'record') throw new Error('internal: field on a non-record');
        const r = asRecord(cur);
        const name = fieldName(t, p.index);
        return { ...r, [name]: this.update(ctx, r[name]!, t.fields[p.index]!.type, rest, value) };
      }
    }
  }
}

// The cartesian product of a list of choice lists, first list varying slowest.
function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, xs) => acc.flatMap((prefix) => xs.map((x) => [...prefix, x])), [[]]);
}


// A copy of xs with xs[i] = v (the arrays of a state are never mutated).
function setAt<T>(xs: readonly T[], i: number, v: T): T[] {
  const out = [...xs];
  out[i] = v;
  return out;
}
