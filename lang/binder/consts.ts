// Constant folding. In: the constant declarations (by name in Globals), command-line overrides.
// Out: every constant's value in Globals.consts, and `evalConst` for the other places that need
// a number at bind time (range bounds, sequence bounds). Constants may be declared in any
// order; a constant reached again while it is being folded is a cycle (KLP2009).

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/render.js';
import type { Span } from '../span.js';
import { BOOL, intType } from '../types.js';
import type { Globals } from './context.js';

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
  return evalIn({ g, diags, overrides: new Map(), visiting: new Set(), failed }, e);
}

function constValue(f: Folder, name: string, use: Span): ConstValue | undefined {
  const known = f.g.consts.get(name);
  if (known) return { kind: known.type.kind === 'bool' ? 'bool' : 'int', value: known.value };
  if (f.failed.has(name)) return undefined;
  const sym = f.g.names.get(name);
  if (sym?.kind !== 'const') throw new Error(`internal: ${name} is not a constant`);
  if (f.visiting.has(name)) {
    f.diags.push(diag('KLP2009', use, { name }));
    f.failed.add(name);
    return undefined;
  }
  f.visiting.add(name);
  const dflt = evalIn(f, sym.decl.value);
  f.visiting.delete(name);
  const v = dflt && applyOverride(f, name, dflt);
  if (v === undefined || f.failed.has(name)) {
    f.failed.add(name);
    return undefined;
  }
  f.g.consts.set(name, { value: v.value, type: v.kind === 'bool' ? BOOL : intType(v.value, v.value) });
  return v;
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

function evalIn(f: Folder, e: ast.Expr): ConstValue | undefined {
  switch (e.kind) {
    case 'int': return { kind: 'int', value: e.value };
    case 'bool': return { kind: 'bool', value: Number(e.value) };
    case 'name': return nameValue(f, e.name);
    case 'unary': {
      const v = evalIn(f, e.operand);
      return v && (e.op === 'not' ? want(f, 'not', 'bool', v, e.span, (x) => ({ kind: 'bool', value: 1 - x }))
        : want(f, '-', 'int', v, e.span, (x) => ({ kind: 'int', value: 0 - x })));
    }
    case 'binary': return binary(f, e.op, e.left, e.right, e.span);
    case 'ite': {
      const c = evalIn(f, e.cond);
      if (!c) return undefined;
      return want(f, 'if', 'bool', c, e.cond.span, (x) => evalIn(f, x === 1 ? e.then : e.else));
    }
    default:
      f.diags.push(diag('KLP3004', e.span, { why: 'only literals, constants and arithmetic, comparison and boolean operators are allowed here' }));
      return undefined;
  }
}

function nameValue(f: Folder, id: ast.Ident): ConstValue | undefined {
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

function want<T>(f: Folder, op: string, kind: 'int' | 'bool', v: ConstValue, span: Span, k: (x: number) => T | undefined): T | undefined {
  if (v.kind === kind) return k(v.value);
  f.diags.push(diag('KLP3002', span, { op, actual: v.kind }));
  return undefined;
}

const ARITH: Partial<Record<ast.BinaryOp, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b,
  '/': (a, b) => Math.trunc(a / b) + 0, '%': (a, b) => (a % b) + 0,
};
const COMPARE: Partial<Record<ast.BinaryOp, (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};
const LOGIC: Partial<Record<ast.BinaryOp, (a: boolean, b: boolean) => boolean>> = {
  'and': (a, b) => a && b, 'or': (a, b) => a || b, '=>': (a, b) => !a || b,
};

function binary(f: Folder, op: ast.BinaryOp, l: ast.Expr, r: ast.Expr, span: Span): ConstValue | undefined {
  const a = evalIn(f, l);
  const b = evalIn(f, r);
  if (!a || !b) return undefined;
  if (op === '==' || op === '!=') {
    if (a.kind !== b.kind) return want(f, op, a.kind, b, span, () => undefined);
    return { kind: 'bool', value: Number((a.value === b.value) === (op === '==')) };
  }
  const arith = ARITH[op], cmp = COMPARE[op], logic = LOGIC[op];
  const kind = logic ? 'bool' : 'int';
  return want(f, op, kind, a, span, (x) => want(f, op, kind, b, span, (y): ConstValue | undefined => {
    if (arith) {
      if ((op === '/' || op === '%') && y === 0) {
        f.diags.push(diag('KLP3012', span));
        return undefined;
      }
      return { kind: 'int', value: arith(x, y) };
    }
    if (cmp) return { kind: 'bool', value: Number(cmp(x, y)) };
    if (logic) return { kind: 'bool', value: Number(logic(x === 1, y === 1)) };
    f.diags.push(diag('KLP3004', span, { why: `operator '${op}' is not allowed in a constant expression` }));
    return undefined;
  }));
}
