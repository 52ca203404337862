// Code generation for whole values: copying a value of one type into slots of another (the
// conversions the binder allows: wider/narrower ranges, shorter/longer sequence bounds, sets
// over other universes), with an optional domain check (a `fit`), and structural equality.
// Every copy writes ALL destination slots, keeping the canonical zeros that packing relies on.

import { domainSize, join, typeEquals, typeToString, type Type } from '../../lang/types.js';
import { fieldOffset, setWords, slotsOf } from '../layout.js';
import { addOff, literalJs, literalValue, type Ctx, type Operand } from './operand.js';

// The binder only lets compatible types meet, so a join always exists here.
function joinType(a: Type, b: Type): Type {
  const t = join(a, b);
  if (t === undefined) throw new Error(`internal: no join of ${typeToString(a)} and ${typeToString(b)}`);
  return t;
}

export function readScalar(arr: string, off: string, t: Type): string {
  return t.kind === 'bool' ? `(${arr}[${off}] !== 0)` : `${arr}[${off}]`;
}

export function scalarToSlot(js: string, t: Type): string {
  return t.kind === 'bool' ? `(${js} ? 1 : 0)` : js;
}

// Reads slot(s) at arr/off as an operand of type t.
export function load(arr: string, off: string, t: Type): Operand {
  return isScalar(t) ? { kind: 'scalar', js: readScalar(arr, off, t) } : { kind: 'ref', arr, off };
}

export function isScalar(t: Type): boolean {
  return t.kind === 'bool' || t.kind === 'int' || t.kind === 'enum';
}

function contains(outer: Type, inner: Type): boolean {
  return outer.kind === 'int' && inner.kind === 'int' ? outer.lo <= inner.lo && inner.hi <= outer.hi : true;
}

// Copies `src` (of type st) into dst/doff as type dt. With `site`, a value outside dt is a spec
// error reported at that site; without, the caller guarantees it fits.
export function copyValue(ctx: Ctx, src: Operand, st: Type, dst: string, doff: string, dt: Type, site?: number): void {
  const { fb } = ctx;
  if (src.kind === 'scalar') {
    if (site !== undefined && dt.kind === 'int' && !contains(dt, st)) {
      const v = fb.tmp();
      fb.line(`const ${v} = ${src.js};`);
      fb.open(`if (${v} < ${dt.lo} || ${v} > ${dt.hi})`);
      ctx.fail(site, v);
      fb.close();
      fb.line(`${dst}[${doff}] = ${v};`);
    } else fb.line(`${dst}[${doff}] = ${scalarToSlot(src.js, dt)};`);
    return;
  }
  const { arr, off } = src;
  if (typeEquals(st, dt)) {
    const n = slotsOf(dt);
    if (n <= 4) for (let i = 0; i < n; i++) fb.line(`${dst}[${addOff(doff, i)}] = ${arr}[${addOff(off, i)}];`);
    else fb.line(`copySlots(${arr}, ${off}, ${dst}, ${doff}, ${n});`);
    return;
  }
  switch (dt.kind) {
    case 'option': {
      if (st.kind !== 'option') throw new Error('internal: option copy');
      fb.line(`${dst}[${doff}] = ${arr}[${off}];`);
      fb.open(`if (${arr}[${off}] !== 0)`);
      copyValue(ctx, load(arr, addOff(off, 1), st.inner), st.inner, dst, addOff(doff, 1), dt.inner, site);
      fb.else();
      fb.line(`zeroSlots(${dst}, ${addOff(doff, 1)}, ${slotsOf(dt.inner)});`);
      fb.close();
      return;
    }
    case 'record': {
      if (st.kind !== 'record') throw new Error('internal: record copy');
      dt.fields.forEach((f, i) => {
        const si = st.fields.findIndex((g) => g.name === f.name);
        const sf = st.fields[si]!;
        copyValue(ctx, load(arr, addOff(off, fieldOffset(st, si)), sf.type), sf.type, dst, addOff(doff, fieldOffset(dt, i)), f.type, site);
      });
      return;
    }
    case 'seq': {
      if (st.kind !== 'seq') throw new Error('internal: seq copy');
      const len = fb.tmp('n');
      fb.line(`const ${len} = ${arr}[${off}];`);
      if (site !== undefined && st.max > dt.max) {
        fb.open(`if (${len} > ${dt.max})`);
        ctx.fail(site, len);
        fb.close();
      }
      fb.line(`${dst}[${doff}] = ${len};`);
      const i = fb.tmp('i');
      const ses = slotsOf(st.elem), des = slotsOf(dt.elem);
      fb.open(`for (let ${i} = 0; ${i} < ${len}; ${i}++)`);
      copyValue(ctx, load(arr, `${off} + 1 + ${i} * ${ses}`, st.elem), st.elem, dst, `${doff} + 1 + ${i} * ${des}`, dt.elem, site);
      fb.close();
      fb.line(`zeroSlots(${dst}, ${doff} + 1 + ${len} * ${des}, ${(dt.max) * des} - ${len} * ${des});`);
      return;
    }
    case 'map': {
      if (st.kind !== 'map') throw new Error('internal: map copy');
      const i = fb.tmp('i');
      const svs = slotsOf(st.value), dvs = slotsOf(dt.value);
      fb.open(`for (let ${i} = 0; ${i} < ${domainSize(dt.key)}; ${i}++)`);
      copyValue(ctx, load(arr, `${off} + ${i} * ${svs}`, st.value), st.value, dst, `${doff} + ${i} * ${dvs}`, dt.value, site);
      fb.close();
      return;
    }
    case 'set': {
      if (st.kind !== 'set') throw new Error('internal: set copy');
      fb.line(`zeroSlots(${dst}, ${doff}, ${setWords(dt.elem)});`);
      const k = fb.tmp('k');
      fb.open(`for (let ${k} = 0; ${k} < ${domainSize(st.elem)}; ${k}++)`);
      fb.line(`if (((${arr}[${off} + (${k} >> 5)] >>> (${k} & 31)) & 1) === 0) continue;`);
      const v = valueOfIndex(st.elem, k);
      const j = indexInDomain(dt.elem, v);
      if (site !== undefined && dt.elem.kind === 'int' && !contains(dt.elem, st.elem)) {
        fb.open(`if (${v} < ${dt.elem.lo} || ${v} > ${dt.elem.hi})`);
        ctx.fail(site, v);
        fb.close();
      }
      fb.line(`${dst}[${doff} + (${j} >> 5)] |= 1 << (${j} & 31);`);
      fb.close();
      return;
    }
    default:
      throw new Error(`internal: compound copy into ${dt.kind}`);
  }
}

// The k-th value of a scalar domain, and a value's position in one, as JS expressions.
export function valueOfIndex(t: Type, k: string): string {
  return t.kind === 'int' ? (t.lo === 0 ? k : `(${k} + ${t.lo})`) : t.kind === 'bool' ? `(${k} !== 0)` : k;
}
export function indexInDomain(t: Type, v: string): string {
  return t.kind === 'int' ? (t.lo === 0 ? v : `(${v} - ${t.lo})`) : t.kind === 'bool' ? `(${v} ? 1 : 0)` : v;
}
// A boolean JS expression: a and b are structurally equal.
export function equalJs(ctx: Ctx, a: Operand, at: Type, b: Operand, bt: Type): string {
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    const ca = literalValue(a.js), cb = literalValue(b.js);
    if (ca !== undefined && cb !== undefined) return literalJs(ca === cb);
    return `(${a.js} === ${b.js})`;
  }
  if (a.kind !== 'ref' || b.kind !== 'ref') throw new Error('internal: mixed equality');
  if (!typeEquals(at, bt)) {
    const jt = joinType(at, bt);
    const n = slotsOf(jt);
    const ba = ctx.mod.buffer(n), bb = ctx.mod.buffer(n);
    copyValue(ctx, a, at, ba, '0', jt);
    copyValue(ctx, b, bt, bb, '0', jt);
    return `equalSlots(${ba}, 0, ${bb}, 0, ${n})`;
  }
  const n = slotsOf(at);
  if (n === 1) return `(${a.arr}[${a.off}] === ${b.arr}[${b.off}])`;
  return `equalSlots(${a.arr}, ${a.off}, ${b.arr}, ${b.off}, ${n})`;
}
