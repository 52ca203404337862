// The syntax stage's entry point: source text -> untyped AST (`SpecFile`) + diagnostics.
// Never throws for any input: lexical and syntax errors are diagnostics, and the SpecFile is
// then best-effort (declarations that could not be parsed are left out).

import type { IToken } from 'chevrotain';
import type { SpecFile } from '../ast.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../span.js';
import { buildSpec } from './ast-builder.js';
import { lex } from './lexer.js';
import { LineIndex } from './line-index.js';
import { parseTokens } from './parser.js';
import { syntaxDiagnostics } from './syntax-diagnostics.js';
import { CLOSERS, OPENERS } from './tokens.js';

export interface ParseResult {
  readonly spec: SpecFile;
  readonly diagnostics: Diagnostic[];
}

export function parse(text: string, file: string): ParseResult {
  const lines = new LineIndex(text, file);
  const lexed = lex(lines);
  const cx = { lines, diagnostics: [] as Diagnostic[] };
  let spec: SpecFile = { file, variantOf: undefined, decls: [] };
  let syntax: Diagnostic[];
  try {
    const { cst, problems } = parseTokens(lexed.tokens);
    syntax = syntaxDiagnostics(problems, lexed.tokens, lines, lexed.diagnostics.map((d) => d.span.start));
    spec = buildSpec(cst, cx);
  } catch (e) {
    // The parser and builder recurse once per nesting level; absurd nesting exhausts the stack.
    if (!(e instanceof RangeError && /call stack/i.test(e.message))) throw e;
    syntax = [diag('KLP1009', deepestOpener(lexed.tokens, lines), {}, { hint: 'split the expression with let or a function' })];
  }
  const diagnostics = [...lexed.diagnostics, ...syntax, ...cx.diagnostics].sort((a, b) => a.span.start - b.span.start);
  return { spec, diagnostics };
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
