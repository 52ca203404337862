// The summary that ends `klpc diff`'s report: what the view is (and what it leaves out), each
// property's verdict in both specs (`StackOrder  violated in prefix (5 steps), holds in
// postfix`), the view-state counts, which spec's behaviours include the other's (with the steps
// of each shortest behaviour only one spec has, so that --quiet still says which), the steps
// whose transition counts changed, and the outcome. In: a DiffResult. Out: blocks of lines.

import type { BehaviourCheck } from '../diff/behaviours.js';
import { reachability } from '../diff/coverage.js';
import type { DiffResult } from '../diff/diff.js';
import type { VerdictRow } from '../diff/verdicts.js';
import type { PropertyResult } from '../runtime/result.js';
import type { Style } from './style.js';
import { formatInt, stepCount } from './verdicts.js';

export function summaryBlocks(d: DiffResult, width: number, style: Style): string[][] {
  return [viewLines(d, width, style), [...verdictLines(d, style), reachLine(d), ...behaviourLines(d, width)], coverageLines(d, style), [outcomeLine(d, style)]];
}

function viewLines(d: DiffResult, width: number, style: Style): string[] {
  const [a, b] = d.names;
  const lines = listed(`${a} vs ${b}, compared on`, d.view.keys, width).map((l, i) => (i === 0 ? style.bold(l) : l));
  const left = d.view.excluded.map((e) => `${e.key} (${e.why})`);
  if (left.length > 0) lines.push(...listed('not compared:', left, width).map(style.dim));
  return lines;
}

// `title a, b, c` wrapped at `width`, continuation lines indented by `indent` spaces.
function listed(title: string, items: readonly string[], width: number, indent = 2): string[] {
  const lines = [title];
  for (const [i, item] of items.entries()) {
    const text = `${item}${i < items.length - 1 ? ',' : ''}`;
    const last = lines[lines.length - 1]!;
    if (last.length + 1 + text.length <= width || last === title) lines[lines.length - 1] = `${last} ${text}`;
    else lines.push(`${' '.repeat(indent)}${text}`);
  }
  return lines;
}

function verdictLines(d: DiffResult, style: Style): string[] {
  const width = Math.max(0, ...d.verdicts.map((r) => r.name.length));
  return d.verdicts.map((r) => {
    const mark = { same: style.ok('='), undecided: style.unknown('?'), flipped: style.bad('≠'), onlyA: only(r.a, '-'), onlyB: only(r.b, '+') }[r.change];
    return `${mark} ${style.bold(r.name.padEnd(width))}  ${verdictPair(r, d.names)}`;
  });
  // a property only one spec has: `-` or `+` as in diff -u, `≠` when it fails there
  function only(p: PropertyResult | undefined, sign: string): string {
    return p?.verdict === 'violated' ? style.bad('≠') : style.dim(sign);
  }
}

function verdictPair(r: VerdictRow, [nameA, nameB]: readonly [string, string]): string {
  const { a, b } = r;
  if (a !== undefined && b !== undefined && a.verdict === b.verdict) {
    const [sa, sb] = [stepCount(a), stepCount(b)];
    const steps = a.verdict !== 'violated' ? '' : sa === sb ? ` (${steps_(sa)})` : ` (${nameA} ${steps_(sa)}, ${nameB} ${steps_(sb)})`;
    return `${word(a)} in both${steps}`;
  }
  return `${verdictIn(a, nameA)}, ${verdictIn(b, nameB)}`;
}

function verdictIn(p: PropertyResult | undefined, name: string): string {
  if (p === undefined) return `not in ${name}`;
  return p.verdict === 'violated' ? `${word(p)} in ${name} (${steps_(stepCount(p))})` : `${word(p)} in ${name}`;
}

// Deadlocks and spec errors are things found or not, as in `klpc check`'s verdict lines.
function word(p: PropertyResult): string {
  const hazard = p.kind === 'deadlock' || p.kind === 'specError';
  if (p.verdict === 'violated') return hazard ? 'found' : 'violated';
  if (p.verdict === 'holds') return hazard ? 'none found' : 'holds';
  return 'unknown (search incomplete)';
}

function steps_(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}

function reachLine(d: DiffResult): string {
  const [a, b] = d.names;
  const { onlyA, onlyB, both, complete } = d.reach;
  const only = (n: string, o: DiffResult['reach']['onlyA']) => `${formatInt(o.count)} only in ${n}${o.failing > 0 ? ` (${formatInt(o.failing)} where an invariant fails)` : ''}`;
  const bound = complete ? '' : ' (incomplete: a search hit a bound)';
  return `View-states: ${formatInt(both)} in both, ${only(a, onlyA)}, ${only(b, onlyB)}${bound}`;
}

function behaviourLines(d: DiffResult, width: number): string[] {
  const [a, b] = d.names;
  const { aNotB, bNotA, relation } = d.behaviours;
  const head: Record<typeof relation, string> = {
    equal: `Behaviours: the same in both (every step sequence of either is one of the other)`,
    restricts: `Behaviours: ${b} only restricts ${a} (every behaviour of ${b} is one of ${a}'s, not conversely)`,
    extends: `Behaviours: ${b} adds behaviours (every behaviour of ${a} is one of ${b}'s, not conversely)`,
    incomparable: `Behaviours: neither includes the other`,
    undecided: `Behaviours: undecided (a comparison was incomplete)`,
  };
  return [head[relation], ...direction(aNotB, a, b, width), ...direction(bNotA, b, a, width)];
}

// One direction of the comparison, indented under the relation; a witness with its steps
// (`instance label`, in order), wrapped at `width`.
function direction(c: BehaviourCheck, mine: string, other: string, width: number): string[] {
  switch (c.status) {
    case 'included':
      return [`  every behaviour of ${mine} is one of ${other}'s (${formatInt(c.pairs)} product states)`];
    case 'witness': {
      const steps = c.witness.trace.steps;
      const head = `  ${mine} has behaviours ${other} lacks: ${c.witness.shortest ? 'shortest' : 'one with'} ${steps_(steps.length)}`;
      if (steps.length === 0) return [`${head}, an initial state`];
      return listed(`${head}:`, steps.map((s) => `${s.instance} ${s.label}`), width, 4);
    }
    case 'incomplete':
      return [`  incomplete (${c.reason}): whether ${other} has every behaviour of ${mine} is unknown`];
  }
}

function coverageLines(d: DiffResult, style: Style): string[] {
  const [a, b] = d.names;
  const rows = d.coverage.filter((r) => r.a !== r.b);
  const partial = !d.results[0].complete || !d.results[1].complete;
  const note = partial ? [style.dim('(a search was incomplete: these counts cover only what it explored)')] : [];
  if (rows.length === 0) return [style.dim('Every step made as many transitions in both.'), ...note];
  const title = 'Transitions per step';
  const names = rows.map((r) => `${r.instance}@${r.label}`);
  const w = Math.max(...names.map((n) => n.length), title.length);
  const [wa, wb] = [Math.max(a.length, 6), Math.max(b.length, 6)];
  const count = (n: number | undefined, width: number) => (n === undefined ? '-' : formatInt(n)).padStart(width);
  const lines = [style.bold(`${title.padEnd(w)}  ${a.padStart(wa)}  ${b.padStart(wb)}`)];
  rows.forEach((r, i) => {
    const reach = { onlyA: `no longer reachable in ${b}`, onlyB: `newly reachable in ${b}`, both: '', neither: '' }[reachability(r)];
    const missing = r.a === undefined ? `only in ${b}` : r.b === undefined ? `only in ${a}` : '';
    const tail = [missing, reach].filter((t) => t !== '').join(', ');
    lines.push(`${names[i]!.padEnd(w)}  ${count(r.a, wa)}  ${count(r.b, wb)}${tail === '' ? '' : `  ${style.dim(tail)}`}`.trimEnd());
  });
  return [...lines, ...note];
}

function outcomeLine(d: DiffResult, style: Style): string {
  const [a, b] = d.names;
  switch (d.outcome) {
    case 'same':
      return style.ok(`No difference between ${a} and ${b} on this view.`);
    case 'different':
      return style.bad(`${a} and ${b} differ.`);
    case 'undecided':
      return style.unknown(`No difference found, but a bound was hit: ${a} and ${b} are not proven the same.`);
  }
}
