// The syntax stage's entry point: source text -> untyped AST (`SpecFile`) + diagnostics.
// Never throws for any input: lexical and syntax errors are diagnostics, and the SpecFile is
// then best-effort (declarations that could not be parsed are left out).

import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import type { SpecFile } from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';
import { buildSpec } from './ast-builder.js';
import { depthProblem } from './depth.js';
import { lex } from './lexer.js';
import { LineIndex } from './line-index.js';
import { parseTokens, startsDeclaration } from './parser.js';
import { syntaxDiagnostics } from './syntax-diagnostics.js';
import { CLOSERS, kw, LBrace, Minus, OPENERS, Semi } from './tokens.js';

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
    if (parsed.cst !== undefined) spec = withinDepth(buildSpec(parsed.cst, cx), cx.diagnostics);
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

// Declarations too deep for the later stages are reported and left out.
function withinDepth(spec: SpecFile, diagnostics: Diagnostic[]): SpecFile {
  const decls = spec.decls.filter((d) => {
    const problem = depthProblem(d);
    if (problem !== undefined) diagnostics.push(problem);
    return problem === undefined;
  });
  return decls.length === spec.decls.length ? spec : { ...spec, decls };
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
  const at = deepestPoint(tokens);
  const span = at.token === undefined ? lines.endSpan() : lines.span(at.token.startOffset, at.token.startOffset + at.token.image.length);
  const hint = at.statement
    ? "move the inner statements into a labeled step of their own, or combine nested ifs' conditions with 'and'"
    : 'split the expression into parts named with let, or move a part into a function';
  return diag('KLP1009', span, {}, { hint });
}

// Where the nesting is deepest: the innermost bracket or block, or the longest run of prefix
// operators (`not not not ...`). A `{` whose contents hold a `;` is a statement block.
function deepestPoint(tokens: readonly IToken[]): { token: IToken | undefined; statement: boolean } {
  let depth = 0;
  let best = { depth: 0, index: -1 };
  let run = { length: 0, start: -1 };
  let longest = run;
  tokens.forEach((t, i) => {
    if (OPENERS.includes(t.tokenType) && ++depth > best.depth) best = { depth, index: i };
    if (CLOSERS.includes(t.tokenType)) depth--;
    run = tokenMatcher(t, kw.not) || tokenMatcher(t, Minus) ? { length: run.length + 1, start: run.length === 0 ? i : run.start } : { length: 0, start: -1 };
    if (run.length > longest.length) longest = run;
  });
  if (longest.length > best.depth) return { token: tokens[longest.start], statement: false };
  const opener = tokens[best.index];
  if (opener === undefined || !tokenMatcher(opener, LBrace)) return { token: opener ?? tokens[0], statement: false };
  const close = tokens.findIndex((t, i) => i > best.index && CLOSERS.includes(t.tokenType));
  const inside = tokens.slice(best.index + 1, close < 0 ? undefined : close);
  return { token: opener, statement: inside.some((t) => tokenMatcher(t, Semi)) };
}
