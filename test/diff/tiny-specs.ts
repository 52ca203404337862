// Random tiny specs as source text, in pairs that differ in one step: two processes of two steps
// over `x: 0..2`, `y: bool` and a lock, each step one statement from a small pool (guards,
// nondeterminism, locks), optionally looping back with a goto. The mutant changes one step's
// statement or toggles one loop, like a fix that touches one step of a base spec.

import fc from 'fast-check';

const STATEMENTS = [
  'x := (x + 1) % 3;',
  'x := 0;',
  'y := not y;',
  'await y; x := 2;',
  'await x == 1;',
  'either { x := 1; } or { y := true; }',
  'if y { x := (x + 2) % 3; } else { skip; }',
  'skip;',
  'lock(m); x := (x + 2) % 3; unlock(m);',
] as const;

export interface TinySpec {
  readonly steps: readonly number[]; // statement index of p.a, p.b, q.c, q.d
  readonly loops: readonly boolean[]; // p.b ends with `goto a`, q.d with `goto c`
}

const stmt = fc.nat({ max: STATEMENTS.length - 1 });
export const tinySpec: fc.Arbitrary<TinySpec> = fc.record({
  steps: fc.array(stmt, { minLength: 4, maxLength: 4 }),
  loops: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
});

export function mutant(s: TinySpec): fc.Arbitrary<TinySpec> {
  return fc.oneof(
    fc.tuple(fc.nat({ max: 3 }), stmt).map(([i, k]) => ({ ...s, steps: s.steps.map((x, j) => (j === i ? k : x)) })),
    fc.nat({ max: 1 }).map((i) => ({ ...s, loops: s.loops.map((x, j) => (j === i ? !x : x)) })),
  );
}

export function tinyText(s: TinySpec): string {
  const body = (i: number) => STATEMENTS[s.steps[i]!]!;
  return [
    'var x: 0..2 = 0',
    'var y: bool = false',
    'lock m',
    'process p {',
    `  a: ${body(0)}`,
    `  b: ${body(1)}${s.loops[0] ? ' goto a;' : ''}`,
    '}',
    'process q {',
    `  c: ${body(2)}`,
    `  d: ${body(3)}${s.loops[1] ? ' goto c;' : ''}`,
    '}',
    '',
  ].join('\n');
}
