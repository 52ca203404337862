// Temporal properties: `property Name: formula` -> Property (lang/program.ts). The formula's
// outer `forall`s become binders whose values are known now (one check per combination); what
// remains must be one of the supported forms over state predicates (KLP3018 otherwise), and
// temporal operators anywhere else are KLP3017 (expr.ts). In: a PropertyDecl and the prepared
// Globals. Out: the Property, or undefined after reporting why.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Binding, Expr, Property, TemporalForm } from '../program.js';
import { domainSize, domainValue, isScalarDomain, typeToString } from '../types.js';
import { sourceText, unitCx, withBinding, type Cx, type Globals } from './context.js';
import { checkBool, checkSet, elemOf } from './expr.js';
import { subExprs } from './fns.js';
import { ERR } from './typeops.js';

// Each instance is a separate check over the whole state graph: beyond this, a spec is better
// served by a narrower quantifier than by a search that never ends.
export const MAX_PROPERTY_INSTANCES = 4096;

const FORMS = "always P, eventually P, P leadsto Q (or P ~> Q), always (P => eventually Q), always eventually P, eventually always P, where P and Q have no temporal operator, under any number of 'forall'";

interface Shape {
  readonly form: TemporalForm;
  readonly p: ast.Expr;
  readonly q?: ast.Expr;
}

export function bindProperty(g: Globals, diags: Diagnostic[], d: ast.PropertyDecl): Property | undefined {
  let formula = d.formula;
  const quants: (ast.Expr & { kind: 'quant' })[] = [];
  while (formula.kind === 'quant' && hasTemporal(formula.body)) {
    if (formula.quant === 'exists') {
      diags.push(diag('KLP3018', formula.span, { why: "'exists' cannot range over a temporal formula" }, { hint: "only 'forall' is allowed outside the temporal operators: the property is checked once per value" }));
      return undefined;
    }
    quants.push(formula);
    formula = formula.body;
  }
  const shape = shapeOf(formula, diags);
  let cx = unitCx(g, diags, 'invariant');
  const binders: Binding[] = [];
  const domains: number[][] = [];
  let failed = shape === undefined;
  for (const q of quants) {
    const values = domainValues({ ...cx, mode: 'domain' }, q.domain);
    const b = withBinding(cx, q.binder.name, values?.type ?? ERR);
    cx = b.cx;
    binders.push(b.binding);
    domains.push(values?.values ?? []);
    failed ||= values === undefined;
  }
  if (shape === undefined) return undefined;
  const p = checkBool(cx, shape.p);
  const q = shape.q && checkBool(cx, shape.q);
  if (failed) return undefined;
  const count = domains.reduce((n, v) => n * v.length, 1);
  if (count > MAX_PROPERTY_INSTANCES) {
    diags.push(diag('KLP3019', d.name.span, { name: d.name.name, count, max: MAX_PROPERTY_INSTANCES }, { hint: "narrow what its 'forall' ranges over" }));
    return undefined;
  }
  const text = { p: sourceText(g, shape.p.span), q: shape.q && sourceText(g, shape.q.span) };
  return { name: d.name.name, form: shape.form, binders, instances: product(domains), p, q, text, span: d.span };
}

function hasTemporal(e: ast.Expr): boolean {
  return e.kind === 'temporal' || e.kind === 'leadsto' || subExprs(e).some(hasTemporal);
}

function shapeOf(f: ast.Expr, diags: Diagnostic[]): Shape | undefined {
  const pure = (e: ast.Expr) => !hasTemporal(e);
  if (f.kind === 'temporal') {
    const x = f.operand;
    if (f.op === 'always') {
      if (x.kind === 'temporal' && x.op === 'eventually' && pure(x.operand)) return { form: 'alwaysEventually', p: x.operand };
      const r = x.kind === 'binary' && x.op === '=>' ? x.right : undefined;
      if (x.kind === 'binary' && r?.kind === 'temporal' && r.op === 'eventually' && pure(x.left) && pure(r.operand)) return { form: 'leadsto', p: x.left, q: r.operand };
      if (pure(x)) return { form: 'always', p: x };
    } else {
      if (x.kind === 'temporal' && x.op === 'always' && pure(x.operand)) return { form: 'eventuallyAlways', p: x.operand };
      if (pure(x)) return { form: 'eventually', p: x };
    }
  } else if (f.kind === 'leadsto' && pure(f.left) && pure(f.right)) {
    return { form: 'leadsto', p: f.left, q: f.right };
  }
  if (pure(f)) {
    diags.push(diag('KLP3018', f.span, { why: 'it has no temporal operator' }, { hint: "a condition that must hold in every state is an 'invariant' (or 'always P')" }));
  } else {
    diags.push(diag('KLP3018', f.span, { why: 'this combination of temporal operators is not supported' }, { hint: `the supported forms are ${FORMS}` }));
  }
  return undefined;
}

// The values of a quantifier's domain, which must be a constant set of scalars (a finite type,
// a range with constant bounds, a set literal of constants, or unions/differences of them).
function domainValues(cx: Cx, e: ast.Expr): { values: number[]; type: ReturnType<typeof elemOf> } | undefined {
  const set = checkSet(cx, e);
  if (set.type === ERR) return undefined;
  const elem = elemOf(set.type);
  const values = isScalarDomain(elem) ? members(set) : undefined;
  if (values === undefined) {
    const why = isScalarDomain(elem) ? 'it must be a type, a range or a set literal of constants' : `its elements have type ${typeToString(elem)}, not a scalar type`;
    cx.diags.push(diag('KLP3004', e.span, { why: `a property's 'forall' ranges over a constant set of scalar values, but ${why}` }));
    return undefined;
  }
  return { values, type: elem };
}

function members(e: Expr): number[] | undefined {
  switch (e.kind) {
    case 'universe': {
      const t = elemOf(e.type);
      return Array.from({ length: domainSize(t) }, (_, i) => domainValue(t, i));
    }
    case 'setLit': {
      const vs = e.elems.map(single);
      return vs.some((v) => v === undefined) ? undefined : [...new Set(vs as number[])].sort((a, b) => a - b);
    }
    case 'op': {
      const [a, b] = e.args;
      if (e.op === 'range') {
        const [lo, hi] = [single(a!), single(b!)];
        return lo === undefined || hi === undefined ? undefined : Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
      }
      const [x, y] = [members(a!), b && members(b)];
      if (x === undefined || y === undefined) return undefined;
      if (e.op === 'union') return [...new Set([...x, ...y])].sort((m, n) => m - n);
      if (e.op === 'diff') return x.filter((v) => !y.includes(v));
      if (e.op === 'inter') return x.filter((v) => y.includes(v));
      return undefined;
    }
    default: return undefined;
  }
}

// The value of a scalar expression whose type admits exactly one value.
function single(e: Expr): number | undefined {
  if (e.kind === 'lit') return e.value;
  return e.type.kind === 'int' && e.type.lo === e.type.hi ? e.type.lo : undefined;
}

function product(lists: readonly (readonly number[])[]): number[][] {
  return lists.reduce<number[][]>((acc, xs) => acc.flatMap((prefix) => xs.map((x) => [...prefix, x])), [[]]);
}
