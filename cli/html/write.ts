// `--html FILE` for `klpc check` and `klpc diff`: the viewer page (page.ts) filled from a search
// result (one pane: the verdicts and each counterexample) or a comparison (two panes side by
// side: each spec's verdicts, its counterexamples of the properties that changed, and the
// witnesses the diff found on its side), written to FILE (KLP6004 when that fails).

import fs from 'node:fs';
import type { DiffResult, OnlySide } from '../../diff/diff.js';
import type { BehaviourCheck } from '../../diff/behaviours.js';
import { diag, type Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import type { SearchResult } from '../../runtime/result.js';
import { divergence } from '../diff-report.js';
import { summaryBlocks } from '../diff-summary.js';
import { errnoReason } from '../../lang/files.js';
import type { Io } from '../io.js';
import { plainStyle } from '../style.js';
import { totalsLine, traceHeading, verdictText } from '../verdicts.js';
import { counterexampleView, traceView, type TraceView } from './model.js';
import { htmlPage, type PageView, type VerdictView } from './page.js';

function verdicts(result: SearchResult): VerdictView[] {
  return result.properties.map((p) => ({ name: p.name, text: verdictText(p, result), status: p.verdict }));
}

export function checkPage(spec: string, result: SearchResult): PageView {
  const traces = result.properties.flatMap((p) => (p.trace === undefined ? [] : [counterexampleView(traceHeading(p), p, p.trace)]));
  return { title: `klpc check ${spec}`, summary: [totalsLine(result)], panes: [{ name: spec, verdicts: verdicts(result), traces }] };
}

function witnesses(only: OnlySide, behaviour: BehaviourCheck, mine: string, other: string): TraceView[] {
  const out: TraceView[] = [];
  if (only.witness !== undefined) out.push(traceView(`A view-state only ${mine} reaches`, `≠ ${other} never reaches this view-state`, only.witness));
  const bad = only.failingWitness;
  if (bad !== undefined) out.push(traceView(`A view-state only ${mine} reaches where ${bad.invariants.join(', ')} fails`, `≠ ${bad.invariants.join(', ')} false here; ${other} never gets here`, bad.trace));
  if (behaviour.status === 'witness') {
    out.push(traceView(`A behaviour of ${mine} that ${other} cannot perform`, `≠ ${divergence(behaviour.witness, mine, other).join(' ')}`, behaviour.witness.trace));
  }
  return out;
}

export function diffPage(d: DiffResult): PageView {
  const [a, b] = d.names;
  const side = (i: 0 | 1) => {
    const [mine, other] = i === 0 ? [a, b] : [b, a];
    const counterexamples = d.verdicts.flatMap((row) => {
      const p = i === 0 ? row.a : row.b;
      return row.change !== 'same' && p?.trace !== undefined ? [counterexampleView(traceHeading(p), p, p.trace)] : [];
    });
    const only = i === 0 ? d.reach.onlyA : d.reach.onlyB;
    const behaviour = i === 0 ? d.behaviours.aNotB : d.behaviours.bNotA;
    return { name: mine, verdicts: verdicts(d.results[i]), traces: [...counterexamples, ...witnesses(only, behaviour, mine, other)] };
  };
  return { title: `klpc diff ${a} ${b}`, summary: summaryBlocks(d, 100, plainStyle).flat(), panes: [side(0), side(1)] };
}

export function writeHtml(file: string, view: PageView, io: Io): Diagnostic[] {
  try {
    fs.writeFileSync(file, htmlPage(view));
    return [];
  } catch (e) {
    return [diag('KLP6004', io.cmd.spanOf(file), { path: file, reason: errnoReason(e) })];
  }
}
