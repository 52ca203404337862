// Source positions. A span is a half-open range of UTF-16 offsets into one file's text, with the
// 1-based line and column of its start (what users read) precomputed by the lexer.

export interface Span {
  readonly file: string;
  readonly start: number; // offset of the first character
  readonly end: number; // offset just past the last character
  readonly line: number; // 1-based
  readonly col: number; // 1-based
}

export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col };
}
