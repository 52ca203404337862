// fast-check arbitraries for small random specs over one symmetric type T (any permutation, or
// a ring), as .klp text: N interchangeable instances of p(i: T) whose steps are drawn from
// statements that use T only as symmetry allows (==, map keys, sets, quantifiers, choose, some,
// and succ/pred on a ring), an optional monitor without a parameter, and invariants over them.

import fc from 'fast-check';

const STATEMENTS: readonly string[] = [
  'c := (c + 1) % 4;',
  'c := c + 1;', // a spec error at c = 3
  'flag[i] := (flag[i] + 1) % 3;',
  'owner := some(i);',
  'owner := none;',
  'set := set union {i};',
  'set := set diff {i};',
  'await owner == none;',
  'await owner != i;',
  'await flag[i] < 2;',
  'choose j in T { k := some(j); }',
  'if exists j in T: flag[j] == 2 { c := 1; } else { x := (x + 1) % 3; }',
  'k := owner;',
  'if k == some(i) { x := 1; }',
  'assert forall j in set: flag[j] < 2;',
  'choose j in T { await j != i; flag[j] := 0; }',
  'if is_some(k) { flag[unwrap(k)] := x; }',
  'lock(m); c := (c + 1) % 4; unlock(m);',
  'lock(m);',
  'unlock(m);',
  'x := card(set) % 3;',
  'either { x := 0; } or { x := 2; }',
  'choose j in set { owner := some(j); }',
];

const RING_STATEMENTS: readonly string[] = ['flag[succ(i)] := 0;', 'await owner != some(pred(i));', 'k := some(succ(succ(i)));'];

const INVARIANTS: readonly string[] = [
  'card(set) <= 2',
  'forall j in T: flag[j] < 2 or owner != none',
  'not (exists a in T: exists b in T: a != b and p[a]@l1 and p[b]@l1)',
  '(forall j in T: p[j]@done) => c != 2',
  'owner == none or unwrap(owner) in set',
  'forall j in T: p[j].x < 2',
  'forall j in T: p[j].k != some(j)',
];

export interface SymmetricShape {
  readonly n: number;
  readonly lo: number; // T's least value: 0 makes it share 0 with the unused inner value of none
  readonly ring: boolean;
  readonly blocks: readonly { readonly stmts: readonly number[]; readonly goto: number | null }[];
  readonly monitor: boolean;
  readonly invariants: readonly number[];
}

export const symmetricShape: fc.Arbitrary<SymmetricShape> = fc.record({
  n: fc.integer({ min: 2, max: 3 }),
  lo: fc.integer({ min: 0, max: 1 }),
  ring: fc.boolean(),
  blocks: fc.array(fc.record({ stmts: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), goto: fc.option(fc.nat(), { nil: null }) }), { minLength: 2, maxLength: 4 }),
  monitor: fc.boolean(),
  invariants: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
});

export function printSymmetric(s: SymmetricShape): string {
  const pool = s.ring ? [...STATEMENTS, ...RING_STATEMENTS] : STATEMENTS;
  const blocks = s.blocks.map((b, l) => {
    const body = b.stmts.map((k) => `    ${pool[k % pool.length]}`);
    if (b.goto !== null) body.push(`    goto l${b.goto % s.blocks.length};`);
    return `  l${l}:\n${body.join('\n')}`;
  });
  const monitor = s.monitor ? ['process q {', '  q0: await card(set) == N; set := {}; goto q0;', '}'] : [];
  return [
    `const N = ${s.n}`,
    `type T = symmetric ${s.ring ? 'ring ' : ''}${s.lo}..N - ${1 - s.lo}`,
    'var c: 0..3 = 0',
    'var owner: T? = none',
    'var flag: Map[T, 0..2] = [t in T |-> 0]',
    'var set: Set[T] = {}',
    'lock m',
    'process p(i: T) {',
    '  var k: T? = none',
    '  var x: 0..2 = 0',
    ...blocks,
    '}',
    ...monitor,
    ...s.invariants.map((k, i) => `invariant Inv${i}: ${INVARIANTS[k % INVARIANTS.length]}`),
    '',
  ].join('\n');
}
