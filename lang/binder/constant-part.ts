// Folds the constant parts of run-time expressions, exactly: `(2147483647 * 2147483647 + 1) -
// 2147483647 * 2147483647` in a step becomes the literal 1, where evaluating it with doubles, as
// the compiled explorer would, gives 0. In: an AST expression in a unit's context; out: a
// literal, or undefined when the expression is not constant (the ordinary checks then bind it
// and report its problems), or poison after KLP3013 when its exact value is too large.

import type * as ast from '../ast.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Expr } from '../program.js';
import { BOOL, intType } from '../types.js';
import { isExact } from './arith.js';
import { lookupBound, poison, type Cx } from './context.js';
import { fold, type Exact } from './fold.js';

export function constantPart(cx: Cx, e: ast.Expr): Expr | undefined {
  const v = fold({ name: (id) => constName(cx, id), problem: () => {}, lazy: false, memo: cx.g.folds }, e);
  if (v === undefined) return undefined;
  if (v.kind === 'bool') return { kind: 'lit', value: Number(v.value), type: BOOL, span: e.span };
  if (!isExact(v.value)) {
    cx.diags.push(diag('KLP3013', e.span, { what: 'The value of this constant expression is', value: String(v.value) }, {
      hint: 'it is combined with run-time values, so it cannot be folded away: group the constant parts so that they fold to a smaller value, as in x + (A * A - A * A)',
    }));
    return poison(e.span);
  }
  const n = Number(v.value);
  return { kind: 'lit', value: n, type: intType(n, n), span: e.span };
}

// A name's constant value, under the same lookup order as names.ts: bound names, locals and the
// parameter shadow constants.
function constName(cx: Cx, id: ast.Ident): Exact | undefined {
  if (lookupBound(cx, id.name) || cx.proc?.locals.has(id.name) || cx.proc?.decl.param?.name.name === id.name) return undefined;
  if (cx.g.names.get(id.name)?.kind !== 'const') return undefined;
  const c = cx.g.consts.get(id.name);
  if (c === undefined) return undefined;
  return c.type.kind === 'bool' ? { kind: 'bool', value: c.value === 1 } : { kind: 'int', value: BigInt(c.value) };
}
