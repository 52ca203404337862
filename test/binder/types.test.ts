// Static types of expressions: interval arithmetic ranges, joins, built-in results, literals
// typed from their context. Expected types are worked out by hand from the language reference.

import assert from 'node:assert/strict';
import { typeToString } from '../../lang/types.js';
import { bindOk, load } from './helpers.js';

const DECLS = `
const N = 3
enum Mode { OFF, ON }
type Patch = 1..N
var x: 0..3 = 0
var y: 1..2 = 1
var z: -2..3 = 0
var w: -7..7 = 0
var b: bool = false
var S: Set[Patch] = {}
var s: Seq[0..3, 4] = []
var o: 0..3? = none
var m: Map[Patch, bool] = [p in Patch |-> false]
var r: record { a: 0..1, f: bool } = { a: 0, f: true }
`;

function typeOf(expr: string): string {
  const p = bindOk(`${DECLS}\ninvariant T: let t = ${expr}; true`);
  const inv = p.invariants[0]!.expr;
  if (inv.kind !== 'let') throw new Error('expected a let');
  return typeToString(inv.binding.type);
}

const CASES: [string, string][] = [
  ['3', '3..3'],
  ['x + 1', '1..4'],
  ['x - y', '-2..2'],
  ['z * (0 - y)', '-6..4'],
  ['-x', '-3..0'],
  ['x / y', '0..3'],
  ['w / z', '-7..7'],
  ['x % 2', '0..1'],
  ['w % 3', '-2..2'],
  ['y % 5', '1..2'],
  ['N * 2', '6..6'],
  ['if b then 1 else 5', '1..5'],
  ['x < y and not b', 'bool'],
  ['OFF', 'Mode'],
  ['Mode', 'Set[Mode]'],
  ['Patch', 'Set[1..3]'],
  ['1..N', 'Set[1..3]'],
  ['x..y', 'Set[0..2]'],
  ['S union {5}', 'Set[1..5]'],
  ['S diff {5}', 'Set[1..3]'],
  ['{ q + 1 for q in S if q > 1 }', 'Set[2..4]'],
  ['card(S)', '0..3'],
  ['min(S)', '1..3'],
  ['len(s)', '0..4'],
  ['append(s, 7)', 'Seq[0..7, 5]'],
  ['tail(s)', 'Seq[0..3, 4]'],
  ['head(s)', '0..3'],
  ['[1, x + 4]', 'Seq[1..7, 2]'],
  ['[[], [b]]', 'Seq[Seq[bool, 1], 2]'],
  ['[q + 1 for q in s]', 'Seq[1..4, 4]'],
  ['[q for q in 1..5]', 'Seq[1..5, 5]'],
  ['[q for q in 1..0]', 'Seq[1..1, 1]'],
  ['[q * 2 for q in S if q > 1]', 'Seq[2..6, 3]'],
  ['[q == ON for q in Mode]', 'Seq[bool, 2]'],
  ['[[q] for q in s if q != x]', 'Seq[Seq[0..3, 1], 4]'],
  ['unwrap(o)', '0..3'],
  ['is_some(o)', 'bool'],
  ['some(y)', '1..2?'],
  ['if b then none else some(2)', '2..2?'],
  ['if b then 2 else none', '2..2?'],
  ['[p in Patch |-> p * 2]', 'Map[1..3, 2..6]'],
  ['m[2]', 'bool'],
  ['m with [1] = true', 'Map[1..3, bool]'],
  ['{ a: 1, f: b }', 'record { a: 1..1, f: bool }'],
  ['r.a', '0..1'],
  ['r with .f = false', 'record { a: 0..1, f: bool }'],
  ['forall p in Patch: m[p]', 'bool'],
  ['s == []', 'bool'],
  ['o == none', 'bool'],
];

describe('binder: expression types', () => {
  for (const [expr, want] of CASES) {
    it(`${expr} : ${want}`, () => assert.equal(typeOf(expr), want));
  }

  // [expression, the diagnostics as `code text-under-span: message`]
  const COMPREHENSION_ERRORS: [string, string[]][] = [
    ['[q for q in x]', ['KLP3001 x: Type mismatch: expected a set or a sequence but found 0..3.']],
    ['[q for q in s if q]', ['KLP3001 q: Type mismatch: expected bool but found 0..3.']],
    ['[q for q in s if b] == [q]', ["KLP2001 q: Unknown name 'q'."]],
    ['[q + b for q in s]', ["KLP3002 b: Operator '+' cannot be applied to bool."]],
  ];
  for (const [expr, want] of COMPREHENSION_ERRORS) {
    it(`${expr} is reported`, () => {
      const src = `${DECLS}
invariant T: let t = ${expr}; true`;
      const r = load(src);
      assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${src.slice(d.span.start, d.span.end)}: ${d.message}`), want);
    });
  }
});
