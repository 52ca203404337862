// `klpc diff --json`: one JSON document with the view, the verdicts side by side, the view-state
// counts and witnesses, both behaviour checks, the step coverage, the outcome and exit code, and
// under `results` each spec's own `klpc check --json` document (verdicts, statistics,
// counterexamples). Traces and values have the shapes `check --json` uses.

import type { BehaviourCheck } from '../diff/behaviours.js';
import type { DiffResult, OnlySide } from '../diff/diff.js';
import type { PropertyResult, SearchResult } from '../runtime/result.js';
import type { ModelMeta } from '../runtime/model.js';
import { verdictExitCode } from './exit-codes.js';
import { resultJson, traceJson } from './json-report.js';
import { stepCount } from './verdicts.js';

export interface DiffJsonInfo {
  readonly version: string;
  readonly specs: readonly [string, string]; // the paths given
  readonly metas: readonly [ModelMeta, ModelMeta];
  readonly exitCode: number;
}

export function diffJson(d: DiffResult, info: DiffJsonInfo): object {
  const side = (i: 0 | 1) => ({ spec: info.specs[i], name: d.names[i] });
  const checkDoc = (i: 0 | 1, r: SearchResult) => resultJson({ version: info.version, spec: info.specs[i], exitCode: verdictExitCode(r) }, r, info.metas[i], []);
  return {
    version: info.version,
    a: side(0),
    b: side(1),
    view: d.view,
    properties: d.verdicts.map((r) => ({ name: r.name, kind: r.kind, a: verdictJson(r.a), b: verdictJson(r.b), change: r.change })),
    states: { complete: d.reach.complete, both: d.reach.both, onlyA: onlyJson(d.reach.onlyA), onlyB: onlyJson(d.reach.onlyB) },
    behaviours: { relation: d.behaviours.relation, aNotB: behaviourJson(d.behaviours.aNotB), bNotA: behaviourJson(d.behaviours.bNotA) },
    steps: d.coverage,
    results: { a: checkDoc(0, d.results[0]), b: checkDoc(1, d.results[1]) },
    outcome: d.outcome,
    exitCode: info.exitCode,
  };
}

function verdictJson(p: PropertyResult | undefined): object | null {
  if (p === undefined) return null;
  return p.verdict === 'violated' ? { verdict: p.verdict, steps: stepCount(p) } : { verdict: p.verdict };
}

function onlyJson(o: OnlySide): object {
  const bad = o.failingWitness;
  return {
    count: o.count,
    failing: o.failing,
    witness: o.witness === undefined ? null : traceJson(o.witness),
    failingWitness: bad === undefined ? null : { invariants: bad.invariants, trace: traceJson(bad.trace) },
  };
}

function behaviourJson(c: BehaviourCheck): object {
  if (c.status !== 'witness') return c;
  const w = c.witness;
  return { status: c.status, pairs: c.pairs, shortest: w.shortest, trace: traceJson(w.trace), alternatives: w.alternatives, alternativeCount: w.alternativeCount };
}
