// Type expressions to semantic types. In: an ast.TypeExpr, the globals (constants folded).
// Out: a Type with concrete bounds, or ERR after a diagnostic. Type aliases are resolved once,
// up front, in declaration order (an alias used before its declaration is resolved on demand;
// an alias reached again while being resolved is a cycle).

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import { BOOL, intType, typeToString, type Type } from '../types.js';
import { evalConst } from './consts.js';
import type { Globals } from './context.js';
import { ERR, finiteDomainProblem } from './typeops.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function resolveAliases(g: Globals, diags: Diagnostic[]): void {
  const visiting = new Set<string>();
  for (const [name, sym] of g.names) if (sym.kind === 'type') alias(g, diags, name, visiting);
}

function alias(g: Globals, diags: Diagnostic[], name: string, visiting: Set<string>): Type {
  const known = g.types.get(name);
  if (known) return known;
  const sym = g.names.get(name);
  if (sym?.kind !== 'type') throw new Error(`internal: ${name} is not a type alias`);
  if (visiting.has(name)) {
    diags.push(diag('KLP2017', sym.decl.name.span, { name }));
    g.types.set(name, ERR);
    return ERR;
  }
  visiting.add(name);
  const t = resolve(g, diags, sym.decl.type, visiting, name);
  visiting.delete(name);
  if (!g.types.has(name)) g.types.set(name, t);
  return g.types.get(name)!;
}

export function resolveType(g: Globals, diags: Diagnostic[], t: ast.TypeExpr): Type {
  return resolve(g, diags, t, new Set());
}

// A process parameter's type, which may be an unnamed `symmetric lo..hi`.
export function resolveParamType(g: Globals, diags: Diagnostic[], t: ast.TypeExpr, process: string): Type {
  return resolve(g, diags, t, new Set(), t.kind === 'symmetric' ? `${typeText(t)} (${process})` : undefined);
}

// `symmetricName`: the name a `symmetric` type gets here; only a type alias and a process
// parameter may be one, so that every symmetric type has one declaration.
function resolve(g: Globals, diags: Diagnostic[], t: ast.TypeExpr, visiting: Set<string>, symmetricName?: string): Type {
  const sub = (x: ast.TypeExpr) => resolve(g, diags, x, visiting);
  switch (t.kind) {
    case 'symmetric': {
      if (symmetricName === undefined) {
        diags.push(diag('KLP3016', t.span, {}, { hint: `declare it once, as in 'type Thread = ${typeText(t)}', and use its name here` }));
        return ERR;
      }
      const r = range(g, diags, { kind: 'range', lo: t.lo, hi: t.hi, span: t.span });
      return r.kind === 'int' && r !== ERR ? { ...r, sym: { name: symmetricName, ring: t.ring } } : r;
    }
    case 'bool': return BOOL;
    case 'int':
      diags.push(diag('KLP3003', t.span, { type: 'int', why: 'give it bounds, e.g. 0..3' }));
      return ERR;
    case 'range': return range(g, diags, t);
    case 'named': return named(g, diags, t.name, visiting);
    case 'option': return { kind: 'option', inner: sub(t.inner) };
    case 'set': return { kind: 'set', elem: finite(diags, sub(t.elem), t.elem) };
    case 'map': return { kind: 'map', key: finite(diags, sub(t.key), t.key), value: sub(t.value) };
    case 'seq': {
      const max = intConst(g, diags, t.max);
      if (max !== undefined && max < 0) diags.push(diag('KLP3005', t.max.span, { lo: 0, hi: max }));
      return max === undefined || max < 0 ? ERR : { kind: 'seq', elem: sub(t.elem), max };
    }
    case 'record': {
      const seen = new Map<string, ast.Ident>();
      for (const f of t.fields) {
        const first = seen.get(f.name.name);
        if (first) diags.push(diag('KLP2002', f.name.span, { name: f.name.name }, { related: [{ span: first.span, message: 'first declared here' }] }));
        else seen.set(f.name.name, f.name);
      }
      const fields = t.fields.filter((f) => seen.get(f.name.name) === f.name).map((f) => ({ name: f.name.name, type: sub(f.type) }));
      return { kind: 'record', fields };
    }
  }
}

function typeText(t: ast.TypeExpr & { kind: 'symmetric' }): string {
  const bound = (e: ast.Expr) => (e.kind === 'int' ? String(e.value) : e.kind === 'name' ? e.name.name : '...');
  return `symmetric ${t.ring ? 'ring ' : ''}${bound(t.lo)}..${bound(t.hi)}`;
}

function named(g: Globals, diags: Diagnostic[], id: ast.Ident, visiting: Set<string>): Type {
  const sym = g.names.get(id.name);
  if (sym?.kind === 'enum') return sym.type;
  if (sym?.kind === 'type') return alias(g, diags, id.name, visiting);
  const typeNames = [...g.names].filter(([, s]) => s.kind === 'enum' || s.kind === 'type').map(([n]) => n);
  const near = closest(id.name, [...typeNames, 'bool']);
  diags.push(diag('KLP2003', id.span, { name: id.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
  return ERR;
}

function range(g: Globals, diags: Diagnostic[], t: ast.TypeExpr & { kind: 'range' }): Type {
  const lo = intConst(g, diags, t.lo);
  const hi = intConst(g, diags, t.hi);
  if (lo === undefined || hi === undefined) return ERR;
  if (lo > hi) {
    diags.push(diag('KLP3005', t.span, { lo, hi }));
    return ERR;
  }
  // values of a range type are stored in the state's Int32 slots
  if (lo < INT32_MIN || hi > INT32_MAX) {
    diags.push(diag('KLP3014', t.span, { lo, hi }, { hint: `a range must lie within ${INT32_MIN}..${INT32_MAX}` }));
    return ERR;
  }
  return intType(lo, hi);
}

function intConst(g: Globals, diags: Diagnostic[], e: ast.Expr): number | undefined {
  const v = evalConst(g, diags, e);
  if (v?.kind === 'bool') diags.push(diag('KLP3001', e.span, { expected: 'an integer', actual: 'bool' }));
  return v?.kind === 'int' ? v.value : undefined;
}

// `t` if it can be a set element or map key; ERR after a diagnostic otherwise.
export function finite(diags: Diagnostic[], t: Type, at: { readonly span: ast.Ident['span'] }): Type {
  const why = finiteDomainProblem(t);
  if (why === undefined) return t;
  diags.push(diag('KLP3003', at.span, { type: typeToString(t), why }));
  return ERR;
}
