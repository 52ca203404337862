// Exact integers in the binder: constant expressions fold with BigInt (in constant declarations
// and inside run-time expressions), run-time ranges beyond ±(2^53-1) are KLP3013, and range types
// beyond 32 bits are KLP3014. The reproducer gets the right verdict end to end.

import assert from 'node:assert/strict';
import { check } from '../reference/check.js';
import { fast, loadText, removeScratch } from '../conformance/pipeline.js';
import { printExpr } from './print.js';
import { bindOk, codes as allCodes, load } from './helpers.js';
import type { LoadResult } from '../../lang/load.js';

const codes = (r: LoadResult) => allCodes({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') });

const BIG = '2147483647 * 2147483647'; // 4611686014132420609; as a double 4611686014132420600

function stepValue(src: string): string {
  const p = bindOk(src);
  const st = p.processes[0]!.steps[0]!.body[0]!;
  if (st.kind !== 'assign') throw new Error('expected an assignment');
  return printExpr(p, p.processes[0], st.value);
}

describe('binder: exact integers', function () {
  this.timeout(60_000);
  after(removeScratch);

  it('folds the constant parts of a run-time expression exactly', () => {
    assert.equal(stepValue(`var x: 0..3 = 0\nprocess p { a: x := (${BIG} + 1) - ${BIG}; }`), '1');
    assert.equal(stepValue(`var x: 0..3 = 0\nprocess p { a: x := x + ((${BIG}) % 1000 - 607); }`), 'fit[0..3]((x + 2))');
    assert.equal(stepValue(`var x: 0..3 = 0\nprocess p { a: x := (${BIG}) / (${BIG}); }`), '1');
  });

  it('folds constant declarations exactly, and refuses a constant beyond the exact integers', () => {
    const p = bindOk(`const B = (${BIG} + 1) - ${BIG}\nconst C = ${BIG} / 2147483647\nvar x: 0..C = B\ninvariant I: x == B`);
    assert.deepEqual(p.constants.map((c) => [c.name, c.value]), [['B', 1], ['C', 2147483647]]);
    const r = load(`const A = ${BIG}\nvar x: 0..3 = 0\ninvariant I: x < A`);
    assert.deepEqual(codes(r), ['KLP3013 1:11']);
    assert.match(r.diagnostics[0]!.message, /is 4611686014132420609, outside/);
  });

  it('reports a run-time range beyond ±(2^53-1), at the operation, with its exact bound', () => {
    const r = load('var y: 0..2147483647 = 0\nvar x: 0..3 = 0\nprocess p { a: x := y * y - y * y; }');
    assert.deepEqual(codes(r), ['KLP3013 3:21', 'KLP3013 3:29']);
    assert.match(r.diagnostics[0]!.message, /can reach 4611686014132420609/);
    assert.match(r.diagnostics[0]!.hint ?? '', /narrow/);
    // the last range that stays exact, and the first that does not
    assert.deepEqual(codes(load('var y: 0..94906265 = 0\nvar x: 0..3 = 0\nprocess p { a: x := y * y % 4; }')), []);
    assert.deepEqual(codes(load('var y: 0..94906266 = 0\nvar x: 0..3 = 0\nprocess p { a: x := y * y % 4; }')), ['KLP3013 3:21']);
    assert.deepEqual(codes(load('var y: -94906265..0 = 0\nvar x: 0..3 = 0\nprocess p { a: x := -(y * y) - y * y; }')), ['KLP3013 3:21']);
  });

  it('reports a constant part too large to fold away', () => {
    const r = load(`var x: 0..3 = 0\nprocess p { a: x := (${BIG} + x) - ${BIG}; }`);
    assert.deepEqual(codes(r), ['KLP3013 2:22', 'KLP3013 2:53']);
    assert.match(r.diagnostics[0]!.hint ?? '', /group the constant parts/);
  });

  it('refuses a range type beyond 32 bits', () => {
    assert.deepEqual(codes(load('const BIG = 65536 * 32768\nvar x: 0..BIG = 0\ninvariant I: x < 3')), ['KLP3014 2:8']);
    assert.deepEqual(codes(load('var x: -2147483647 - 2..0 = 0\ninvariant I: x < 3')), ['KLP3014 1:8']);
    assert.deepEqual(codes(load('var x: -2147483647 - 1..2147483647 = 0\ninvariant I: x < 3')), []);
  });

  it("gives the issue's reproducer the right verdict, compiled and in the reference interpreter", async () => {
    const { program } = await loadText(`var x: 0..3 = 0\nprocess p { a: x := (${BIG} + 1) - ${BIG}; }\ninvariant One: p@done => x == 1\n`, 'exact');
    for (const r of [await fast(program, true), check(program)]) {
      assert.deepEqual(r.properties.map((q) => [q.name, q.verdict]), [['One', 'holds'], ['deadlock', 'holds'], ['spec errors', 'holds']]);
    }
  });

  it('computes exactly between 2^31 and 2^53, where a 32-bit slot could not hold the value', async () => {
    const y = 94906265n;
    const expected = (y * y + 12345n) % 1000003n; // 94906265^2 = 9007199136250225
    const src = `var y: 0..94906265 = 94906265\nvar r: 0..1000002 = 0\nprocess p { a: r := (y * y + 12345) % 1000003; }\ninvariant Exact: p@done => r == ${expected}\n`;
    const { program } = await loadText(src, 'wide');
    for (const r of [await fast(program, true), check(program)]) assert.equal(r.properties.find((q) => q.name === 'Exact')?.verdict, 'holds');
  });
});
