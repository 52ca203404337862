// Operators: boolean (lazy), comparison, arithmetic (division by zero is a spec error), and set
// operations on bitmask words. Sets over different universes are first converted to the
// result's universe, so word-wise operations line up.

import type { Expr } from '../../lang/program.js';
import { setWords } from '../layout.js';
import { lowerExpr, stableScalar } from './expr.js';
import { asRef, asScalar, literalJs, literalValue, ref, scalar, type Ctx, type Operand } from './operand.js';
import { join, typeEquals, type Type } from '../../lang/types.js';
import { copyValue, equalJs, indexInDomain } from './values.js';

type OpExpr = Expr & { kind: 'op' };

export function lowerOp(ctx: Ctx, e: OpExpr): Operand {
  const { fb } = ctx;
  const [a, b] = e.args;
  switch (e.op) {
    case 'and': case 'or': case 'implies':
      return lazyBool(ctx, e.op, a!, b!);
    case 'not': {
      const x = asScalar(lowerExpr(ctx, a!));
      const c = literalValue(x);
      return scalar(c === undefined ? `!${x}` : literalJs(!c));
    }
    case 'eq': case 'ne': {
      const x = lowerExpr(ctx, a!);
      const y = lowerExpr(ctx, b!);
      const eq = equalJs(ctx, x, a!.type, y, b!.type);
      return scalar(e.op === 'eq' ? eq : `!${eq}`);
    }
    case 'lt': case 'le': case 'gt': case 'ge': case 'add': case 'sub': case 'mul':
      return arith(e.op, asScalar(lowerExpr(ctx, a!)), asScalar(lowerExpr(ctx, b!)));
    case 'neg': {
      const x = asScalar(lowerExpr(ctx, a!));
      const c = literalValue(x);
      return scalar(typeof c === 'number' ? literalJs(-c) : `(-${x})`);
    }
    case 'div': case 'mod': {
      const x = stableScalar(ctx, asScalar(lowerExpr(ctx, a!)));
      const y = stableScalar(ctx, asScalar(lowerExpr(ctx, b!)));
      if (literalValue(y) === undefined) {
        const site = ctx.mod.site('divzero', 'division by zero', b!.span);
        fb.open(`if (${y} === 0)`);
        ctx.fail(site, y);
        fb.close();
      } else if (literalValue(y) === 0) {
        ctx.fail(ctx.mod.site('divzero', 'division by zero', b!.span), y);
      }
      return scalar(e.op === 'div' ? `Math.trunc(${x} / ${y})` : `(${x} % ${y})`);
    }
    case 'in': case 'notin': {
      const x = stableScalar(ctx, asScalar(lowerExpr(ctx, a!)));
      const s = asRef(lowerExpr(ctx, b!));
      const has = membership(s, b!.type, x, a!.type);
      return scalar(e.op === 'in' ? has : `!${has}`);
    }
    case 'subseteq': {
      const [x, y, t] = alignSets(ctx, a!, b!, join(a!.type, b!.type)!);
      const words = setWords((t as Type & { kind: 'set' }).elem);
      const parts = Array.from({ length: words }, (_, w) => `(${x.arr}[${x.off} + ${w}] & ~${y.arr}[${y.off} + ${w}]) === 0`);
      return scalar(`(${parts.join(' && ')})`);
    }
    case 'union': case 'inter': case 'diff': {
      const [x, y, t] = alignSets(ctx, a!, b!, e.type);
      const words = setWords((t as Type & { kind: 'set' }).elem);
      const buf = ctx.mod.buffer(words);
      const f = { union: (p: string, q: string) => `${p} | ${q}`, inter: (p: string, q: string) => `${p} & ${q}`, diff: (p: string, q: string) => `${p} & ~${q}` }[e.op];
      for (let w = 0; w < words; w++) fb.line(`${buf}[${w}] = ${f(`${x.arr}[${x.off} + ${w}]`, `${y.arr}[${y.off} + ${w}]`)};`);
      return ref(buf, 0);
    }
    case 'range': {
      const elem = (e.type as Type & { kind: 'set' }).elem as Type & { kind: 'int' };
      const lo = stableScalar(ctx, asScalar(lowerExpr(ctx, a!)));
      const hi = stableScalar(ctx, asScalar(lowerExpr(ctx, b!)));
      const words = setWords(elem);
      const buf = ctx.mod.buffer(words);
      const v = fb.tmp('x');
      fb.line(`zeroSlots(${buf}, 0, ${words});`);
      fb.open(`for (let ${v} = Math.max(${lo}, ${elem.lo}); ${v} <= Math.min(${hi}, ${elem.hi}); ${v}++)`);
      fb.line(`${buf}[(${v} - ${elem.lo}) >> 5] |= 1 << ((${v} - ${elem.lo}) & 31);`);
      fb.close();
      return ref(buf, 0);
    }
  }
}

const ARITH = {
  lt: ['<', (x: number, y: number) => x < y], le: ['<=', (x: number, y: number) => x <= y],
  gt: ['>', (x: number, y: number) => x > y], ge: ['>=', (x: number, y: number) => x >= y],
  add: ['+', (x: number, y: number) => x + y], sub: ['-', (x: number, y: number) => x - y],
  mul: ['*', (x: number, y: number) => x * y],
} as const;

function arith(op: keyof typeof ARITH, x: string, y: string): Operand {
  const [sym, f] = ARITH[op];
  const cx = literalValue(x), cy = literalValue(y);
  if (typeof cx === 'number' && typeof cy === 'number') return scalar(literalJs(f(cx, cy)));
  return scalar(`(${x} ${sym} ${y})`);
}

// `x in S` where x may lie outside S's universe (then it is not a member).
export function membership(s: { arr: string; off: string }, setType: Type, x: string, xType: Type): string {
  const elem = (setType as Type & { kind: 'set' }).elem;
  const j = indexInDomain(elem, x);
  const bit = `((${s.arr}[${s.off} + (${j} >> 5)] >>> (${j} & 31)) & 1) === 1`;
  if (elem.kind === 'int' && xType.kind === 'int' && (xType.lo < elem.lo || xType.hi > elem.hi)) {
    return `(${x} >= ${elem.lo} && ${x} <= ${elem.hi} && ${bit})`;
  }
  return `(${bit})`;
}

// Both operands as sets over the universe of `t`.
function alignSets(ctx: Ctx, a: Expr, b: Expr, t: Type): [{ arr: string; off: string }, { arr: string; off: string }, Type] {
  const conv = (x: Expr) => {
    const o = asRef(lowerExpr(ctx, x));
    if (typeEquals(x.type, t)) return o;
    const buf = ctx.mod.buffer(setWords((t as Type & { kind: 'set' }).elem));
    copyValue(ctx, o, x.type, buf, '0', t);
    return { arr: buf, off: '0' };
  };
  return [conv(a), conv(b), t];
}

function lazyBool(ctx: Ctx, op: 'and' | 'or' | 'implies', a: Expr, b: Expr): Operand {
  const { fb } = ctx;
  const x = asScalar(lowerExpr(ctx, a));
  const cx = literalValue(x);
  // a literal left side decides (false and _, true or _, false => _) or vanishes
  if (cx !== undefined) {
    const decided = op === 'and' ? !cx : op === 'or' ? cx : !cx;
    if (decided) return scalar(literalJs(op !== 'and'));
    return scalar(asScalar(lowerExpr(ctx, b)));
  }
  const right = fb.capture(() => asScalar(lowerExpr(ctx, b)));
  const left = op === 'implies' ? `!${x}` : x;
  const sym = op === 'and' ? '&&' : '||';
  if (right.lines.length === 0) return scalar(`(${left} ${sym} ${right.result})`);
  const r = fb.tmp('r');
  fb.line(`let ${r} = ${left};`);
  fb.open(op === 'and' ? `if (${r})` : `if (!${r})`);
  fb.splice(right.lines);
  fb.line(`${r} = ${right.result};`);
  fb.close();
  return scalar(r);
}
