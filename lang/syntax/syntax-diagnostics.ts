// Syntax problems recorded by the parser -> KLP1004 "Expected {expected} but found {found}."
// (or KLP1007 inside a set comprehension), with the span of the token where the input went
// wrong and a hint for the mistakes people actually make: '=' for ':=' or '==', a missing ';'.

import { EOF, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';
import type { LineIndex } from './line-index.js';
import type { SyntaxProblem } from './problems.js';
import { CmpOp, ColonEq, Eq, kw, LBrace, Pipe, RBrace, Semi } from './tokens.js';

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
]);

// Recovery can report the same mistake again a token or two later, or once more as a stray '}'
// at the top level once the block it closed was abandoned: only the first of these is kept.
const CASCADE_TOKENS = 3;

export function syntaxDiagnostics(problems: readonly SyntaxProblem[], tokens: readonly IToken[], lines: LineIndex): Diagnostic[] {
  const located = problems
    .map((p) => ({ p, at: tokenMatcher(p.found, EOF) ? tokens.length : indexOfToken(tokens, p.found.startOffset) }))
    .sort((a, b) => a.at - b.at);
  const out: Diagnostic[] = [];
  let last: number | undefined;
  for (const { p, at } of located) {
    const cascade = last !== undefined && (at - last < CASCADE_TOKENS || (p.rule === 'spec' && is(p.found, RBrace)));
    if (cascade) continue;
    last = at;
    out.push(toDiagnostic(p, at < tokens.length ? tokenSpan(p.found, lines) : endOfInput(tokens, lines)));
  }
  return out;
}

function indexOfToken(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
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
  if (p.rule === 'comprehension' || (p.rule === 'braceExpr' && is(p.found, Pipe))) return diag('KLP1007', span, {}, extra);
  return diag('KLP1004', span, { expected: describeExpected(p), found: describeFound(p.found) }, extra);
}

function describeExpected(p: SyntaxProblem): string {
  const category = RULE_WHAT[p.rule];
  if (category !== undefined && (p.atRuleStart || p.expected.length === 0)) return category;
  if (p.expected.length === 1 && p.expected[0] === EOF) return 'a declaration';
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
