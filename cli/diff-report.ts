// The human report of `klpc diff`: the traces first, each as numbered steps and lanes like `klpc
// check` prints them (counterexamples of properties whose verdict changed, shortest paths to
// view-states only one side reaches, shortest behaviours only one side has; a trace already
// printed is referred to, not repeated), then the summary (cli/diff-summary.ts) last, so that
// it is what stays on screen. In: a DiffResult. Out: text ending with a newline.

import type { DiffResult } from '../diff/diff.js';
import type { BehaviourCheck, BehaviourWitness, ViewChange } from '../diff/behaviours.js';
import type { PropertyResult, Trace } from '../runtime/result.js';
import { isPcKey, stateChanges } from './changes.js';
import { summaryBlocks } from './diff-summary.js';
import { lanesLines, lanesWithNote } from './lanes.js';
import type { Style } from './style.js';
import { closingLine, failureText, numberedSteps } from './trace-text.js';
import { formatValue } from './values.js';
import { traceHeading } from './verdicts.js';

export interface DiffReportOptions {
  readonly lanes: boolean;
  readonly width: number;
  readonly quiet: boolean; // the summary only
}

export function diffReport(d: DiffResult, opts: DiffReportOptions, style: Style): string {
  const blocks = opts.quiet ? [] : new TraceBlocks(opts, style).of(d);
  blocks.push(...summaryBlocks(d, opts.width, style));
  return blocks.filter((b) => b.length > 0).map((b) => `${b.join('\n')}\n`).join('\n');
}

class TraceBlocks {
  private readonly blocks: string[][] = [];
  private readonly shown = new Map<string, string>(); // a printed trace's steps -> its heading

  constructor(
    private readonly opts: DiffReportOptions,
    private readonly style: Style,
  ) {}

  of(d: DiffResult): string[][] {
    const [nameA, nameB] = d.names;
    for (const row of d.verdicts) {
      if (row.change === 'same' || row.change === 'undecided') continue;
      if (row.a?.trace !== undefined) this.counterexample(nameA, row.a, row.a.trace);
      if (row.b?.trace !== undefined) this.counterexample(nameB, row.b, row.b.trace);
    }
    for (const [mine, other, only] of [[nameA, nameB, d.reach.onlyA], [nameB, nameA, d.reach.onlyB]] as const) {
      const never = `${other} never reaches this view-state`;
      if (only.witness !== undefined) this.add(`A view-state only ${mine} reaches, ${after(only.witness)}:`, only.witness, [never], `a view-state ${other} never reaches`);
      const bad = only.failingWitness;
      if (bad !== undefined) {
        const names = bad.invariants.join(', ');
        this.add(`A view-state only ${mine} reaches where ${names} ${bad.invariants.length === 1 ? 'fails' : 'fail'}, ${after(bad.trace)}:`, bad.trace, [`${names} false here; ${never}`], `${names} false; ${other} never gets here`);
      }
    }
    this.behaviour(d.behaviours.aNotB, nameA, nameB);
    this.behaviour(d.behaviours.bNotA, nameB, nameA);
    return this.blocks;
  }

  private counterexample(name: string, p: PropertyResult, trace: Trace): void {
    const closing = `${this.style.bad('✗')} ${failureText(p, trace)}`;
    this.push(`${name}: ${traceHeading(p)}`, trace, [closing], () => lanesLines(p, trace, this.opts.width, this.style));
  }

  private behaviour(c: BehaviourCheck, mine: string, other: string): void {
    if (c.status !== 'witness') return;
    const w = c.witness;
    const n = w.trace.steps.length;
    const heading = `A behaviour of ${mine} that ${other} cannot perform (${n} step${n === 1 ? '' : 's'}${w.shortest ? '' : ', maybe not a shortest one'}):`;
    const note = n === 0 ? `${other} has no such initial state` : `${other} cannot do step ${n} this way`;
    this.add(heading, w.trace, divergence(w, mine, other), note);
  }

  private add(heading: string, trace: Trace, closing: readonly string[], note: string): void {
    const marked = closing.map((line, i) => (i === 0 ? `${this.style.accent('≠')} ${line}` : `  ${line}`));
    this.push(heading, trace, marked, () => lanesWithNote(trace, note, this.opts.width, this.style));
  }

  private push(heading: string, trace: Trace, closing: readonly string[], lanes: () => string[]): void {
    const key = JSON.stringify([trace.initial, trace.steps.map((s) => s.step)]);
    const same = this.shown.get(key);
    const head = this.style.bold(heading);
    const end = closing.map((line) => closingLine(trace, line));
    if (same !== undefined) {
      this.blocks.push([head, closingLine(trace, this.style.dim(`the same steps as "${same}" above`)), ...end]);
      return;
    }
    this.shown.set(key, heading.replace(/:$/, ''));
    this.blocks.push([head, ...numberedSteps(trace, this.opts.width, this.style), ...end]);
    if (this.opts.lanes) this.blocks.push(lanes());
  }
}

function after(trace: Trace): string {
  const n = trace.steps.length;
  return n === 0 ? 'in an initial state' : `after ${n} step${n === 1 ? '' : 's'}`;
}

// What the other side does where the witness's last step (or initial state) has no match.
export function divergence(w: BehaviourWitness, mine: string, other: string): string[] {
  const n = w.trace.steps.length;
  const last = w.trace.steps[n - 1];
  const alts = w.alternatives.map((alt) => `${changesText(alt, mine)}`);
  const more = w.alternativeCount > alts.length ? [`and ${w.alternativeCount - alts.length} more`] : [];
  if (last === undefined) return [`${other} has no initial state with this view; its initial states differ in:`, ...alts, ...more];
  const step = `${last.instance} ${last.label}`;
  if (alts.length === 0) return [`after the same steps, ${other} cannot take ${step}`];
  return [`after the same steps, ${other}'s ${step} ends elsewhere:`, ...alts, ...more];
}

// `obj[3][obj_M].mod = none (prefix: some(M))`: the other side's values, then this side's.
function changesText(alt: readonly ViewChange[], mine: string): string {
  const parts = alt.flatMap((c) => {
    if (isPcKey(c.key)) return [`${c.key} = ${formatValue(c.theirs)} (${mine}: ${formatValue(c.mine)})`];
    return stateChanges({ [c.key]: c.mine }, { [c.key]: c.theirs }).map((x) => `${x.path} = ${formatValue(x.after)} (${mine}: ${x.before === undefined ? '-' : formatValue(x.before)})`);
  });
  return parts.join('; ');
}
