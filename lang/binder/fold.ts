// Exact evaluation of a constant expression tree (literals, constants, arithmetic, comparison
// and boolean operators, if-then-else): integers are BigInts, so intermediate results are exact
// at any size. Used for constant declarations and type bounds (consts.ts, which reports every
// problem) and to fold constant parts of run-time expressions (expr.ts, which gives up silently
// and lets the ordinary checks report). In: an AST expression and the caller's Hooks; out: the
// value, or undefined after hooks.problem() was told why there is none.

import type * as ast from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';

export type Exact = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'bool'; readonly value: boolean };

export interface Hooks {
  // the value of a name, or undefined after reporting why it is not a constant
  name(id: ast.Ident): Exact | undefined;
  problem(d: Diagnostic): void;
  // true: only the branch of an if-then-else that is taken is evaluated (constant declarations:
  // `if N > 0 then 10 / N else 0`); false: both must be constant (folding run-time code, where
  // the other branch must still be checked)
  readonly lazy: boolean;
  readonly memo?: WeakMap<ast.Expr, Exact | null>;
}

export function fold(h: Hooks, e: ast.Expr): Exact | undefined {
  const known = h.memo?.get(e);
  if (known !== undefined) return known ?? undefined;
  const v = evalIn(h, e);
  h.memo?.set(e, v ?? null);
  return v;
}

function evalIn(h: Hooks, e: ast.Expr): Exact | undefined {
  switch (e.kind) {
    case 'int': return { kind: 'int', value: BigInt(e.value) };
    case 'bool': return { kind: 'bool', value: e.value };
    case 'name': return h.name(e.name);
    case 'unary': {
      const v = fold(h, e.operand);
      if (v === undefined) return undefined;
      return e.op === 'not' ? want(h, 'not', 'bool', v, e.span, (x: boolean) => ({ kind: 'bool', value: !x }))
        : want(h, '-', 'int', v, e.span, (x: bigint) => ({ kind: 'int', value: -x }));
    }
    case 'binary': return binary(h, e.op, e.left, e.right, e.span);
    case 'ite': {
      const c = fold(h, e.cond);
      if (c === undefined) return undefined;
      return want(h, 'if', 'bool', c, e.cond.span, (x: boolean) => {
        if (h.lazy) return fold(h, x ? e.then : e.else);
        const [a, b] = [fold(h, e.then), fold(h, e.else)];
        return a && b && (x ? a : b);
      });
    }
    default:
      h.problem(diag('KLP3004', e.span, { why: 'only literals, constants and arithmetic, comparison and boolean operators are allowed here' }));
      return undefined;
  }
}

type Payload<K extends Exact['kind']> = (Exact & { kind: K })['value'];

function want<K extends Exact['kind'], T>(h: Hooks, op: string, kind: K, v: Exact, span: Span, k: (x: Payload<K>) => T | undefined): T | undefined {
  if (v.kind === kind) return k(v.value as Payload<K>);
  h.problem(diag('KLP3002', span, { op, actual: v.kind }));
  return undefined;
}

const ARITH: Partial<Record<ast.BinaryOp, (a: bigint, b: bigint) => bigint>> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b,
  '/': (a, b) => a / b, '%': (a, b) => a % b, // BigInt truncates, and the remainder takes the dividend's sign, as in klp
};
const COMPARE: Partial<Record<ast.BinaryOp, (a: bigint, b: bigint) => boolean>> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};
const LOGIC: Partial<Record<ast.BinaryOp, (a: boolean, b: boolean) => boolean>> = {
  'and': (a, b) => a && b, 'or': (a, b) => a || b, '=>': (a, b) => !a || b,
};

function binary(h: Hooks, op: ast.BinaryOp, l: ast.Expr, r: ast.Expr, span: Span): Exact | undefined {
  const a = fold(h, l);
  const b = fold(h, r);
  if (!a || !b) return undefined;
  if (op === '==' || op === '!=') {
    if (a.kind !== b.kind) return want(h, op, a.kind, b, span, () => undefined);
    return { kind: 'bool', value: (a.value === b.value) === (op === '==') };
  }
  const arith = ARITH[op], cmp = COMPARE[op], logic = LOGIC[op];
  if (logic) return want(h, op, 'bool', a, span, (x: boolean) => want(h, op, 'bool', b, span, (y: boolean): Exact => ({ kind: 'bool', value: logic(x, y) })));
  if (!arith && !cmp) {
    h.problem(diag('KLP3004', span, { why: `operator '${op}' is not allowed in a constant expression` }));
    return undefined;
  }
  return want(h, op, 'int', a, span, (x: bigint) => want(h, op, 'int', b, span, (y: bigint): Exact | undefined => {
    if (cmp) return { kind: 'bool', value: cmp(x, y) };
    if ((op === '/' || op === '%') && y === 0n) {
      h.problem(diag('KLP3012', span));
      return undefined;
    }
    return { kind: 'int', value: arith!(x, y) };
  }));
}
