// Lowers typed expressions into statements + an operand. Lazy operators (and, or, =>, if-then-
// else) only evaluate their right side when needed, so a spec error guarded by a condition
// (`o != none and unwrap(o) == M`) is never raised spuriously. Compound results are built in
// static scratch buffers; user functions are inlined (they cannot recurse), which keeps their
// spec errors inside the transition that evaluates them.

import type { Expr } from '../../lang/program.js';
import { domainSize, typeToString, type Type } from '../../lang/types.js';
import { fieldOffset, setWords, slotsOf } from '../layout.js';
import { lowerBuiltin } from './builtins.js';
import { addOff, asRef, asScalar, literalValue, ref, scalar, type Ctx, type Operand } from './operand.js';
import { lowerOp } from './ops.js';
import { copyValue, indexInDomain, load, valueOfIndex } from './values.js';
import { lowerAt, lowerLocalOf } from './processes.js';

export function lowerExpr(ctx: Ctx, e: Expr): Operand {
  const { fb, mod } = ctx;
  switch (e.kind) {
    case 'lit':
      return scalar(e.type.kind === 'bool' ? (e.value ? 'true' : 'false') : e.value < 0 ? `(${e.value})` : String(e.value));
    case 'none':
      return ref(mod.buffer(slotsOf(e.type)), 0);
    case 'var': {
      const v = mod.layout.vars[e.index]!;
      return load('s', String(v.off), e.type);
    }
    case 'local': {
      const l = mod.layout.procs[ctx.proc!]!.locals[e.index]!;
      return load('s', `base + ${l.off}`, e.type);
    }
    case 'localOf':
      return lowerLocalOf(ctx, e);
    case 'self':
      return scalar(e.type.kind === 'bool' ? '(self !== 0)' : 'self');
    case 'bound': {
      const b = ctx.bound.get(e.id);
      if (!b) throw new Error(`internal: unbound ${e.name}#${e.id}`);
      return b;
    }
    case 'op':
      return lowerOp(ctx, e);
    case 'ite':
      return lowerIte(ctx, e);
    case 'let': {
      const v = stable(ctx, lowerExpr(ctx, e.value));
      ctx.bound.set(e.binding.id, v);
      return lowerExpr(ctx, e.body);
    }
    case 'quant':
      return lowerQuant(ctx, e);
    case 'call': {
      const fn = mod.program.fns[e.fn]!;
      const args = e.args.map((a) => stable(ctx, lowerExpr(ctx, a)));
      const inner: Ctx = { ...ctx, bound: new Map(fn.params.map((p, i) => [p.id, args[i]!])) };
      // a temporary, so that a deep body inlined into a deep expression does not nest deeper still
      return stable(ctx, lowerExpr(inner, fn.body));
    }
    case 'builtin':
      return lowerBuiltin(ctx, e);
    case 'some': {
      const buf = mod.buffer(slotsOf(e.type));
      fb.line(`${buf}[0] = 1;`);
      const inner = (e.type as Type & { kind: 'option' }).inner;
      copyValue(ctx, lowerExpr(ctx, e.value), e.value.type, buf, '1', inner);
      return ref(buf, 0);
    }
    case 'mapGet': {
      const t = e.target.type as Type & { kind: 'map' };
      const m = asRef(lowerExpr(ctx, e.target));
      const key = asScalar(lowerExpr(ctx, e.key));
      const k = fb.tmp('k');
      fb.line(`const ${k} = ${indexInDomain(t.key, key)};`);
      if (t.key.kind === 'int' && e.key.type.kind === 'int' && (e.key.type.lo < t.key.lo || e.key.type.hi > t.key.hi)) {
        const site = mod.site('domain', `map key outside ${typeToString(t.key)}`, e.key.span);
        fb.open(`if (${k} < 0 || ${k} >= ${domainSize(t.key)})`);
        ctx.fail(site, key);
        fb.close();
      }
      return load(m.arr, `${m.off} + ${k} * ${slotsOf(t.value)}`, e.type);
    }
    case 'seqGet': {
      const t = e.target.type as Type & { kind: 'seq' };
      const sq = asRef(lowerExpr(ctx, e.target));
      const i = stableScalar(ctx, asScalar(lowerExpr(ctx, e.index)));
      seqBoundsCheck(ctx, sq, i, e.index.span);
      return load(sq.arr, `${sq.off} + 1 + ${i} * ${slotsOf(t.elem)}`, e.type);
    }
    case 'field': {
      const r = asRef(lowerExpr(ctx, e.target));
      return load(r.arr, addOff(r.off, fieldOffset(e.target.type as Type & { kind: 'record' }, e.index)), e.type);
    }
    case 'mapSet': case 'seqSet': case 'fieldSet':
      return lowerUpdate(ctx, e);
    case 'setLit': {
      const elem = (e.type as Type & { kind: 'set' }).elem;
      const buf = mod.buffer(setWords(elem));
      fb.line(`zeroSlots(${buf}, 0, ${setWords(elem)});`);
      for (const x of e.elems) {
        const j = stableScalar(ctx, indexInDomain(elem, asScalar(lowerExpr(ctx, x))));
        fb.line(`${buf}[${j} >> 5] |= 1 << (${j} & 31);`);
      }
      return ref(buf, 0);
    }
    case 'universe': {
      const elem = (e.type as Type & { kind: 'set' }).elem;
      const n = domainSize(elem);
      const words = Array.from({ length: setWords(elem) }, (_, w) => (n - 32 * w >= 32 ? -1 : (1 << (n - 32 * w)) - 1));
      return ref(mod.buffer(words.length, `[${words.join(', ')}]`), 0);
    }
    case 'setComp': {
      const elem = (e.type as Type & { kind: 'set' }).elem;
      const buf = mod.buffer(setWords(elem));
      const dom = asRef(lowerExpr(ctx, e.domain));
      fb.line(`zeroSlots(${buf}, 0, ${setWords(elem)});`);
      forEachMember(ctx, dom, e.domain.type, e.binding.id, () => {
        if (e.filter) {
          const f = asScalar(lowerExpr(ctx, e.filter));
          fb.line(`if (!${f}) continue;`);
        }
        const j = stableScalar(ctx, indexInDomain(elem, asScalar(lowerExpr(ctx, e.elem))));
        fb.line(`${buf}[${j} >> 5] |= 1 << (${j} & 31);`);
      });
      return ref(buf, 0);
    }
    case 'seqLit': {
      const t = e.type as Type & { kind: 'seq' };
      const es = slotsOf(t.elem);
      const buf = mod.buffer(slotsOf(t));
      fb.line(`${buf}[0] = ${e.elems.length};`);
      e.elems.forEach((x, i) => copyValue(ctx, lowerExpr(ctx, x), x.type, buf, String(1 + i * es), t.elem));
      if (t.max > e.elems.length) fb.line(`zeroSlots(${buf}, ${1 + e.elems.length * es}, ${(t.max - e.elems.length) * es});`);
      return ref(buf, 0);
    }
    case 'seqComp': {
      const t = e.type as Type & { kind: 'seq' };
      const es = slotsOf(t.elem);
      const buf = mod.buffer(slotsOf(t));
      const dom = asRef(lowerExpr(ctx, e.domain));
      const n = fb.tmp('n');
      fb.line(`let ${n} = 0;`);
      forEachElement(ctx, dom, e.domain.type, e.binding.id, () => {
        if (e.filter) {
          const f = asScalar(lowerExpr(ctx, e.filter));
          fb.line(`if (!${f}) continue;`);
        }
        copyValue(ctx, lowerExpr(ctx, e.elem), e.elem.type, buf, `1 + ${n} * ${es}`, t.elem);
        fb.line(`${n}++;`);
      });
      fb.line(`${buf}[0] = ${n};`);
      fb.line(`zeroSlots(${buf}, 1 + ${n} * ${es}, ${t.max * es} - ${n} * ${es});`);
      return ref(buf, 0);
    }
    case 'mapLit': {
      const t = e.type as Type & { kind: 'map' };
      const vs = slotsOf(t.value);
      const buf = mod.buffer(slotsOf(t));
      const k = fb.tmp('k');
      fb.open(`for (let ${k} = 0; ${k} < ${domainSize(t.key)}; ${k}++)`);
      ctx.bound.set(e.binding.id, scalar(valueOfIndex(t.key, k)));
      copyValue(ctx, lowerExpr(ctx, e.value), e.value.type, buf, `${k} * ${vs}`, t.value);
      fb.close();
      return ref(buf, 0);
    }
    case 'recordLit': {
      const t = e.type as Type & { kind: 'record' };
      const buf = mod.buffer(slotsOf(t));
      e.values.forEach((x, i) => copyValue(ctx, lowerExpr(ctx, x), x.type, buf, String(fieldOffset(t, i)), t.fields[i]!.type));
      return ref(buf, 0);
    }
    case 'at':
      return lowerAt(ctx, e);
    case 'locked':
      return scalar(`(s[${mod.layout.locks[e.lock]!}] !== 0)`);
    case 'holds':
      return scalar(`(s[${mod.layout.locks[e.lock]!}] === inst + 1)`);
    case 'fit': {
      const site = mod.site('domain', `value outside ${typeToString(e.type)}`, e.span);
      const v = lowerExpr(ctx, e.value);
      if (v.kind === 'scalar') {
        const x = stableScalar(ctx, v.js);
        if (e.type.kind === 'int') {
          fb.open(`if (${x} < ${e.type.lo} || ${x} > ${e.type.hi})`);
          ctx.fail(site, x);
          fb.close();
        }
        return scalar(x);
      }
      const buf = mod.buffer(slotsOf(e.type));
      copyValue(ctx, v, e.value.type, buf, '0', e.type, site);
      return ref(buf, 0);
    }
  }
}

// A scalar JS expression evaluated once into a const (cheap names and literals are kept as is).
export function stableScalar(ctx: Ctx, js: string): string {
  if (/^[\w$.]+$/.test(js) || /^\(-\d+\)$/.test(js)) return js;
  const v = ctx.fb.tmp();
  ctx.fb.line(`const ${v} = ${js};`);
  return v;
}

export function stable(ctx: Ctx, o: Operand): Operand {
  return o.kind === 'scalar' ? scalar(stableScalar(ctx, o.js)) : o;
}

export function seqBoundsCheck(ctx: Ctx, sq: { arr: string; off: string }, i: string, span: Expr['span']): void {
  const site = ctx.mod.site('index', 'sequence index out of bounds', span);
  ctx.fb.open(`if (${i} < 0 || ${i} >= ${sq.arr}[${sq.off}])`);
  ctx.fail(site, i);
  ctx.fb.close();
}

// Runs `body` once per member of a set operand (ascending), with the binding bound to it.
export function forEachMember(ctx: Ctx, set: { arr: string; off: string }, setType: Type, id: number, body: () => void): void {
  const elem = (setType as Type & { kind: 'set' }).elem;
  const k = ctx.fb.tmp('k');
  ctx.fb.open(`for (let ${k} = 0; ${k} < ${domainSize(elem)}; ${k}++)`);
  ctx.fb.line(`if (((${set.arr}[${set.off} + (${k} >> 5)] >>> (${k} & 31)) & 1) === 0) continue;`);
  ctx.bound.set(id, scalar(stableScalar(ctx, valueOfIndex(elem, k))));
  body();
  ctx.fb.close();
}

// Runs `body` once per element of a set (ascending) or a sequence (in order) operand, with the
// binding bound to it.
export function forEachElement(ctx: Ctx, dom: { arr: string; off: string }, domType: Type, id: number, body: () => void): void {
  if (domType.kind === 'set') return forEachMember(ctx, dom, domType, id, body);
  const elem = (domType as Type & { kind: 'seq' }).elem;
  const i = ctx.fb.tmp('i');
  ctx.fb.open(`for (let ${i} = 0; ${i} < ${dom.arr}[${dom.off}]; ${i}++)`);
  ctx.bound.set(id, load(dom.arr, `${dom.off} + 1 + ${i} * ${slotsOf(elem)}`, elem));
  body();
  ctx.fb.close();
}

function lowerIte(ctx: Ctx, e: Expr & { kind: 'ite' }): Operand {
  const { fb } = ctx;
  const c = asScalar(lowerExpr(ctx, e.cond));
  const known = literalValue(c);
  if (known !== undefined) return lowerExpr(ctx, known ? e.then : e.else);
  if (e.type.kind === 'bool' || e.type.kind === 'int' || e.type.kind === 'enum') {
    const a = fb.capture(() => asScalar(lowerExpr(ctx, e.then)));
    const b = fb.capture(() => asScalar(lowerExpr(ctx, e.else)));
    if (a.lines.length === 0 && b.lines.length === 0) return scalar(`(${c} ? ${a.result} : ${b.result})`);
    const r = fb.tmp('r');
    fb.line(`let ${r};`);
    fb.open(`if (${c})`);
    fb.splice(a.lines);
    fb.line(`${r} = ${a.result};`);
    fb.else();
    fb.splice(b.lines);
    fb.line(`${r} = ${b.result};`);
    fb.close();
    return scalar(r);
  }
  const buf = ctx.mod.buffer(slotsOf(e.type));
  fb.open(`if (${c})`);
  copyValue(ctx, lowerExpr(ctx, e.then), e.then.type, buf, '0', e.type);
  fb.else();
  copyValue(ctx, lowerExpr(ctx, e.else), e.else.type, buf, '0', e.type);
  fb.close();
  return ref(buf, 0);
}

function lowerQuant(ctx: Ctx, e: Expr & { kind: 'quant' }): Operand {
  const { fb } = ctx;
  const dom = asRef(lowerExpr(ctx, e.domain));
  const r = fb.tmp('q');
  const all = e.quant === 'forall';
  fb.line(`let ${r} = ${all};`);
  forEachMember(ctx, dom, e.domain.type, e.binding.id, () => {
    const b = asScalar(lowerExpr(ctx, e.body));
    fb.line(all ? `if (!${b}) { ${r} = false; break; }` : `if (${b}) { ${r} = true; break; }`);
  });
  return scalar(r);
}

function lowerUpdate(ctx: Ctx, e: Expr & { kind: 'mapSet' | 'seqSet' | 'fieldSet' }): Operand {
  const { fb, mod } = ctx;
  const buf = mod.buffer(slotsOf(e.type));
  copyValue(ctx, lowerExpr(ctx, e.target), e.target.type, buf, '0', e.type);
  if (e.kind === 'fieldSet') {
    const t = e.type as Type & { kind: 'record' };
    copyValue(ctx, lowerExpr(ctx, e.value), e.value.type, buf, String(fieldOffset(t, e.index)), t.fields[e.index]!.type);
  } else if (e.kind === 'mapSet') {
    const t = e.type as Type & { kind: 'map' };
    const k = stableScalar(ctx, indexInDomain(t.key, asScalar(lowerExpr(ctx, e.key))));
    copyValue(ctx, lowerExpr(ctx, e.value), e.value.type, buf, `${k} * ${slotsOf(t.value)}`, t.value);
  } else {
    const t = e.type as Type & { kind: 'seq' };
    const i = stableScalar(ctx, asScalar(lowerExpr(ctx, e.index)));
    seqBoundsCheck(ctx, { arr: buf, off: '0' }, i, e.index.span);
    copyValue(ctx, lowerExpr(ctx, e.value), e.value.type, buf, `1 + ${i} * ${slotsOf(t.elem)}`, t.elem);
  }
  return ref(buf, 0);
}

