// Names in expression position, `self`, and references to other process instances (`P@label`,
// `P[i].local`). Lookup order: bound names (innermost first), the running process's locals and
// parameter, shared variables, constants, enum members, then finite types as sets. Whether the
// unit may read state at all depends on its mode (initializers and functions may not).

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import type { Expr } from '../program.js';
import type { Span } from '../span.js';
import { BOOL, isScalarDomain, type Type } from '../types.js';
import { coerce } from './coerce.js';
import { boundNames, lookupBound, poison, type Cx, type ProcInfo } from './context.js';
import { check } from './expr.js';

export function nameExpr(cx: Cx, id: ast.Ident): Expr {
  const span = id.span;
  const b = lookupBound(cx, id.name);
  if (b) return { kind: 'bound', id: b.id, name: b.name, type: b.type, span };
  const local = cx.proc?.locals.get(id.name);
  if (cx.proc && local) {
    if (cx.mode === 'localInit') return notConstant(cx, span, `'${id.name}' is a process-local variable`);
    return { kind: 'local', index: local.index, type: local.type, span };
  }
  if (cx.proc?.paramType && cx.proc.decl.param?.name.name === id.name) return selfExpr(cx, span);
  const sym = cx.g.names.get(id.name);
  if (sym === undefined) return unknownName(cx, id);
  switch (sym.kind) {
    case 'var':
      if (!canReadState(cx, span, id.name, 'a shared variable')) return poison(span);
      cx.g.varReads.add(sym.index);
      return { kind: 'var', index: sym.index, type: cx.g.varTypes[sym.index]!, span };
    case 'const': {
      const c = cx.g.consts.get(id.name);
      return c ? { kind: 'lit', value: c.value, type: c.type, span } : poison(span);
    }
    case 'member': return { kind: 'lit', value: sym.ordinal, type: sym.type, span };
    case 'enum': case 'type': return universe(cx, id, cx.g.types.get(id.name)!);
    default:
      cx.diags.push(diag('KLP2020', span, { name: id.name, what: sym.kind === 'fn' ? 'function' : sym.kind }));
      return poison(span);
  }
}

// A finite type used as a value: the set of all its values.
function universe(cx: Cx, id: ast.Ident, t: Type): Expr {
  if (isScalarDomain(t)) return { kind: 'universe', type: { kind: 'set', elem: t }, span: id.span };
  cx.diags.push(diag('KLP2020', id.span, { name: id.name, what: 'type that is not finite scalar (bool, range or enum)' }));
  return poison(id.span);
}

function unknownName(cx: Cx, id: ast.Ident): Expr {
  const candidates = [...boundNames(cx), ...(cx.proc?.locals.keys() ?? []), ...valueNames(cx)];
  if (cx.proc?.decl.param) candidates.push(cx.proc.decl.param.name.name);
  const near = closest(id.name, candidates);
  const owner = cx.g.procs.find((p) => p.locals.has(id.name));
  const hint = near !== undefined ? `did you mean '${near}'?`
    : owner && `'${id.name}' is a local variable of process ${owner.decl.name.name}: write ${owner.decl.name.name}${owner.paramType ? '[i]' : ''}.${id.name}`;
  cx.diags.push(diag('KLP2001', id.span, { name: id.name }, hint === undefined ? {} : { hint }));
  return poison(id.span);
}

// Global value names, variables first: in expression position a variable is the likelier intent.
function valueNames(cx: Cx): string[] {
  const order = ['var', 'const', 'member', 'enum', 'type'];
  return [...cx.g.names].filter(([, s]) => order.includes(s.kind))
    .sort(([, a], [, b]) => order.indexOf(a.kind) - order.indexOf(b.kind)).map(([n]) => n);
}

export function selfExpr(cx: Cx, span: Span): Expr {
  if (cx.proc?.paramType === undefined) {
    cx.diags.push(diag('KLP2011', span));
    return poison(span);
  }
  return { kind: 'self', type: cx.proc.paramType, span };
}

// Initializers run before any state exists. Functions may read the state (they are inlined
// where they are called); calling one that does from an initializer is reported at the call.
export function canReadState(cx: Cx, span: Span, name: string, what: string): boolean {
  if (cx.mode === 'init' || cx.mode === 'localInit' || cx.mode === 'domain') {
    notConstant(cx, span, `'${name}' is ${what}`);
    return false;
  }
  return true;
}

export function notConstant(cx: Cx, span: Span, why: string): Expr {
  const rule = cx.mode === 'domain' ? "the values a property's 'forall' ranges over must be constants"
    : `an initial value may only use constants${cx.mode === 'localInit' ? ' and the process parameter' : ''}`;
  cx.diags.push(diag('KLP3004', span, { why: `${rule}, but ${why}` }));
  return poison(span);
}

// The process named `id` when the name is not shadowed by a bound name or local.
export function processNamed(cx: Cx, id: ast.Ident): ProcInfo | undefined {
  if (lookupBound(cx, id.name) || cx.proc?.locals.has(id.name)) return undefined;
  const sym = cx.g.names.get(id.name);
  return sym?.kind === 'process' ? cx.g.procs[sym.index] : undefined;
}

export function atExpr(cx: Cx, process: ast.Ident, instance: ast.Expr | undefined, label: ast.Ident, span: Span): Expr {
  const p = instanceRef(cx, process, instance, span);
  if (!p) return poison(span);
  const index = label.name === 'done' ? p.proc.labels.length : p.proc.labels.findIndex((l) => l.name === label.name);
  if (index < 0) {
    const near = closest(label.name, [...p.proc.labels.map((l) => l.name), 'done']);
    cx.diags.push(diag('KLP2005', label.span, { process: process.name, name: label.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
    return poison(span);
  }
  return { kind: 'at', type: BOOL, span, process: p.proc.index, instance: p.instance, label: index };
}

export function localOfExpr(cx: Cx, process: ast.Ident, instance: ast.Expr | undefined, local: ast.Ident, span: Span): Expr {
  const p = instanceRef(cx, process, instance, span);
  if (!p) return poison(span);
  const l = p.proc.locals.get(local.name);
  if (!l) {
    const near = closest(local.name, p.proc.locals.keys());
    cx.diags.push(diag('KLP2007', local.span, { process: process.name, name: local.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
    return poison(span);
  }
  return { kind: 'localOf', type: l.type, span, process: p.proc.index, instance: p.instance, index: l.index };
}

// `P` or `P[i]`: the process, and the instance expression fitted to its parameter type.
function instanceRef(cx: Cx, process: ast.Ident, instance: ast.Expr | undefined, span: Span): { proc: ProcInfo; instance: Expr | undefined } | undefined {
  const sym = cx.g.names.get(process.name);
  if (sym?.kind !== 'process') {
    const procs = [...cx.g.names].filter(([, s]) => s.kind === 'process').map(([n]) => n);
    const near = closest(process.name, procs);
    cx.diags.push(diag('KLP2004', process.span, { name: process.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
    return undefined;
  }
  const proc = cx.g.procs[sym.index]!;
  if (!canReadState(cx, span, process.name, 'a process')) return undefined;
  if (proc.paramType === undefined) {
    if (instance === undefined) return { proc, instance: undefined };
    cx.diags.push(diag('KLP2019', span, { name: process.name }));
    return undefined;
  }
  if (instance === undefined) {
    cx.diags.push(diag('KLP2018', span, { name: process.name }));
    return undefined;
  }
  return { proc, instance: coerce(cx, check(cx, instance, proc.paramType), proc.paramType) };
}
