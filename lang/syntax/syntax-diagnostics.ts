// Syntax problems recorded by the parser -> KLP1004 "Expected {expected} but found {found}."
// (or KLP1007 inside a set or sequence comprehension), with the span of the token where the
// input went wrong and a hint for the mistakes people actually make: '=' for ':=' or '==', a
// missing ';'.

import { EOF, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';
import type { LineIndex } from './line-index.js';
import type { SyntaxProblem } from './problems.js';
import { CmpOp, ColonEq, Eq, kw, LBrace, OPENERS, Pipe, RBrace, RBracket, RParen, Semi } from './tokens.js';

// What a rule expects when it fails on its first token: clearer than listing every token.
const RULE_WHAT: Readonly<Record<string, string>> = {
  negation: 'an expression', unaryMinus: 'an expression', primary: 'an expression',
  typeAtom: 'a type', statement: 'a statement', declaration: 'a declaration', spec: 'a declaration',
};

// Rules ending in a statement terminator ';'.
const STATEMENT_RULES = new Set(['labelOrAssign', 'awaitStmt', 'lockStmt', 'gotoStmt', 'letStmt', 'assertStmt', 'skipStmt']);

// Rules in which a failing token can directly follow a complete expression: there, '=' or a
// second comparison operator is a comparison written wrong.
const AFTER_EXPRESSION_RULES = new Set([
  'spec', 'labelOrAssign', 'awaitStmt', 'letStmt', 'assertStmt', 'ifStmt', 'whileStmt', 'chooseStmt', 'forStmt',
  'block', 'iteExpr', 'letExpr', 'quantExpr', 'parenExpr', 'callArgs', 'braceExpr', 'bracketExpr', 'suffix',
  'temporalExpr', 'expression',
]);

// Error recovery resynchronises on the first token that could continue some enclosing rule, often
// a name in the middle of the broken statement, and then reports that statement again; a
// character the lexer dropped or a string that ran to the end of the line has the same effect.
// So after an error, further errors are kept only once a token that ends or starts a statement
// or a declaration has been passed; a stray '}' at the top level after an error is the '}' of a
// block abandoned by recovery.
const SYNC: readonly TokenType[] = [
  Semi, LBrace, RBrace, kw.const, kw.enum, kw.type, kw.var, kw.lock, kw.fn, kw.process, kw.invariant, kw.variant, kw.replace,
  kw.property, kw.fair, kw.strong, kw.unfair,
];

export function syntaxDiagnostics(problems: readonly SyntaxProblem[], tokens: readonly IToken[], lines: LineIndex, lexicalErrorOffsets: readonly number[]): Diagnostic[] {
  const events = [
    ...lexicalErrorOffsets.map((o) => ({ p: undefined, at: indexOfToken(tokens, o) })),
    ...problems.map((p) => ({ p, at: tokenMatcher(p.found, EOF) ? tokens.length : indexOfToken(tokens, p.found.startOffset) })),
  ].sort((a, b) => a.at - b.at);
  // syncBefore[i]: how many of tokens[0..i) are SYNC tokens
  const syncBefore = [0];
  for (const t of tokens) syncBefore.push(syncBefore[syncBefore.length - 1]! + (SYNC.includes(t.tokenType) ? 1 : 0));
  const out: Diagnostic[] = [];
  let last: number | undefined;
  for (const { p, at } of events) {
    const cascade = last !== undefined && (syncBefore[at] === syncBefore[last] || (p?.rule === 'spec' && is(p.found, RBrace)));
    if (p === undefined || !cascade) last = at;
    if (p !== undefined && !cascade) out.push(toDiagnostic(p, at < tokens.length ? tokenSpan(p.found, lines) : endOfInput(tokens, lines)));
  }
  return out;
}

// The index of the first token at or after `offset` (tokens.length if none).
function indexOfToken(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tokenSpan(t: IToken, lines: LineIndex): Span {
  return lines.span(t.startOffset, t.startOffset + t.image.length);
}

// "found end of file" points just after the last token, where the missing text belongs.
function endOfInput(tokens: readonly IToken[], lines: LineIndex): Span {
  const last = tokens[tokens.length - 1];
  const end = last === undefined ? 0 : last.startOffset + last.image.length;
  return lines.span(end, end);
}

function toDiagnostic(p: SyntaxProblem, span: Span): Diagnostic {
  const hint = hintFor(p);
  const extra = hint === undefined ? {} : { hint };
  if (p.rule === 'comprehension' || (p.rule === 'braceExpr' && is(p.found, Pipe))) return diag('KLP1007', span, { what: 'set', forms: '`{ e for x in S }` or `{ e for x in S if p }`' }, extra);
  if (p.rule === 'seqComprehension') return diag('KLP1007', span, { what: 'sequence', forms: '`[e for x in S]` or `[e for x in S if p]`' }, extra);
  return diag('KLP1004', span, { expected: describeExpected(p), found: describeFound(p.found) }, extra);
}

// Rules whose closing bracket ends a comma-separated list of the given items: where the closer
// was expected, the list could also have gone on (Chevrotain only reports the closer).
const LISTS: Readonly<Record<string, readonly [TokenType, string]>> = {
  enumDecl: [RBrace, 'a name'], fnDecl: [RParen, 'a parameter'], typeAtom: [RBrace, 'a field'],
  callArgs: [RParen, 'an expression'], bracketExpr: [RBracket, 'an expression'], braceExpr: [RBrace, 'an expression'],
};
const BODIES = new Set(['block', 'processDecl']);

function describeExpected(p: SyntaxProblem): string {
  const category = RULE_WHAT[p.rule];
  if (category !== undefined && (p.atRuleStart || p.expected.length === 0)) return category;
  if (p.expected.length === 1 && p.expected[0] === EOF) return 'a declaration';
  const list = LISTS[p.rule];
  if (list !== undefined && p.expected.length === 1 && p.expected[0] === list[0]) {
    return `${OPENERS.includes(p.previous.tokenType) ? list[1] : "','"} or ${label(list[0])}`;
  }
  if (BODIES.has(p.rule) && p.expected.length === 1 && p.expected[0] === RBrace) return "a statement or '}'";
  const labels = [...new Set(p.expected.map(label))];
  if (labels.length <= 1) return labels[0] ?? 'something else';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function label(t: TokenType): string {
  return t === EOF ? 'end of file' : (t.LABEL ?? t.name);
}

function describeFound(t: IToken): string {
  if (tokenMatcher(t, EOF)) return 'end of file';
  return t.image.length <= 20 ? `'${t.image}'` : `'${t.image.slice(0, 17)}...'`;
}

function is(t: IToken, type: TokenType): boolean {
  return tokenMatcher(t, type);
}

function hintFor(p: SyntaxProblem): string | undefined {
  const expects = (t: TokenType): boolean => p.expected.includes(t);
  if (is(p.found, Eq) && expects(ColonEq)) return "use ':=' to assign";
  if (is(p.found, Eq) && AFTER_EXPRESSION_RULES.has(p.rule)) return "use '==' to compare";
  if (is(p.found, CmpOp) && AFTER_EXPRESSION_RULES.has(p.rule)) return "comparisons do not chain: combine them with 'and'";
  if (expects(Semi) && STATEMENT_RULES.has(p.rule)) return "add ';' at the end of the previous statement";
  if (is(p.found, kw.var) && p.rule === 'processDecl') return 'declare process-local variables before the first statement';
  if (is(p.found, LBrace) && p.rule === 'iteExpr') return "an 'if' expression is written 'if c then a else b'";
  if (is(p.found, Pipe) && p.rule === 'braceExpr') return 'write a comprehension as { x for x in S if p }';
  return undefined;
}
