// Checks the reference interpreter's step semantics directly: which outcomes (successors and
// failures of which kind) one step produces, and that a failing path leaves its siblings alone.

import assert from 'node:assert/strict';
import { loadText, removeScratch } from '../conformance/pipeline.js';
import { Interpreter } from './interpreter.js';

describe('reference interpreter steps', function () {
  before(function () {
  });
  after(removeScratch);

  it('reports each spec error kind on its own path', async function () {
    const { program } = await loadText(`
      var o: 0..1? = none
      var q: Seq[0..1, 1] = []
      var z: 0..1 = 0
      lock m
      process P {
        s1:
          either { z := unwrap(o); }
          or { z := head(q); }
          or { z := 1 / z; }
          or { z := min({ x for x in 0..1 if false }); }
          or { unlock(m); }
          or { lock(m); lock(m); }
          or { z := q[0]; }
          or { z := z + 1; z := z + 1; }
          or { assert z == 1, "never"; }
          or { skip; }
        s2: skip;
      }`, 'kinds');
    const interp = new Interpreter(program);
    const { states, failures } = interp.initial();
    assert.equal(states.length, 1);
    assert.deepEqual(failures, []);
    const out = interp.outcomes(states[0]!, 0);
    assert.deepEqual(
      out.map((o) => (o.kind === 'next' ? `next pc=${o.state.pcs[0]}` : o.failure.kind)),
      ['unwrap', 'index', 'divzero', 'empty', 'unlock', 'relock', 'index', 'domain', 'assert', 'next pc=1'],
    );
  });

  it('forks per choice and blocks on await and held locks', async function () {
    // Instance 0 (A) holds m after its first step; B then blocks on m. choose over {1, 2, 3}
    // with await v != 2 gives two successors.
    const { program } = await loadText(`
      lock m
      var x: 0..3 = 0
      process A {
        a1: lock(m);
        a2: choose v in {1, 2, 3} { await v != 2; x := v; }
      }
      process B {
        b1: lock(m);
      }`, 'forks');
    const interp = new Interpreter(program);
    const s0 = interp.initial().states[0]!;
    const [afterA] = interp.outcomes(s0, 0);
    assert.ok(afterA?.kind === 'next');
    assert.deepEqual(afterA.state.locks, [1]);
    assert.deepEqual(interp.outcomes(afterA.state, 1), []);
    const xs = interp.outcomes(afterA.state, 0).map((o) => (o.kind === 'next' ? o.state.vars[0] : o.failure.kind));
    assert.deepEqual(xs, [1, 3]);
  });

  it('builds one initial state per combination of initial values', async function () {
    // b: 2 choices, x: 3 choices, P[1].c and P[2].c: 2 each: 2 * 3 * 2 * 2 = 24.
    const { program } = await loadText(`
      var b: bool in {false, true}
      var x: 0..3 in {0, 1, 3}
      process P(i: 1..2) {
        var c: 0..2 in {self, 0}
        s: skip;
      }`, 'inits');
    assert.equal(new Interpreter(program).initial().states.length, 24);
  });
});
