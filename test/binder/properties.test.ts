// Temporal properties and fairness through the loader: each supported form and its normal
// shape, outer `forall`s expanded into instances, label fairness (own, inherited, overridden),
// variants that replace or remove a property, and the errors around them.

import assert from 'node:assert/strict';
import { bindOk, codes, load, loadFiles } from './helpers.js';
import { printExpr } from './print.js';

const SPEC = `const N = 3
type T = 1..N
enum Colour { red, green }
var x: 0..N = 0
var c: Colour = red
fair process p(t: T) {
  unfair a: x := t;
  strong fair b: x := 0;
  c: skip;
}
process q {
  d: c := green;
  fair e: skip;
}
`;

describe('binder: temporal properties', () => {
  it('recognises every supported form', () => {
    const p = bindOk(`${SPEC}
property A: always x <= N
property E: eventually x == 2
property L: x == 1 leadsto x == 0
property L2: x == 1 ~> x == 0
property L3: always (x == 1 => eventually x == 0)
property AE: always eventually x == 0
property EA: eventually always c == green
`);
    assert.deepEqual(p.properties.map((x) => [x.name, x.form]), [
      ['A', 'always'], ['E', 'eventually'], ['L', 'leadsto'], ['L2', 'leadsto'], ['L3', 'leadsto'], ['AE', 'alwaysEventually'], ['EA', 'eventuallyAlways'],
    ]);
    const l3 = p.properties[4]!;
    assert.deepEqual([printExpr(p, undefined, l3.p), l3.q && printExpr(p, undefined, l3.q)], ['(x == 1)', '(x == 0)']);
    assert.deepEqual(l3.text, { p: 'x == 1', q: 'x == 0' });
  });

  it('expands outer foralls into instances, outermost slowest', () => {
    const p = bindOk(`${SPEC}
property S: forall t in T: forall k in {red, green}: (p[t]@a and c == k) leadsto p[t]@done
property R: forall t in 2..N: eventually p[t]@c
property U: forall t in T diff {2}: eventually p[t]@c
`);
    const [s, r, u] = p.properties;
    assert.deepEqual(s!.binders.map((b) => b.name), ['t', 'k']);
    assert.deepEqual(s!.instances, [[1, 0], [1, 1], [2, 0], [2, 1], [3, 0], [3, 1]]);
    assert.deepEqual(r!.instances, [[2], [3]]);
    assert.deepEqual(u!.instances, [[1], [3]]);
  });

  it('gives each label its own fairness, or its process default', () => {
    const p = bindOk(`${SPEC}\nproperty E: eventually x == 2`);
    assert.deepEqual(p.processes.map((pr) => pr.labels.map((l) => `${l.name}:${l.fairness}`)), [
      ['a:unfair', 'b:strong', 'c:weak'],
      ['d:unfair', 'e:weak'],
    ]);
    const strong = bindOk('var x: bool = false\nstrong fair process p {\n  a: x := true;\n}\nproperty E: eventually x');
    assert.deepEqual(strong.processes[0]!.labels.map((l) => l.fairness), ['strong']);
  });

  it('lets a variant replace and remove properties', () => {
    const base = `${SPEC}\nproperty E: eventually x == 2\nproperty F: eventually x == 1\ninvariant I: x <= N\n`;
    const r = loadFiles({ 'base.klp': base, 'main.klp': 'variant of "base.klp"\nreplace property E: eventually x == 3\nremove property F\nproperty G: always x <= N' });
    assert.ok(r.program, r.diagnostics.map((d) => d.message).join('\n'));
    assert.deepEqual(r.program.properties.map((x) => [x.name, x.text.p]), [['E', 'x == 3'], ['G', 'x <= N']]);
    const missing = loadFiles({ 'base.klp': base, 'main.klp': 'variant of "base.klp"\nremove property Ff' });
    assert.deepEqual(codes(missing), ['KLP5004 2:17']);
    assert.equal(missing.diagnostics[0]!.hint, "did you mean 'F'?");
  });

  it('shares one namespace between invariants and properties', () => {
    assert.deepEqual(codes(load(`${SPEC}\ninvariant I: x <= N\nproperty I: eventually x == 1`)), ['KLP2002 17:10']);
  });

  it('rejects temporal operators outside properties and state reads in quantifier domains', () => {
    assert.deepEqual(codes(load(`${SPEC}\nfn f(v: 0..N): bool = always v == 1`)), ['KLP3017 16:23']);
    assert.deepEqual(codes(load(`${SPEC}\nproperty P: forall t in 1..x: eventually p[t]@c`)), ['KLP3004 16:28']);
    assert.deepEqual(codes(load(`${SPEC}\nproperty P: forall s in { v + 1 for v in T }: eventually x == s`)), ['KLP3004 16:25']);
    assert.deepEqual(codes(load(`${SPEC}\nproperty P: eventually x == 1 leadsto x == 2`)), ['KLP3018 16:13']);
  });

  it('warns when a liveness property has no fair step to rely on', () => {
    const src = 'var x: bool = false\nprocess p {\n  a: x := true;\n}\n';
    assert.deepEqual(codes(load(`${src}property E: eventually x\nproperty A: always x or not x`)), ['KLP4010 5:1']);
    assert.deepEqual(codes(load(`${src}property A: always x or not x`)), []);
  });
});
