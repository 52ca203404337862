// The body pass: initial values, function bodies, processes (locals, steps) and invariants, each
// bound as its own unit with its own binding ids. In: prepared Globals. Out: the typed pieces of
// the Program.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Fn, Init, Invariant, Process, StateVar } from '../program.js';
import { domainValue, domainSize, typeToString, type Type } from '../types.js';
import { coerce, mismatch } from './coerce.js';
import { sourceText, unitCx, withBinding, type Cx, type Globals, type ProcInfo } from './context.js';
import { check, checkBool, checkSet, elemOf } from './expr.js';
import { extractSteps } from './steps.js';
import { bindStmts } from './stmt.js';
import { contains, ERR, join } from './typeops.js';

export function bindInit(cx: Cx, v: ast.VarDecl, type: Type): Init {
  if (v.init.kind === 'value') {
    const e = check(cx, v.init.expr, type);
    const t = e.type;
    if (t !== ERR && type !== ERR && t.kind === 'int' && type.kind === 'int' && t.lo === t.hi && (t.lo < type.lo || t.lo > type.hi)) {
      cx.diags.push(diag('KLP3009', e.span, { value: t.lo, name: v.name.name, type: typeToString(type) }));
    }
    return { kind: 'value', expr: coerce(cx, e, type) };
  }
  const set = checkSet(cx, v.init.expr, { kind: 'set', elem: type });
  const elem = elemOf(set.type);
  if (!contains(type, elem)) {
    if (join(type, elem)) cx.diags.push(diag('KLP3009', set.span, { value: sourceText(cx.g, set.span), name: v.name.name, type: typeToString(type) }));
    else mismatch(cx, set, { kind: 'set', elem: type });
  }
  return { kind: 'oneOf', set };
}

export function bindVar(g: Globals, diags: Diagnostic[], v: ast.VarDecl, type: Type, proc?: ProcInfo): StateVar {
  const cx = unitCx(g, diags, proc ? 'localInit' : 'init', proc);
  return { name: v.name.name, type, init: bindInit(cx, v, type), span: v.span };
}

export function bindFn(g: Globals, diags: Diagnostic[], d: ast.FnDecl, index: number): Fn {
  const sig = g.fnSigs[index]!;
  let cx = unitCx(g, diags, 'fn', undefined, d.name.name);
  const params = d.params.map((p, i) => {
    const b = withBinding(cx, p.name.name, sig.params[i]!);
    cx = b.cx;
    return b.binding;
  });
  const body = coerce(cx, check(cx, d.body, sig.result), sig.result);
  return { name: d.name.name, params, result: sig.result, body, span: d.span };
}

export function bindInvariant(g: Globals, diags: Diagnostic[], d: ast.InvariantDecl): Invariant {
  return { name: d.name.name, expr: checkBool(unitCx(g, diags, 'invariant'), d.expr), span: d.span };
}

export function bindProcess(g: Globals, diags: Diagnostic[], p: ProcInfo, firstInstance: number): Process {
  const t = p.paramType;
  const instances = t === undefined ? [0] : t === ERR ? [] : Array.from({ length: domainSize(t) }, (_, i) => domainValue(t, i));
  const locals = [...p.locals.values()].map((l) => bindVar(g, diags, l.decl, l.type, p));
  const steps = p.structureOk ? extractSteps(p.decl.body).map((s, i) => {
    if (s.label !== p.labels[i]) throw new Error(`internal: step ${i} of ${p.decl.name.name} is not at label ${p.labels[i]?.name}`);
    return { label: i, body: bindStmts(unitCx(g, diags, 'step', p), s.body) };
  }) : [];
  return {
    name: p.decl.name.name,
    param: t && p.decl.param && { id: 0, name: p.decl.param.name.name, type: t },
    instances,
    firstInstance,
    locals,
    labels: p.labels.map((l, i) => ({ name: l.name, fairness: p.fairness[i]!, span: l.span })),
    steps,
    span: p.decl.span,
  };
}
