// `klpc diff`'s stage: two compiled models in, plain data out. Each model is explored once, by
// the runtime's explore() (so verdicts, counterexamples and step counts are exactly `klpc
// check`'s), recording its transition graph (runtime/graph.ts); the view-state comparison and
// the two behaviour inclusions then run on the graphs. The outcome follows diff(1): same,
// different (something proven different), or undecided (nothing different found, but a bound
// was hit somewhere, so nothing is proven the same).

import type { ExploreOptions } from '../runtime/explore.js';
import type { CompiledModel } from '../runtime/model.js';
import type { SearchResult, Trace } from '../runtime/result.js';
import { compareBehaviours, type BehavioursCompare } from './behaviours.js';
import { compareCoverage, type CoverageRow } from './coverage.js';
import { GraphRecorder } from '../runtime/graph.js';
import { Actions, diffGraph, type Graph } from './graph.js';
import { pathTrace, treePath } from './paths.js';
import { compareReach, failingInvariants, type OnlyHere } from './reach.js';
import { compareVerdicts, type VerdictRow } from './verdicts.js';
import { ViewIds } from './view-ids.js';
import type { View } from './view.js';

export interface DiffSpec {
  readonly name: string; // how reports call it, e.g. `prefix`
  readonly model: CompiledModel;
}

export interface DiffOptions {
  readonly view: View;
  // the CLI's explores asynchronously (so that an interrupt gets through), tests' synchronously
  readonly explore: (model: CompiledModel, options: ExploreOptions) => SearchResult | Promise<SearchResult>;
  readonly exploreOptions: ExploreOptions;
  readonly maxPairs?: number; // bound on each product search (the CLI passes --max-states)
}

// View-states one side reaches and the other does not: how many, how many of those where an
// invariant fails, and a shortest path to one of each kind (with the invariants that fail).
export interface OnlySide {
  readonly count: number;
  readonly failing: number;
  readonly witness: Trace | undefined;
  readonly failingWitness: { readonly trace: Trace; readonly invariants: readonly string[] } | undefined;
}

export interface ReachDiff {
  readonly onlyA: OnlySide;
  readonly onlyB: OnlySide;
  readonly both: number;
  readonly complete: boolean; // both searches complete: the counts are exact
}

export type Outcome = 'same' | 'different' | 'undecided';

export interface DiffResult {
  readonly names: readonly [string, string];
  readonly view: View;
  readonly results: readonly [SearchResult, SearchResult];
  readonly verdicts: readonly VerdictRow[];
  readonly reach: ReachDiff;
  readonly behaviours: BehavioursCompare;
  readonly coverage: readonly CoverageRow[];
  readonly outcome: Outcome;
}

export async function diffModels(a: DiffSpec, b: DiffSpec, options: DiffOptions): Promise<DiffResult> {
  const views = new ViewIds(options.view);
  const actions = new Actions();
  const recorders = [new GraphRecorder(), new GraphRecorder()] as const;
  const results = [
    await options.explore(a.model, { ...options.exploreOptions, graph: recorders[0] }),
    await options.explore(b.model, { ...options.exploreOptions, graph: recorders[1] }),
  ] as const;
  const ga = diffGraph(a.model, recorders[0].freeze(), actions, views);
  const gb = diffGraph(b.model, recorders[1].freeze(), actions, views);
  const reach = reachDiff(ga, gb, views.count, results[0].complete && results[1].complete);
  const behaviours = compareBehaviours(ga, gb, views, options.maxPairs);
  const verdicts = compareVerdicts(results[0], results[1]);
  const coverage = compareCoverage(a.model.meta, results[0], b.model.meta, results[1]);
  const base = { names: [a.name, b.name] as const, view: options.view, results, verdicts, reach, behaviours, coverage };
  return { ...base, outcome: outcome(base) };
}

function reachDiff(a: Graph, b: Graph, viewCount: number, complete: boolean): ReachDiff {
  const r = compareReach(a, b, viewCount);
  const side = (g: Graph, o: OnlyHere): OnlySide => {
    const trace = (node: number) => pathTrace(g, treePath(g, node));
    const bad = o.firstFailing;
    return {
      count: o.views,
      failing: o.failing,
      witness: o.first === undefined ? undefined : trace(o.first),
      failingWitness: bad === undefined ? undefined : { trace: trace(bad), invariants: failingInvariants(g, bad) },
    };
  };
  return { onlyA: side(a, r.a), onlyB: side(b, r.b), both: r.both, complete };
}

function outcome(d: Omit<DiffResult, 'outcome'>): Outcome {
  const [ra, rb] = d.results;
  const proven =
    d.verdicts.some((v) => v.change === 'flipped' || (v.change === 'onlyA' && v.a?.verdict === 'violated') || (v.change === 'onlyB' && v.b?.verdict === 'violated')) ||
    (d.reach.onlyA.count > 0 && rb.complete) ||
    (d.reach.onlyB.count > 0 && ra.complete) ||
    d.behaviours.aNotB.status === 'witness' ||
    d.behaviours.bNotA.status === 'witness';
  if (proven) return 'different';
  const undecided = !ra.complete || !rb.complete || d.behaviours.relation !== 'equal' || d.verdicts.some((v) => v.change === 'undecided');
  return undecided ? 'undecided' : 'same';
}
