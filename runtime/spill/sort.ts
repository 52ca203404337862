// Sorting fingerprints for the on-disk visited set of `--spill`: records of `stride` Int32s
// whose first two are a 64-bit fingerprint (hi, lo), ordered as unsigned (hi, lo). An LSD radix
// sort over four 16-bit digits: linear in the number of records, no comparisons, no allocation
// beyond the caller's scratch array of the same length (it ends where it started).

const DIGITS = 4;
const RADIX = 1 << 16;

export function sortFingerprints(a: Int32Array, stride: number, scratch: Int32Array): void {
  const n = a.length / stride;
  const count = new Int32Array(RADIX);
  let from = a;
  let to = scratch;
  for (let d = 0; d < DIGITS; d++) {
    const word = d < 2 ? 1 : 0; // lo's digits first, then hi's
    const shift = (d & 1) * 16;
    count.fill(0);
    for (let r = 0; r < n; r++) count[(from[r * stride + word]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let k = 0; k < RADIX; k++) {
      const c = count[k]!;
      count[k] = sum;
      sum += c;
    }
    for (let r = 0; r < n; r++) {
      const at = count[(from[r * stride + word]! >>> shift) & 0xffff]!++ * stride;
      for (let k = 0; k < stride; k++) to[at + k] = from[r * stride + k]!;
    }
    [from, to] = [to, from];
  }
}

// The unsigned 64-bit order of fingerprints (ahi, alo) and (bhi, blo): negative, 0 or positive.
export function compareFingerprints(ahi: number, alo: number, bhi: number, blo: number): number {
  if (ahi !== bhi) return (ahi >>> 0) - (bhi >>> 0);
  return (alo >>> 0) - (blo >>> 0);
}
