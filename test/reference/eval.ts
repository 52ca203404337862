// The reference expression evaluator: a direct tree walk over the typed Program's expressions.
// In: an expression and a context (state, running instance, bound names). Out: a Value, or a
// thrown SpecError. Every result is also checked against the expression's static type, so a
// wrong static range computed by the binder shows up as an internal error here.

import type { Builtin, Expr, Op, Program } from '../../lang/program.js';
import { typeToString, type Type } from '../../lang/types.js';
import type { Instance, State } from './state.js';
import {
  asArr, asNum, asRecord, canon, domainValues, fits, isSome, makeSet, mapSlot, SpecError, valueEq, type Value,
} from './values.js';

export interface Ctx {
  readonly program: Program;
  readonly instances: readonly Instance[];
  readonly state: State | undefined; // undefined while evaluating initial values
  readonly self: number | undefined; // global index of the running instance
  readonly env: ReadonlyMap<number, Value>; // Binding.id -> value
}

export function bind(ctx: Ctx, id: number, v: Value): Ctx {
  return { ...ctx, env: new Map(ctx.env).set(id, v) };
}

export function evalExpr(ctx: Ctx, e: Expr): Value {
  const v = evalRaw(ctx, e);
  if (!fits(v, e.type)) {
    throw new Error(`internal: ${e.kind} at ${e.span.line}:${e.span.col} gave ${canon(v)}, outside its static type ${typeToString(e.type)}`);
  }
  return v;
}

export function evalBool(ctx: Ctx, e: Expr): boolean {
  return asNum(evalExpr(ctx, e)) === 1;
}

export function evalSet(ctx: Ctx, e: Expr): readonly number[] {
  return asArr(evalExpr(ctx, e)).map(asNum);
}

function state(ctx: Ctx): State {
  if (!ctx.state) throw new Error('internal: state read while evaluating an initial value');
  return ctx.state;
}

function running(ctx: Ctx): number {
  if (ctx.self === undefined) throw new Error('internal: instance-relative expression outside a process');
  return ctx.self;
}

// The global index of instance `instance` (a parameter value) of process `process`.
export function instanceIndex(ctx: Ctx, process: number, instance: Expr | undefined): number {
  const proc = ctx.program.processes[process]!;
  const param = instance === undefined ? proc.instances[0]! : asNum(evalExpr(ctx, instance));
  const k = proc.instances.indexOf(param);
  if (k < 0) throw new SpecError('instance', `${proc.name}[${param}] is not an instance`);
  return proc.firstInstance + k;
}

function evalRaw(ctx: Ctx, e: Expr): Value {
  switch (e.kind) {
    case 'lit': return e.value;
    case 'none': return null;
    case 'var': return state(ctx).vars[e.index]!;
    case 'local': return state(ctx).locals[running(ctx)]![e.index]!;
    case 'localOf': return state(ctx).locals[instanceIndex(ctx, e.process, e.instance)]![e.index]!;
    case 'self': return ctx.instances[running(ctx)]!.param;
    case 'bound': {
      const v = ctx.env.get(e.id);
      if (v === undefined) throw new Error(`internal: unbound ${e.name}#${e.id}`);
      return v;
    }
    case 'op': return evalOp(ctx, e.op, e.args);
    case 'ite': return evalBool(ctx, e.cond) ? evalExpr(ctx, e.then) : evalExpr(ctx, e.else);
    case 'let': return evalExpr(bind(ctx, e.binding.id, evalExpr(ctx, e.value)), e.body);
    case 'quant': {
      const dom = evalSet(ctx, e.domain);
      const test = (x: number) => evalBool(bind(ctx, e.binding.id, x), e.body);
      return Number(e.quant === 'forall' ? dom.every(test) : dom.some(test));
    }
    case 'call': {
      const fn = ctx.program.fns[e.fn]!;
      const env = new Map<number, Value>();
      fn.params.forEach((p, i) => env.set(p.id, evalExpr(ctx, e.args[i]!)));
      return evalExpr({ ...ctx, env }, fn.body);
    }
    case 'builtin': return evalBuiltin(ctx, e.name, e.args);
    case 'some': return { some: evalExpr(ctx, e.value) };
    case 'mapGet': return asArr(evalExpr(ctx, e.target))[mapSlot(mapKey(e.target.type), evalExpr(ctx, e.key))]!;
    case 'seqGet': {
      const s = asArr(evalExpr(ctx, e.target));
      return s[seqSlot(s, evalExpr(ctx, e.index))]!;
    }
    case 'field': return asRecord(evalExpr(ctx, e.target))[fieldName(e.target.type, e.index)]!;
    case 'mapSet': {
      const m = [...asArr(evalExpr(ctx, e.target))];
      m[mapSlot(mapKey(e.target.type), evalExpr(ctx, e.key))] = evalExpr(ctx, e.value);
      return m;
    }
    case 'seqSet': {
      const s = [...asArr(evalExpr(ctx, e.target))];
      s[seqSlot(s, evalExpr(ctx, e.index))] = evalExpr(ctx, e.value);
      return s;
    }
    case 'fieldSet': {
      const r = asRecord(evalExpr(ctx, e.target));
      return { ...r, [fieldName(e.target.type, e.index)]: evalExpr(ctx, e.value) };
    }
    case 'setLit': return makeSet(e.elems.map((x) => asNum(evalExpr(ctx, x))));
    case 'universe': return domainValues(setElem(e.type));
    case 'setComp': {
      const out: number[] = [];
      for (const x of evalSet(ctx, e.domain)) {
        const inner = bind(ctx, e.binding.id, x);
        if (e.filter === undefined || evalBool(inner, e.filter)) out.push(asNum(evalExpr(inner, e.elem)));
      }
      return makeSet(out);
    }
    case 'seqLit': return e.elems.map((x) => evalExpr(ctx, x));
    case 'seqComp': {
      const out: Value[] = [];
      for (const x of asArr(evalExpr(ctx, e.domain))) {
        const inner = bind(ctx, e.binding.id, x);
        if (e.filter === undefined || evalBool(inner, e.filter)) out.push(evalExpr(inner, e.elem));
      }
      return out;
    }
    case 'mapLit': return domainValues(mapKey(e.type)).map((k) => evalExpr(bind(ctx, e.binding.id, k), e.value));
    case 'recordLit': {
      if (e.type.kind !== 'record') throw new Error('internal: recordLit of a non-record type');
      const r: { [field: string]: Value } = {};
      e.type.fields.forEach((f, i) => (r[f.name] = evalExpr(ctx, e.values[i]!)));
      return r;
    }
    case 'at': return Number(state(ctx).pcs[instanceIndex(ctx, e.process, e.instance)] === e.label);
    case 'locked': return Number(state(ctx).locks[e.lock] !== 0);
    case 'holds': return Number(state(ctx).locks[e.lock] === running(ctx) + 1);
    case 'fit': {
      const v = evalExpr(ctx, e.value);
      if (!fits(v, e.type)) throw new SpecError('domain', `value ${canon(v)} outside ${typeToString(e.type)}`);
      return v;
    }
  }
}

function evalOp(ctx: Ctx, op: Op, args: readonly Expr[]): Value {
  const arg = (i: number) => evalExpr(ctx, args[i]!);
  const num = (i: number) => asNum(arg(i));
  const set = (i: number) => evalSet(ctx, args[i]!);
  switch (op) {
    // the boolean connectives short-circuit, so `x != 0 and 10 / x > 1` is safe
    case 'implies': return Number(num(0) === 0 || num(1) === 1);
    case 'or': return Number(num(0) === 1 || num(1) === 1);
    case 'and': return Number(num(0) === 1 && num(1) === 1);
    case 'not': return Number(num(0) === 0);
    case 'eq': return Number(valueEq(arg(0), arg(1)));
    case 'ne': return Number(!valueEq(arg(0), arg(1)));
    case 'lt': return Number(num(0) < num(1));
    case 'le': return Number(num(0) <= num(1));
    case 'gt': return Number(num(0) > num(1));
    case 'ge': return Number(num(0) >= num(1));
    case 'add': return exact(BigInt(num(0)) + BigInt(num(1)));
    case 'sub': return exact(BigInt(num(0)) - BigInt(num(1)));
    case 'mul': return exact(BigInt(num(0)) * BigInt(num(1)));
    case 'neg': return exact(-BigInt(num(0)));
    case 'div': case 'mod': {
      const a = BigInt(num(0)), b = BigInt(num(1));
      if (b === 0n) throw new SpecError('divzero', `${a} ${op === 'div' ? '/' : '%'} 0`);
      return exact(op === 'div' ? a / b : a % b); // BigInt truncates; the remainder has the dividend's sign
    }
    case 'in': return Number(set(1).includes(num(0)));
    case 'notin': return Number(!set(1).includes(num(0)));
    case 'subseteq': { const b = set(1); return Number(set(0).every((x) => b.includes(x))); }
    case 'union': return makeSet([...set(0), ...set(1)]);
    case 'diff': { const b = set(1); return set(0).filter((x) => !b.includes(x)); }
    case 'inter': { const b = set(1); return set(0).filter((x) => b.includes(x)); }
    case 'range': {
      const out: number[] = [];
      for (let x = num(0), hi = num(1); x <= hi; x++) out.push(x);
      return out;
    }
  }
}

function evalBuiltin(ctx: Ctx, name: Builtin, args: readonly Expr[]): Value {
  const arr = () => asArr(evalExpr(ctx, args[0]!));
  const nonEmpty = (what: string) => {
    const s = arr();
    if (s.length === 0) throw new SpecError(name === 'min' || name === 'max' ? 'empty' : 'index', `${what} of an empty ${name === 'min' || name === 'max' ? 'set' : 'sequence'}`);
    return s;
  };
  switch (name) {
    case 'len': return arr().length;
    case 'append': { const s = arr(); return [...s, evalExpr(ctx, args[1]!)]; }
    case 'head': return nonEmpty('head')[0]!;
    case 'tail': return nonEmpty('tail').slice(1);
    case 'last': { const s = nonEmpty('last'); return s[s.length - 1]!; }
    case 'pop': return nonEmpty('pop').slice(0, -1);
    case 'contains': { const s = arr(); const x = evalExpr(ctx, args[1]!); return Number(s.some((y) => valueEq(x, y))); }
    case 'remove': { const s = arr(); const x = evalExpr(ctx, args[1]!); return s.filter((y) => !valueEq(x, y)); }
    case 'card': return arr().length;
    case 'succ': case 'pred': {
      const t = args[0]!.type as { lo: number; hi: number };
      const v = asNum(evalExpr(ctx, args[0]!));
      if (name === 'succ') return v === t.hi ? t.lo : v + 1;
      return v === t.lo ? t.hi : v - 1;
    }
    case 'isSome': return Number(isSome(evalExpr(ctx, args[0]!)));
    case 'unwrap': {
      const o = evalExpr(ctx, args[0]!);
      if (!isSome(o)) throw new SpecError('unwrap', 'unwrap(none)');
      return o.some;
    }
    case 'min': return Math.min(...nonEmpty('min').map(asNum));
    case 'max': return Math.max(...nonEmpty('max').map(asNum));
  }
}

// Integer operations are computed exactly (BigInt), independently of the doubles the compiled
// explorer uses; a result a double could not hold exactly means the binder let through an
// expression it should have rejected (KLP3013).
function exact(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`internal: integer result ${v} is beyond the exact range of doubles`);
  }
  return Number(v);
}

// The position of index i in sequence s; outside 0..len-1 is a spec error.
export function seqSlot(s: readonly Value[], i: Value): number {
  const k = asNum(i);
  if (k < 0 || k >= s.length) throw new SpecError('index', `index ${k} outside a sequence of length ${s.length}`);
  return k;
}

export function mapKey(t: Type): Type {
  if (t.kind !== 'map') throw new Error(`internal: ${typeToString(t)} is not a map`);
  return t.key;
}

export function fieldName(t: Type, index: number): string {
  if (t.kind !== 'record') throw new Error(`internal: ${typeToString(t)} is not a record`);
  return t.fields[index]!.name;
}

function setElem(t: Type): Type {
  if (t.kind !== 'set') throw new Error(`internal: ${typeToString(t)} is not a set`);
  return t.elem;
}
