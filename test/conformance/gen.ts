// fast-check arbitraries for small random specs, as an abstract shape that print.ts turns into
// .klp text. Names are not chosen here: every reference is a number that the printer resolves
// modulo what is in scope, so each part shrinks independently and every shape prints to a
// well-formed, well-typed spec.

import fc from 'fast-check';

export type IntOp = '+' | '-' | '*' | '%' | '/';
export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type IntE =
  | { readonly k: 'lit'; readonly v: number }
  | { readonly k: 'atom'; readonly i: number } // an int variable, local, bound name, len(q), ...
  | { readonly k: 'bin'; readonly op: IntOp; readonly a: IntE; readonly b: IntE }
  | { readonly k: 'ite'; readonly c: BoolE; readonly a: IntE; readonly b: IntE }
  | { readonly k: 'call'; readonly c: BoolE; readonly a: IntE; readonly b: IntE }; // fn sel(c, a, b)

export type BoolE =
  | { readonly k: 'lit'; readonly v: boolean }
  | { readonly k: 'atom'; readonly i: number } // a bool variable, P@label, locked(m), ...
  | { readonly k: 'cmp'; readonly op: CmpOp; readonly a: IntE; readonly b: IntE }
  | { readonly k: 'not'; readonly a: BoolE }
  | { readonly k: 'log'; readonly op: 'and' | 'or' | '=>'; readonly a: BoolE; readonly b: BoolE }
  | { readonly k: 'in'; readonly a: IntE; readonly s: SetE; readonly neg: boolean }
  | { readonly k: 'quant'; readonly q: 'forall' | 'exists'; readonly s: SetE; readonly body: BoolE }
  | { readonly k: 'has'; readonly q: SeqE; readonly a: IntE }; // contains([...], a)

export type SetE =
  | { readonly k: 'atom'; readonly i: number } // a set variable, or {} when there is none
  | { readonly k: 'lit'; readonly elems: readonly IntE[] }
  | { readonly k: 'range'; readonly lo: number; readonly hi: number }
  | { readonly k: 'op'; readonly op: 'union' | 'diff' | 'inter'; readonly a: SetE; readonly b: SetE }
  | { readonly k: 'comp'; readonly s: SetE; readonly elem: IntE; readonly filter: BoolE | null };

// `[elem for y in from if filter]`: over a set, or (from null) over an int sequence in scope
export interface SeqE { readonly from: SetE | null; readonly i: number; readonly elem: IntE; readonly filter: BoolE | null }

// How an assigned int is kept in its target's range: clamped by conditionals, reduced with %,
// or stored raw (then it may leave the range: a domain spec error, on purpose).
export type Store = 'clamp' | 'mod' | 'raw';

export type Stmt =
  | { readonly k: 'setInt'; readonly t: number; readonly e: IntE; readonly store: Store }
  | { readonly k: 'setBool'; readonly t: number; readonly e: BoolE }
  | { readonly k: 'setEnum'; readonly t: number; readonly c: BoolE; readonly a: number; readonly b: number }
  | { readonly k: 'seqOp'; readonly t: number; readonly op: 'append' | 'tail' | 'pop' | 'put' | 'remove'; readonly e: IntE; readonly guard: boolean }
  // a sequence location := a comprehension (guarded: only when its length fits)
  | { readonly k: 'seqComp'; readonly t: number; readonly q: SeqE; readonly store: Store; readonly guard: boolean }
  | { readonly k: 'setOp'; readonly t: number; readonly op: 'add' | 'del'; readonly e: IntE }
  | { readonly k: 'setOpt'; readonly t: number; readonly e: IntE | null } // null: none
  | { readonly k: 'await'; readonly e: BoolE }
  | { readonly k: 'if'; readonly c: BoolE; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] }
  | { readonly k: 'either'; readonly branches: readonly (readonly Stmt[])[] }
  | { readonly k: 'choose'; readonly s: SetE; readonly body: readonly Stmt[] }
  | { readonly k: 'for'; readonly s: SetE; readonly body: readonly Stmt[] }
  | { readonly k: 'let'; readonly e: IntE }
  | { readonly k: 'lock' | 'unlock'; readonly m: number }
  | { readonly k: 'crit'; readonly m: number; readonly body: readonly Stmt[] } // lock; body; unlock
  | { readonly k: 'assert'; readonly e: BoolE; readonly name: number | undefined } // name: `assert A<n>:`, shared by sites
  | { readonly k: 'goto'; readonly l: number }
  | { readonly k: 'skip' };

export type VarKind = 'int' | 'bool' | 'enum' | 'seq' | 'set' | 'map' | 'rec' | 'opt' | 'nest' | 'rseq';
export type Fairness = 'unfair' | 'weak' | 'strong';
export type TemporalForm = 'always' | 'eventually' | 'leadsto' | 'alwaysEventually' | 'eventuallyAlways';
export interface VarShape { readonly kind: VarKind; readonly hi: number; readonly oneOf: boolean }
// fair: the label's own fairness, or null to take the process's
export interface BlockShape { readonly loop: BoolE | null; readonly body: readonly Stmt[]; readonly fair: Fairness | null }
// `forall y0 in 0..1:` around the formula when quant
export interface PropertyShape { readonly form: TemporalForm; readonly quant: boolean; readonly p: BoolE; readonly q: BoolE }
export interface ProcShape {
  readonly fair: Fairness;
  readonly param: boolean;
  readonly local: VarShape | null; // the type and initial value of its local `c`
  readonly blocks: readonly BlockShape[];
}
export interface SpecShape {
  readonly vars: readonly VarShape[];
  readonly locks: number;
  readonly procs: readonly ProcShape[];
  readonly invariants: readonly BoolE[];
  readonly properties: readonly PropertyShape[];
}

const small = fc.nat({ max: 7 });

export function intE(depth: number): fc.Arbitrary<IntE> {
  const leaf = fc.oneof(
    fc.record({ k: fc.constant('lit' as const), v: fc.nat({ max: 3 }) }),
    fc.record({ k: fc.constant('atom' as const), i: small }),
  );
  if (depth <= 0) return leaf;
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom<IntOp>('+', '-', '*', '%', '/'), a: intE(depth - 1), b: intE(depth - 1) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('ite' as const), c: boolE(depth - 1), a: intE(depth - 1), b: intE(depth - 1) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('call' as const), c: boolE(depth - 1), a: intE(depth - 1), b: intE(depth - 1) }), weight: 1 },
  );
}

export function boolE(depth: number): fc.Arbitrary<BoolE> {
  const leaf = fc.oneof(
    fc.record({ k: fc.constant('lit' as const), v: fc.boolean() }),
    fc.record({ k: fc.constant('atom' as const), i: small }),
    fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom<CmpOp>('==', '!=', '<', '<=', '>', '>='), a: intE(0), b: intE(0) }),
  );
  if (depth <= 0) return leaf;
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom<CmpOp>('==', '!=', '<', '<=', '>', '>='), a: intE(depth - 1), b: intE(depth - 1) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('not' as const), a: boolE(depth - 1) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('log' as const), op: fc.constantFrom('and' as const, 'or' as const, '=>' as const), a: boolE(depth - 1), b: boolE(depth - 1) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('in' as const), a: intE(depth - 1), s: setE(depth - 1), neg: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('quant' as const), q: fc.constantFrom('forall' as const, 'exists' as const), s: setE(depth - 1), body: boolE(depth - 1) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('has' as const), q: seqE(depth - 1), a: intE(depth - 1) }), weight: 1 },
  );
}

export function setE(depth: number): fc.Arbitrary<SetE> {
  const leaf = fc.oneof(
    fc.record({ k: fc.constant('atom' as const), i: small }),
    fc.record({ k: fc.constant('lit' as const), elems: fc.array(intE(0), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('range' as const), lo: fc.nat({ max: 2 }), hi: fc.nat({ max: 3 }) }),
  );
  if (depth <= 0) return leaf;
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.record({ k: fc.constant('op' as const), op: fc.constantFrom('union' as const, 'diff' as const, 'inter' as const), a: setE(depth - 1), b: setE(depth - 1) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('comp' as const), s: setE(depth - 1), elem: intE(depth - 1), filter: fc.option(boolE(depth - 1), { nil: null }) }), weight: 1 },
  );
}

export function seqE(depth: number): fc.Arbitrary<SeqE> {
  return fc.record({ from: fc.option(setE(depth), { nil: null }), i: small, elem: intE(depth), filter: fc.option(boolE(depth), { nil: null }) });
}

export function stmt(depth: number): fc.Arbitrary<Stmt> {
  const body: fc.Arbitrary<readonly Stmt[]> = depth <= 0 ? fc.constant([]) : fc.array(stmt(depth - 1), { minLength: 1, maxLength: 2 });
  const simple: fc.WeightedArbitrary<Stmt>[] = [
    { arbitrary: fc.record({ k: fc.constant('setInt' as const), t: small, e: intE(2), store: fc.constantFrom<Store>('clamp', 'clamp', 'mod', 'raw') }), weight: 6 },
    { arbitrary: fc.record({ k: fc.constant('setBool' as const), t: small, e: boolE(1) }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant('setEnum' as const), t: small, c: boolE(1), a: fc.nat({ max: 2 }), b: fc.nat({ max: 2 }) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('seqOp' as const), t: small, op: fc.constantFrom('append' as const, 'tail' as const, 'pop' as const, 'put' as const, 'remove' as const), e: intE(1), guard: fc.boolean() }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('seqComp' as const), t: small, q: seqE(1), store: fc.constantFrom<Store>('clamp', 'clamp', 'mod', 'raw'), guard: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('setOp' as const), t: small, op: fc.constantFrom('add' as const, 'del' as const), e: intE(1) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('setOpt' as const), t: small, e: fc.option(intE(1), { nil: null }) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('await' as const), e: boolE(1) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('let' as const), e: intE(1) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constantFrom('lock' as const, 'unlock' as const), m: fc.nat({ max: 1 }) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('assert' as const), e: boolE(1), name: fc.option(fc.nat({ max: 1 }), { nil: undefined }) }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('goto' as const), l: small }), weight: 1 },
    { arbitrary: fc.constant({ k: 'skip' as const }), weight: 1 },
  ];
  if (depth <= 0) return fc.oneof(...simple);
  return fc.oneof(
    ...simple,
    { arbitrary: fc.record({ k: fc.constant('if' as const), c: boolE(1), then: body, else: fc.oneof(fc.constant<readonly Stmt[]>([]), body) }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant('either' as const), branches: fc.array(body, { minLength: 2, maxLength: 3 }) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('choose' as const), s: setE(1), body }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('for' as const), s: setE(1), body }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant('crit' as const), m: fc.nat({ max: 1 }), body }), weight: 2 },
  );
}

const varShape: fc.Arbitrary<VarShape> = fc.record({
  kind: fc.constantFrom<VarKind>('int', 'int', 'bool', 'enum', 'seq', 'set', 'map', 'rec', 'opt', 'nest', 'rseq'),
  hi: fc.integer({ min: 1, max: 3 }),
  oneOf: fc.boolean(),
});

const fairness = fc.constantFrom<Fairness>('unfair', 'weak', 'weak', 'strong');

const block: fc.Arbitrary<BlockShape> = fc.record({
  loop: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: boolE(1), weight: 1 }),
  body: fc.array(stmt(2), { minLength: 1, maxLength: 3 }),
  fair: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fairness, weight: 1 }),
});

const property: fc.Arbitrary<PropertyShape> = fc.record({
  form: fc.constantFrom<TemporalForm>('always', 'eventually', 'leadsto', 'leadsto', 'alwaysEventually', 'eventuallyAlways'),
  quant: fc.boolean(),
  p: boolE(1),
  q: boolE(1),
});

const proc: fc.Arbitrary<ProcShape> = fc.record({
  fair: fairness,
  param: fc.boolean(),
  local: fc.option(varShape, { nil: null }),
  blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
});

export const specShape: fc.Arbitrary<SpecShape> = fc.record({
  vars: fc.array(varShape, { minLength: 1, maxLength: 3 }),
  locks: fc.nat({ max: 2 }),
  procs: fc.array(proc, { minLength: 1, maxLength: 3 }),
  invariants: fc.array(boolE(2), { maxLength: 2 }),
  properties: fc.array(property, { maxLength: 3 }),
});
