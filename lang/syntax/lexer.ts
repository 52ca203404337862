// The lexing stage: source text in, the parser's token stream and lexical diagnostics out
// (KLP1001 unexpected character, KLP1002 unterminated string, KLP1003 unterminated comment).
// Unterminated strings stay in the stream (as strings) so the parser does not report them again.
// An invisible character is named by its code point, never printed; strings (which klpc prints)
// may hold none, and no comment may hold a bidirectional control, which could make the code
// display differently from how it parses.

import { tokenMatcher, type IToken } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeInvisible, isBidiControl, isInvisible } from '../diagnostics/printable.js';
import type { LineIndex } from './line-index.js';
import { klpLexer, StringLiteral, UnterminatedString } from './tokens.js';

export interface Lexed {
  readonly tokens: IToken[];
  readonly comments: readonly IToken[]; // in source order; only the formatter reads them
  readonly diagnostics: Diagnostic[];
}

// Characters users bring from other languages, with the klp spelling.
const CHAR_HINTS: Readonly<Record<string, string>> = {
  '!': "use 'not' for negation ('!=' is inequality)",
  '&': "use 'and' for conjunction",
  "'": 'strings use double quotes',
};

export function lex(lines: LineIndex): Lexed {
  const result = klpLexer.tokenize(lines.text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const char = String.fromCodePoint(lines.text.codePointAt(e.offset) ?? 0);
    if (isInvisible(char)) {
      diagnostics.push(invisible(lines, e.offset, char, INVISIBLE_HINT));
      continue;
    }
    const hint = CHAR_HINTS[char];
    diagnostics.push(diag('KLP1001', lines.span(e.offset, e.offset + e.length), { char: `'${char}'` }, hint ? { hint } : {}));
  }
  for (const t of result.tokens) {
    // 'onlyOffset' tracking skips line counting (spans come from LineIndex) but leaves endOffset
    // unset, and the parser's CST node locations are built from it.
    t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(diag('KLP1002', lines.span(t.startOffset, t.startOffset + t.image.length), {}, { hint: 'close the string with \'"\' on the same line' }));
    }
  }
  for (const t of result.tokens) if (tokenMatcher(t, StringLiteral)) flagInside(t, lines, diagnostics, isInvisible, 'a string may not hold invisible or control characters: delete it, or write \\n for a newline');
  const comments = result.groups['comments'] ?? [];
  for (const t of [...comments, ...(result.groups['invalid'] ?? [])]) flagInside(t, lines, diagnostics, isBidiControl, BIDI_HINT);
  for (const t of result.groups['invalid'] ?? []) {
    diagnostics.push(diag('KLP1003', lines.span(t.startOffset, t.startOffset + 2), {}, { hint: "close the comment with '*/'" }));
  }
  return { tokens: result.tokens, comments, diagnostics: diagnostics.sort((a, b) => a.span.start - b.span.start) };
}

const INVISIBLE_HINT = 'it is invisible in most editors (often pasted from a web page or a word processor): delete it';
const BIDI_HINT = 'bidirectional control characters make a line display in another order than it reads: delete it';

function invisible(lines: LineIndex, offset: number, char: string, hint: string): Diagnostic {
  return diag('KLP1001', lines.span(offset, offset + char.length), { char: describeInvisible(char) }, { hint: isBidiControl(char) ? BIDI_HINT : hint });
}

// Reports the characters of token `t` that `bad` rejects.
function flagInside(t: IToken, lines: LineIndex, out: Diagnostic[], bad: (ch: string) => boolean, hint: string): void {
  let i = 0;
  for (const ch of t.image) {
    if (bad(ch)) out.push(invisible(lines, t.startOffset + i, ch, hint));
    i += ch.length;
  }
}
