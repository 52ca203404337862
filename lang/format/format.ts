// `klpc fmt`'s printer: source text in, canonical text out (or the syntax errors that stop it).
// Tokens are printed back in order, never rebuilt from the AST, so every comment survives.
// Canonical: the line structure (layout.ts), indentation (two spaces per level), the spaces
// between tokens (spacing.ts), at most one blank line in a row, none at a block's edges, no
// optional `;` after declarations, one final newline. Kept from the source: line breaks inside an
// expression (a continuation line keeps its indentation relative to the line's start, at least
// two spaces), blank lines before declarations, statements and comments, and a trailing
// comment's column when the code leaves room for it. Formatting is idempotent: format(format(x)) == format(x).

import type { IToken } from 'chevrotain';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCst } from '../syntax/parse.js';
import { layoutOf, type Layout } from './layout.js';
import { spaceBetween } from './spacing.js';

export interface Formatted {
  readonly text: string | undefined; // undefined when the source has syntax errors
  readonly diagnostics: readonly Diagnostic[];
}

const INDENT = '  ';

export function formatSpec(source: string, file: string): Formatted {
  const parsed = parseCst(source, file);
  if (parsed.cst === undefined || hasErrors(parsed.diagnostics)) return { text: undefined, diagnostics: parsed.diagnostics };
  const layout = layoutOf(parsed.cst);
  const code = parsed.tokens.filter((t) => !layout.drop.has(t));
  const items = [...code, ...parsed.comments].sort((a, b) => a.startOffset - b.startOffset);
  return { text: new Printer(source, layout).print(items), diagnostics: parsed.diagnostics };
}

const isComment = (t: IToken): boolean => t.tokenType.name === 'LineComment' || t.tokenType.name === 'BlockComment';
const endOf = (t: IToken): number => t.startOffset + t.image.length;

class Printer {
  private readonly lines: string[] = [];
  private cur = '';
  private level = 0; // indentation level of the current logical line
  private lineHead: IToken | undefined; // its first token, whose source column continuation lines follow
  private prev: IToken | undefined; // the last item printed
  private prevCode: IToken | undefined;
  private pending: IToken[] = []; // comments on lines of their own, printed once the next line's indentation is known
  private afterOpen = false; // the current line ends a block's `{`

  constructor(private readonly src: string, private readonly layout: Layout) {}

  print(items: readonly IToken[]): string {
    for (const t of items) {
      if (isComment(t)) this.comment(t);
      else this.token(t);
    }
    this.flushPending(0);
    this.endLine();
    while (this.lines.length > 0 && this.lines.at(-1) === '') this.lines.pop();
    return `${this.lines.join('\n')}\n`;
  }

  private comment(c: IToken): void {
    const trailing = this.prev !== undefined && this.pending.length === 0 && !this.src.slice(endOf(this.prev), c.startOffset).includes('\n');
    if (!trailing) {
      this.pending.push(c);
      return;
    }
    const endsLine = this.src.slice(endOf(c)).match(/^[ \t]*(\r?\n|$)/) !== null;
    if (c.tokenType.name === 'BlockComment' && !endsLine) this.cur += ` ${c.image}`;
    else this.cur = this.cur.padEnd(Math.max(this.column(c), this.cur.length + 1)) + c.image;
    this.prev = c;
  }

  private token(t: IToken): void {
    const level = this.layout.lineAt.get(t);
    const brokenBefore = this.prev !== undefined && this.src.slice(endOf(this.prev), t.startOffset).includes('\n');
    const afterLineComment = this.prev?.tokenType.name === 'LineComment' || (this.prev !== undefined && isComment(this.prev) && brokenBefore);
    if (level !== undefined) {
      this.newLine(t, level * INDENT.length, true);
      this.level = level;
      this.lineHead = t;
    } else if (this.pending.length > 0 || afterLineComment || (brokenBefore && !this.layout.join.has(t))) {
      this.newLine(t, this.continuationColumn(t), false);
    } else if (this.prevCode !== undefined && this.cur !== '') {
      if (spaceBetween(this.prevCode, t, this.layout.rule, this.layout.tightBraces) || (this.prev !== undefined && isComment(this.prev))) this.cur += ' ';
    }
    this.cur += t.image;
    this.prev = t;
    this.prevCode = t;
    this.afterOpen = this.layout.blockOpen.has(t);
  }

  // At least two spaces deeper than the logical line's start, closing brackets excepted; deeper
  // still when the source indented it more, relative to that start.
  private continuationColumn(t: IToken): number {
    const base = this.level * INDENT.length;
    const rel = this.lineHead === undefined ? 0 : this.column(t) - this.column(this.lineHead);
    const closer = ['RParen', 'RBracket', 'RBrace'].includes(t.tokenType.name);
    return base + Math.max(closer ? 0 : INDENT.length, rel);
  }

  // `structural`: a line of its own by the layout, not a continuation (no blank line before one)
  private newLine(t: IToken, col: number, structural: boolean): void {
    const closing = this.layout.blockClose.has(t);
    this.flushPending(closing ? col + INDENT.length : col);
    this.endLine();
    if (structural && !closing && this.blankBefore(t)) this.lines.push('');
    this.cur = ' '.repeat(col);
  }

  private flushPending(col: number): void {
    for (const c of this.pending) {
      this.endLine();
      if (this.blankBefore(c)) this.lines.push('');
      this.cur = ' '.repeat(col) + c.image;
      this.prev = c;
      this.afterOpen = false;
    }
    this.pending = [];
  }

  // A blank line in the source before `item` is kept, except at the start of the file or of a block.
  private blankBefore(item: IToken): boolean {
    if (this.prev === undefined || this.afterOpen) return false;
    return /\n[ \t\r\f]*\n/.test(this.src.slice(endOf(this.prev), item.startOffset));
  }

  private endLine(): void {
    if (this.cur.trim() !== '') this.lines.push(this.cur.trimEnd());
    this.cur = '';
  }

  private column(t: IToken): number {
    return t.startOffset - (this.src.lastIndexOf('\n', t.startOffset - 1) + 1);
  }
}
