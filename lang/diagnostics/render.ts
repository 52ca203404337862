// Renders diagnostics the way a good compiler does: `file:line:col - error KLP2001: message`, the
// source line, `~~~` under the span, then hint and related locations. Colour is the caller's
// choice (a function that wraps text), so tests and --json get plain text.

import type { Diagnostic } from './diagnostic.js';

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
  const lines = [`${paint.accent(`${d.span.file}:${d.span.line}:${d.span.col}`)} - ${sev} ${paint.dim(d.code)}: ${d.message}`];
  lines.push(...excerpt(d.span, sources.get(d.span.file), paint));
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  for (const r of d.related ?? []) {
    lines.push(`  ${paint.accent(`${r.span.file}:${r.span.line}:${r.span.col}`)}: ${r.message}`);
  }
  return lines.join('\n');
}

export function renderDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>, paint: Paint = plain): string {
  return diags.map((d) => renderDiagnostic(d, sources, paint)).join('\n\n');
}

function excerpt(span: Diagnostic['span'], text: string | undefined, paint: Paint): string[] {
  if (text === undefined) return [];
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  const source = text.slice(lineStart, lineEnd).replace(/\r$/, '').replace(/\t/g, ' ');
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const from = Math.max(0, span.start - lineStart);
  const width = Math.max(1, Math.min(span.end, lineEnd) - span.start);
  return [
    '',
    `${paint.dim(gutter + ' |')} ${source}`,
    `${paint.dim(pad + ' |')} ${' '.repeat(from)}${paint.error('~'.repeat(width))}`,
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
