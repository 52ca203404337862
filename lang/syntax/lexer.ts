// The lexing stage: source text in, the parser's token stream and lexical diagnostics out
// (KLP1001 unexpected character, KLP1002 unterminated string, KLP1003 unterminated comment).
// Unterminated strings stay in the stream (as strings) so the parser does not report them again.

import type { IToken } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from './line-index.js';
import { klpLexer, UnterminatedString } from './tokens.js';

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
    const hint = CHAR_HINTS[char];
    diagnostics.push(diag('KLP1001', lines.span(e.offset, e.offset + e.length), { char }, hint ? { hint } : {}));
  }
  for (const t of result.tokens) {
    // 'onlyOffset' tracking skips line counting (spans come from LineIndex) but leaves endOffset
    // unset, and the parser's CST node locations are built from it.
    t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(diag('KLP1002', lines.span(t.startOffset, t.startOffset + t.image.length), {}, { hint: 'close the string with \'"\' on the same line' }));
    }
  }
  for (const t of result.groups['invalid'] ?? []) {
    diagnostics.push(diag('KLP1003', lines.span(t.startOffset, t.startOffset + 2), {}, { hint: "close the comment with '*/'" }));
  }
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [], diagnostics };
}
