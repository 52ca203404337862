// Whether two tokens that end up side by side on a line get a space between them: the one
// place where klp's canonical spacing is written down. Default one space; none inside brackets,
// before `,` `;` `:` `?`, around `.` `..` `@`, after a unary minus, and before the `(` of a
// call or the `[` of an index. A set literal's braces hug (`{1, 2}`); records, comprehensions,
// enums and record types get spaces inside (`{ state: ENABLED }`).

import type { IToken } from 'chevrotain';

const NO_SPACE_BEFORE = new Set(['Comma', 'Semi', 'RParen', 'RBracket', 'Question', 'Colon', 'Dot', 'DotDot', 'At']);
const NO_SPACE_AFTER = new Set(['LParen', 'LBracket', 'Dot', 'DotDot', 'At']);
// what a call's `(` or an index's `[` may follow without a space
const CALLEE = new Set(['Identifier', 'kw_lock', 'kw_unlock']);
const INDEXED = new Set(['Identifier', 'RBracket', 'RParen', 'kw_Set', 'kw_Seq', 'kw_Map']);

export function spaceBetween(prev: IToken, next: IToken, rule: ReadonlyMap<IToken, string>, tightBraces: ReadonlySet<IToken>): boolean {
  const p = prev.tokenType.name;
  const n = next.tokenType.name;
  if (p === 'kw_with') return true; // `with .f = v`, `with [k] = v`
  if (NO_SPACE_BEFORE.has(n) || NO_SPACE_AFTER.has(p)) return false;
  if (p === 'Minus' && rule.get(prev) === 'unaryMinus') return false;
  if (n === 'LParen') return !CALLEE.has(p);
  if (n === 'LBracket') return !INDEXED.has(p);
  if (p === 'LBrace') return n !== 'RBrace' && !tightBraces.has(prev);
  if (n === 'RBrace') return !tightBraces.has(next);
  return true;
}
