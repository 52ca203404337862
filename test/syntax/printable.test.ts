// What diagnostics show of a spec: invisible and control characters as <U+XXXX> (so an excerpt
// can neither hide code nor drive the terminal), named in KLP1001 with a hint; none in strings,
// no bidirectional controls even in comments; long lines cut around the caret.

import assert from 'node:assert/strict';
import { parse } from '../../lang/syntax/parse.js';
import { MAX_EXCERPT } from '../../lang/diagnostics/render.js';
import { render } from './helpers.js';

function shown(text: string): string {
  return render(parse(text, 't.klp').diagnostics, 't.klp', text);
}

// Nothing below U+0020 (but newline) nor any format character reaches the output.
function assertPrintable(out: string): void {
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u, JSON.stringify(out));
}

describe('syntax: printable diagnostics', () => {
  it('names an invisible character by its code point, with a hint, and escapes it in the excerpt', () => {
    for (const [ch, name] of [['\u0000', 'U+0000 (NUL)'], ['\u200b', 'U+200B (zero width space)'], ['\u00a0', 'U+00A0 (no-break space)'], ['\ufeff', 'U+FEFF'], ['\u0007', 'U+0007 (bell)']] as const) {
      const out = shown(`var x: 0..1 = 0${ch}\ninvariant I: x == 0\n`);
      assert.ok(out.startsWith(`t.klp:1:16 - error KLP1001: Unexpected character ${name}`), out);
      assert.match(out, /1 \| var x: 0\.\.1 = 0<U\+[0-9A-F]{4}>\n {2}\| {16}~{8}\n/);
      assert.match(out, /hint: it is invisible in most editors/);
      assertPrintable(out);
    }
  });

  it('lines the caret up under a span after wide characters and combining marks', () => {
    // the two CJK characters and the emoji take two terminal columns each, the combining accent none
    const out = shown('process p { a: assert true, "\u8d85\u5927\u{1f600}e\u0301"; ) }\n');
    const width = 'process p { a: assert true, "'.length + 2 + 2 + 2 + 1 + 0 + '"; '.length;
    assert.match(out, new RegExp(`\\n {2}\\| {${1 + width}}~\\n`), out);
  });

  it('refuses control characters in strings, and bidirectional controls anywhere', () => {
    const esc = shown('process p { a: assert true, "clear \u001b[2J screen"; }\n');
    assert.match(esc, /KLP1001: Unexpected character U\+001B \(escape\)/);
    assert.match(esc, /a string may not hold invisible or control characters/);
    assertPrintable(esc);
    const bidi = shown('var x: 0..1 = 0 // \u202e }; x := 1 //\ninvariant I: x == 0\n');
    assert.match(bidi, /U\+202E \(right-to-left override\)/);
    assert.match(bidi, /bidirectional control characters/);
    assertPrintable(bidi);
    assert.deepEqual(parse('var x: 0..1 = 0 // a zero\u200bwidth space in a comment is harmless\n', 't.klp').diagnostics, []);
  });

  it('escapes what a message quotes from the source', () => {
    // a file name is shown as given; a control character in it must not reach the terminal
    const out = render(parse('var x y\n', 'a\u001b[31m.klp').diagnostics, 'a\u001b[31m.klp', 'var x y\n');
    assert.ok(out.startsWith('a<U+001B>[31m.klp:1:7'), out);
    assertPrintable(out);
  });

  it('cuts a long line around the caret, keeping it under the span', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `x == ${i}`).join(' or ');
    const text = `var x: 0..99 = 0\ninvariant I: ${filler} or x = 1 or ${filler}\n`;
    const out = shown(text);
    const [, line, caret] = /\n(2 \| .*)\n( {2}\| .*)\n/.exec(out)!;
    assert.ok(line!.length <= MAX_EXCERPT, `${line!.length} columns`);
    assert.ok(line!.startsWith('2 | …') && line!.endsWith('…'), line);
    const col = caret!.indexOf('~');
    assert.equal(line!.slice(col - 2, col + 2), 'x = ', `${line}\n${caret}`);
    assert.equal(caret!.slice(col), '~');
  });

  it('keeps short lines whole and tabs aligned', () => {
    const out = shown('var x: 0..1 = 0\ninvariant I:\tx = 0\n');
    assert.match(out, /2 \| invariant I: x = 0\n {2}\| {16}~\n/);
  });
});
