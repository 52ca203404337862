// Lexical and syntax errors: codes, spans, messages and hints; error recovery (several
// mistakes, several diagnostics, the good declarations kept); never throwing.

import assert from 'node:assert/strict';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import { parse } from '../../lang/syntax/parse.js';
import { codes } from './helpers.js';

function diagnose(text: string): Diagnostic[] {
  return parse(text, 'e.klp').diagnostics;
}

function only(text: string): Diagnostic {
  const ds = diagnose(text);
  assert.equal(ds.length, 1, ds.map((d) => d.message).join('\n'));
  return ds[0]!;
}

// The source text under a diagnostic's span.
function under(text: string, d: Diagnostic): string {
  return text.slice(d.span.start, d.span.end);
}

describe('syntax: lexical errors', () => {
  it('reports an unexpected character with its position and a hint for "!"', () => {
    const text = 'const A = 1\nconst B = ! A';
    const d = only(text);
    assert.equal(d.code, 'KLP1001');
    assert.equal(d.message, "Unexpected character '!'.");
    assert.deepEqual([d.span.line, d.span.col, d.span.start, d.span.end], [2, 11, 22, 23]);
    assert.match(d.hint ?? '', /not/);
  });

  it('reports an unterminated string once, up to the end of its line', () => {
    const text = 'process p { a: assert x, "oops;\n}';
    const d = only(text);
    assert.equal(d.code, 'KLP1002');
    assert.equal(under(text, d), '"oops;');
  });

  it('reports an unterminated block comment at its opening', () => {
    const text = 'const A = 1 /* never\nclosed';
    const d = only(text);
    assert.equal(d.code, 'KLP1003');
    assert.equal(under(text, d), '/*');
    assert.equal(parse(text, 'e.klp').spec.decls.length, 1);
  });

  it('reports an unknown escape in a string', () => {
    const text = 'process p { a: assert x, "tab\\there"; }';
    const d = only(text);
    assert.equal(d.code, 'KLP1008');
    assert.equal(under(text, d), '\\t');
  });
});

describe('syntax: syntax errors', () => {
  it('says what was expected and what was found, at the offending token', () => {
    const text = 'const A = 1\nenum E { X Y }';
    const d = only(text);
    assert.equal(d.code, 'KLP1004');
    assert.equal(d.message, "Expected ',' or '}' but found 'Y'.");
    assert.equal(under(text, d), 'Y');
  });

  it('hints at a missing ; before the next statement', () => {
    const text = 'process p {\n  a:\n    x := 1\n    y := 2;\n}';
    const d = only(text);
    assert.equal(d.message, "Expected ';' but found 'y'.");
    assert.deepEqual([d.span.line, d.span.col], [4, 5]);
    assert.equal(d.hint, "add ';' at the end of the previous statement");
  });

  it("hints at ':=' for '=' in an assignment, plain or to a path", () => {
    for (const stmt of ['x = 1;', 'm[k].f = 1;']) {
      const text = `process p { a: ${stmt} }`;
      const d = only(text);
      assert.equal(under(text, d), '=');
      assert.equal(d.hint, "use ':=' to assign");
    }
    assert.equal(only('process p { a: x = 1; }').message, "Expected ':', '[', '.' or ':=' but found '='.");
  });

  it("hints at '==' for '=' in a condition or a property", () => {
    for (const text of ['process p { a: if x = 1 { skip; } }', 'process p { a: await x = 1; }', 'invariant I: x = 1']) {
      const d = diagnose(text)[0]!;
      assert.equal(under(text, d), '=', text);
      assert.equal(d.hint, "use '==' to compare", text);
    }
  });

  it('explains chained comparisons, misplaced locals and if-expressions written as statements', () => {
    assert.match(only('invariant I: 0 < x < 3').hint ?? '', /do not chain/);
    const local = diagnose('process p { a: skip; var z: bool = true }')[0]!;
    assert.equal(local.message, "Expected a statement or '}' but found 'var'.");
    assert.match(local.hint ?? '', /before the first statement/);
    assert.equal(only('const X = if c { 1 } else { 2 }').message, "Expected 'then' but found '{'.");
  });

  it('offers the separator or the closing bracket after a list, an item after an opening bracket', () => {
    assert.equal(only('const S = {1, 2 3}').message, "Expected ',' or '}' but found '3'.");
    assert.equal(only('const S = f(1 2)').message, "Expected ',' or ')' but found '2'.");
    assert.equal(only('const S = [1 2]').message, "Expected ',' or ']' but found '2'.");
    assert.equal(only('const S = f(;').message, "Expected an expression or ')' but found ';'.");
    assert.equal(only('fn f(x: bool y: bool): bool = x').message, "Expected ',' or ')' but found 'y'.");
  });

  it('names the kind of thing expected at the start of an expression, type, statement or declaration', () => {
    assert.equal(only('const X = ;').message, "Expected an expression but found ';'.");
    assert.equal(only('type T = ;').message, "Expected a type but found ';'.");
    assert.equal(only('process p { a: 3; }').message, "Expected a statement or '}' but found '3'.");
    assert.equal(only('const A = 1 x').message, "Expected a declaration but found 'x'.");
    assert.equal(only('type T = 3').message, "Expected a type but found '3'.");
  });

  it('points "found end of file" just after the last token', () => {
    const text = 'process p {\n  a: skip;\n';
    const d = only(text);
    assert.equal(d.message, "Expected a statement or '}' but found end of file.");
    assert.deepEqual([d.span.start, d.span.end, d.span.line, d.span.col], [22, 22, 2, 11]);
  });

  it('reports a malformed set comprehension as KLP1007', () => {
    assert.deepEqual(codes('const S = { x for x S }'), ['KLP1007']);
    assert.deepEqual(codes('const S = { x | x in T }'), ['KLP1007']);
  });

  it('reports a malformed sequence comprehension as KLP1007, and a second element after one', () => {
    const d = only('const S = [x for x S]');
    assert.equal(d.code, 'KLP1007');
    assert.equal(d.message, 'Malformed sequence comprehension: expected `[e for x in S]` or `[e for x in S if p]`.');
    assert.equal(only('const S = { x for x S }').message, 'Malformed set comprehension: expected `{ e for x in S }` or `{ e for x in S if p }`.');
    const text = 'const S = [a, b for x in T]';
    const e = only(text);
    assert.deepEqual([e.code, under(text, e)], ['KLP1004', 'for']);
    assert.deepEqual(codes('const S = [x for x in T, y]'), ['KLP1004']);
    assert.deepEqual(codes('const S = [x for x in T if]'), ['KLP1004']);
  });

  it('reports integer literals that are too large', () => {
    const d = only('const A = 2147483648');
    assert.equal(d.code, 'KLP1005');
    assert.equal(d.message, 'Integer literal 2147483648 is too large.');
    assert.deepEqual(codes('const A = 2147483647'), []);
  });

  it("reports 'variant of' anywhere but first", () => {
    const text = 'const A = 1\nvariant of "base.klp"';
    const { spec, diagnostics } = parse(text, 'e.klp');
    assert.deepEqual(diagnostics.map((d) => [d.code, under(text, d)]), [['KLP1006', 'variant of "base.klp"']]);
    assert.equal(spec.variantOf, undefined);
    assert.deepEqual(codes('variant of "a.klp"\nvariant of "b.klp"'), ['KLP1006']);
  });

  it('treats remove as a word except at the start of a declaration', () => {
    assert.deepEqual(codes('remove invariant I\nconst remove = 1\nfn f(s: Seq[bool, 2]): Seq[bool, 2] = remove(s, true)'), []);
    assert.equal(only('remove I').message, "Expected 'invariant', 'property' or 'step' but found 'I'.");
    assert.deepEqual(codes('prepend step p.l { skip; }\nconst prepend = 1'), []);
  });
});

describe('syntax: error recovery', () => {
  it('reports three separate mistakes as three diagnostics and keeps the good declarations', () => {
    const text = [
      'const A = 1',
      'process p {',
      '  a:',
      '    x = 1;', // ':=' expected
      '    y := 2;',
      '  b:',
      '    await y > ;', // expression expected
      '    skip;',
      '}',
      'enum E { X, }', // name expected
      'invariant Ok: A == 1',
    ].join('\n');
    const { spec, diagnostics } = parse(text, 'e.klp');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.span.line]), [['KLP1004', 4], ['KLP1004', 7], ['KLP1004', 10]]);
    // the enum lost its missing member but is kept
    assert.deepEqual(spec.decls.map((d) => d.kind), ['const', 'process', 'enum', 'invariant']);
    const p = spec.decls[1];
    // the two broken statements are dropped, the rest of the process is kept
    assert.deepEqual(p?.kind === 'process' && p.body.stmts.map((s) => s.kind), ['label', 'assign', 'label', 'skip']);
  });

  it('reports lexical and syntax errors together, in source order', () => {
    assert.deepEqual(codes('const A = $1\nconst B = 99999999999\nconst C = (1'), ['KLP1001', 'KLP1005', 'KLP1004']);
  });

  it('never throws, even on absurd nesting, and stays usable afterwards', () => {
    for (const text of ['', '// only a comment', '}}}}', ')'.repeat(50), 'const X = ' + '('.repeat(5000) + '1', 'process p {'.repeat(300)]) {
      const { diagnostics } = parse(text, 'e.klp');
      assert.ok(text.trim() === '' || text.startsWith('//') || diagnostics.length > 0, text.slice(0, 20));
    }
    assert.deepEqual(codes('const X = ' + '('.repeat(5000) + '1' + ')'.repeat(5000)), ['KLP1009']);
    assert.deepEqual(codes('const X = ((1))'), []);
  });
});
