// Interval arithmetic: the static range of an integer operation from the ranges of its
// operands. Sound (every runtime result lies inside) and tight for + - * and unary minus; for
// / and % a divisor range containing 0 is treated as if 0 were excluded, since dividing by zero
// is a spec error rather than a value.

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function neg(a: Interval): Interval {
  return { lo: 0 - a.hi, hi: 0 - a.lo };
}

export function mul(a: Interval, b: Interval): Interval {
  return hull([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]);
}

// Truncating division: for a fixed non-zero divisor the quotient is monotone in the dividend,
// and for a fixed dividend monotone in the divisor on each side of 0, so the extremes are at
// the corners of each non-zero part of the divisor range.
export function div(a: Interval, b: Interval): Interval {
  const parts = nonZeroParts(b);
  if (parts.length === 0) return { lo: 0, hi: 0 };
  const q = (x: number, y: number) => Math.trunc(x / y) + 0;
  return hull(parts.flatMap((p) => [q(a.lo, p.lo), q(a.lo, p.hi), q(a.hi, p.lo), q(a.hi, p.hi)]));
}

// Truncating remainder: its sign is the dividend's and its magnitude is below the divisor's.
export function mod(a: Interval, b: Interval): Interval {
  const parts = nonZeroParts(b);
  if (parts.length === 0) return { lo: 0, hi: 0 };
  const small = Math.min(...parts.map((p) => Math.min(Math.abs(p.lo), Math.abs(p.hi)))) - 1;
  if (a.lo >= -small && a.hi <= small) return a; // every divisor exceeds the dividend: a % b = a
  const m = Math.max(...parts.map((p) => Math.max(Math.abs(p.lo), Math.abs(p.hi)))) - 1;
  return { lo: a.lo >= 0 ? 0 : Math.max(a.lo, -m), hi: a.hi <= 0 ? 0 : Math.min(a.hi, m) };
}

function nonZeroParts(b: Interval): Interval[] {
  const out: Interval[] = [];
  if (b.lo <= -1) out.push({ lo: b.lo, hi: Math.min(b.hi, -1) });
  if (b.hi >= 1) out.push({ lo: Math.max(b.lo, 1), hi: b.hi });
  return out;
}

function hull(xs: readonly number[]): Interval {
  return { lo: Math.min(...xs) + 0, hi: Math.max(...xs) + 0 };
}
