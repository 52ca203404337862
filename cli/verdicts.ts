// One verdict line per property (`✗ StackOrder  violated (9 steps)`) and the wording shared
// with the counterexample headings. Deadlocks and spec errors read as things found or not, so
// "deadlock  none found" instead of the odd "deadlock  holds".

import { traceLength, type PropertyResult, type SearchResult } from '../runtime/result.js';
import type { Style } from './style.js';

export function stepCount(p: PropertyResult): number {
  return p.trace === undefined ? 0 : traceLength(p.trace);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counted(n: number, word: string): string {
  return `${formatInt(n)} ${word}${n === 1 ? '' : 's'}`;
}

function isHazard(p: PropertyResult): boolean {
  return p.kind === 'deadlock' || p.kind === 'specError';
}

export function verdictText(p: PropertyResult, result: SearchResult): string {
  switch (p.verdict) {
    case 'holds':
      return isHazard(p) ? 'none found' : 'holds';
    case 'violated':
      return violatedText(p);
    case 'unknown':
      return `${notFound(p)} before the search stopped (${result.incompleteReason ?? 'incomplete'})`;
  }
}

export function violatedText(p: PropertyResult): string {
  if (p.kind === 'property') return `violated${forInstance(p)} (${lassoSize(p)})${alsoFailing(p)}`;
  return `${isHazard(p) ? 'found' : 'violated'} (${plural(stepCount(p), 'step')})`;
}

// The start of an 'unknown' verdict: nothing was found, which proves nothing.
export function notFound(p: PropertyResult): string {
  return isHazard(p) ? 'none found' : 'no violation found';
}

export function verdictLines(result: SearchResult, style: Style): string[] {
  return propertyLines(result.properties, style, (p) => verdictText(p, result));
}

// `✓ name  text` lines with the names aligned, the text given per property.
export function propertyLines(properties: readonly PropertyResult[], style: Style, text: (p: PropertyResult) => string): string[] {
  const width = Math.max(0, ...properties.map((p) => p.name.length));
  return properties.map((p) => {
    const mark = p.verdict === 'holds' ? style.ok('✓') : p.verdict === 'violated' ? style.bad('✗') : style.unknown('?');
    return `${mark} ${style.bold(p.name.padEnd(width))}  ${text(p)}`;
  });
}

// ` for t = 2`: the instance of a temporal property the counterexample is for.
export function forInstance(p: PropertyResult): string {
  const inst = p.temporal?.instance;
  return inst === undefined || inst === '' ? '' : ` for ${inst}`;
}

// `3 steps, then a cycle of 4`, `5 steps, then stays there forever`, or `2 steps`.
function lassoSize(p: PropertyResult): string {
  const loop = p.trace?.loop;
  if (loop === undefined) return plural(stepCount(p), 'step');
  const cycle = stepCount(p) - loop;
  if (loop === 0) return cycle === 0 ? 'stays in an initial state forever' : `a cycle of ${plural(cycle, 'step')} from an initial state`;
  return cycle === 0 ? `${plural(loop, 'step')}, then stays there forever` : `${plural(loop, 'step')}, then a cycle of ${cycle}`;
}

const MAX_ALSO = 3;

// `; also for t = 3, t = 4`: the other failing instances.
function alsoFailing(p: PropertyResult): string {
  const others = (p.temporal?.failing ?? []).slice(1);
  if (others.length === 0) return '';
  const more = others.length > MAX_ALSO ? ` and ${others.length - MAX_ALSO} more` : '';
  return `; also for ${others.slice(0, MAX_ALSO).join('; ')}${more}`;
}

// The heading above a counterexample. A failing step is counted and numbered like the others:
// "fails in step 2" is the row marked 2 in the trace below it.
export function traceHeading(p: PropertyResult): string {
  const n = stepCount(p);
  const failing = p.trace?.failure?.step !== undefined;
  const when = n === 0 ? 'in an initial state' : failing ? `in step ${n}` : `after ${plural(n, 'step')}`;
  switch (p.kind) {
    case 'invariant': return `Invariant ${p.name} is violated ${when}:`;
    // unnamed asserts are already called `assert <file>:<line>`
    case 'assert': return `${p.name.includes(' ') ? p.name : `Assert ${p.name}`} fails ${when}:`;
    case 'deadlock': return `Deadlock ${when}:`;
    case 'specError': return `Spec error ${when}:`;
    case 'property': return `Property ${p.name} is violated${forInstance(p)} ${behaviour(p)}:`;
  }
}

function behaviour(p: PropertyResult): string {
  const loop = p.trace?.loop;
  if (loop === undefined) return stepCount(p) === 0 ? 'in an initial state' : `after ${plural(stepCount(p), 'step')}`;
  if (loop === stepCount(p)) return `by a behaviour that stays in state ${loop} forever`;
  return `by a behaviour that repeats steps ${loop + 1}-${stepCount(p)} forever`;
}

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

// Small specs finish in milliseconds, where `0.00 s` would say nothing.
export function formatSeconds(seconds: number): string {
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  return seconds < 0.0005 ? '<1 ms' : `${Math.round(seconds * 1000)} ms`;
}

// `, symmetry: Thread (3! permutations)`: what the distinct states are classes of.
function symmetryText(result: SearchResult): string {
  if (result.symmetry === undefined) return '';
  return `, symmetry: ${result.symmetry.map((g) => `${g.name} (${g.ring ? `${g.size} rotations` : `${g.size}! permutations`})`).join(', ')}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

export function totalsLine(result: SearchResult): string {
  const s = result.stats;
  const parts = [
    counted(s.distinct, 'distinct state'),
    counted(s.transitions, 'transition'),
    `depth ${s.depth}`,
    formatSeconds(s.seconds),
    `${formatInt(s.statesPerSecond)} states/s`,
  ];
  const tail = result.complete ? 'complete search' : `incomplete search: ${result.incompleteReason ?? 'stopped early'}`;
  if (result.workers !== undefined) parts.push(`${result.workers} workers`);
  if (result.spilled !== undefined) parts.push(`spilled ${megabytes(result.spilled.states)} of states and ${megabytes(result.spilled.fingerprints)} of fingerprints`);
  return `${parts.join(', ')} (${tail}${symmetryText(result)})`;
}
