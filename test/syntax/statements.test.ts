// Statements: every form of docs/language.md "Processes and statements", as AST shapes.

import assert from 'node:assert/strict';
import { stmtsOf } from './helpers.js';
import { printExpr, shape } from './printer.js';

const name = (n: string) => ({ kind: 'name', name: { name: n } });
const int = (value: number) => ({ kind: 'int', value });

describe('syntax: statements', () => {
  it('parses labels and assignments to paths', () => {
    const [label, a, b] = stmtsOf('start:\n x := 1;\n m[k].f[0] := y;');
    assert.deepEqual(shape(label), { kind: 'label', name: { name: 'start' } });
    assert.deepEqual(shape(a), { kind: 'assign', target: { root: { name: 'x' }, path: [] }, value: int(1) });
    assert.deepEqual(shape(b), {
      kind: 'assign',
      target: { root: { name: 'm' }, path: [{ kind: 'index', index: name('k') }, { kind: 'field', field: { name: 'f' } }, { kind: 'index', index: int(0) }] },
      value: name('y'),
    });
  });

  it('parses await, lock, unlock, goto, let, assert and skip', () => {
    const stmts = stmtsOf('await x > 0; lock(m); unlock(m); goto start; let y = 2; assert y == 2; assert false, "bad \\"x\\"\\n"; skip;');
    assert.deepEqual(shape(stmts), [
      { kind: 'await', cond: { kind: 'binary', op: '>', left: name('x'), right: int(0) } },
      { kind: 'lock', lock: { name: 'm' } },
      { kind: 'unlock', lock: { name: 'm' } },
      { kind: 'goto', target: { name: 'start' } },
      { kind: 'let', name: { name: 'y' }, value: int(2) },
      { kind: 'assert', cond: { kind: 'binary', op: '==', left: name('y'), right: int(2) } },
      { kind: 'assert', cond: { kind: 'bool', value: false }, message: 'bad "x"\n' },
      { kind: 'skip' },
    ]);
  });

  it('parses a named assert, and a condition that starts with a name without taking it for one', () => {
    const [named, plain, quant] = stmtsOf('assert Small: x < 2, "big"; assert x; assert forall p in S: p;');
    assert.deepEqual(shape(named), { kind: 'assert', name: { name: 'Small' }, cond: { kind: 'binary', op: '<', left: name('x'), right: int(2) }, message: 'big' });
    assert.deepEqual(shape(plain), { kind: 'assert', cond: name('x') });
    assert.equal(quant?.kind === 'assert' && quant.name, undefined);
  });

  it('parses if / else if / else, an else-if being an else block holding one if', () => {
    const [s] = stmtsOf('if a { skip; } else if b { x := 1; } else { skip; }');
    assert.deepEqual(shape(s), {
      kind: 'if', cond: name('a'), then: { stmts: [{ kind: 'skip' }] },
      else: { stmts: [{ kind: 'if', cond: name('b'), then: { stmts: [{ kind: 'assign', target: { root: { name: 'x' }, path: [] }, value: int(1) }] }, else: { stmts: [{ kind: 'skip' }] } }] },
    });
    const [plain] = stmtsOf('if a { }');
    assert.deepEqual(shape(plain), { kind: 'if', cond: name('a'), then: { stmts: [] } });
  });

  it('parses a condition ending in a set literal before the block', () => {
    const [s] = stmtsOf('if x in {1, 2} { skip; }');
    assert.equal(s?.kind === 'if' && printExpr(s.cond), 'x in {1, 2}');
  });

  it('parses while, either/or, choose and for', () => {
    const [w, e, c, f] = stmtsOf('while i < 3 { i := i + 1; } either { skip; } or { goto a; } or { } choose q in S { skip; } for x in s { skip; }');
    assert.equal(w?.kind, 'while');
    assert.equal(e?.kind === 'either' && e.branches.length, 3);
    assert.deepEqual(shape(c), { kind: 'choose', binder: { name: 'q' }, domain: name('S'), body: { stmts: [{ kind: 'skip' }] } });
    assert.deepEqual(shape(f), { kind: 'for', binder: { name: 'x' }, domain: name('s'), body: { stmts: [{ kind: 'skip' }] } });
  });

  it('gives statements and blocks spans that include their terminator', () => {
    const text = 'process p {\n  a: x[1] := 2;\n  if c { skip; }\n}';
    const [label, assign, ifs] = stmtsOf(text.slice('process p {\n'.length, -2));
    const base = 'process p {\n'.length;
    assert.deepEqual([label?.span.start, label?.span.end, label?.span.line, label?.span.col], [base + 2, base + 4, 2, 3]);
    assert.equal(assign?.kind, 'assign');
    if (assign?.kind !== 'assign' || ifs?.kind !== 'if') return;
    assert.deepEqual([assign.span.start - base, assign.span.end - base], [5, 15]);
    assert.deepEqual([assign.target.span.start - base, assign.target.span.end - base], [5, 9]);
    assert.deepEqual([ifs.then.span.start - base, ifs.then.span.end - base], [23, 32]);
  });
});
