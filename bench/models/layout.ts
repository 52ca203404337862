// Bit-field packing for hand-written CompiledModels (the compiler generates its own): slot i of
// an unpacked state holds an int in ranges[i] = [lo, hi] and is packed into the fewest bits that
// hold hi - lo, fields placed greedily so that none straddles two words.

export class Layout {
  readonly words: number;
  private readonly word: Int32Array; // slot -> word index
  private readonly shift: Int32Array;
  private readonly mask: Int32Array;
  private readonly lo: Int32Array;

  constructor(ranges: readonly (readonly [number, number])[]) {
    const n = ranges.length;
    this.word = new Int32Array(n);
    this.shift = new Int32Array(n);
    this.mask = new Int32Array(n);
    this.lo = new Int32Array(n);
    let word = 0;
    let used = 0;
    ranges.forEach(([lo, hi], i) => {
      const bits = Math.max(1, Math.ceil(Math.log2(hi - lo + 1)));
      if (bits > 31) throw new Error(`slot ${i}: range too wide for a hand-written layout`);
      if (used + bits > 32) {
        word++;
        used = 0;
      }
      this.word[i] = word;
      this.shift[i] = used;
      this.mask[i] = (1 << bits) - 1;
      this.lo[i] = lo;
      used += bits;
    });
    this.words = n === 0 ? 0 : word + 1;
  }

  // Fields of a word are consecutive slots, so each word is built in a register and stored once.
  pack(src: Int32Array, dst: Int32Array, off: number): void {
    const { word, shift, lo } = this;
    let w = 0;
    let acc = 0;
    for (let i = 0; i < word.length; i++) {
      const wi = word[i]!;
      if (wi !== w) {
        dst[off + w] = acc;
        acc = 0;
        w = wi;
      }
      acc |= (src[i]! - lo[i]!) << shift[i]!;
    }
    if (word.length > 0) dst[off + w] = acc;
  }

  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    const { word, shift, mask, lo } = this;
    for (let i = 0; i < word.length; i++) dst[i] = ((src[off + word[i]!]! >>> shift[i]!) & mask[i]!) + lo[i]!;
  }
}

// A loop beats TypedArray.prototype.set for the few slots of a small state.
export function copy(src: Int32Array, dst: Int32Array): void {
  for (let i = 0; i < src.length; i++) dst[i] = src[i]!;
}
