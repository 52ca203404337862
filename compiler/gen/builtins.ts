// Built-in functions on sequences, sets and options. Partial ones (head of an empty sequence,
// unwrap(none), min of an empty set) report a spec error at their call site.

import type { Expr } from '../../lang/program.js';
import { domainSize, type Type } from '../../lang/types.js';
import { setWords, slotsOf } from '../layout.js';
import { lowerExpr, stableScalar } from './expr.js';
import { asRef, asScalar, ref, scalar, type Ctx, type Operand } from './operand.js';
import { copyValue, equalJs, load, valueOfIndex } from './values.js';

type Seq = Type & { kind: 'seq' };

export function lowerBuiltin(ctx: Ctx, e: Expr & { kind: 'builtin' }): Operand {
  const { fb, mod } = ctx;
  const arg = e.args[0]!;
  switch (e.name) {
    case 'len': {
      const sq = asRef(lowerExpr(ctx, arg));
      return scalar(`${sq.arr}[${sq.off}]`);
    }
    case 'isSome': {
      const o = asRef(lowerExpr(ctx, arg));
      return scalar(`(${o.arr}[${o.off}] !== 0)`);
    }
    case 'unwrap': {
      const o = asRef(lowerExpr(ctx, arg));
      const site = mod.site('unwrap', 'unwrap(none)', e.span);
      fb.open(`if (${o.arr}[${o.off}] === 0)`);
      ctx.fail(site, 'NaN');
      fb.close();
      return load(o.arr, `${o.off} + 1`, e.type);
    }
    case 'head': case 'last': {
      const t = arg.type as Seq;
      const sq = asRef(lowerExpr(ctx, arg));
      nonEmpty(ctx, sq, e);
      const i = e.name === 'head' ? '0' : `(${sq.arr}[${sq.off}] - 1)`;
      return load(sq.arr, `${sq.off} + 1 + ${i} * ${slotsOf(t.elem)}`, e.type);
    }
    case 'tail': case 'pop': {
      const t = arg.type as Seq, rt = e.type as Seq;
      const sq = asRef(lowerExpr(ctx, arg));
      nonEmpty(ctx, sq, e);
      const buf = mod.buffer(slotsOf(rt));
      const n = stableScalar(ctx, `${sq.arr}[${sq.off}] - 1`);
      const i = fb.tmp('i');
      const from = e.name === 'tail' ? `${i} + 1` : i;
      fb.line(`${buf}[0] = ${n};`);
      fb.open(`for (let ${i} = 0; ${i} < ${n}; ${i}++)`);
      copyValue(ctx, load(sq.arr, `${sq.off} + 1 + (${from}) * ${slotsOf(t.elem)}`, t.elem), t.elem, buf, `1 + ${i} * ${slotsOf(rt.elem)}`, rt.elem);
      fb.close();
      fb.line(`zeroSlots(${buf}, 1 + ${n} * ${slotsOf(rt.elem)}, (${rt.max} - ${n}) * ${slotsOf(rt.elem)});`);
      return ref(buf, 0);
    }
    case 'append': {
      const t = arg.type as Seq, rt = e.type as Seq;
      const sq = lowerExpr(ctx, arg);
      const x = lowerExpr(ctx, e.args[1]!);
      const buf = mod.buffer(slotsOf(rt));
      copyValue(ctx, sq, t, buf, '0', rt);
      const n = stableScalar(ctx, `${buf}[0]`);
      if (rt.max <= t.max) {
        const site = mod.site('index', `append beyond the bound ${rt.max}`, e.span);
        fb.open(`if (${n} >= ${rt.max})`);
        ctx.fail(site, n);
        fb.close();
      }
      copyValue(ctx, x, e.args[1]!.type, buf, `1 + ${n} * ${slotsOf(rt.elem)}`, rt.elem);
      fb.line(`${buf}[0] = ${n} + 1;`);
      return ref(buf, 0);
    }
    case 'contains': {
      const t = arg.type as Seq;
      const sq = asRef(lowerExpr(ctx, arg));
      const x = lowerExpr(ctx, e.args[1]!);
      const r = fb.tmp('c');
      const i = fb.tmp('i');
      fb.line(`let ${r} = false;`);
      fb.open(`for (let ${i} = 0; ${i} < ${sq.arr}[${sq.off}]; ${i}++)`);
      const eq = equalJs(ctx, load(sq.arr, `${sq.off} + 1 + ${i} * ${slotsOf(t.elem)}`, t.elem), t.elem, x, e.args[1]!.type);
      fb.line(`if (${eq}) { ${r} = true; break; }`);
      fb.close();
      return scalar(r);
    }
    case 'remove': {
      const t = arg.type as Seq, rt = e.type as Seq;
      const sq = asRef(lowerExpr(ctx, arg));
      const x = lowerExpr(ctx, e.args[1]!);
      const buf = mod.buffer(slotsOf(rt));
      const m = fb.tmp('m');
      const i = fb.tmp('i');
      fb.line(`let ${m} = 0;`);
      fb.open(`for (let ${i} = 0; ${i} < ${sq.arr}[${sq.off}]; ${i}++)`);
      const el = load(sq.arr, `${sq.off} + 1 + ${i} * ${slotsOf(t.elem)}`, t.elem);
      fb.line(`if (${equalJs(ctx, el, t.elem, x, e.args[1]!.type)}) continue;`);
      copyValue(ctx, el, t.elem, buf, `1 + ${m} * ${slotsOf(rt.elem)}`, rt.elem);
      fb.line(`${m}++;`);
      fb.close();
      fb.line(`${buf}[0] = ${m};`);
      fb.line(`zeroSlots(${buf}, 1 + ${m} * ${slotsOf(rt.elem)}, (${rt.max} - ${m}) * ${slotsOf(rt.elem)});`);
      return ref(buf, 0);
    }
    case 'succ': case 'pred': {
      const t = e.type as Type & { kind: 'int' };
      const v = stableScalar(ctx, asScalar(lowerExpr(ctx, arg)));
      return e.name === 'succ' ? scalar(`(${v} === ${t.hi} ? ${t.lo} : ${v} + 1)`) : scalar(`(${v} === ${t.lo} ? ${t.hi} : ${v} - 1)`);
    }
    case 'card': {
      const st = asRef(lowerExpr(ctx, arg));
      const words = setWords((arg.type as Type & { kind: 'set' }).elem);
      return scalar(Array.from({ length: words }, (_, w) => `popcount(${st.arr}[${st.off} + ${w}])`).join(' + '));
    }
    case 'min': case 'max': {
      const elem = (arg.type as Type & { kind: 'set' }).elem;
      const st = asRef(lowerExpr(ctx, arg));
      const k = fb.tmp('k');
      const n = domainSize(elem);
      const site = mod.site('empty', `${e.name} of an empty set`, e.span);
      const loop = e.name === 'min' ? `let ${k} = 0; ${k} < ${n}; ${k}++` : `let ${k} = ${n - 1}; ${k} >= 0; ${k}--`;
      const r = fb.tmp('r');
      fb.line(`let ${r} = -1;`);
      fb.line(`for (${loop}) if (((${st.arr}[${st.off} + (${k} >> 5)] >>> (${k} & 31)) & 1) !== 0) { ${r} = ${k}; break; }`);
      fb.open(`if (${r} < 0)`);
      ctx.fail(site, 'NaN');
      fb.close();
      return scalar(valueOfIndex(elem, r));
    }
  }
}

function nonEmpty(ctx: Ctx, sq: { arr: string; off: string }, e: Expr & { kind: 'builtin' }): void {
  const site = ctx.mod.site('index', `${e.name} of an empty sequence`, e.span);
  ctx.fb.open(`if (${sq.arr}[${sq.off}] === 0)`);
  ctx.fail(site, 'NaN');
  ctx.fb.close();
}
