// The verdict table of docs/klp.md, rendered from the pinned results (table.ts), and a check that
// the page shows it. In: rows of table.ts. Out: markdown lines; the docs test compares them with
// the table of docs/klp.md that starts with the same cells (KLPC_ACCEPT=1 rewrites it).

import fs from 'node:fs';
import { formatInt } from '../../cli/verdicts.js';
import { DEFAULT, H, pinned, properties, sizes, type Pinned, type Property, type Row } from './table.js';

const mark = (p: Pinned) => (p === H ? '✓' : `✗ ${p}`);

// `✗ 5 (7 at 2/2, 3/3; ✓ at 1/1)`: the verdict at the default size, then where other sizes differ.
function cell(row: Row, property: Property): string {
  const base = pinned(row, DEFAULT)[property];
  const other = new Map<string, string[]>();
  for (const s of sizes) {
    const p = pinned(row, s.key)[property];
    if (p === base) continue;
    const text = p === H ? '✓' : base === H ? `✗ ${p}` : `${p}`;
    other.set(text, [...(other.get(text) ?? []), s.key]);
  }
  const notes = [...other].map(([text, at]) => `${text} at ${at.join(', ')}`);
  return notes.length === 0 ? mark(base) : `${mark(base)} (${notes.join('; ')})`;
}

export function verdictTable(rows: readonly Row[]): string[] {
  const head = ['variant', ...properties, ...sizes.map((s) => (s.key === DEFAULT ? `**${s.key}**` : s.key))];
  const align = ['---', ...properties.map(() => '---'), ...sizes.map(() => '---:')];
  const body = rows.map((r) => [r.spec.replace(/\.klp$/, ''), ...properties.map((p) => cell(r, p)), ...sizes.map((s) => formatInt(r.distinct[s.key]!))]);
  return [head, align, ...body].map((cells) => `| ${cells.join(' | ')} |`);
}

// The docs page with the table that starts like `lines` (its first cells) replaced by `lines`,
// and the table as found there ('' if none).
export function docsBlock(file: string, lines: readonly string[]): { text: string; found: string; updated: string } {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(lines[0]!.slice(0, lines[0]!.indexOf(' | deadlock |')));
  if (start < 0) return { text, found: '', updated: text };
  const end = text.indexOf('\n\n', start);
  const found = text.slice(start, end < 0 ? undefined : end);
  return { text, found, updated: text.slice(0, start) + lines.join('\n') + text.slice(start + found.length) };
}
