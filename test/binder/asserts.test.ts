// Named asserts (`assert Name: cond`): the name reaches the program, and it may not take an
// invariant's name or `deadlock` (the properties a report lists side by side).

import assert from 'node:assert/strict';
import type { Stmt } from '../../lang/program.js';
import { bindOk, codes, load } from './helpers.js';

const SPEC = (asserts: string, more = '') => `var x: 0..2 = 0\nprocess P {\n  a:\n    ${asserts}\n}\n${more}`;

function assertNames(stmts: readonly Stmt[]): (string | undefined)[] {
  return stmts.flatMap((s) => (s.kind === 'assert' ? [s.name] : s.kind === 'if' ? [...assertNames(s.then), ...assertNames(s.else)] : []));
}

describe('binder: named asserts', () => {
  it('keeps the name of a named assert and none for an unnamed one', () => {
    const p = bindOk(SPEC('assert Small: x < 2; if x == 0 { assert x == 0, "zero"; }'));
    assert.deepEqual(assertNames(p.processes[0]!.steps[0]!.body), ['Small', undefined]);
  });

  it('lets two asserts share a name', () => {
    bindOk(SPEC('assert Small: x < 2; assert Small: x < 3;'));
  });

  it("rejects an invariant's name, pointing at the invariant", () => {
    const r = load(SPEC('assert Small: x < 2;', 'invariant Small: x <= 2'));
    assert.deepEqual(codes(r), ['KLP2002 4:12']);
    assert.equal(r.diagnostics[0]?.related?.[0]?.span.line, 6);
  });

  it("rejects 'deadlock'", () => {
    const r = load(SPEC('assert deadlock: x < 2;'));
    assert.deepEqual(codes(r), ['KLP2002 4:12']);
    assert.match(r.diagnostics[0]?.hint ?? '', /built-in deadlock check/);
  });
});
