// Step extraction on tricky bodies, compared in a compact printed form. The expected steps are
// worked out by hand from the PlusCal rules in docs/language.md: a step runs from its label to
// the next label reached, the end of a while body (back to the while's label) or the end of the
// body (done); a labeled while becomes an if whose else branch is what follows the loop.

import assert from 'node:assert/strict';
import { bindOk } from './helpers.js';
import { printSteps } from './print.js';

const DECLS = 'var x: 0..3 = 0\nvar b: bool = false\nlock m\ninvariant Uses: x == 0 or b\n';

function steps(body: string, locals = ''): string[] {
  return printSteps(bindOk(`${DECLS}process P {\n${locals}\n${body}\n}`));
}

describe('binder: step extraction', () => {
  it('runs a straight body to the next label and the last step to done', () => {
    assert.deepEqual(steps('a: x := 1; b := true; c: x := 2;'), [
      'a: x := 1; b := true; goto c',
      'c: x := 2; goto done',
    ]);
  });

  it('turns a labeled while into an if whose else is the rest up to the next label', () => {
    assert.deepEqual(steps('w: while x < 3 { x := x + 1; } b := true; e: skip;'), [
      'w: if (x < 3) { x := fit[0..3]((x + 1)); goto w } else { b := true; goto e }',
      'e: goto done',
    ]);
  });

  it('cuts a while body at its labels and loops back from the end of the body', () => {
    assert.deepEqual(steps('w: while b { lock(m); inner: x := 1; unlock(m); } x := 0;'), [
      'w: if b { lock(m); goto inner } else { x := 0; goto done }',
      'inner: x := 1; unlock(m); goto w',
    ]);
  });

  it('continues after an if holding a label with the label that follows it', () => {
    assert.deepEqual(steps('a: if b { x := 1; t: x := 2; } else { x := 3; } n: skip;'), [
      'a: if b { x := 1; goto t } else { x := 3 }; goto n',
      't: x := 2; goto n',
      'n: goto done',
    ]);
  });

  it('runs a label-free if inside the step and keeps going after it', () => {
    assert.deepEqual(steps('a: if b { x := 1; } else { x := 2; } b := false; n: skip;'), [
      'a: if b { x := 1 } else { x := 2 }; b := false; goto n',
      'n: goto done',
    ]);
  });

  it('keeps an explicit goto as the end of its path and falls through elsewhere', () => {
    assert.deepEqual(steps('a: if b { goto c; } x := 1; c: either { x := 2; } or { goto a; }'), [
      'a: if b { goto c }; x := 1; goto c',
      'c: either { x := 2 } or { goto a }; goto done',
    ]);
  });

  it('goes to done from the end of a branch that ends the body', () => {
    assert.deepEqual(steps('a: skip; w: while b { if x == 0 { i: x := 1; } else { x := 2; } }'), [
      'a: goto w',
      'w: if b { if (x == 0) { goto i } else { x := 2 }; goto w } else { goto done }',
      'i: x := 1; goto w',
    ]);
  });

  it('nests whiles: the inner loop exits into the rest of the outer body', () => {
    assert.deepEqual(steps('o: while b { x := 0; i: while x < 2 { x := x + 1; } b := false; }'), [
      'o: if b { x := 0; goto i } else { goto done }',
      'i: if (x < 2) { x := fit[0..3]((x + 1)); goto i } else { b := false; goto o }',
    ]);
  });

  it('gives a label directly followed by a label a step that is just a goto', () => {
    assert.deepEqual(steps('a: b: x := 1;'), ['a: goto b', 'b: x := 1; goto done']);
  });

  it('binds choose and for bodies inside the step', () => {
    assert.deepEqual(steps('a: choose v in {1, 2} { let k = v; x := k; } for q in 1..2 { x := q; } n: skip;'), [
      'a: choose v in {1, 2} { let k = v; x := k }; for q in (1 .. 2) { x := q }; goto n',
      'n: goto done',
    ]);
  });

  it('keeps a let in scope to the end of the step', () => {
    assert.deepEqual(steps('a: x := 1; l: let k = x; b := k == 0;'), ['a: x := 1; goto l', 'l: let k = x; b := (k == 0); goto done']);
  });

  it('resolves process-local names', () => {
    assert.deepEqual(steps('a: n := n + 1;', 'var n: 0..1 = 0'), ['a: n := fit[0..1]((n + 1)); goto done']);
  });
});
