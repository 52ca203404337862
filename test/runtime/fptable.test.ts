// The fingerprint table against a JS Set of string keys, through many doublings.

import { strict as assert } from 'node:assert';
import { FpTable } from '../../runtime/fptable.js';

// xorshift32: a deterministic stream of int32s for the keys
function random(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x | 0;
  };
}

describe('runtime/fptable', () => {
  it('agrees with a Set of strings over 1M inserts while growing from 16 slots', function () {
    this.timeout(30_000);
    const table = new FpTable(16);
    const set = new Set<string>();
    // random keys (like fingerprints) drawn from a pool, so about a third are duplicates
    const pool = random(12345);
    const keys = Array.from({ length: 700_000 }, () => [pool(), pool() & ~0xff] as const);
    keys.push([5, 0], [5, 1], [0, 0]);
    const pick = random(777);
    for (let n = 0; n < 1_000_000; n++) {
      const [hi, lo] = keys[(pick() >>> 0) % keys.length]!;
      // lo 0 is stored as lo 1 (0 marks an empty slot)
      const key = `${hi},${lo === 0 ? 1 : lo}`;
      assert.equal(table.insert(hi, lo), !set.has(key), key);
      set.add(key);
    }
    assert.equal(table.size, set.size);
    // inserting again reports membership: false for every key present, true for one absent
    for (const [hi, lo] of keys.slice(0, 1000)) assert.equal(table.insert(hi, lo), !set.has(`${hi},${lo === 0 ? 1 : lo}`));
    const absent = random(999);
    for (let n = 0; n < 1000; n++) assert.equal(table.insert(absent(), absent() | 0x80), true);
  });

  it('stores full-range 64-bit keys, including 0/0 and negative halves', () => {
    const table = new FpTable(16);
    const keys: [number, number][] = [
      [0, 0],
      [-1, -1],
      [-2147483648, 2147483647],
      [0, -5],
      [7, 0],
    ];
    for (const [hi, lo] of keys) assert.equal(table.insert(hi, lo), true);
    for (const [hi, lo] of keys) assert.equal(table.insert(hi, lo), false);
    assert.equal(table.size, keys.length);
    assert.equal(table.insert(7, 1), false, 'lo 0 and lo 1 are the same key');
    assert.equal(table.insert(1, 0), true);
    assert.equal(table.size, keys.length + 1);
  });

  it('keeps the load at most 3/4: 8 bytes per slot', () => {
    const table = new FpTable(16);
    for (let i = 1; i <= 12; i++) table.insert(i, i);
    assert.equal(table.bytes, 16 * 8);
    table.insert(13, 13);
    assert.equal(table.bytes, 32 * 8);
  });
});
