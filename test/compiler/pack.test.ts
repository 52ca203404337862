// Packing is the one place a state's bits are rearranged: any leaf layout must round-trip, and
// two different unpacked states must never pack to the same words.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planPacking } from '../../compiler/pack.js';
import type { Leaf } from '../../compiler/layout.js';

type PackFn = (src: Int32Array, dst: Int32Array, off: number) => void;
type UnpackFn = (src: Int32Array, off: number, dst: Int32Array) => void;

function compile(leaves: readonly Leaf[]): { pack: PackFn; unpack: UnpackFn; words: number } {
  const plan = planPacking(leaves);
  return {
    pack: new Function('src', 'dst', 'off', plan.packBody) as PackFn,
    unpack: new Function('src', 'off', 'dst', plan.unpackBody) as UnpackFn,
    words: plan.words,
  };
}

const leafSpec = fc.record({ lo: fc.integer({ min: -1000, max: 1000 }), bits: fc.integer({ min: 0, max: 32 }), zeroable: fc.boolean(), unused: fc.boolean() });

describe('compiler/pack', () => {
  it('round-trips random layouts at any offset', () => {
    fc.assert(
      fc.property(fc.array(leafSpec, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3 }), fc.nat(), (specs, off, seed) => {
        // a zeroable leaf reserves code 0 for the canonical 0 of an unused slot (see layout.ts)
        const leaves = specs.map((s, slot) => ({ slot, lo: s.lo, bits: s.zeroable ? Math.max(1, Math.min(31, s.bits)) : s.bits, zeroable: s.zeroable }));
        const { pack, unpack, words } = compile(leaves);
        const src = new Int32Array(leaves.length);
        let r = seed;
        for (const l of leaves) {
          r = (Math.imul(r, 1103515245) + 12345) >>> 0;
          const span = l.bits === 32 ? 2 ** 32 : 2 ** l.bits;
          const raw = l.bits === 0 ? 0 : r % span;
          // a 32-bit leaf holds any int32 (set words); narrower leaves hold lo .. lo + 2^bits - 1;
          // a zeroable one holds 0 or lo .. lo + 2^bits - 2
          if (l.zeroable) src[l.slot] = specs[l.slot]!.unused ? 0 : l.lo + (r % (span - 1));
          else src[l.slot] = l.bits === 32 ? raw | 0 : l.lo + raw;
        }
        const packed = new Int32Array(off + words);
        pack(src, packed, off);
        const back = new Int32Array(leaves.length);
        unpack(packed, off, back);
        assert.deepEqual(Array.from(back), Array.from(src));
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a leaf across words and uses no more words than needed greedily', () => {
    const leaves = [20, 20, 12, 32, 1].map((bits, slot) => ({ slot, lo: 0, bits }));
    // 20 | 20+12 | 32 | 1  -> four words
    assert.equal(planPacking(leaves).words, 4);
  });
});
