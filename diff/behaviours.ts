// Behaviours compared both ways: the product search (inclusion.ts) run A-against-B and
// B-against-A, each witness turned into a Trace of the side that has it plus what the other side
// could do at the point of divergence, and the relation that follows ("B only restricts A" when
// every behaviour of B is one of A's, but not the converse).

import type { Trace } from '../runtime/result.js';
import type { Value } from '../runtime/value.js';
import { canonicalValue } from './canonical.js';
import { decodeNode, edgeAction, edgeEnd, edgeStart, edgeTarget, type Graph } from './graph.js';
import { extraBehaviour, type Witness } from './inclusion.js';
import { pathTrace } from './paths.js';
import type { ViewIds } from './view-ids.js';

export interface ViewChange {
  readonly key: string;
  readonly mine: Value; // in the witness's state
  readonly theirs: Value; // in the other spec's state
}

export interface BehaviourWitness {
  readonly trace: Trace; // a path of the side that has the behaviour; its last step has no match
  readonly shortest: boolean; // false when the product search was cut by a bound first
  // What the other side reaches instead of the last state of `trace`, by the same step from
  // the states that matched up to there (or, with no step, its initial states): one entry per
  // distinct view, as the view keys that differ. Empty: the other side cannot take that step.
  readonly alternatives: readonly (readonly ViewChange[])[];
  readonly alternativeCount: number; // distinct views in all; at most MAX_ALTERNATIVES are listed
}

export type BehaviourCheck =
  | { readonly status: 'included'; readonly pairs: number }
  | { readonly status: 'witness'; readonly witness: BehaviourWitness; readonly pairs: number }
  | { readonly status: 'incomplete'; readonly reason: string; readonly pairs: number };

// equal: same behaviours; restricts: B's are a strict subset of A's; extends: a strict superset.
export type Relation = 'equal' | 'restricts' | 'extends' | 'incomparable' | 'undecided';

export interface BehavioursCompare {
  readonly aNotB: BehaviourCheck; // behaviours of A that B lacks
  readonly bNotA: BehaviourCheck;
  readonly relation: Relation;
}

const MAX_ALTERNATIVES = 3;

export function compareBehaviours(a: Graph, b: Graph, views: ViewIds, maxPairs?: number): BehavioursCompare {
  const aNotB = check(a, b, views, maxPairs);
  const bNotA = check(b, a, views, maxPairs);
  return { aNotB, bNotA, relation: relation(aNotB.status, bNotA.status) };
}

function relation(aNotB: BehaviourCheck['status'], bNotA: BehaviourCheck['status']): Relation {
  if (aNotB === 'included' && bNotA === 'included') return 'equal';
  if (aNotB === 'witness' && bNotA === 'witness') return 'incomparable';
  if (aNotB === 'witness' && bNotA === 'included') return 'restricts';
  if (aNotB === 'included' && bNotA === 'witness') return 'extends';
  return 'undecided';
}

function check(mine: Graph, other: Graph, views: ViewIds, maxPairs: number | undefined): BehaviourCheck {
  const r = extraBehaviour(mine, other, maxPairs);
  if (r.status !== 'witness') return r;
  const trace = pathTrace(mine, r.witness.path);
  const witness = { trace, shortest: r.shortest, ...alternatives(mine, other, r.witness, views) };
  return { status: 'witness', witness, pairs: r.pairs };
}

function alternatives(mine: Graph, other: Graph, w: Witness, views: ViewIds): { alternatives: ViewChange[][]; alternativeCount: number } {
  const { nodes, steps } = w.path;
  const last = nodes[nodes.length - 1]!;
  let reached: readonly number[] = w.others;
  if (steps.length > 0) {
    const action = mine.stepAction[steps[steps.length - 1]!]!;
    reached = w.others.flatMap((n) => outEdges(other, n).filter((e) => e.action === action).map((e) => e.target));
  }
  const distinct = new Map<number, number>(); // view id -> a node of `other` with it
  for (const n of reached) if (!distinct.has(other.views[n]!)) distinct.set(other.views[n]!, n);
  const myView = views.project(decodeNode(mine, last));
  const listed = [...distinct.values()].slice(0, MAX_ALTERNATIVES).map((n) => {
    const theirView = views.project(decodeNode(other, n));
    return views.keys
      .filter((k) => canonicalValue(myView[k]!) !== canonicalValue(theirView[k]!))
      .map((key) => ({ key, mine: myView[key]!, theirs: theirView[key]! }));
  });
  return { alternatives: listed, alternativeCount: distinct.size };
}

function outEdges(g: Graph, node: number): { action: number; target: number }[] {
  const out = [];
  for (let e = edgeStart(g, node), end = edgeEnd(g, node); e < end; e++) out.push({ action: edgeAction(g, e), target: edgeTarget(g, e) });
  return out;
}
