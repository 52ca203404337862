// Interval arithmetic checked exhaustively against brute force over every pair of small
// intervals: every result lies in the computed range (soundness), and for + - * / and unary
// minus both ends of the range are reached (tightness).

import assert from 'node:assert/strict';
import * as arith from '../../lang/binder/arith.js';

const R = 4;
const intervals: arith.Interval[] = [];
for (let lo = -R; lo <= R; lo++) for (let hi = lo; hi <= R; hi++) intervals.push({ lo, hi });

function members(i: arith.Interval): number[] {
  return Array.from({ length: i.hi - i.lo + 1 }, (_, k) => i.lo + k);
}

type Binary = (a: arith.Interval, b: arith.Interval) => arith.Interval;
const BINARY: [string, Binary, (x: number, y: number) => number | undefined, boolean][] = [
  ['add', arith.add, (x, y) => x + y, true],
  ['sub', arith.sub, (x, y) => x - y, true],
  ['mul', arith.mul, (x, y) => x * y, true],
  ['div', arith.div, (x, y) => (y === 0 ? undefined : Math.trunc(x / y)), true],
  ['mod', arith.mod, (x, y) => (y === 0 ? undefined : x % y), false],
];

describe('binder: interval arithmetic', () => {
  for (const [name, f, concrete, tight] of BINARY) {
    it(`${name} is sound${tight ? ' and tight' : ''}`, () => {
      for (const a of intervals) {
        for (const b of intervals) {
          const r = f(a, b);
          const results = members(a).flatMap((x) => members(b).map((y) => concrete(x, y))).filter((v) => v !== undefined).map((v) => v + 0);
          for (const v of results) assert.ok(r.lo <= v && v <= r.hi, `${name}(${a.lo}..${a.hi}, ${b.lo}..${b.hi}) = ${r.lo}..${r.hi} misses ${v}`);
          if (tight && results.length > 0) {
            assert.deepEqual([Math.min(...results), Math.max(...results)], [r.lo, r.hi], `${name}(${a.lo}..${a.hi}, ${b.lo}..${b.hi})`);
          }
        }
      }
    });
  }

  it('neg is exact', () => {
    for (const a of intervals) assert.deepEqual(arith.neg(a), { lo: -a.hi + 0, hi: -a.lo + 0 });
  });

  it('mod keeps a dividend smaller than every divisor', () => {
    assert.deepEqual(arith.mod({ lo: 1, hi: 3 }, { lo: 5, hi: 5 }), { lo: 1, hi: 3 });
    assert.deepEqual(arith.mod({ lo: 0, hi: 7 }, { lo: 2, hi: 2 }), { lo: 0, hi: 1 });
  });
});
