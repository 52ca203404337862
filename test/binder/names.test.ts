// Name resolution: lookup order and shadowing, process references (P@label, P.local, P[i].x
// parsed as field accesses), `self`, finite types as sets, what each kind of unit may read, and
// the "did you mean" hints.

import assert from 'node:assert/strict';
import { bindOk, codes, load } from './helpers.js';
import { printExpr, printSteps } from './print.js';

const DECLS = `
const N = 2
enum Mode { OFF, ON }
type Patch = 1..N
var x: 0..3 = 0
var mode: Mode = OFF
process loader {
  var stage: 0..2 = 0
  start: stage := 1;
  coming: skip;
}
process patcher(p: Patch) {
  var count: 0..3 = p
  enable: count := p + x;
}
`;

function inv(expr: string): string {
  const p = bindOk(`${DECLS}\ninvariant T: ${expr}`);
  return printExpr(p, undefined, p.invariants[0]!.expr);
}

describe('binder: names', () => {
  const CASES: [string, string][] = [
    ['x == N', '(x == 2)'],
    ['mode == ON', '(mode == ON)'],
    ['forall p in Patch: patcher[p]@enable', '(forall p in universe[Set[1..2]]: patcher[p]@enable)'],
    ['exists m in Mode: m == mode', '(exists m in universe[Set[Mode]]: (m == mode))'],
    ['loader@coming or loader@done', '(loader@coming or loader@done)'],
    ['loader.stage == 1', '(loader.stage == 1)'],
    ['patcher[1].count == patcher[x].count', '(patcher[1].count == patcher[fit[1..2](x)].count)'],
    ['forall x in 0..1: x == 0', '(forall x in (0 .. 1): (x == 0))'],
    ['let mode = 3; mode > x', '(let mode = 3; (mode > x))'],
  ];
  for (const [expr, want] of CASES) it(`${expr} -> ${want}`, () => assert.equal(inv(expr), want));

  it('resolves a process parameter and self to the instance value, locals before shared names', () => {
    const p = bindOk(`${DECLS}\ninvariant T: x == 0 and mode == OFF`);
    assert.deepEqual(printSteps(p, 1), ['enable: count := fit[0..3]((self + x)); goto done']);
    const init = p.processes[1]!.locals[0]!.init;
    assert.equal(init.kind === 'value' && printExpr(p, p.processes[1], init.expr), 'self');
    assert.deepEqual(p.processes.map((q) => [q.instances, q.firstInstance]), [[[0], 0], [[1, 2], 1]]);
  });

  const ERRORS: [string, string, string | undefined][] = [
    ['invariant T: mdoe == OFF', 'KLP2001', "did you mean 'mode'?"],
    ['invariant T: patcher[1]@enabel', 'KLP2005', "did you mean 'enable'?"],
    ['invariant T: patchr[1]@enable', 'KLP2004', "did you mean 'patcher'?"],
    ['invariant T: loader.stag == 0', 'KLP2007', "did you mean 'stage'?"],
    ['var y: Patc = 1\ninvariant U: y == 1', 'KLP2003', "did you mean 'Patch'?"],
    ['invariant T: count == 0', 'KLP2001', "'count' is a local variable of process patcher: write patcher[i].count"],
    ['invariant T: self == 1', 'KLP2011', undefined],
    ['var y: 0..3 = x\ninvariant U: y == 0', 'KLP3004', undefined],
    ['process q { var l: 0..1 = x\n s: skip; }', 'KLP3004', undefined],
    ['fn f(a: 0..1): bool = a == 0 and loader@start\nvar y: bool = f(0)\ninvariant U: y', 'KLP3004', undefined],
    ['invariant T: 1 in [1]', 'KLP3002', 'for a sequence, use contains(s, x)'],
    ['invariant T: x == none', 'KLP3001', "'none' is only a value of an option type (T?)"],
    ['var y: 0..3 = none\ninvariant U: y == 0', 'KLP3001', "'none' is only a value of an option type (T?)"],
  ];
  for (const [src, code, hint] of ERRORS) {
    it(`${src.split('\n')[0]} -> ${code}`, () => {
      const d = load(`${DECLS}\n${src}`).diagnostics.filter((x) => x.severity === 'error');
      assert.deepEqual(d.map((x) => x.code), [code], codes(load(`${DECLS}\n${src}`)).join(', '));
      assert.equal(d[0]!.hint, hint);
    });
  }
});
