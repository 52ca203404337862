// Constant folding. In: the constant declarations (by name in Globals), command-line overrides.
// Out: every constant's value in Globals.consts, and `evalConst` for the other places that need
// a number at bind time (range bounds, sequence bounds). Constants may be declared in any
// order; a constant reached again while it is being folded is a cycle (KLP2009). Folding is
// exact (fold.ts); a constant's final value must be an integer every stage computes exactly.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import type { Span } from '../span.js';
import { BOOL, intType } from '../types.js';
import { isExact } from './arith.js';
import type { Globals } from './context.js';
import { fold, type Exact, type Hooks } from './fold.js';

export type ConstValue = { readonly kind: 'int' | 'bool'; readonly value: number };

export const COMMAND_LINE: Span = { file: '<command line>', start: 0, end: 0, line: 1, col: 1 };

interface Folder {
  readonly g: Globals;
  readonly diags: Diagnostic[];
  readonly overrides: ReadonlyMap<string, number | boolean>;
  readonly visiting: Set<string>;
  readonly failed: Set<string>;
}

// Folds every constant; reports unknown and ill-typed overrides first.
export function foldConstants(g: Globals, diags: Diagnostic[], overrides: ReadonlyMap<string, number | boolean>): void {
  for (const name of overrides.keys()) {
    if (g.names.get(name)?.kind !== 'const') diags.push(diag('KLP6001', COMMAND_LINE, { name }, hintFor(g, name)));
  }
  const f: Folder = { g, diags, overrides, visiting: new Set(), failed: new Set() };
  for (const [name, sym] of g.names) if (sym.kind === 'const') constValue(f, name, sym.decl.name.span);
}

function hintFor(g: Globals, name: string): { hint?: string } {
  const consts = [...g.names].filter(([, s]) => s.kind === 'const').map(([n]) => n);
  const near = closest(name, consts);
  return near === undefined ? {} : { hint: `did you mean '${near}'?` };
}

// A constant expression's value, or undefined after reporting why it has none. Runs after
// foldConstants: a constant without a value has already been reported.
export function evalConst(g: Globals, diags: Diagnostic[], e: ast.Expr): ConstValue | undefined {
  const failed = new Set([...g.names].filter(([n, s]) => s.kind === 'const' && !g.consts.has(n)).map(([n]) => n));
  const v = fold(hooks({ g, diags, overrides: new Map(), visiting: new Set(), failed }), e);
  return v && toNumber(diags, v, e.span);
}

// Exact values of constants, as plain numbers: only integers no stage can round.
function toNumber(diags: Diagnostic[], v: Exact, span: Span): ConstValue | undefined {
  if (v.kind === 'bool') return { kind: 'bool', value: Number(v.value) };
  if (isExact(v.value)) return { kind: 'int', value: Number(v.value) };
  diags.push(diag('KLP3013', span, { what: 'The value of this constant expression is', value: String(v.value) }, {
    hint: 'a constant may be any integer of magnitude up to 2^53-1; only its intermediate results may be larger',
  }));
  return undefined;
}

function hooks(f: Folder): Hooks {
  return { name: (id) => nameValue(f, id), problem: (d) => f.diags.push(d), lazy: true };
}

function constValue(f: Folder, name: string, use: Span): Exact | undefined {
  const known = f.g.consts.get(name);
  if (known) return known.type.kind === 'bool' ? { kind: 'bool', value: known.value === 1 } : { kind: 'int', value: BigInt(known.value) };
  if (f.failed.has(name)) return undefined;
  const sym = f.g.names.get(name);
  if (sym?.kind !== 'const') throw new Error(`internal: ${name} is not a constant`);
  if (f.visiting.has(name)) {
    f.diags.push(diag('KLP2009', use, { name }));
    f.failed.add(name);
    return undefined;
  }
  f.visiting.add(name);
  const exact = fold(hooks(f), sym.decl.value);
  f.visiting.delete(name);
  const dflt = exact && toNumber(f.diags, exact, sym.decl.value.span);
  const v = dflt && applyOverride(f, name, dflt);
  if (v === undefined || f.failed.has(name)) {
    f.failed.add(name);
    return undefined;
  }
  f.g.consts.set(name, { value: v.value, type: v.kind === 'bool' ? BOOL : intType(v.value, v.value) });
  return v.kind === 'bool' ? { kind: 'bool', value: v.value === 1 } : { kind: 'int', value: BigInt(v.value) };
}

function applyOverride(f: Folder, name: string, dflt: ConstValue): ConstValue | undefined {
  const o = f.overrides.get(name);
  if (o === undefined) return dflt;
  if ((typeof o === 'boolean') !== (dflt.kind === 'bool') || (typeof o === 'number' && !Number.isInteger(o))) {
    f.diags.push(diag('KLP6002', COMMAND_LINE, { text: `${name}=${String(o)}` }, { hint: `'${name}' is ${dflt.kind === 'bool' ? 'a boolean' : 'an integer'}` }));
    return undefined;
  }
  return { kind: dflt.kind, value: Number(o) };
}

function nameValue(f: Folder, id: ast.Ident): Exact | undefined {
  const sym = f.g.names.get(id.name);
  if (sym?.kind === 'const') return constValue(f, id.name, id.span);
  if (sym) {
    f.diags.push(diag('KLP3004', id.span, { why: `'${id.name}' is a ${sym.kind === 'member' ? 'enum member' : sym.kind}, not a constant` }));
  } else {
    const near = closest(id.name, f.g.names.keys());
    f.diags.push(diag('KLP2001', id.span, { name: id.name }, near === undefined ? {} : { hint: `did you mean '${near}'?` }));
  }
  return undefined;
}
