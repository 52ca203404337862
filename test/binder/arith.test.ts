// Interval arithmetic checked exhaustively against brute force over every pair of small
// intervals: every result lies in the computed range (soundness), and for + - * / and unary
// minus both ends of the range are reached (tightness). Bounds far beyond 2^53 stay exact.

import assert from 'node:assert/strict';
import * as arith from '../../lang/binder/arith.js';

const R = 4n;
const intervals: arith.Interval[] = [];
for (let lo = -R; lo <= R; lo++) for (let hi = lo; hi <= R; hi++) intervals.push({ lo, hi });

function members(i: arith.Interval): bigint[] {
  const out: bigint[] = [];
  for (let x = i.lo; x <= i.hi; x++) out.push(x);
  return out;
}

type Binary = (a: arith.Interval, b: arith.Interval) => arith.Interval;
const BINARY: [string, Binary, (x: bigint, y: bigint) => bigint | undefined, boolean][] = [
  ['add', arith.add, (x, y) => x + y, true],
  ['sub', arith.sub, (x, y) => x - y, true],
  ['mul', arith.mul, (x, y) => x * y, true],
  ['div', arith.div, (x, y) => (y === 0n ? undefined : x / y), true],
  ['mod', arith.mod, (x, y) => (y === 0n ? undefined : x % y), false],
];

const minOf = (xs: bigint[]) => xs.reduce((m, x) => (x < m ? x : m));
const maxOf = (xs: bigint[]) => xs.reduce((m, x) => (x > m ? x : m));

describe('binder: interval arithmetic', () => {
  for (const [name, f, concrete, tight] of BINARY) {
    it(`${name} is sound${tight ? ' and tight' : ''}`, () => {
      for (const a of intervals) {
        for (const b of intervals) {
          const r = f(a, b);
          const results = members(a).flatMap((x) => members(b).map((y) => concrete(x, y))).filter((v) => v !== undefined);
          for (const v of results) assert.ok(r.lo <= v && v <= r.hi, `${name}(${a.lo}..${a.hi}, ${b.lo}..${b.hi}) = ${r.lo}..${r.hi} misses ${v}`);
          if (tight && results.length > 0) {
            assert.deepEqual([minOf(results), maxOf(results)], [r.lo, r.hi], `${name}(${a.lo}..${a.hi}, ${b.lo}..${b.hi})`);
          }
        }
      }
    });
  }

  it('neg is exact', () => {
    for (const a of intervals) assert.deepEqual(arith.neg(a), { lo: -a.hi, hi: -a.lo });
  });

  it('mod keeps a dividend smaller than every divisor', () => {
    assert.deepEqual(arith.mod({ lo: 1n, hi: 3n }, { lo: 5n, hi: 5n }), { lo: 1n, hi: 3n });
    assert.deepEqual(arith.mod({ lo: 0n, hi: 7n }, { lo: 2n, hi: 2n }), { lo: 0n, hi: 1n });
  });

  it('stays exact beyond 2^53, where doubles round', () => {
    const m = { lo: 2147483647n, hi: 2147483647n };
    const sq = arith.mul(m, m);
    assert.equal(sq.hi, 4611686014132420609n); // as a double: 4611686014132420600
    assert.deepEqual(arith.sub(arith.add(sq, { lo: 1n, hi: 1n }), sq), { lo: 1n, hi: 1n });
    assert.equal(arith.isExact(sq.hi), false);
    assert.equal(arith.isExact(arith.MAX_EXACT), true);
    assert.equal(arith.isExact(arith.MAX_EXACT + 1n), false);
    assert.equal(arith.isExact(-arith.MAX_EXACT - 1n), false);
  });
});
