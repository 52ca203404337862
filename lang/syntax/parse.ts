// The syntax stage's entry point: source text -> untyped AST (`SpecFile`) + diagnostics.
// Never throws for any input: lexical and syntax errors are diagnostics, and the SpecFile is
// then best-effort (declarations that could not be parsed are left out).

import type { CstNode, IToken } from 'chevrotain';
import type { SpecFile } from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';
import { buildSpec } from './ast-builder.js';
import { lex } from './lexer.js';
import { LineIndex } from './line-index.js';
import { parseTokens, startsDeclaration } from './parser.js';
import { syntaxDiagnostics } from './syntax-diagnostics.js';
import { CLOSERS, OPENERS } from './tokens.js';

export interface ParseResult {
  readonly spec: SpecFile;
  readonly diagnostics: Diagnostic[];
  // the text starts with a declaration (before any mistake): a file that does not, and in which
  // no declaration parses, is not a spec (lang/load.ts), and its lines are not echoed
  readonly startsLikeSpec: boolean;
}

export function parse(text: string, file: string): ParseResult {
  const parsed = parseCst(text, file);
  const cx = { lines: parsed.lines, diagnostics: [] as Diagnostic[] };
  let spec: SpecFile = { file, variantOf: undefined, decls: [] };
  let syntax = parsed.diagnostics;
  try {
    if (parsed.cst !== undefined) spec = buildSpec(parsed.cst, cx);
  } catch (e) {
    if (!isTooDeep(e)) throw e;
    syntax = [...syntax, tooDeep(parsed.tokens, parsed.lines)];
  }
  const diagnostics = [...syntax, ...cx.diagnostics].sort((a, b) => a.span.start - b.span.start);
  return { spec, diagnostics, startsLikeSpec: startsLikeSpec(parsed) };
}

// The concrete syntax alone, for the AST builder and for `klpc fmt`, which prints tokens and
// comments back. `cst` is undefined when the nesting is too deep to parse (KLP1009).
export interface CstResult {
  readonly lines: LineIndex;
  readonly cst: CstNode | undefined;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: Diagnostic[]; // lexical and syntax errors
}

export function parseCst(text: string, file: string): CstResult {
  const lines = new LineIndex(text, file);
  const lexed = lex(lines);
  try {
    const { cst, problems } = parseTokens(lexed.tokens);
    const syntax = syntaxDiagnostics(problems, lexed.tokens, lines, lexed.diagnostics.map((d) => d.span.start));
    return { lines, cst, tokens: lexed.tokens, comments: lexed.comments, diagnostics: [...lexed.diagnostics, ...syntax] };
  } catch (e) {
    if (!isTooDeep(e)) throw e;
    return { lines, cst: undefined, tokens: lexed.tokens, comments: lexed.comments, diagnostics: [...lexed.diagnostics, tooDeep(lexed.tokens, lines)] };
  }
}

// Whether the text starts with a declaration, before any mistake.
export function startsLikeSpec(parsed: CstResult): boolean {
  const first = parsed.tokens[0];
  return first !== undefined && startsDeclaration(first) && !parsed.diagnostics.some((d) => d.span.start < first.startOffset);
}

// The parser and builder recurse once per nesting level; absurd nesting exhausts the stack.
function isTooDeep(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function tooDeep(tokens: readonly IToken[], lines: LineIndex): Diagnostic {
  return diag('KLP1009', deepestOpener(tokens, lines), {}, { hint: 'split the expression with let or a function' });
}

function deepestOpener(tokens: readonly IToken[], lines: LineIndex): Span {
  let depth = 0;
  let best = { depth: 0, token: tokens[0] };
  for (const t of tokens) {
    if (OPENERS.includes(t.tokenType) && ++depth > best.depth) best = { depth, token: t };
    if (CLOSERS.includes(t.tokenType)) depth--;
  }
  return best.token === undefined ? lines.endSpan() : lines.span(best.token.startOffset, best.token.startOffset + best.token.image.length);
}
