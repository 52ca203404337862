// Interval arithmetic: the static range of an integer operation from the ranges of its
// operands, computed exactly with BigInt so that a range leaving the integers a double holds
// exactly (±(2^53-1)) is seen as such, never rounded. Sound (every runtime result lies inside)
// and tight for + - * and unary minus; for / and % a divisor range containing 0 is treated as if
// 0 were excluded, since dividing by zero is a spec error rather than a value.

export interface Interval {
  readonly lo: bigint;
  readonly hi: bigint;
}

// The integers every stage computes with plain JS numbers: there, + - * / % of two of them is
// exact whenever the result is one of them too.
export const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

export function isExact(v: bigint): boolean {
  return v >= -MAX_EXACT && v <= MAX_EXACT;
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function neg(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}

export function mul(a: Interval, b: Interval): Interval {
  return hull([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]);
}

// Truncating division (BigInt's `/` truncates, as klp's does): for a fixed non-zero divisor the
// quotient is monotone in the dividend, and for a fixed dividend monotone in the divisor on each
// side of 0, so the extremes are at the corners of each non-zero part of the divisor range.
export function div(a: Interval, b: Interval): Interval {
  const parts = nonZeroParts(b);
  if (parts.length === 0) return { lo: 0n, hi: 0n };
  return hull(parts.flatMap((p) => [a.lo / p.lo, a.lo / p.hi, a.hi / p.lo, a.hi / p.hi]));
}

// Truncating remainder: its sign is the dividend's and its magnitude is below the divisor's.
export function mod(a: Interval, b: Interval): Interval {
  const parts = nonZeroParts(b);
  if (parts.length === 0) return { lo: 0n, hi: 0n };
  const small = min(parts.map((p) => min([abs(p.lo), abs(p.hi)]))) - 1n;
  if (a.lo >= -small && a.hi <= small) return a; // every divisor exceeds the dividend: a % b = a
  const m = max(parts.map((p) => max([abs(p.lo), abs(p.hi)]))) - 1n;
  return { lo: a.lo >= 0n ? 0n : max([a.lo, -m]), hi: a.hi <= 0n ? 0n : min([a.hi, m]) };
}

function nonZeroParts(b: Interval): Interval[] {
  const out: Interval[] = [];
  if (b.lo <= -1n) out.push({ lo: b.lo, hi: min([b.hi, -1n]) });
  if (b.hi >= 1n) out.push({ lo: max([b.lo, 1n]), hi: b.hi });
  return out;
}

function hull(xs: readonly bigint[]): Interval {
  return { lo: min(xs), hi: max(xs) };
}

function min(xs: readonly bigint[]): bigint {
  return xs.reduce((m, x) => (x < m ? x : m));
}

function max(xs: readonly bigint[]): bigint {
  return xs.reduce((m, x) => (x > m ? x : m));
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}
