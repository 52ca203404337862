// The view: which keys the default compares and why others are left out, and that equal values
// get equal view ids in both specs even when their types list record fields and enum members in
// different orders (so their decoded JSON differs).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../compiler/build.js';
import { diffModels } from '../../diff/diff.js';
import { chosenView, defaultView } from '../../diff/view.js';
import { loadProgram } from '../../lang/load.js';
import { explore } from '../../runtime/explore.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'klpc-diff-view-'));

async function side(name: string, text: string) {
  const { program, diagnostics } = loadProgram(`${name}.klp`, { readFile: () => text });
  if (program === undefined) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const model = await buildModel(program, { cacheDir });
  return { name, program, meta: model.meta, model };
}

const common = `
process p(i: 1..2) {
  var k: bool = false
  a: s := s union {E2}; r.g := 1; k := true;
  b: skip;
}`;

const A = `enum E { E1, E2 }
type R = record { f: bool, g: 0..1 }
var s: Set[E] = {E1}
var r: R = { f: true, g: 0 }
var z: 0..2 = 0
var onlyA: bool = false
${common}`;

// the same values, declared in other orders; z has another range; p has a third instance
const B = `enum E { E2, E1 }
type R = record { g: 0..1, f: bool }
var r: R = { g: 0, f: true }
var s: Set[E] = {E1}
var z: 0..3 = 0
${common.replace('i: 1..2', 'i: 1..3')}`;

describe('diff: the view', function () {
  this.timeout(20000);
  after(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('compares shared variables and pcs by default, and says what it leaves out', async () => {
    const [a, b] = [await side('a', A), await side('b', B)];
    const view = defaultView(a, b);
    assert.deepEqual(view.keys, ['s', 'r', 'p[1].pc', 'p[2].pc']);
    assert.deepEqual(view.excluded, [
      { key: 'z', why: '0..2 in a, 0..3 in b' },
      { key: 'onlyA', why: 'only in a' },
      { key: 'p[3].pc', why: 'only in b' },
    ]);
    assert.deepEqual(view.reordered, ['s', 'r']);
    // the same behaviours over s, r and the common pcs (p[3] only adds steps to b: B extends A)
    const d = await diffModels({ name: 'a', model: a.model }, { name: 'b', model: b.model }, { view, explore, exploreOptions: { deadlock: false } });
    assert.equal(d.reach.onlyA.count, 0);
    assert.equal(d.behaviours.aNotB.status, 'included');
    assert.equal(d.behaviours.relation, 'extends');
  });

  it('--view takes locals and pcs, and refuses what the specs do not share alike', async () => {
    const [a, b] = [await side('a', A), await side('b', B)];
    const ok = chosenView(a, b, ['p[1].k', 'p[2].pc', 'r']);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.view.reordered, ['r']);
    const bad = chosenView(a, b, ['z', 'p[3].pc', 'nope']).problems.map((p) => [p.name, p.why]);
    assert.deepEqual(bad, [
      ['z', 'it is 0..2 in a but 0..3 in b'],
      ['p[3].pc', 'only b has it'],
      ['nope', 'neither a nor b has it'],
    ]);
    const d = await diffModels({ name: 'a', model: a.model }, { name: 'b', model: b.model }, { view: ok.view, explore, exploreOptions: { deadlock: false } });
    // only b can set r.g while p[1].k is false and p[2] is still at a: p[3] did it
    assert.deepEqual([d.reach.onlyA.count, d.reach.onlyB.count], [0, 1]);
    const w = d.reach.onlyB.witness!;
    assert.deepEqual(w.steps.map((st) => `${st.instance} ${st.label}`), ['p[3] a']);
    // every step is observable, out of the view or not: p[3]'s steps are behaviours only b has
    assert.equal(d.behaviours.relation, 'extends');
    if (d.behaviours.bNotA.status !== 'witness') throw new Error('no b-only behaviour');
    assert.equal(d.behaviours.bNotA.witness.trace.steps.at(-1)?.instance, 'p[3]');
  });
});
