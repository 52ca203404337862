// The two tables of docs/klp.md rendered from the pinned results, the family's verdicts and counts
// (table.ts) and the rejected alternatives (alternatives-table.ts), and the lookup of a table in
// the page. In: the pinned rows. Out: markdown lines; the docs tests compare them with the table
// of docs/klp.md that starts with the same cells (KLPC_ACCEPT=1 rewrites it): expectDocsTable.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatInt } from '../../cli/verdicts.js';
import type { Alternative } from './alternatives-table.js';
import { specDir } from './pipeline.js';
import { DEFAULT, H, V, pinned, properties, sizes, type Pinned, type Property, type Row } from './table.js';

const DOCS = path.resolve(specDir, '../../docs/klp.md');

const mark = (p: Pinned) => (p === H ? '✓' : p === V ? '✗' : `✗ ${p}`);

// `✗ 5 (7 at 2/2/1, 3/3/1; ✓ at 1/1/1)`: the verdict at the default size, then where other sizes
// (given as [size, verdict]) differ.
function cell(base: Pinned, atSizes: readonly (readonly [string, Pinned])[]): string {
  const other = new Map<string, string[]>();
  for (const [key, p] of atSizes) {
    if (p === base) continue;
    const text = p === H || p === V || base === H ? mark(p) : `${p}`;
    other.set(text, [...(other.get(text) ?? []), key]);
  }
  const notes = [...other].map(([text, at]) => `${text} at ${at.join(', ')}`);
  return notes.length === 0 ? mark(base) : `${mark(base)} (${notes.join('; ')})`;
}

export function verdictTable(rows: readonly Row[]): string[] {
  const head = ['variant', ...properties, ...sizes.map((s) => (s.key === DEFAULT ? `**${s.key}**` : s.key))];
  const align = ['---', ...properties.map(() => '---'), ...sizes.map(() => '---:')];
  const verdict = (r: Row, p: Property) => cell(pinned(r, DEFAULT)[p], sizes.map((s) => [s.key, pinned(r, s.key)[p]] as const));
  const body = rows.map((r) => [r.spec.replace(/\.klp$/, ''), ...properties.map((p) => verdict(r, p)), ...sizes.map((s) => formatInt(r.distinct[s.key]!))]);
  return markdown([head, align, ...body]);
}

// One row per alternative: the design and the commit's reason, the verdicts (with one racing
// patch where they differ), the states, what klpc diff finds against postfix, and the reading.
export function alternativesTable(alts: readonly Alternative[]): string[] {
  const head = ['alternative', "the commit's reason", ...properties, 'states 2/1/1, 4/2/1', '`klpc diff` against postfix', 'the model and the reason'];
  const align = ['---', '---', ...properties.map(() => '---'), '---:', '---', '---'];
  const body = alts.map((a) => {
    const verdicts = properties.map((p) => cell(a.verdicts[p], [['2/1/1', a.oneRacing?.[p] ?? a.verdicts[p]]]));
    const diff = a.diff;
    const flips = diff.flipped.length === 0 ? 'no verdict differs' : `${diff.flipped.join(', ')} ${diff.flipped.length === 1 ? 'differs' : 'differ'}`;
    const states = `view-states: ${formatInt(diff.onlyHere)} only here${diff.failing > 0 ? ` (${formatInt(diff.failing)} failing)` : ''}, ${formatInt(diff.onlyPostfix)} only in postfix`;
    const parts = `behaviours part at step ${diff.hereOnly.length}, \`${diff.hereOnly.at(-1)}\``;
    const name = `\`${a.spec.replace(/\.klp$/, '')}\`: ${a.design}`;
    return [name, a.reason, ...verdicts, `${formatInt(a.distinct['2/1/1'])}, ${formatInt(a.distinct['4/2/1'])}`, `${flips}; ${states}; ${parts}`, a.reading];
  });
  return markdown([head, align, ...body]);
}

const markdown = (rows: readonly (readonly string[])[]) => rows.map((cells) => `| ${cells.join(' | ')} |`);

// docs/klp.md must show `lines` as the table that starts with the same cells; with KLPC_ACCEPT=1
// the page is rewritten to show them instead.
export function expectDocsTable(lines: readonly string[]): void {
  const text = fs.readFileSync(DOCS, 'utf8');
  const start = text.indexOf(lines[0]!.slice(0, lines[0]!.indexOf(' | NoDanglingModule |')));
  const end = start < 0 ? -1 : text.indexOf('\n\n', start);
  const found = start < 0 ? '' : text.slice(start, end < 0 ? undefined : end);
  if (process.env['KLPC_ACCEPT'] === '1' && start >= 0) fs.writeFileSync(DOCS, text.slice(0, start) + lines.join('\n') + text.slice(start + found.length));
  else assert.equal(found, lines.join('\n'), 'docs/klp.md is stale (KLPC_ACCEPT=1 to update it)');
}
