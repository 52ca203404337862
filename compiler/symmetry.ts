// The symmetry plan of a spec: how a permutation of each symmetric type's values moves the
// slots of the unpacked state (layout.ts) and maps the values in them. In: the typed program
// and its layout. Out: a SymmetryMeta (runtime/model.ts), or undefined when no state slot
// involves a symmetric type. Slot by slot it mirrors layout.ts's leaf walk.

import type { Program } from '../lang/program.js';
import { domainSize, symmetryOf, type Type } from '../lang/types.js';
import type { SymmetryMeta } from '../runtime/model.js';
import { setWords, slotsOf, type Layout } from './layout.js';

const PLAIN = 0, VALUE = 1, SET_HEAD = 2, SET_WORD = 3, LOCK_OWNER = 4;

interface Coord { readonly group: number; readonly index: number; readonly stride: number }
interface Guard { readonly slot: number; readonly above: number }
interface SlotPlan { coords: readonly Coord[]; kind: number; group: number; lo: number; guards: readonly Guard[] }

export function planSymmetry(program: Program, layout: Layout): SymmetryMeta | undefined {
  const groups: { name: string; size: number; ring: boolean }[] = [];
  const groupOf = (t: Type): number => {
    const sym = symmetryOf(t);
    if (sym === undefined) return -1;
    let g = groups.findIndex((x) => x.name === sym.name);
    if (g < 0) g = groups.push({ name: sym.name, size: domainSize(t), ring: sym.ring }) - 1;
    return g;
  };
  const slots: SlotPlan[] = Array.from({ length: layout.slots }, () => ({ coords: [], kind: PLAIN, group: -1, lo: 0, guards: [] }));
  const put = (slot: number, coords: readonly Coord[], guards: readonly Guard[], kind = PLAIN, group = -1, lo = 0): void => {
    slots[slot] = { coords, kind, group, lo, guards };
  };
  const walk = (t: Type, slot: number, coords: readonly Coord[], guards: readonly Guard[]): void => {
    switch (t.kind) {
      case 'bool': case 'enum': put(slot, coords, guards); return;
      case 'int': {
        const g = groupOf(t);
        put(slot, coords, guards, g < 0 ? PLAIN : VALUE, g, t.lo);
        return;
      }
      case 'option':
        put(slot, coords, guards);
        walk(t.inner, slot + 1, coords, [...guards, { slot, above: 0 }]);
        return;
      case 'record': {
        let s = slot;
        for (const f of t.fields) {
          walk(f.type, s, coords, guards);
          s += slotsOf(f.type);
        }
        return;
      }
      case 'set': {
        const g = groupOf(t.elem);
        const words = setWords(t.elem);
        for (let w = 0; w < words; w++) put(slot + w, coords, guards, g < 0 ? PLAIN : w === 0 ? SET_HEAD : SET_WORD, g, w === 0 ? words : 0);
        return;
      }
      case 'seq': {
        put(slot, coords, guards);
        const es = slotsOf(t.elem);
        for (let i = 0; i < t.max; i++) walk(t.elem, slot + 1 + i * es, coords, [...guards, { slot, above: i }]);
        return;
      }
      case 'map': {
        const g = groupOf(t.key);
        const vs = slotsOf(t.value);
        for (let i = 0; i < domainSize(t.key); i++) {
          walk(t.value, slot + i * vs, g < 0 ? coords : [...coords, { group: g, index: i, stride: vs }], guards);
        }
        return;
      }
    }
  };
  program.vars.forEach((v, i) => walk(v.type, layout.vars[i]!.off, [], []));
  for (const l of layout.locks) put(l, [], [], LOCK_OWNER);
  const processes: SymmetryMeta['processes'][number][] = [];
  program.processes.forEach((p, pi) => {
    const pl = layout.procs[pi]!;
    const g = p.param === undefined ? -1 : groupOf(p.param.type);
    if (g >= 0) processes.push({ group: g, firstInstance: p.firstInstance, instances: p.instances.length, firstStep: pl.stepBase, labels: p.labels.length });
    p.instances.forEach((_, k) => {
      const base = pl.base + k * pl.stride;
      const coords = g < 0 ? [] : [{ group: g, index: k, stride: pl.stride }];
      put(base, coords, []);
      p.locals.forEach((l, li) => walk(l.type, base + pl.locals[li]!.off, coords, []));
    });
  });
  if (groups.length === 0) return undefined;
  // locks only need remapping when some owner can move
  if (processes.length === 0) for (const l of layout.locks) put(l, [], []);
  const flat = (f: (s: SlotPlan) => readonly number[]): number[] => slots.flatMap(f);
  const starts = (f: (s: SlotPlan) => readonly unknown[]): number[] => {
    const out = [0];
    for (const s of slots) out.push(out[out.length - 1]! + f(s).length);
    return out;
  };
  return {
    groups,
    coordStart: starts((s) => s.coords),
    coordGroup: flat((s) => s.coords.map((c) => c.group)),
    coordIndex: flat((s) => s.coords.map((c) => c.index)),
    coordStride: flat((s) => s.coords.map((c) => c.stride)),
    kind: slots.map((s) => s.kind),
    group: slots.map((s) => s.group),
    lo: slots.map((s) => s.lo),
    guardStart: starts((s) => s.guards),
    guardSlot: flat((s) => s.guards.map((x) => x.slot)),
    guardAbove: flat((s) => s.guards.map((x) => x.above)),
    processes,
  };
}
