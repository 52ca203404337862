// `klpc fmt`'s printer (lang/format): the canonical layout on small cases, and three properties on
// every shipped spec and on random specs (the parser fuzzers' generators, printed, then re-spaced
// at random with newlines, blank lines and comments between tokens): the formatted text parses to
// the same AST, keeps every comment in order, and formatting it again changes nothing.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { formatSpec } from '../../lang/format/format.js';
import { parse, parseCst } from '../../lang/syntax/parse.js';
import { repoRoot } from '../golden.js';
import { decl } from '../syntax/arbitraries.js';
import { printDecl, shape } from '../syntax/printer.js';

function fmt(text: string): string {
  const r = formatSpec(text, 't.klp');
  assert.ok(r.text !== undefined, r.diagnostics.map((d) => d.message).join('\n'));
  return r.text;
}

const comments = (text: string): string[] => parseCst(text, 't.klp').comments.map((c) => c.image);

// The three properties; returns the formatted text.
function roundTrip(text: string, file = 't.klp'): string {
  const before = parse(text, file);
  assert.deepEqual(before.diagnostics, []);
  const out = fmt(text);
  const after = parse(out, file);
  assert.deepEqual(after.diagnostics, [], out);
  assert.deepEqual(shape(after.spec), shape(before.spec), out);
  assert.deepEqual(comments(out), comments(text).map((c) => c.trimEnd()), out);
  assert.equal(fmt(out), out, 'formatting twice changes the text');
  return out;
}

const CASES: [string, string, string][] = [
  ['spaces around operators, none inside brackets, no optional ;', 'const A=1+2*( 3-1 );\nvar  x:0..A={ 1,2 }', 'const A = 1 + 2 * (3 - 1)\nvar x: 0..A = {1, 2}\n'],
  ['records and comprehensions get spaces inside braces', 'const R = {a:1,b:-2}\nconst S={x for x in 1..3 if x>1}', 'const R = { a: 1, b: -2 }\nconst S = { x for x in 1..3 if x > 1 }\n'],
  ['calls, indexes, @ and options', 'fn f(a:T?):bool=g (a)and m [1][2]. f==P [ 1 ] @ l', 'fn f(a: T?): bool = g(a) and m[1][2].f == P[1]@l\n'],
  ['labels on their own line, the step one level in', 'process p { a: x := 1; b: await x == 1; y := 2; }',
    'process p {\n  a:\n    x := 1;\n  b:\n    await x == 1;\n    y := 2;\n}\n'],
  ['blocks open on the line, else and or join the closing brace', 'process p {\na: if x {skip;}\nelse if y { skip; } else {\n\n skip;\n\n}\neither { skip; }\n or { skip; }\n}',
    'process p {\n  a:\n    if x {\n      skip;\n    } else if y {\n      skip;\n    } else {\n      skip;\n    }\n    either {\n      skip;\n    } or {\n      skip;\n    }\n}\n'],
  ['one blank line at most, none at the start of a block; comments keep their place', '// head\n\n\nconst A = 1   // a\n/* b */ const B = 2\nprocess p {\n\n  // first\n  a: skip; // trailing\n  // last\n}\n',
    '// head\n\nconst A = 1   // a\n/* b */\nconst B = 2\nprocess p {\n  // first\n  a:\n    skip;  // trailing\n  // last\n}\n'],
  ['continuation lines keep their relative indentation, at least two spaces', 'invariant I:\nforall p in S:\n      f(p,\n        q)', 'invariant I:\n  forall p in S:\n      f(p,\n        q)\n'],
  ['variant declarations', 'variant of "b.klp";\nremove step p.a;\nprepend step p.b {x := 1;}', 'variant of "b.klp"\nremove step p.a\nprepend step p.b {\n  x := 1;\n}\n'],
];

describe('klpc fmt: the printer', () => {
  for (const [what, input, want] of CASES) {
    it(what, () => {
      assert.equal(fmt(input), want);
      roundTrip(input);
    });
  }

  it('refuses a spec with syntax errors, returning them', () => {
    const r = formatSpec('const A =\nvar', 'bad.klp');
    assert.equal(r.text, undefined);
    assert.ok(r.diagnostics.some((d) => d.code === 'KLP1004'));
  });

  const specs = ['specs/klp', 'specs/examples'].flatMap((d) => readdirSync(path.join(repoRoot, d)).filter((f) => f.endsWith('.klp')).map((f) => `${d}/${f}`));
  it('has shipped specs to format', () => assert.ok(specs.length >= 10, specs.join(', ')));
  for (const spec of specs) {
    it(`round-trips ${spec}`, () => void roundTrip(readFileSync(path.join(repoRoot, spec), 'utf8'), spec));
  }
});

// Random whitespace between the tokens of a printed spec: any mix of spaces, newlines, blank lines
// and comments, each separator keeping the tokens apart.
const SEPARATORS = [' ', ' ', ' ', '\n', '\n    ', '\n\n\n', '  /* c */ ', ' // note\n', '\n// own line\n', '\t'];

function respaced(text: string, seps: readonly number[]): string {
  const { tokens } = parseCst(text, 'gen.klp');
  return tokens.map((t, i) => t.image + SEPARATORS[seps[i % seps.length]! % SEPARATORS.length]!).join('');
}

describe('klpc fmt: random specs', function () {
  const runs = Number(process.env['KLPC_FUZZ_RUNS'] ?? 60);
  this.timeout(Math.max(60000, runs * 200));

  it('parse to the same AST, keep their comments, and are a fixed point', () => {
    const spec = fc.array(decl, { minLength: 1, maxLength: 4 }).map((ds) => ds.map((d) => `${printDecl(d)};\n`).join(''));
    fc.assert(fc.property(spec, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (text, seps) => {
      roundTrip(text);
      roundTrip(respaced(text, seps));
    }), { numRuns: runs });
  });
});
