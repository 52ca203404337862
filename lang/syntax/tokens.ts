// The token vocabulary of klp (docs/language.md, "Lexical structure") and the one lexer built from
// it. Keywords are tried before identifiers with `longer_alt`; operator tokens carry a category per
// precedence level so the grammar consumes "any additive operator" in one step. Labels are what
// syntax errors print for an expected token.

import { createToken, Lexer, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });
export const Integer = createToken({ name: 'Integer', pattern: /[0-9]+/, label: 'an integer' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, label: 'a string' });
const ClosedString = createToken({ name: 'ClosedString', pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: StringLiteral, label: 'a string' });
// Up to the end of the line; still a string for the parser so one mistake gives one diagnostic.
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*\\?/, categories: StringLiteral, label: 'a string' });

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f]+/, group: Lexer.SKIPPED });
// Comments stay out of the parser's token stream but are kept (group 'comments') for `klpc fmt`.
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments' });
// Runs to the end of the file; kept out of the token stream, reported by the lexer stage.
const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: 'invalid' });

// Operator categories, one per binary precedence level that has several operators.
export const CmpOp = createToken({ name: 'CmpOp', pattern: Lexer.NA, label: 'a comparison' });
export const SetAddOp = createToken({ name: 'SetAddOp', pattern: Lexer.NA, label: "'union' or 'diff'" });
export const AddOp = createToken({ name: 'AddOp', pattern: Lexer.NA, label: "'+' or '-'" });
export const MulOp = createToken({ name: 'MulOp', pattern: Lexer.NA, label: "'*', '/' or '%'" });
export const LeadsToOp = createToken({ name: 'LeadsToOp', pattern: Lexer.NA, label: "'leadsto' or '~>'" });

export const KEYWORDS = [
  'const', 'type', 'enum', 'record', 'var', 'lock', 'fn', 'process', 'invariant', 'variant', 'of',
  'replace', 'step', 'if', 'then', 'else', 'while', 'goto', 'either', 'or', 'choose', 'for',
  'in', 'notin', 'let', 'await', 'assert', 'skip', 'true', 'false', 'none', 'and', 'not', 'forall',
  'exists', 'with', 'self', 'done', 'union', 'inter', 'diff', 'subseteq', 'bool', 'Set', 'Seq', 'Map',
  'unlock', 'symmetric', 'property', 'always', 'eventually', 'leadsto', 'fair', 'strong', 'unfair',
] as const;
type Keyword = (typeof KEYWORDS)[number];

const KEYWORD_CATEGORY: Partial<Record<Keyword, TokenType>> = {
  in: CmpOp, notin: CmpOp, subseteq: CmpOp, union: SetAddOp, diff: SetAddOp, leadsto: LeadsToOp,
};

export const kw = Object.fromEntries(
  KEYWORDS.map((k) => {
    const category = KEYWORD_CATEGORY[k];
    const config = { name: `kw_${k}`, pattern: new RegExp(k), longer_alt: Identifier, label: `'${k}'` };
    return [k, createToken(category ? { ...config, categories: category } : config)];
  }),
) as Record<Keyword, TokenType>;

function punct(name: string, text: string, categories?: TokenType): TokenType {
  return createToken({ name, pattern: text, label: `'${text}'`, ...(categories ? { categories } : {}) });
}

export const ColonEq = punct('ColonEq', ':=');
export const TildeGt = punct('TildeGt', '~>', LeadsToOp);
export const MapsTo = punct('MapsTo', '|->');
export const EqEq = punct('EqEq', '==', CmpOp);
export const NotEq = punct('NotEq', '!=', CmpOp);
export const LtEq = punct('LtEq', '<=', CmpOp);
export const GtEq = punct('GtEq', '>=', CmpOp);
export const Arrow = punct('Arrow', '=>');
export const DotDot = punct('DotDot', '..');
export const Eq = punct('Eq', '=');
export const Lt = punct('Lt', '<', CmpOp);
export const Gt = punct('Gt', '>', CmpOp);
export const Plus = punct('Plus', '+', AddOp);
export const Minus = punct('Minus', '-', AddOp);
export const Star = punct('Star', '*', MulOp);
export const Slash = punct('Slash', '/', MulOp);
export const Percent = punct('Percent', '%', MulOp);
export const Dot = punct('Dot', '.');
export const Comma = punct('Comma', ',');
export const Colon = punct('Colon', ':');
export const Semi = punct('Semi', ';');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LBrace = punct('LBrace', '{');
export const RBrace = punct('RBrace', '}');
export const Question = punct('Question', '?');
export const At = punct('At', '@');
export const Pipe = punct('Pipe', '|');

export const OPENERS: readonly TokenType[] = [LParen, LBracket, LBrace];
export const CLOSERS: readonly TokenType[] = [RParen, RBracket, RBrace];

// Lexer order matters: comments before '/', longer punctuation before its prefixes, and keywords
// longest first so that `in` never shadows `inter` (longer_alt only falls back to Identifier).
const keywordsLongestFirst = [...KEYWORDS].sort((a, b) => b.length - a.length).map((k) => kw[k]);

export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnterminatedComment, ClosedString, UnterminatedString,
  ColonEq, TildeGt, MapsTo, EqEq, NotEq, LtEq, GtEq, Arrow, DotDot, Eq, Lt, Gt, Plus, Minus, Star, Slash, Percent,
  Dot, Comma, Colon, Semi, LParen, RParen, LBracket, RBracket, LBrace, RBrace, Question, At, Pipe,
  ...keywordsLongestFirst, Identifier, Integer,
  StringLiteral, CmpOp, SetAddOp, AddOp, MulOp, LeadsToOp,
];

export const klpLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
