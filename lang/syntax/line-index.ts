// Turns offsets into spans for one file: precomputes where each line starts so every stage of
// the syntax pass (lexer errors, parser errors, AST nodes) reports the same 1-based line and
// column. Lines are split on '\n' only, as `renderDiagnostics` does for its excerpts.

import type { Span } from '../span.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  // The half-open range [start, end) as a span; offsets are clamped into the text.
  span(start: number, end: number): Span {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const line = this.lineOf(s);
    return { file: this.file, start: s, end: e, line: line + 1, col: s - this.starts[line]! + 1 };
  }

  // A zero-width span at the end of the text, for "found end of file".
  endSpan(): Span {
    return this.span(this.text.length, this.text.length);
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
