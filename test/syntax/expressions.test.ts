// Expressions: every construct of docs/language.md "Expressions", its AST shape, and the
// precedence table (checked against hand-parenthesized text).

import assert from 'node:assert/strict';
import type { BinaryOp, Expr } from '../../lang/ast.js';
import { exprOf } from './helpers.js';
import { printExpr, shape } from './printer.js';

// `a` parses to the same tree as the explicitly parenthesized `b`.
function sameTree(a: string, b: string): void {
  assert.deepEqual(shape(exprOf(a)), shape(exprOf(b)), `${a}  vs  ${b}`);
}

describe('syntax: expressions', () => {
  it('parses literals, names and self', () => {
    assert.deepEqual(shape(exprOf('42')), { kind: 'int', value: 42 });
    assert.deepEqual(shape(exprOf('true')), { kind: 'bool', value: true });
    assert.deepEqual(shape(exprOf('false')), { kind: 'bool', value: false });
    assert.deepEqual(shape(exprOf('none')), { kind: 'none' });
    assert.deepEqual(shape(exprOf('self')), { kind: 'self' });
    assert.deepEqual(shape(exprOf('x_1')), { kind: 'name', name: { name: 'x_1' } });
  });

  it('parses calls (some and built-ins are ordinary calls)', () => {
    assert.deepEqual(shape(exprOf('some(x)')), { kind: 'call', callee: { name: 'some' }, args: [{ kind: 'name', name: { name: 'x' } }] });
    assert.deepEqual(shape(exprOf('f()')), { kind: 'call', callee: { name: 'f' }, args: [] });
    assert.equal(printExpr(exprOf('remove(s, 1)')), 'remove(s, 1)');
    assert.equal(printExpr(exprOf('append(s, len(t))')), 'append(s, len(t))');
  });

  it('parses set, sequence, map and record literals', () => {
    assert.deepEqual(shape(exprOf('{}')), { kind: 'setLit', elems: [] });
    assert.deepEqual(shape(exprOf('[]')), { kind: 'seqLit', elems: [] });
    assert.equal(exprOf('{1, 2, 3}').kind, 'setLit');
    assert.equal(exprOf('[a, b]').kind, 'seqLit');
    assert.deepEqual(shape(exprOf('{ f: 1, g: x }')), {
      kind: 'recordLit',
      fields: [{ name: { name: 'f' }, value: { kind: 'int', value: 1 } }, { name: { name: 'g' }, value: { kind: 'name', name: { name: 'x' } } }],
    });
    assert.deepEqual(shape(exprOf('[k in K |-> k + 1]')), {
      kind: 'mapLit', binder: { name: 'k' }, domain: { kind: 'named', name: { name: 'K' } },
      value: { kind: 'binary', op: '+', left: { kind: 'name', name: { name: 'k' } }, right: { kind: 'int', value: 1 } },
    });
    assert.equal(printExpr(exprOf('[b in bool |-> 0]')), '[b in bool |-> 0]');
    assert.equal(printExpr(exprOf('[i in 1..N + 1 |-> [j in 0..2 |-> i]]')), '[i in 1..N + 1 |-> [j in 0..2 |-> i]]');
  });

  it('tells a sequence of membership tests from a map literal', () => {
    const seq = exprOf('[x in S, y in T]');
    assert.equal(seq.kind, 'seqLit');
    assert.equal(printExpr(seq), '[x in S, y in T]');
    assert.equal(printExpr(exprOf('[x in S]')), '[x in S]');
    assert.equal(exprOf('[x in [y in K |-> 1]]').kind, 'seqLit');
    assert.equal(exprOf('[x in (K) |-> 1]').kind, 'mapLit');
  });

  it('parses set comprehensions (map, filter, both)', () => {
    assert.deepEqual(shape(exprOf('{ x for x in S if x > 1 }')), {
      kind: 'setComp', elem: { kind: 'name', name: { name: 'x' } }, binder: { name: 'x' }, domain: { kind: 'name', name: { name: 'S' } },
      filter: { kind: 'binary', op: '>', left: { kind: 'name', name: { name: 'x' } }, right: { kind: 'int', value: 1 } },
    });
    const mapped = exprOf('{ x * 2 for x in 1..3 }');
    assert.equal(mapped.kind === 'setComp' && mapped.filter, undefined);
    assert.equal(printExpr(mapped), '{ x * 2 for x in 1..3 }');
  });

  it('parses sequence comprehensions and tells them from sequence and map literals', () => {
    assert.deepEqual(shape(exprOf('[x + 1 for x in s if x > 1]')), {
      kind: 'seqComp', elem: { kind: 'binary', op: '+', left: { kind: 'name', name: { name: 'x' } }, right: { kind: 'int', value: 1 } },
      binder: { name: 'x' }, domain: { kind: 'name', name: { name: 's' } },
      filter: { kind: 'binary', op: '>', left: { kind: 'name', name: { name: 'x' } }, right: { kind: 'int', value: 1 } },
    });
    const plain = exprOf('[p for p in 1..N]');
    assert.equal(plain.kind === 'seqComp' && plain.filter, undefined);
    assert.equal(printExpr(plain), '[p for p in 1..N]');
    // a membership test as the element: `for`, not `in`, decides
    assert.equal(exprOf('[x in S for x in T]').kind, 'seqComp');
    assert.equal(printExpr(exprOf('[[y for y in s] for x in T if x in S]')), '[[y for y in s] for x in T if x in S]');
    assert.equal(exprOf('[x in S, y in T]').kind, 'seqLit');
    assert.equal(exprOf('[k in K |-> [x for x in k]]').kind, 'mapLit');
  });

  it('parses postfix index, field and updates', () => {
    assert.equal(printExpr(exprOf('m[k].f[0]')), 'm[k].f[0]');
    assert.deepEqual(shape(exprOf('r with .f = 1')), {
      kind: 'withField', target: { kind: 'name', name: { name: 'r' } }, field: { name: 'f' }, value: { kind: 'int', value: 1 },
    });
    assert.equal(exprOf('m with [k] = v').kind, 'withIndex');
    // the value of an update extends as far right as possible
    sameTree('m with [k] = m[k] + 1', 'm with [k] = (m[k] + 1)');
    sameTree('a + m with [k] = 1', 'a + (m with [k] = 1)');
  });

  it('parses process references: P@label, P[e]@label, done, P[e].x and P.x', () => {
    assert.deepEqual(shape(exprOf('loader@klp_coming')), { kind: 'at', process: { name: 'loader' }, label: { name: 'klp_coming' } });
    assert.deepEqual(shape(exprOf('patcher[p + 1]@done')), {
      kind: 'at', process: { name: 'patcher' }, label: { name: 'done' },
      instance: { kind: 'binary', op: '+', left: { kind: 'name', name: { name: 'p' } }, right: { kind: 'int', value: 1 } },
    });
    assert.equal(exprOf('patcher[m[1]]@enable').kind, 'at');
    // the parser cannot know whether `patcher` is a process: field/index, the binder decides
    assert.deepEqual(shape(exprOf('patcher[2].x')), {
      kind: 'field', target: { kind: 'index', target: { kind: 'name', name: { name: 'patcher' } }, index: { kind: 'int', value: 2 } }, field: { name: 'x' },
    });
    assert.deepEqual(shape(exprOf('loader.tries')), { kind: 'field', target: { kind: 'name', name: { name: 'loader' } }, field: { name: 'tries' } });
    assert.equal(exprOf('m[1] == p@l').kind, 'binary');
  });

  it('parses if, let and quantifiers, which extend as far right as possible', () => {
    sameTree('if c then 1 else 2 + 3', 'if c then 1 else (2 + 3)');
    sameTree('let x = 1; x + 1 == 2', 'let x = 1; ((x + 1) == 2)');
    sameTree('forall x in S: x > 0 and p', 'forall x in S: ((x > 0) and p)');
    sameTree('a => exists x in S: x', 'a => (exists x in S: x)');
    sameTree('1 + if c then 1 else 2', '1 + (if c then 1 else 2)');
    assert.equal(exprOf('exists y in S: y').kind, 'quant');
  });

  it('follows the precedence table', () => {
    sameTree('a => b => c', 'a => (b => c)');
    sameTree('a or b and c', 'a or (b and c)');
    sameTree('a and b or c', '(a and b) or c');
    sameTree('not a and b', '(not a) and b');
    sameTree('not a == b', 'not (a == b)');
    sameTree('x in S or y notin T', '(x in S) or (y notin T)');
    sameTree('x == 1..N', 'x == (1..N)');
    sameTree('1..N union M', '1..(N union M)');
    sameTree('A union B diff C', '(A union B) diff C');
    sameTree('A union B inter C', 'A union (B inter C)');
    sameTree('A inter x + 1', 'A inter (x + 1)');
    sameTree('a - b - c', '(a - b) - c');
    sameTree('a + b * c', 'a + (b * c)');
    sameTree('a * b / c % d', '((a * b) / c) % d');
    sameTree('-a * b', '(-a) * b');
    sameTree('- a[1].f', '-((a[1]).f)');
    sameTree('- - a', '-(-a)');
    sameTree('S subseteq T and a <= b', '(S subseteq T) and (a <= b)');
    sameTree('(a)', 'a');
  });

  it('agrees with the printer on every pair of operators, nested either way', () => {
    const ops = ['=>', 'or', 'and', '==', '!=', '<', '<=', '>', '>=', 'in', 'notin', 'subseteq', '..', 'union', 'diff', 'inter', '+', '-', '*', '/', '%'] as const;
    const span = exprOf('a').span;
    const n = (name: string): Expr => ({ kind: 'name', name: { name, span }, span });
    const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span });
    const trees: Expr[] = [];
    for (const op1 of ops) {
      for (const op2 of ops) trees.push(bin(op2, bin(op1, n('a'), n('b')), n('c')), bin(op1, n('a'), bin(op2, n('b'), n('c'))));
      for (const u of ['not', '-'] as const) {
        trees.push({ kind: 'unary', op: u, operand: bin(op1, n('a'), n('b')), span }, bin(op1, { kind: 'unary', op: u, operand: n('a'), span }, n('b')));
      }
    }
    for (const tree of trees) assert.deepEqual(shape(exprOf(printExpr(tree))), shape(tree), printExpr(tree));
  });

  it('gives binary and postfix nodes spans from their first to their last token', () => {
    const e = exprOf('a +  f(b)[0]');
    assert.equal(e.kind, 'binary');
    assert.deepEqual(e.span, { file: 'test.klp', start: 10, end: 22, line: 1, col: 11 });
    if (e.kind !== 'binary') return;
    assert.deepEqual([e.right.span.start, e.right.span.end], [15, 22]);
    assert.deepEqual([e.left.span.start, e.left.span.end], [10, 11]);
  });
});
