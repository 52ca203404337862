// Where the binder inserts `fit` (a runtime domain check) and `some` (T -> T?): only when a
// value flows into a slot whose type does not statically contain the value's type.

import assert from 'node:assert/strict';
import { bindOk } from './helpers.js';
import { printExpr, printSteps } from './print.js';

const DECLS = `
var x: 0..3 = 0
var y: 1..2 = 1
var s: Seq[0..3, 2] = []
var o: 0..3? = none
var r: record { a: 0..1, f: bool } = { a: 0, f: true }
var m: Map[1..2, 0..3] = [k in 1..2 |-> 0]
fn half(a: 0..2): 0..1 = a / 2
fn next(a: 0..3): 0..3 = a + 1
`;

// The single step of process P whose body is `stmt`.
function step(stmt: string): string {
  const p = bindOk(`${DECLS}\nprocess P { l: ${stmt} }\ninvariant Uses: x + y + len(s) + m[1] + r.a == 0 or o == none`);
  return printSteps(p)[0]!.replace(/^l: /, '').replace(/; goto done$/, '');
}

const CASES: [string, string][] = [
  ['x := 2;', 'x := 2'],
  ['x := y;', 'x := y'],
  ['x := x + 1;', 'x := fit[0..3]((x + 1))'],
  ['y := x;', 'y := fit[1..2](x)'],
  ['s := append(s, 1);', 's := fit[Seq[0..3, 2]](append(s, 1))'],
  ['s := tail(s);', 's := tail(s)'],
  ['s := [];', 's := []'],
  ['s := [x, 4];', 's := fit[Seq[0..3, 2]]([x, 4])'],
  ['s := [q for q in s if q > 0];', 's := [q for q in s if (q > 0)]'],
  ['s := [q for q in 0..1];', 's := [q for q in (0 .. 1)]'],
  ['s := [q for q in {x, y}];', 's := fit[Seq[0..3, 2]]([q for q in {x, y}])'],
  ['o := [q for q in s][0];', 'o := some([q for q in s][0])'],
  ['o := 3;', 'o := some(3)'],
  ['o := x + 1;', 'o := some(fit[0..3]((x + 1)))'],
  ['o := none;', 'o := none'],
  ['o := some(y);', 'o := some(y)'],
  ['x := half(x);', 'x := half(fit[0..2](x))'],
  ['x := half(y);', 'x := half(y)'],
  ['x := next(x);', 'x := next(x)'],
  ['r := { f: false, a: 1 };', 'r := {a: 1, f: false}'],
  ['r.a := x;', 'r.#0 := fit[0..1](x)'],
  ['m[x] := 1;', 'm[fit[1..2](x)] := 1'],
  ['m[y] := x + 1;', 'm[y] := fit[0..3]((x + 1))'],
];

describe('binder: fit insertion', () => {
  for (const [stmt, want] of CASES) {
    it(`${stmt} -> ${want}`, () => assert.equal(step(stmt), want));
  }

  it('fits a function body to its declared result only when needed', () => {
    const p = bindOk(DECLS);
    assert.deepEqual(p.fns.map((f) => printExpr(p, undefined, f.body)), ['(a / 2)', 'fit[0..3]((a + 1))']);
  });

  it('fits initial values and keeps contained ones as they are (constant parts folded)', () => {
    const p = bindOk(`var a: 0..3 = 2\nvar c: 1..3 = 0 + 1\nvar d: Seq[0..1, 3] = [1, 0]\ninvariant I: a == 0 and c == 0 and len(d) == 0`);
    assert.deepEqual(p.vars.map((v) => (v.init.kind === 'value' ? printExpr(p, undefined, v.init.expr) : '')), ['2', '1', '[1, 0]']);
  });
});
