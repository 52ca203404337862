// Generates the pack/unpack functions: leaves are laid into 32-bit words greedily, never split
// across a word boundary, so each leaf is one shift and mask. Zero-width leaves (single-value
// ints) take no bits; unpack restores their constant.

import type { Leaf } from './layout.js';

export interface PackPlan {
  readonly words: number;
  readonly packBody: string; // body of pack(src, dst, off)
  readonly unpackBody: string; // body of unpack(src, off, dst)
}

export function planPacking(leaves: readonly Leaf[]): PackPlan {
  const words: { leaf: Leaf; shift: number }[][] = [[]];
  let used = 0;
  for (const leaf of leaves) {
    if (leaf.bits === 0) continue;
    if (used + leaf.bits > 32) { words.push([]); used = 0; }
    words[words.length - 1]!.push({ leaf, shift: used });
    used += leaf.bits;
  }
  const pack: string[] = [];
  const unpack: string[] = [];
  words.forEach((ws, w) => {
    const parts = ws.map(({ leaf, shift }) => {
      const v = leaf.zeroable ? `(src[${leaf.slot}] === 0 ? 0 : src[${leaf.slot}] - ${leaf.lo - 1})` : leaf.lo === 0 ? `src[${leaf.slot}]` : `(src[${leaf.slot}] - ${leaf.lo})`;
      return shift === 0 ? v : `(${v} << ${shift})`;
    });
    pack.push(`dst[off + ${w}] = ${parts.length ? parts.join(' | ') : '0'};`);
    if (ws.length) unpack.push(`w = src[off + ${w}];`);
    for (const { leaf, shift } of ws) {
      const mask = leaf.bits === 32 ? '' : ` & ${leaf.bits === 31 ? 0x7fffffff : (1 << leaf.bits) - 1}`;
      const raw = leaf.bits === 32 ? 'w' : shift === 0 ? `(w${mask})` : `((w >>> ${shift})${mask})`;
      if (leaf.zeroable) {
        unpack.push(`x = ${raw};`);
        unpack.push(`dst[${leaf.slot}] = x === 0 ? 0 : x + ${leaf.lo - 1};`);
      } else unpack.push(`dst[${leaf.slot}] = ${leaf.lo === 0 ? raw : `${raw} + ${leaf.lo}`};`);
    }
  });
  for (const leaf of leaves) if (leaf.bits === 0) unpack.push(`dst[${leaf.slot}] = ${leaf.lo};`);
  return { words: words.length, packBody: pack.join('\n'), unpackBody: ['let w = 0;', 'let x = 0;', 'void x;', ...unpack].join('\n') };
}
