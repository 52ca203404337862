// Nesting bounds: a flat chain (`1 + 1 + ... + 1`) parses without recursion but builds a tree
// one level deeper per operator, which every later stage walks recursively. Up to MAX_AST_DEPTH
// levels every stage (binder, compiler, explorer, reference interpreter) copes; beyond, KLP1010
// at the chain. Nesting the parser cannot take is KLP1009, with a hint for the statement or the
// expression it is.

import assert from 'node:assert/strict';
import { MAX_AST_DEPTH } from '../../lang/syntax/depth.js';
import { parse } from '../../lang/syntax/parse.js';
import { check } from '../reference/check.js';
import { fast, loadText, normalized, removeScratch } from '../conformance/pipeline.js';

const chain = (n: number, term: string, op: string) => Array.from({ length: n }, () => term).join(` ${op} `);
const codes = (text: string) => parse(text, 'deep.klp').diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}`);

describe('syntax: nesting bounds', function () {
  this.timeout(120_000);
  after(removeScratch);

  it('accepts a chain at the limit and reports the next operator with KLP1010, at the chain', () => {
    // `const A = e`: the declaration is level 1, a chain of n operands n more
    assert.deepEqual(codes(`const A = ${chain(MAX_AST_DEPTH - 1, '1', '+')}\n`), []);
    const over = parse(`var x: 0..1 = 0\nconst A = ${chain(MAX_AST_DEPTH, '1', '+')}\n`, 'deep.klp');
    assert.deepEqual(over.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}`), ['KLP1010 2:11']);
    assert.equal(over.diagnostics[0]!.message, `This chain of operators is ${MAX_AST_DEPTH + 1} levels deep, more than the ${MAX_AST_DEPTH} klpc accepts.`);
    assert.deepEqual(over.spec.decls.map((d) => d.kind), ['var'], 'the declaration is left out');
  });

  it('reports a long chain without recursing (test/cli/hostile.test.ts: 100,000 terms)', () => {
    assert.deepEqual(codes(`const A = ${chain(20_000, '1', '+')}\n`), ['KLP1010 1:11']);
  });

  it('bounds chains of indexes and option types too', () => {
    assert.match(parse(`var s: Seq[0..1, 1] = [0]\ninvariant I: s${'[0]'.repeat(MAX_AST_DEPTH)} == 0\n`, 'deep.klp').diagnostics[0]!.message, /chain of indexes/);
    assert.match(parse(`var o: bool${'?'.repeat(MAX_AST_DEPTH)} = none\n`, 'deep.klp').diagnostics[0]!.message, /option type/);
  });

  it('compiles, explores and interprets expressions near the limit, in a step, a function and an invariant', async () => {
    const n = MAX_AST_DEPTH - 10;
    const text = [
      `fn f(a: 0..3): 0..3 = (a + ${chain(n, '0', '+')}) % 4`,
      'var x: 0..3 = 0',
      `process p { a: x := f(x + 1); b: await ${chain(n, 'x == 1', 'or')}; }`,
      `invariant I: ${chain(n, 'x < 4', 'and')}`,
      '',
    ].join('\n');
    const { program } = await loadText(text, 'deep');
    const got = await fast(program, true);
    assert.deepEqual(normalized(got), normalized(check(program)));
    assert.ok(got.properties.every((p) => p.verdict === 'holds'));
  });

  it('says statement or expression in the hint of KLP1009', () => {
    const ifs = parse(`var x: 0..1 = 0\nprocess p { a: ${'if x == 0 { '.repeat(1000)}x := 1;${' }'.repeat(1000)} }\n`, 'deep.klp').diagnostics;
    assert.deepEqual(ifs.map((d) => d.code), ['KLP1009']);
    assert.match(ifs[0]!.hint ?? '', /labeled step/);
    const parens = parse(`var x: 0..1 = 0\ninvariant I: ${'('.repeat(300)}x${')'.repeat(300)} == 0\n`, 'deep.klp').diagnostics;
    assert.match(parens[0]!.hint ?? '', /named with let/);
    const nots = parse(`var x: bool = true\ninvariant I: ${'not '.repeat(4000)}x\n`, 'deep.klp').diagnostics;
    assert.deepEqual(nots.map((d) => `${d.code} ${d.span.line}:${d.span.col}`), ['KLP1009 2:14']);
  });
});
