// Fuzz tests (fast-check): the parser never throws and answers fast on (a) random token soup and
// (b) mutations of the sample spec, reports invalid input, and whatever it accepts prints and
// re-parses to the same tree; (c) random valid expressions and statements, printed with the
// fewest parentheses the precedence table allows, parse back to the tree they came from.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from '../../lang/syntax/parse.js';
import { CLOSERS, klpLexer, OPENERS } from '../../lang/syntax/tokens.js';
import { expr, operators, stmts } from './arbitraries.js';
import { FIXTURES, render } from './helpers.js';
import { printExpr, printSpec, printStmt, shape } from './printer.js';

const SAMPLE = readFileSync(FIXTURES + 'sample.klp', 'utf8');

// Parses within the time budget, never throwing; an accepted text must round-trip.
function parseChecked(text: string): boolean {
  const started = performance.now();
  const { spec, diagnostics } = parse(text, 'fuzz.klp');
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 1000, `parse took ${elapsed.toFixed(0)} ms`);
  if (diagnostics.length > 0) return false;
  const again = parse(printSpec(spec), 'printed.klp');
  assert.deepEqual(again.diagnostics, [], render(again.diagnostics, 'printed.klp', printSpec(spec)));
  assert.deepEqual(shape(again.spec.decls), shape(spec.decls));
  return true;
}

const FRAGMENTS = [
  'const', 'var', 'type', 'enum', 'lock', 'fn', 'process', 'invariant', 'variant', 'of', 'replace', 'remove', 'step', 'if', 'then',
  'else', 'while', 'goto', 'either', 'or', 'choose', 'for', 'in', 'let', 'await', 'assert', 'skip', 'with', 'forall', 'not', 'and',
  'Set', 'Seq', 'Map', 'record', 'bool', 'none', 'self', 'done', 'x', 'P', 'N', '0', '42', '99999999999', '"s"', '"a\\"b"', '"open',
  '/*', '*/', '//', ':=', '=', '==', ':', ';', ',', '.', '..', '|->', '@', '?', '(', ')', '[', ']', '{', '}', '+', '-', '*', '<=',
  '=>', '$', '!', '\\',
];
const soup = fc.array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(' ', '', '\n')), { maxLength: 40 }).map((parts) => parts.flat().join(''));

describe('syntax: fuzz', function () {
  this.timeout(20000);

  it('(a) survives random token soup, and reports it when it cannot be valid', () => {
    fc.assert(fc.property(soup, (text) => {
      parseChecked(text);
      // '@@' is never valid klp outside a comment, and the line comment ends before it
      assert.equal(parseChecked(`${text}\n@@`), false);
    }), { numRuns: 250 });
  });

  const sampleTokens = klpLexer.tokenize(SAMPLE).tokens;
  const tokenIndex = fc.nat({ max: sampleTokens.length - 1 });

  it('(b) survives mutations of a valid spec; removing one bracket is always reported', () => {
    const brackets = sampleTokens.filter((t) => OPENERS.includes(t.tokenType) || CLOSERS.includes(t.tokenType));
    fc.assert(fc.property(fc.constantFrom(...brackets), (t) => {
      assert.equal(parseChecked(SAMPLE.slice(0, t.startOffset) + SAMPLE.slice(t.startOffset + 1)), false);
    }), { numRuns: 25 });

    const cut = (i: number) => [sampleTokens[i]!.startOffset, sampleTokens[i]!.startOffset + sampleTokens[i]!.image.length] as const;
    const mutation = fc.oneof(
      tokenIndex.map((i) => SAMPLE.slice(0, cut(i)[0]) + SAMPLE.slice(cut(i)[1])), // delete a token
      fc.tuple(tokenIndex, fc.constantFrom(...FRAGMENTS)).map(([i, f]) => `${SAMPLE.slice(0, cut(i)[0])}${f} ${SAMPLE.slice(cut(i)[0])}`), // insert
      tokenIndex.map((i) => SAMPLE.slice(0, cut(i)[1]) + ' ' + SAMPLE.slice(...cut(i)) + SAMPLE.slice(cut(i)[1])), // duplicate
      tokenIndex.filter((i) => i + 1 < sampleTokens.length).map((i) => {
        const [a, b] = [sampleTokens[i]!, sampleTokens[i + 1]!];
        return SAMPLE.slice(0, a.startOffset) + b.image + SAMPLE.slice(a.startOffset + a.image.length, b.startOffset) + a.image + SAMPLE.slice(b.startOffset + b.image.length); // swap
      }),
      fc.tuple(fc.nat({ max: SAMPLE.length - 1 }), fc.nat({ max: 2 })).map(([at, kind]) => // characters
        kind === 0 ? SAMPLE.slice(0, at) + SAMPLE.slice(at + 1) : kind === 1 ? SAMPLE.slice(0, at) + SAMPLE[at] + SAMPLE.slice(at) : SAMPLE.slice(0, at) + (SAMPLE[at + 1] ?? '') + SAMPLE[at] + SAMPLE.slice(at + 2)),
    );
    fc.assert(fc.property(mutation, (text) => void parseChecked(text)), { numRuns: 80 });
  });

  it('(c) parses printed random expressions back to the same tree', () => {
    fc.assert(fc.property(fc.oneof(expr, operators), (e) => {
      const text = `const X = ${printExpr(e)}`;
      const { spec, diagnostics } = parse(text, 'gen.klp');
      assert.deepEqual(diagnostics, [], render(diagnostics, 'gen.klp', text));
      const d = spec.decls[0];
      assert.deepEqual(shape(d?.kind === 'const' && d.value), shape(e), text);
    }), { numRuns: 400 });
  });

  it('(c) parses printed random statements back to the same tree', () => {
    fc.assert(fc.property(stmts, (body) => {
      const text = `process p {\n${body.map((s) => printStmt(s, '  ')).join('')}}`;
      const { spec, diagnostics } = parse(text, 'gen.klp');
      assert.deepEqual(diagnostics, [], render(diagnostics, 'gen.klp', text));
      const d = spec.decls[0];
      assert.deepEqual(shape(d?.kind === 'process' && d.body.stmts), shape(body), text);
    }), { numRuns: 150 });
  });
});
