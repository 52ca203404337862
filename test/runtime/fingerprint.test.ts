// Fingerprint quality on low-entropy inputs (states differ in a few small fields), avalanche,
// and independence from where the words sit in the array.

import { strict as assert } from 'node:assert';
import { fingerprint, fpHi } from '../../runtime/fingerprint.js';

function fp(words: Int32Array, off = 0, len = words.length): [number, number] {
  const lo = fingerprint(words, off, len);
  return [fpHi, lo];
}

const popcount = (x: number): number => {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
};

describe('runtime/fingerprint', () => {
  it('has no 64-bit collision, and its low half no excess collisions, over 1M low-entropy states', function () {
    this.timeout(30_000);
    const seen = new Set<string>();
    const lows = new Set<number>();
    const s = new Int32Array(4);
    for (let i = 0; i < 1 << 20; i++) {
      // four 5-bit fields, as a spec's small counters would pack
      for (let f = 0; f < 4; f++) s[f] = (i >>> (5 * f)) & 31;
      const [hi, lo] = fp(s);
      seen.add(`${hi},${lo}`);
      lows.add(lo);
    }
    assert.equal(seen.size, 1 << 20);
    // 2^20 random 32-bit values collide ~128 times on average (n^2 / 2^33)
    assert.ok((1 << 20) - lows.size < 300, `${(1 << 20) - lows.size} low-half collisions`);
  });

  it('flips about half the output bits when one input bit flips', () => {
    const s = new Int32Array(8);
    let flips = 0;
    let trials = 0;
    let seed = 1;
    for (let t = 0; t < 2000; t++) {
      for (let w = 0; w < 8; w++) s[w] = seed = (Math.imul(seed, 1103515245) + 12345) & 0xff;
      const [hi, lo] = fp(s);
      const w = t % 8;
      const bit = (t >>> 3) % 32;
      s[w]! ^= 1 << bit;
      const [hi2, lo2] = fp(s);
      flips += popcount(hi ^ hi2) + popcount(lo ^ lo2);
      trials++;
    }
    const ratio = flips / (64 * trials);
    assert.ok(ratio > 0.48 && ratio < 0.52, `avalanche ratio ${ratio}`);
  });

  it('depends on the words and their number, not on their offset', () => {
    const a = Int32Array.of(9, 9, 1, 2, 3, 9);
    assert.deepEqual(fp(a, 2, 3), fp(Int32Array.of(1, 2, 3)));
    assert.notDeepEqual(fp(Int32Array.of(0)), fp(Int32Array.of(0, 0)));
    assert.notDeepEqual(fp(Int32Array.of(1, 2)), fp(Int32Array.of(2, 1)));
  });
});
