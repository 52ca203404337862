// Helpers every generated module carries (so a compiled spec is self-contained: it needs no
// import at run time). Kept tiny and monomorphic: they run in the search's inner loop.

export const PRELUDE = `
function copySlots(src: Int32Array, so: number, dst: Int32Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] = src[so + i];
}
function zeroSlots(dst: Int32Array, d: number, n: number): void {
  for (let i = 0; i < n; i++) dst[d + i] = 0;
}
function equalSlots(a: Int32Array, ao: number, b: Int32Array, bo: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[ao + i] !== b[bo + i]) return false;
  return true;
}
function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
type D =
  | { k: 'bool' } | { k: 'int' } | { k: 'enum'; m: readonly string[] }
  | { k: 'option'; t: D } | { k: 'record'; f: readonly (readonly [string, number, D])[] }
  | { k: 'set'; t: D; n: number; lo: number } | { k: 'seq'; t: D; es: number }
  | { k: 'map'; kt: D; n: number; lo: number; vs: number; t: D };
function scalarOf(t: D, v: number): Value {
  return t.k === 'bool' ? v !== 0 : t.k === 'enum' ? t.m[v]! : v;
}
function dec(s: Int32Array, o: number, t: D): Value {
  switch (t.k) {
    case 'bool': case 'int': case 'enum': return scalarOf(t, s[o]!);
    case 'option': return s[o] !== 0 ? { tag: 'Some', value: dec(s, o + 1, t.t) } : { tag: 'None', value: { '#tup': [] } };
    case 'record': return Object.fromEntries(t.f.map(([name, off, ft]) => [name, dec(s, o + off, ft)])); // a field may be __proto__
    case 'set': { const xs: Value[] = []; for (let k = 0; k < t.n; k++) if ((s[o + (k >> 5)]! >>> (k & 31)) & 1) xs.push(scalarOf(t.t, k + t.lo)); return { '#set': xs }; }
    case 'seq': { const xs: Value[] = []; for (let i = 0; i < s[o]!; i++) xs.push(dec(s, o + 1 + i * t.es, t.t)); return xs; }
    case 'map': { const xs: [Value, Value][] = []; for (let k = 0; k < t.n; k++) xs.push([scalarOf(t.kt, k + t.lo), dec(s, o + k * t.vs, t.t)]); return { '#map': xs }; }
  }
}
`;
