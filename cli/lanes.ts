// The lanes view of a counterexample, like the CPU0/CPU1 tables of kernel commit messages: one
// column per process instance (in order of first appearance), time flowing down, each step's
// label in its instance's column, and what the step changed (`x := v`) on the right, or below
// the row when the terminal is too narrow. A last row says what went wrong (`# StackOrder violated`).

import { traceLength, type PropertyResult, type Trace } from '../runtime/result.js';
import { stateChanges } from './changes.js';
import type { Style } from './style.js';
import { waitingText } from './trace-text.js';
import { forInstance } from './verdicts.js';
import { formatValue } from './values.js';

const MAX_COL = 24; // a label wider than this is cut: the numbered steps above have it whole
const MIN_COL = 8;
const MIN_NOTE = 32;
const GAP = 2;

interface Row {
  readonly num: string;
  readonly lane: number; // -1: a row spanning the lanes
  readonly label: string;
  readonly notes: readonly string[];
  readonly quiet?: boolean; // a spanning row that marks, not one that says what failed
}

export function lanesLines(p: PropertyResult, trace: Trace, width: number, style: Style): string[] {
  return renderLanes(trace, traceRows(p, trace), width, style);
}

// Lanes closed by a row of the caller's own (`# a view-state postfix never reaches`), for traces
// that are not counterexamples (`klpc diff`).
export function lanesWithNote(trace: Trace, note: string, width: number, style: Style): string[] {
  return renderLanes(trace, [...stepRows(trace), { num: '', lane: -1, label: `# ${note}`, notes: [] }], width, style);
}

function renderLanes(trace: Trace, rows: readonly Row[], width: number, style: Style): string[] {
  const lanes = laneNames(trace);
  if (lanes.length === 0) return [];
  const numWidth = String(traceLength(trace)).length;
  const indent = numWidth + 4;
  const cols = columnWidths(lanes, rows, width - indent);
  const lanesWidth = cols.reduce((a, c) => a + c + GAP, 0);
  // too narrow for notes at the right: they go below each row, under the lanes
  const below = width - indent - lanesWidth < MIN_NOTE;
  const noteIndent = below ? indent + 2 : indent + lanesWidth;
  const noteWidth = Math.max(MIN_NOTE, width - noteIndent);
  const cells = (lane: number, text: string) => cols.map((w, i) => (i === lane ? fit(text, w) : '').padEnd(w + GAP)).join('');
  const notesHead = below ? '' : 'changes';
  const lines = [
    style.bold(' '.repeat(indent) + cols.map((w, i) => fit(lanes[i]!, w).padEnd(w + GAP)).join('') + notesHead).trimEnd(),
    style.dim(' '.repeat(indent) + cols.map((w) => '─'.repeat(w).padEnd(w + GAP)).join('') + '─'.repeat(notesHead.length)).trimEnd(),
  ];
  for (const row of rows) {
    const notes = wrap(row.notes, noteWidth);
    if (row.lane < 0) {
      lines.push(`  ${''.padStart(numWidth)}  ${row.quiet === true ? style.dim(row.label) : style.bad(row.label)}`);
      continue;
    }
    const label = row.label.startsWith('✗') ? style.bad : (s: string) => s;
    const first = below ? '' : (notes.shift() ?? '');
    lines.push(`  ${row.num.padStart(numWidth)}  ${label(cells(row.lane, row.label))}${first}`.trimEnd());
    for (const more of notes) lines.push(`${' '.repeat(noteIndent)}${more}`);
  }
  return lines;
}

// Instances in order of first appearance, the failing one included.
function laneNames(trace: Trace): string[] {
  const names = trace.steps.map((s) => s.instance);
  if (trace.failure?.instance !== undefined) names.push(trace.failure.instance);
  return [...new Set(names)];
}

function traceRows(p: PropertyResult, trace: Trace): Row[] {
  const lanes = laneNames(trace);
  const rows = stepRows(trace);
  const f = trace.failure;
  if ((p.kind === 'assert' || p.kind === 'specError') && f?.instance !== undefined) {
    const what = p.kind === 'assert' ? 'assertion failed' : 'spec error';
    rows.push({ num: String(traceLength(trace)), lane: lanes.indexOf(f.instance), label: `✗ ${f.label ?? ''}`, notes: [`${what}: ${f.message}`] });
  } else if (p.kind === 'deadlock') {
    rows.push({ num: '', lane: -1, label: `# deadlock: waiting ${waitingText(trace)}`, notes: [] });
  } else if (p.kind === 'property') {
    const end = trace.loop === undefined ? '' : `${trace.loop === trace.steps.length ? `state ${trace.loop} repeats forever` : `back to state ${trace.loop}`}: `;
    rows.push({ num: '', lane: -1, label: `# ${end}${p.name} violated${forInstance(p)}`, notes: [] });
  } else {
    rows.push({ num: '', lane: -1, label: `# ${p.kind === 'invariant' ? `${p.name} violated` : 'failure'}`, notes: [] });
  }
  return rows;
}

function stepRows(trace: Trace): Row[] {
  const lanes = laneNames(trace);
  let before = trace.initial;
  return trace.steps.flatMap((s, i) => {
    // the instance's own locals go without the `worker[1].` prefix: the column says whose they are
    const own = `${s.instance}.`;
    const notes = stateChanges(before, s.state).map((c) => `${c.path.startsWith(own) ? c.path.slice(own.length) : c.path} := ${formatValue(c.after)}`);
    before = s.state;
    const row = { num: String(i + 1), lane: lanes.indexOf(s.instance), label: s.label, notes };
    return i === trace.loop ? [{ num: '', lane: -1, label: `── the cycle, from state ${i} ──`, notes: [], quiet: true }, row] : [row];
  });
}

// Each column as wide as its widest entry (at most MAX_COL); then, if the lanes are wider than
// `room`, the widest columns shrink first, down to MIN_COL. Labels are cut only as a last resort:
// the notes move below the rows first.
function columnWidths(lanes: readonly string[], rows: readonly Row[], room: number): number[] {
  const cols = lanes.map((name, i) => Math.min(MAX_COL, Math.max(name.length, ...rows.filter((r) => r.lane === i).map((r) => r.label.length))));
  const total = () => cols.reduce((a, c) => a + c + GAP, 0);
  while (total() > room) {
    const widest = cols.indexOf(Math.max(...cols));
    if (cols[widest]! <= MIN_COL) break;
    cols[widest] = cols[widest]! - 1;
  }
  return cols;
}

function fit(s: string, w: number): string {
  return s.length <= w ? s : `${s.slice(0, w - 1)}…`;
}

// Packs `items` into lines of at most `w` characters, separated by '; '; an item longer than a
// line is cut.
function wrap(items: readonly string[], w: number): string[] {
  const lines: string[] = [];
  for (const item of items.map((s) => fit(s, w))) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 2 + item.length <= w) lines[lines.length - 1] = `${last}; ${item}`;
    else lines.push(item);
  }
  return lines;
}
