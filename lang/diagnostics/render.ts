// Renders diagnostics the way a good compiler does: `file:line:col - error KLP2001: message`, the
// source line, `~~~` under the span, then hint and related locations. Colour is the caller's
// choice (a function that wraps text), so tests and --json get plain text. What comes from the
// spec is shown printable (printable.ts), and a long line is cut around the span.

import type { Diagnostic } from './diagnostic.js';
import { displayLine, displayWidth, printable } from './printable.js';

export interface Paint {
  error(s: string): string;
  warning(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
}

export const plain: Paint = { error: (s) => s, warning: (s) => s, dim: (s) => s, accent: (s) => s };

// `sources` maps a file name to its text, for the excerpt; a file not found gets no excerpt.
export function renderDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string>, paint: Paint = plain): string {
  const sev = d.severity === 'error' ? paint.error('error') : paint.warning('warning');
  const lines = [`${paint.accent(printable(`${d.span.file}:${d.span.line}:${d.span.col}`))} - ${sev} ${paint.dim(d.code)}: ${printable(d.message)}`];
  lines.push(...excerpt(d.span, sources.get(d.span.file), paint));
  if (d.hint !== undefined) lines.push(`  hint: ${printable(d.hint)}`);
  for (const r of d.related ?? []) {
    lines.push(`  ${paint.accent(printable(`${r.span.file}:${r.span.line}:${r.span.col}`))}: ${printable(r.message)}`);
  }
  return lines.join('\n');
}

export function renderDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>, paint: Paint = plain): string {
  return diags.map((d) => renderDiagnostic(d, sources, paint)).join('\n\n');
}

// Longer excerpt lines are cut to a window of WINDOW columns around the start of the span.
export const MAX_EXCERPT = 200;
const WINDOW = 160;
const BEFORE = 60;

function excerpt(span: Diagnostic['span'], text: string | undefined, paint: Paint): string[] {
  if (text === undefined) return [];
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const { text: shown, col } = displayLine(line);
  const at = (offset: number) => col[Math.min(Math.max(0, offset - lineStart), line.length)]!;
  let from = at(span.start);
  let to = Math.max(from + 1, at(Math.min(span.end, lineEnd)));
  let source = shown;
  if (shown.length > MAX_EXCERPT) {
    const start = Math.max(0, Math.min(from - BEFORE, shown.length - WINDOW));
    const end = Math.min(shown.length, start + WINDOW);
    const lead = start > 0 ? '…' : '';
    source = `${lead}${shown.slice(start, end)}${end < shown.length ? '…' : ''}`;
    from = from - start + lead.length;
    to = Math.min(to - start, end - start) + lead.length;
  }
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  return [
    '',
    `${paint.dim(gutter + ' |')} ${source}`,
    `${paint.dim(pad + ' |')} ${' '.repeat(displayWidth(source.slice(0, from)))}${paint.error('~'.repeat(Math.max(1, displayWidth(source.slice(from, to)))))}`,
    '',
  ];
}

// "did you mean" for unknown names: the closest candidate within a small edit distance.
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
