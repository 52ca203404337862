// The 64-bit fingerprint of a packed state: words [off, off + len) of an Int32Array in, two
// 32-bit halves out. fingerprint() returns the low half and leaves the high half in `fpHi`, so
// the search loop allocates nothing. Deterministic (fixed seeds): runs and traces repeat.
//
// Two MurmurHash3-style multiply-rotate lanes absorb every word with different constants and
// each lane adds the other in (cross-mixing), then both get the fmix32 avalanche and are added
// into each other, as in MurmurHash3_x86_128. Two independent 32-bit hashes side by side would
// collide far more often than 64 bits promise (see ECOSYSTEM.md); the cross-mixing prevents it.

const SEED_LO = 0x9747b28c | 0;
const SEED_HI = 0x2545f491 | 0;
const C1 = 0x239b961b | 0;
const C2 = 0xab0e9789 | 0;
const C3 = 0x38b34ae5 | 0;

// The high half of the last fingerprint() result (an ESM live binding: read it right after).
export let fpHi = 0;

export function fingerprint(words: Int32Array, off: number, len: number): number {
  let lo = SEED_LO;
  let hi = SEED_HI;
  const end = off + len;
  for (let i = off; i < end; i++) {
    const w = words[i]!;
    let k1 = Math.imul(w, C1);
    k1 = Math.imul((k1 << 15) | (k1 >>> 17), C2);
    lo ^= k1;
    lo = (((lo << 19) | (lo >>> 13)) + hi) | 0;
    lo = (Math.imul(lo, 5) + 0x561ccd1b) | 0;
    let k2 = Math.imul(w, C2);
    k2 = Math.imul((k2 << 16) | (k2 >>> 16), C3);
    hi ^= k2;
    hi = (((hi << 17) | (hi >>> 15)) + lo) | 0;
    hi = (Math.imul(hi, 5) + 0x0bcaa747) | 0;
  }
  lo ^= len;
  hi ^= len;
  lo = (lo + hi) | 0;
  hi = (hi + lo) | 0;
  lo = fmix32(lo);
  hi = fmix32(hi);
  lo = (lo + hi) | 0;
  fpHi = (hi + lo) | 0;
  return lo;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b | 0);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35 | 0);
  return h ^ (h >>> 16);
}
