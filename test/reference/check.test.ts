// Checks the oracle itself: tiny specs whose state counts, transitions, depths and verdicts are
// computed by hand in the comments, run through the binder and the reference checker.

import assert from 'node:assert/strict';
import { loadText, removeScratch } from '../conformance/pipeline.js';
import { check, type RefResult } from './check.js';

async function run(text: string, name: string): Promise<{ r: RefResult; path: string }> {
  const { program, path } = await loadText(text, name);
  return { r: check(program), path };
}

function verdicts(r: RefResult): Record<string, string> {
  return Object.fromEntries(r.properties.map((p) => [p.name, p.verdict === 'holds' ? 'holds' : `violated@${p.length}`]));
}

describe('reference checker on hand-computed specs', function () {
  before(function () {
  });
  after(removeScratch);

  it('counts the product of two independent processes', async function () {
    // pc(A) in {a1, a2, done} fixes x, pc(B) fixes y: 3 x 3 = 9 states. Each state has one
    // transition per unfinished process: A unfinished in 2 of its 3 pcs, so 2*3 + 3*2 = 12.
    // The farthest state (done, done) is 4 steps away. No deadlock: only (done, done) is stuck.
    const { r } = await run(`
      var x: 0..2 = 0
      var y: 0..2 = 0
      process A {
        a1: x := x + 1;
        a2: x := x + 1;
      }
      process B {
        b1: y := y + 1;
        b2: y := y + 1;
      }`, 'independent');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [9, 12, 4]);
    assert.deepEqual(verdicts(r), { deadlock: 'holds', 'spec errors': 'holds' });
  });

  it('keeps a lock-protected counter at most 1', async function () {
    // pcs (P[1], P[2]) over {e(nter), l(eave), d(one)}; the lock excludes (l, l): 8 states.
    // Transitions: (e,e) 2; (l,e) (e,l) (d,e) (e,d) (d,l) (l,d) 1 each (the other is blocked
    // or done); (d,d) 0: 8. Longest shortest path: (e,e) (l,e) (d,e) (d,l) (d,d): depth 4.
    const { r } = await run(`
      lock m
      var crit: 0..2 = 0
      process P(i: 1..2) {
        enter: lock(m); crit := crit + 1;
        leave: crit := crit - 1; unlock(m);
      }
      invariant Mutual: crit <= 1`, 'mutex');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [8, 8, 4]);
    assert.deepEqual(verdicts(r), { Mutual: 'holds', deadlock: 'holds', 'spec errors': 'holds' });
  });

  it('finds the unprotected counter at 2 after two steps', async function () {
    // Without the lock all 3 x 3 pc pairs are reachable (crit = number at leave), with 12
    // transitions as in the independent spec; (leave, leave) is 2 steps from the start.
    const { r } = await run(`
      var crit: 0..2 = 0
      process P(i: 1..2) {
        enter: crit := crit + 1;
        leave: crit := crit - 1;
      }
      invariant Mutual: crit <= 1`, 'race');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [9, 12, 4]);
    assert.deepEqual(verdicts(r), { Mutual: 'violated@2', deadlock: 'holds', 'spec errors': 'holds' });
  });

  it('finds the lock-order deadlock at depth 2', async function () {
    // Lock ownership follows from the pcs. Reachable (P, Q) pcs by BFS level:
    // L0 (p1,q1); L1 (p2,q1) (p1,q2); L2 (p3,q1) (p2,q2) (p1,q3); L3 (d,q1) (p1,d);
    // L4 (d,q2) (p2,d); L5 (d,q3) (p3,d); L6 (d,d): 13 states, depth 6. (p2,q2) is the
    // deadlock: P holds a and waits for b, Q the reverse. Transitions: 2 from each of
    // (p1,q1) (p2,q1) (p1,q2), 0 from (p2,q2) and (d,d), 1 from the 8 others: 14.
    const { r } = await run(`
      lock a
      lock b
      process P {
        p1: lock(a);
        p2: lock(b);
        p3: unlock(b); unlock(a);
      }
      process Q {
        q1: lock(b);
        q2: lock(a);
        q3: unlock(a); unlock(b);
      }`, 'deadlock');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [13, 14, 6]);
    assert.deepEqual(verdicts(r), { deadlock: 'violated@2', 'spec errors': 'holds' });
  });

  it('reports failing paths as failures of the step, not successors', async function () {
    // Initial x in {0, 2}. s1 from x=0: x=1 or x=2; from x=2: x=3, or x=4 outside 0..3 (a spec
    // error after 1 step). s2 from x=3 fails the assert (2 steps); from x=1, x=2 it finishes.
    // States: (s1,0) (s1,2) (s2,1) (s2,2) (s2,3) (done,1) (done,2) = 7; transitions:
    // 2 + 1 + 1 + 1 = 5; depth 2. (s2,3) has a failing step, so it is not a deadlock.
    const { r, path } = await run(`
      var x: 0..3 in {0, 2}
      process P {
        s1: either { x := x + 1; } or { x := x + 2; }
        s2: assert x != 3, "three";
      }`, 'failures');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [7, 5, 2]);
    assert.deepEqual(verdicts(r), { deadlock: 'holds', [`assert ${path}:5`]: 'violated@2', 'spec errors': 'violated@1' });
  });

  it('runs choose, while and for', async function () {
    // pick: s = {1} or {2}. loop adds one w in 0..3 \ s until card(s) = 2: {0,1} {1,2} {1,3}
    // from {1}, {0,2} {1,2} {2,3} from {2}: 5 sets; then one step to sum, one to done with n
    // the sum of s. States: 1 + 2 + 5 (loop) + 5 (sum) + 5 (done) = 18. Transitions: 2 from
    // the start, 3 from each card-1 state, 1 from each of the 10 others: 18. Depth 4.
    const { r } = await run(`
      var s: Set[0..3] = {}
      var n: 0..6 = 0
      process P {
        pick: choose v in {1, 2} { s := s union {v}; }
        loop: while card(s) < 2 {
          choose w in 0..3 { await w notin s; s := s union {w}; }
        }
        sum: for v in s { n := n + v; }
      }`, 'loops');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [18, 18, 4]);
    assert.deepEqual(verdicts(r), { deadlock: 'holds', 'spec errors': 'holds' });
  });

  it('evaluates the built-in operations as documented', async function () {
    // One process, two steps: 3 states, 2 transitions, depth 2. Each assert states the value
    // worked out by hand from docs/language.md; a wrong evaluation fails it.
    const { r } = await run(`
      type R = record { a: 0..3, f: bool }
      var m: Map[0..2, 0..3] = [k in 0..2 |-> k]
      var r: R = { a: 1, f: false }
      var q: Seq[0..3, 3] = []
      var o: 0..3? = none
      fn double(v: 0..3): 0..6 = v * 2
      process P {
        s1:
          q := append(append(q, 3), 1);
          m[1] := head(q);
          r.f := true;
          r := r with .a = last(q);
          o := some(m[2]);
        s2:
          assert m == [k in 0..2 |-> if k == 1 then 3 else k];
          assert q == [3, 1] and len(tail(q)) == 1 and pop(q) == [3] and q[1] == 1;
          assert r == { f: true, a: 1 } and r.a == 1;
          assert unwrap(o) == 2 and is_some(o) and double(unwrap(o)) == 4;
          assert contains(q, 1) and not contains(q, 2);
          assert min({2, 3}) == 2 and max(1..3) == 3 and card({ x * 2 for x in 0..3 if x > 0 }) == 3;
          assert -7 / 2 == -3 and -7 % 2 == -1 and 7 % -2 == 1 and 7 / 2 == 3;
          assert (forall x in 0..2: m[x] >= x) and (exists x in {1, 2}: x == 2) and not (exists x in 1..0: true);
          assert {1, 2} subseteq 0..2 and ({1, 2} inter {2, 3}) == {2} and ({1, 2} diff {2}) == {1} and ({2} union {0}) == {0, 2};
          assert (let y = 2; y * y == 4) and (false => false) and (if 1 < 2 then true else false);
      }`, 'builtins');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [3, 2, 2]);
    for (const p of r.properties) assert.equal(p.verdict, 'holds', p.name);
  });

  it('removes every occurrence with remove()', async function () {
    // `remove` is also a keyword (`remove invariant`); as a call it is the built-in.
    const { r } = await run(`
      var q: Seq[0..2, 3] = [1, 2, 1]
      process P {
        s: assert remove(q, 1) == [2] and remove(q, 0) == q and len(remove([2], 2)) == 0;
      }`, 'remove');
    assert.deepEqual([r.distinct, r.transitions, r.depth], [2, 1, 1]);
    for (const p of r.properties) assert.equal(p.verdict, 'holds', p.name);
  });
});
