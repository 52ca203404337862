// The explorer IR's storage plan: where every part of a state lives. The unpacked state is an
// Int32Array with one slot per scalar leaf; the packed state is the same leaves as bit fields.
// Both are fixed by the types alone, which the binder made finite and concrete.
//
// Leaf encodings (unpacked): bool 0/1, int its value, enum its ordinal, option a flag slot then
// the inner value, set ceil(n/32) bitmask words (bit k = k-th domain value), seq a length slot then
// `max` element blocks, map one value block per key in domain order, record its fields in order.
// Unused parts (elements past a sequence's length, the inner value of none) are always 0.

import type { Program } from '../lang/program.js';
import { domainSize, type Type } from '../lang/types.js';

export function slotsOf(t: Type): number {
  switch (t.kind) {
    case 'bool': case 'int': case 'enum': return 1;
    case 'option': return 1 + slotsOf(t.inner);
    case 'record': return t.fields.reduce((n, f) => n + slotsOf(f.type), 0);
    case 'set': return setWords(t.elem);
    case 'seq': return 1 + t.max * slotsOf(t.elem);
    case 'map': return domainSize(t.key) * slotsOf(t.value);
  }
}

export function setWords(elem: Type): number {
  return Math.max(1, Math.ceil(domainSize(elem) / 32));
}

export function fieldOffset(t: Type & { kind: 'record' }, index: number): number {
  let off = 0;
  for (let i = 0; i < index; i++) off += slotsOf(t.fields[i]!.type);
  return off;
}

// A scalar leaf for packing: stored as (value - lo) in `bits` bits. A leaf that may hold the
// canonical 0 of an unused part (a sequence element past the length, the inner value of none)
// although 0 is outside its range is `zeroable`: 0 is stored as 0 and v as v - lo + 1.
export interface Leaf {
  readonly slot: number;
  readonly lo: number;
  readonly bits: number;
  readonly zeroable?: boolean;
}

function bitsFor(values: number): number {
  return values <= 1 ? 0 : 32 - Math.clz32(values - 1);
}

export function leavesOf(t: Type, slot: number, out: Leaf[], unused = false): void {
  switch (t.kind) {
    case 'bool': out.push({ slot, lo: 0, bits: 1 }); return;
    case 'int':
      if (unused && (t.lo > 0 || t.hi < 0)) out.push({ slot, lo: t.lo, bits: bitsFor(t.hi - t.lo + 2), zeroable: true });
      else out.push({ slot, lo: t.lo, bits: bitsFor(t.hi - t.lo + 1) });
      return;
    case 'enum': out.push({ slot, lo: 0, bits: bitsFor(t.members.length) }); return;
    case 'option': out.push({ slot, lo: 0, bits: 1 }); leavesOf(t.inner, slot + 1, out, true); return;
    case 'record': {
      let s = slot;
      for (const f of t.fields) { leavesOf(f.type, s, out, unused); s += slotsOf(f.type); }
      return;
    }
    case 'set': {
      const n = domainSize(t.elem);
      for (let w = 0; w < setWords(t.elem); w++) out.push({ slot: slot + w, lo: 0, bits: Math.min(32, n - 32 * w) });
      return;
    }
    case 'seq': {
      out.push({ slot, lo: 0, bits: bitsFor(t.max + 1) });
      const es = slotsOf(t.elem);
      for (let i = 0; i < t.max; i++) leavesOf(t.elem, slot + 1 + i * es, out, true);
      return;
    }
    case 'map': {
      const vs = slotsOf(t.value);
      for (let i = 0; i < domainSize(t.key); i++) leavesOf(t.value, slot + i * vs, out, unused);
      return;
    }
  }
}

export interface VarSlot { readonly name: string; readonly type: Type; readonly off: number }
export interface ProcLayout {
  readonly base: number; // slot of instance 0's pc
  readonly stride: number; // slots per instance: pc, then locals
  readonly locals: readonly VarSlot[]; // offsets relative to the instance base
  readonly stepBase: number; // global step index of (instance 0, label 0)
}

export interface Layout {
  readonly vars: readonly VarSlot[];
  readonly locks: readonly number[]; // slot per lock: 0 free, else owner instance + 1
  readonly procs: readonly ProcLayout[];
  readonly slots: number;
  readonly leaves: readonly Leaf[];
  readonly instanceCount: number;
}

export function planLayout(p: Program): Layout {
  let slot = 0;
  const vars = p.vars.map((v) => { const off = slot; slot += slotsOf(v.type); return { name: v.name, type: v.type, off }; });
  const locks = p.locks.map(() => slot++);
  const instanceCount = p.processes.reduce((n, pr) => n + pr.instances.length, 0);
  let stepBase = 0;
  const procs = p.processes.map((pr) => {
    let rel = 1;
    const locals = pr.locals.map((l) => { const off = rel; rel += slotsOf(l.type); return { name: l.name, type: l.type, off }; });
    const layout: ProcLayout = { base: slot, stride: rel, locals, stepBase };
    slot += rel * pr.instances.length;
    stepBase += pr.labels.length * pr.instances.length;
    return layout;
  });
  const leaves: Leaf[] = [];
  for (const v of vars) leavesOf(v.type, v.off, leaves);
  for (const l of locks) leaves.push({ slot: l, lo: 0, bits: bitsFor(instanceCount + 1) });
  p.processes.forEach((pr, i) => {
    const pl = procs[i]!;
    for (let k = 0; k < pr.instances.length; k++) {
      const b = pl.base + k * pl.stride;
      leaves.push({ slot: b, lo: 0, bits: bitsFor(pr.labels.length + 1) });
      for (const l of pl.locals) leavesOf(l.type, b + l.off, leaves);
    }
  });
  return { vars, locks, procs, slots: slot, leaves, instanceCount };
}
