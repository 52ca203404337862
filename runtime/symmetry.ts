// Symmetry reduction: the canonical representative of a state's class under the permutations
// of the spec's symmetric types (SymmetryMeta, runtime/model.ts). In: an unpacked state. Out:
// the least image of it, over the whole group, in the order below; two states have the same
// representative exactly when one is a permutation of the other. The search packs and
// fingerprints the representative instead of the state.
//
// The order compares first, group by group, the sequence of the values' signatures (the plain
// slots of the blocks a value indexes, and whether its own symmetric slots point at itself,
// all unchanged when the blocks move together), then the whole image slot by slot. Only the
// permutations that sort the signatures can be least, so only those are tried: permutations
// within runs of equal signatures, or for a ring the rotations giving the least sequence. For
// a group whose values are never stored as values (only index blocks), blocks with equal
// signatures are equal, so one sorted order suffices. No allocation per state.

import type { SymmetryMeta } from './model.js';

const PLAIN = 0, VALUE = 1, SET_HEAD = 2, SET_WORD = 3, LOCK_OWNER = 4;

interface Group {
  readonly size: number;
  readonly ring: boolean;
  readonly sigSlots: Int32Array[]; // per value index: its signature slots, in block order
  readonly sigLo: Int32Array; // per signature position: PLAIN_SIG, SET_SIG, or the lo of its own VALUE slot
  readonly enumerate: boolean; // ties must be tried: the group's values appear as values
  readonly sigs: Int32Array; // the state's signatures: value i's position k at i * length + k
  readonly perm: Int32Array; // the candidate: value index -> new index
  readonly order: Int32Array; // values by signature (the candidate's inverse)
  readonly runEnd: Int32Array; // order position -> end of its run of equal signatures
  readonly rotations: Int32Array; // ring: the rotations giving the least signature sequence
  rotationCount: number;
  rotationAt: number;
}

const PLAIN_SIG = -0x80000000;
const SET_SIG = -0x7fffffff;

export class Canonicalizer {
  private readonly slots: number;
  private readonly kind: Int32Array;
  private readonly group: Int32Array;
  private readonly lo: Int32Array;
  private readonly coordStart: Int32Array;
  private readonly coordGroup: Int32Array;
  private readonly coordIndex: Int32Array;
  private readonly coordStride: Int32Array;
  private readonly guardStart: Int32Array;
  private readonly guardSlot: Int32Array;
  private readonly guardAbove: Int32Array;
  private readonly instanceGroup: Int32Array; // global instance -> group, -1 when it does not move
  private readonly instanceFirst: Int32Array; // global instance -> its process's first instance
  private readonly groups: Group[];
  private readonly image: Int32Array;
  private readonly best: Int32Array;

  constructor(meta: SymmetryMeta, slots: number, instances: number) {
    this.slots = slots;
    this.kind = Int32Array.from(meta.kind);
    this.group = Int32Array.from(meta.group);
    this.lo = Int32Array.from(meta.lo);
    this.coordStart = Int32Array.from(meta.coordStart);
    this.coordGroup = Int32Array.from(meta.coordGroup);
    this.coordIndex = Int32Array.from(meta.coordIndex);
    this.coordStride = Int32Array.from(meta.coordStride);
    this.guardStart = Int32Array.from(meta.guardStart);
    this.guardSlot = Int32Array.from(meta.guardSlot);
    this.guardAbove = Int32Array.from(meta.guardAbove);
    this.instanceGroup = new Int32Array(instances).fill(-1);
    this.instanceFirst = new Int32Array(instances);
    for (const p of meta.processes) {
      for (let k = 0; k < p.instances; k++) {
        this.instanceGroup[p.firstInstance + k] = p.group;
        this.instanceFirst[p.firstInstance + k] = p.firstInstance;
      }
    }
    this.groups = meta.groups.map((g, gi) => this.planGroup(gi, g.size, g.ring));
    this.image = new Int32Array(slots);
    this.best = new Int32Array(slots);
  }

  // The representative of `s`'s class, in a buffer reused by the next call.
  canonical(s: Int32Array): Int32Array {
    const groups = this.groups;
    for (let g = 0; g < groups.length; g++) this.firstCandidate(s, groups[g]!);
    this.apply(s, this.best);
    for (;;) {
      let g = 0;
      while (g < groups.length && !this.nextCandidate(groups[g]!)) g++;
      if (g === groups.length) return this.best;
      this.apply(s, this.image);
      if (less(this.image, this.best)) this.best.set(this.image);
    }
  }

  // Signature positions: the group's single-coordinate plain slots; its own symmetric values in
  // single-coordinate slots (as "points at its own block" or not); and membership of the value
  // in each unmoved set of its values. Ties need trying unless every slot the group moves is a
  // signature slot and it appears nowhere as a value.
  private planGroup(gi: number, size: number, ring: boolean): Group {
    const sigSlots: number[][] = Array.from({ length: size }, () => []);
    const sigLo: number[] = [];
    let enumerate = false;
    for (let s = 0; s < this.slots; s++) {
      const kind = this.kind[s]!;
      const c = this.coordStart[s]!;
      const coords = this.coordStart[s + 1]! - c;
      let mine = 0;
      for (let k = c; k < c + coords; k++) if (this.coordGroup[k] === gi) mine++;
      const single = coords === 1 && mine === 1;
      const own = this.group[s] === gi;
      if (kind === SET_HEAD && own && coords === 0) {
        sigLo.push(SET_SIG);
        for (let i = 0; i < size; i++) sigSlots[i]!.push(s);
        continue;
      }
      if (single && (kind === PLAIN || (kind === VALUE && own))) {
        const index = this.coordIndex[c]!;
        if (index === 0) sigLo.push(kind === PLAIN ? PLAIN_SIG : this.lo[s]!);
        sigSlots[index]!.push(s);
      }
      if (mine > 0 && !(single && kind === PLAIN)) enumerate = true;
      if (own && kind !== PLAIN) enumerate = true;
      if (kind === LOCK_OWNER && this.instanceGroup.some((x) => x === gi)) enumerate = true;
    }
    return {
      size,
      ring,
      sigSlots: sigSlots.map((x) => Int32Array.from(x)),
      sigLo: Int32Array.from(sigLo),
      enumerate,
      sigs: new Int32Array(size * sigLo.length),
      perm: new Int32Array(size),
      order: new Int32Array(size),
      runEnd: new Int32Array(size),
      rotations: new Int32Array(size),
      rotationCount: 0,
      rotationAt: 0,
    };
  }

  // Signature position k of value i in state s.
  private sig(s: Int32Array, g: Group, i: number, k: number): number {
    const slot = g.sigSlots[i]![k]!;
    const lo = g.sigLo[k]!;
    if (lo === PLAIN_SIG) return s[slot]!;
    if (lo === SET_SIG) return (s[slot + (i >>> 5)]! >>> (i & 31)) & 1;
    if (!this.live(s, slot)) return 0;
    return s[slot]! - lo === i ? 1 : 2;
  }

  private compareSig(g: Group, i: number, j: number): number {
    const n = g.sigLo.length;
    const sigs = g.sigs;
    for (let k = 0, a = i * n, b = j * n; k < n; k++) {
      const d = sigs[a + k]! - sigs[b + k]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  private firstCandidate(s: Int32Array, g: Group): void {
    const n = g.sigLo.length;
    for (let i = 0; i < g.size; i++) for (let k = 0; k < n; k++) g.sigs[i * n + k] = this.sig(s, g, i, k);
    if (g.ring) return this.firstRotation(g);
    const { order, runEnd, size } = g;
    // insertion sort by signature, stable on the value index
    for (let i = 0; i < size; i++) {
      let j = i;
      while (j > 0 && this.compareSig(g, order[j - 1]!, i) > 0) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = i;
    }
    for (let w = size - 1; w >= 0; w--) {
      const tie = w + 1 < size && g.enumerate && this.compareSig(g, order[w]!, order[w + 1]!) === 0;
      runEnd[w] = tie ? runEnd[w + 1]! : w + 1;
    }
    for (let w = 0; w < size; w++) g.perm[order[w]!] = w;
  }

  // The next permutation within the runs of equal signatures (odometer, runs left to right);
  // false, with the first one restored, after the last.
  private nextCandidate(g: Group): boolean {
    if (g.ring) return this.nextRotation(g);
    const { order, runEnd, size } = g;
    let advanced = false;
    for (let start = 0; start < size && !advanced; start = runEnd[start]!) {
      advanced = nextPermutation(order, start, runEnd[start]!);
    }
    for (let w = 0; w < size; w++) g.perm[order[w]!] = w;
    return advanced;
  }

  // Rotation r maps value index i to (i - r) mod n: value r comes first.
  private firstRotation(g: Group): void {
    const n = g.size;
    g.rotationCount = 0;
    for (let r = 0; r < n; r++) {
      const c = g.rotationCount === 0 ? -1 : this.compareRotations(g, r, g.rotations[0]!);
      if (c < 0) g.rotationCount = 0;
      if (c <= 0) g.rotations[g.rotationCount++] = r;
    }
    g.rotationAt = 0;
    this.setRotation(g, g.rotations[0]!);
  }

  private nextRotation(g: Group): boolean {
    g.rotationAt = (g.rotationAt + 1) % g.rotationCount;
    this.setRotation(g, g.rotations[g.rotationAt]!);
    return g.rotationAt !== 0;
  }

  private setRotation(g: Group, r: number): void {
    for (let i = 0; i < g.size; i++) g.perm[i] = (i - r + g.size) % g.size;
  }

  private compareRotations(g: Group, a: number, b: number): number {
    const n = g.size;
    for (let w = 0; w < n; w++) {
      const d = this.compareSig(g, (w + a) % n, (w + b) % n);
      if (d !== 0) return d;
    }
    return 0;
  }

  private live(s: Int32Array, slot: number): boolean {
    for (let k = this.guardStart[slot]!; k < this.guardStart[slot + 1]!; k++) {
      if (s[this.guardSlot[k]!]! <= this.guardAbove[k]!) return false;
    }
    return true;
  }

  // out := the image of s under the current candidate of every group.
  private apply(s: Int32Array, out: Int32Array): void {
    const groups = this.groups;
    for (let slot = 0; slot < this.slots; slot++) {
      const kind = this.kind[slot]!;
      if (kind === SET_WORD) continue;
      let d = slot;
      for (let c = this.coordStart[slot]!; c < this.coordStart[slot + 1]!; c++) {
        const i = this.coordIndex[c]!;
        d += (groups[this.coordGroup[c]!]!.perm[i]! - i) * this.coordStride[c]!;
      }
      const v = s[slot]!;
      if (kind === PLAIN) out[d] = v;
      else if (kind === VALUE) out[d] = this.live(s, slot) ? groups[this.group[slot]!]!.perm[v - this.lo[slot]!]! + this.lo[slot]! : v;
      else if (kind === SET_HEAD) this.permuteSet(s, slot, out, d, groups[this.group[slot]!]!.perm);
      else out[d] = v === 0 || this.instanceGroup[v - 1]! < 0 ? v : this.moveInstance(v - 1) + 1;
    }
  }

  private permuteSet(s: Int32Array, slot: number, out: Int32Array, d: number, perm: Int32Array): void {
    const words = this.lo[slot]!;
    for (let w = 0; w < words; w++) out[d + w] = 0;
    for (let w = 0; w < words; w++) {
      for (let bits = s[slot + w]!; bits !== 0; bits &= bits - 1) {
        const to = perm[32 * w + (31 - Math.clz32(bits & -bits))]!;
        out[d + (to >>> 5)]! |= 1 << (to & 31);
      }
    }
  }

  private moveInstance(inst: number): number {
    const first = this.instanceFirst[inst]!;
    return first + this.groups[this.instanceGroup[inst]!]!.perm[inst - first]!;
  }
}

function less(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

// Rearranges a[from..to) into the next permutation in lexicographic order; false (and sorted
// ascending again) after the last one.
function nextPermutation(a: Int32Array, from: number, to: number): boolean {
  let i = to - 2;
  while (i >= from && a[i]! >= a[i + 1]!) i--;
  if (i >= from) {
    let j = to - 1;
    while (a[j]! <= a[i]!) j--;
    swap(a, i, j);
  }
  for (let l = i + 1, r = to - 1; l < r; l++, r--) swap(a, l, r);
  return i >= from;
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
