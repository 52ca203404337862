// Variant merging through the loader: constant overrides, added declarations, replaced steps,
// functions and invariants, chains of variants, and the errors of each.

import assert from 'node:assert/strict';
import { codes, loadFiles } from './helpers.js';
import { printExpr, printSteps } from './print.js';

const BASE = `const N = 2
var x: 0..N = 0
fn inc(a: 0..N): 0..N = if a < N then a + 1 else a
process P {
  a: x := inc(x);
  w: while x > 0 {
    x := x - 1;
    inner: skip;
  }
  z: skip;
}
invariant Small: x <= N
invariant Other: x >= 0
`;

function load(variant: string, more: Record<string, string> = {}) {
  return loadFiles({ 'base.klp': BASE, 'main.klp': variant, ...more });
}

function program(variant: string, more: Record<string, string> = {}) {
  const r = load(variant, more);
  assert.ok(r.program, r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.program;
}

describe('binder: variants', () => {
  it('overrides a constant and adds declarations', () => {
    const p = program('variant of "base.klp"\nconst N = 3\nvar y: bool = false\ninvariant New: not y');
    assert.equal(p.name, 'main');
    assert.deepEqual(p.files, ['main.klp', 'base.klp']);
    assert.deepEqual(p.constants.map((c) => [c.name, c.value]), [['N', 3]]);
    assert.deepEqual(p.vars.map((v) => v.name), ['x', 'y']);
    assert.deepEqual(p.invariants.map((i) => i.name), ['Small', 'Other', 'New']);
  });

  it('replaces the statements of one step, up to the next label of its block', () => {
    const p = program('variant of "base.klp"\nreplace step P.a {\n  a: x := 0;\n  a2: x := 1;\n}');
    assert.deepEqual(printSteps(p), [
      'a: x := 0; goto a2',
      'a2: x := 1; goto w',
      'w: if (x > 0) { x := fit[0..2]((x - 1)); goto inner } else { goto z }',
      'inner: goto w',
      'z: goto done',
    ]);
  });

  it('prepends statements to a step, right after its label', () => {
    const p = program('variant of "base.klp"\nprepend step P.inner { x := 2; }\nprepend step P.a { await x == 0; }');
    assert.equal(printSteps(p)[0], 'a: await (x == 0); x := inc(x); goto w');
    assert.equal(printSteps(p)[2], 'inner: x := 2; goto w');
  });

  it('removes a step: its label and statements go, the step before falls through to the next', () => {
    const p = program('variant of "base.klp"\nreplace step P.a { a: x := inc(x); x := 0; }\nremove step P.z');
    assert.deepEqual(printSteps(p), [
      'a: x := inc(x); x := 0; goto w',
      'w: if (x > 0) { x := fit[0..2]((x - 1)); goto inner } else { goto done }',
      'inner: goto w',
    ]);
  });

  it('removes a step nested in a while body, and a step holding a loop with the loop', () => {
    assert.deepEqual(printSteps(program('variant of "base.klp"\nremove step P.inner')).map((s) => s.split(':')[0]), ['a', 'w', 'z']);
    assert.deepEqual(printSteps(program('variant of "base.klp"\nremove step P.w')), ['a: x := inc(x); goto z', 'z: goto done']);
  });

  it('replaces a step nested in a while body', () => {
    const p = program('variant of "base.klp"\nreplace step P.inner { inner: x := 2; }');
    assert.equal(printSteps(p)[2], 'inner: x := 2; goto w');
  });

  it('replaces a function with the same signature and replaces or removes invariants', () => {
    const p = program('variant of "base.klp"\nreplace fn inc(b: 0..N): 0..N = b\nreplace invariant Small: x < 2\nremove invariant Other');
    assert.equal(printExpr(p, undefined, p.fns[0]!.body), 'b');
    assert.deepEqual(p.invariants.map((i) => `${i.name}: ${printExpr(p, undefined, i.expr)}`), ['Small: (x < 2)']);
  });

  it('follows a chain of variants, each path relative to the file naming it', () => {
    const p = program('variant of "dir/mid.klp"\nconst N = 4', { 'dir/mid.klp': 'variant of "../base.klp"\nconst N = 3\nvar y: bool = false\ninvariant Y: y' });
    assert.deepEqual(p.files, ['main.klp', 'dir/mid.klp', 'base.klp']);
    assert.deepEqual(p.constants.map((c) => c.value), [4]);
  });

  it('applies command-line constants after the variants', () => {
    const r = loadFiles({ 'base.klp': BASE, 'main.klp': 'variant of "base.klp"\nconst N = 3' }, 'main.klp', new Map([['N', 1]]));
    assert.deepEqual(r.program?.constants.map((c) => c.value), [1]);
  });

  const ERRORS: [string, string, string[]][] = [
    ['an unknown step, with the nearest as hint', 'variant of "base.klp"\nreplace step P.inne { inne: skip; }', ['KLP5003 2:14']],
    ['a prepend to an unknown step', 'variant of "base.klp"\nprepend step Q.a { skip; }', ['KLP5003 2:14']],
    ['a removal of an unknown step', 'variant of "base.klp"\nremove step P.zz', ['KLP5003 2:13']],
    ['a removed step that a goto still jumps to', 'variant of "base.klp"\nreplace step P.z { z: goto a; }\nremove step P.a', ['KLP5008 3:13']],
    ['a replacement not starting with its label', 'variant of "base.klp"\nreplace step P.a { x := 1; }', ['KLP5005 2:20']],
    ['an unknown function', 'variant of "base.klp"\nreplace fn dec(a: 0..N): 0..N = a', ['KLP5004 2:12']],
    ['a changed signature', 'variant of "base.klp"\nreplace fn inc(a: bool): 0..N = 0', ['KLP5007 2:12']],
    ['an unknown invariant', 'variant of "base.klp"\nremove invariant Smal', ['KLP5004 2:18']],
    ['a variable declared again', 'variant of "base.klp"\nvar x: bool = false', ['KLP2002 2:5']],
    ['a missing base', 'variant of "nope.klp"', ['KLP5001 1:12']],
    ['a cycle', 'variant of "main.klp"', ['KLP5002 1:12']],
    ['variant declarations outside a variant', 'var q: bool = true\nremove invariant Q', ['KLP5006 2:1']],
    ['remove step outside a variant', 'var q: bool = true\nremove step P.a', ['KLP5006 2:1']],
  ];
  for (const [what, src, want] of ERRORS) {
    it(`reports ${what}`, () => assert.deepEqual(codes(load(src)), want));
  }

  it('hints the nearest step name', () => {
    const d = load('variant of "base.klp"\nreplace step P.inne { inne: skip; }').diagnostics[0];
    assert.equal(d?.hint, "did you mean 'P.inner'?");
  });
});
