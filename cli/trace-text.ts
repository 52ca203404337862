// A counterexample as numbered steps: step 0 lists every variable of the initial state, each
// later step only what it changed (`klp_patches: [1, 2] -> [1, 2, 3]`), then what went wrong.
// A map or record too wide for the terminal is listed entry by entry (`obj[1].mod = none`).
// In: a violated PropertyResult with its trace. Out: lines, no trailing newline.

import { traceLength, type PropertyResult, type Trace } from '../runtime/result.js';
import { dataEntries, entryLines, pendingInstances, stateChanges } from './changes.js';
import type { Style } from './style.js';
import { formatValue } from './values.js';
import { traceHeading } from './verdicts.js';

export function traceLines(p: PropertyResult, trace: Trace, width: number, style: Style): string[] {
  return [style.bold(traceHeading(p)), ...numberedSteps(trace, width, style), closingLine(trace, `${style.bad('✗')} ${failureText(p, trace)}`)];
}

// The numbered steps alone, for a caller with its own heading and closing line (`klpc diff`).
// A lasso gets a line where its cycle starts and one where it goes back.
export function numberedSteps(trace: Trace, width: number, style: Style): string[] {
  const numWidth = String(traceLength(trace)).length;
  const num = (i: number) => `  ${String(i).padStart(numWidth)}  `;
  const detail = ' '.repeat(numWidth + 6);
  const lines = [`${num(0)}${style.dim('initial state')}`];
  for (const [k, v] of dataEntries(trace.initial)) lines.push(...entryLines(k, v, width - detail.length).map((l) => detail + l));
  let before = trace.initial;
  const loop = trace.loop;
  trace.steps.forEach((s, i) => {
    if (i === loop) lines.push(`${detail}${style.dim(`── the cycle: from state ${loop} ──`)}`);
    lines.push(`${num(i + 1)}${style.accent(s.instance)}  ${s.label}`);
    const changes = stateChanges(before, s.state);
    if (changes.length === 0) lines.push(`${detail}${style.dim('(no variable changed)')}`);
    for (const c of changes) {
      const from = c.before === undefined ? '' : `${formatValue(c.before)} -> `;
      lines.push(`${detail}${c.path}: ${from}${formatValue(c.after)}`);
    }
    before = s.state;
  });
  if (loop !== undefined) lines.push(`${detail}${style.dim(loopEnd(trace, loop))}`);
  return lines;
}

// How a lasso goes on after its last step.
export function loopEnd(trace: Trace, loop: number): string {
  return loop === trace.steps.length ? `↻ state ${loop} repeats forever: no fair step is enabled there` : `↻ back to state ${loop}, and around again forever`;
}

// A line under the numbered steps, aligned with their instance names; a failing step's line
// carries its number, since that step ran (and failed) too.
export function closingLine(trace: Trace, text: string): string {
  const n = traceLength(trace);
  const num = trace.failure?.step === undefined ? '' : String(n);
  return `  ${num.padStart(String(n).length)}  ${text}`;
}

// A trace with the same steps as the one printed for property `other`.
export function sameTraceLines(p: PropertyResult, trace: Trace, other: string, style: Style): string[] {
  const indent = ' '.repeat(String(traceLength(trace)).length + 4);
  return [style.bold(traceHeading(p)), `${indent}${style.dim(`the same steps as for ${other} above`)}`, closingLine(trace, `${style.bad('✗')} ${failureText(p, trace)}`)];
}

// What went wrong after the last state, in one line.
export function failureText(p: PropertyResult, trace: Trace): string {
  const f = trace.failure;
  const at = f?.loc === undefined ? '' : ` (${f.loc.file}:${f.loc.line}:${f.loc.col})`;
  const who = f?.instance === undefined ? '' : `${f.instance} ${f.label ?? ''}: `;
  switch (p.kind) {
    case 'invariant':
      return `${p.name} is false in this state`;
    case 'deadlock':
      return `no step can run; waiting: ${waitingText(trace)}`;
    case 'assert':
      return `${who}assertion failed: ${f?.message ?? p.name}${at}`;
    case 'specError':
      return `${who}spec error: ${f?.message ?? 'unknown'}${at}`;
    case 'property': {
      const inst = p.temporal?.instance;
      return `${inst === undefined || inst === '' ? '' : `with ${inst}: `}${f?.message ?? `${p.name} is violated`}`;
    }
  }
}

// `loader@klp_coming, patcher[1]@enable`: the language's own notation for "at label".
export function waitingText(trace: Trace): string {
  const last = trace.steps.at(-1)?.state ?? trace.initial;
  return pendingInstances(last).map((w) => `${w.instance}@${w.label}`).join(', ');
}
