// What the HTML trace viewer shows, as plain JSON-ready data: for each trace its lanes (the
// instances, in order of first appearance), its rows (the initial state, each step, and the
// failing step of an assert or spec error), and at each row every variable with the ones that
// row changed marked; a lasso's cycle marked where it starts, with how it goes on. Values are already in klpc's notation (cli/values.ts), so the page's
// script only lays them out. In: runtime traces. Out: TraceView.

import { traceLength, type PropertyResult, type Trace } from '../../runtime/result.js';
import type { DecodedState } from '../../runtime/value.js';
import { stateChanges } from '../changes.js';
import { failureText, loopEnd } from '../trace-text.js';
import { formatValue, sameValue } from '../values.js';

export interface RowView {
  readonly num: number;
  readonly lane: number; // -1: the initial state
  readonly label: string;
  readonly changes: readonly string[]; // `x := 1`, as the lanes view writes them
  readonly vars: readonly (readonly [string, string])[];
  readonly changed: readonly string[]; // keys of vars whose value differs from the row before
  readonly failed?: string; // this row is the step that failed, and how
}

export interface TraceView {
  readonly title: string; // `Invariant StackOrder is violated after 5 steps:`
  readonly verdict: string; // one line naming what went wrong, e.g. `✗ StackOrder is false in this state`
  readonly lanes: readonly string[];
  readonly rows: readonly RowView[];
  // a lasso: the row its cycle starts at (rows[i] is the state after step i), and how it goes on
  readonly loop?: { readonly row: number; readonly text: string };
}

function varsOf(s: DecodedState): [string, string][] {
  return Object.entries(s).map(([k, v]) => [k, formatValue(v)]);
}

function changedKeys(before: DecodedState, after: DecodedState): string[] {
  return Object.keys(after).filter((k) => before[k] === undefined || !sameValue(before[k]!, after[k]!));
}

export function traceView(title: string, verdict: string, trace: Trace): TraceView {
  const lanes = [...new Set([...trace.steps.map((s) => s.instance), ...(trace.failure?.instance === undefined ? [] : [trace.failure.instance])])];
  const rows: RowView[] = [{ num: 0, lane: -1, label: 'initial state', changes: [], vars: varsOf(trace.initial), changed: [] }];
  let before = trace.initial;
  trace.steps.forEach((s, i) => {
    const own = `${s.instance}.`;
    const changes = stateChanges(before, s.state).map((c) => `${c.path.startsWith(own) ? c.path.slice(own.length) : c.path} := ${formatValue(c.after)}`);
    rows.push({ num: i + 1, lane: lanes.indexOf(s.instance), label: s.label, changes, vars: varsOf(s.state), changed: changedKeys(before, s.state) });
    before = s.state;
  });
  const f = trace.failure;
  if (f?.step !== undefined && f.instance !== undefined) {
    rows.push({ num: traceLength(trace), lane: lanes.indexOf(f.instance), label: f.label ?? '', changes: [], vars: varsOf(before), changed: [], failed: f.message });
  }
  const loop = trace.loop === undefined ? {} : { loop: { row: trace.loop, text: loopEnd(trace, trace.loop) } };
  return { title, verdict, lanes, rows, ...loop };
}

export function counterexampleView(title: string, p: PropertyResult, trace: Trace): TraceView {
  return traceView(title, `✗ ${failureText(p, trace)}`, trace);
}
