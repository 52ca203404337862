// Reachable view-states compared: how many view ids only A's states have, only B's, and both, and
// for each side the first node (in discovery order, so at the least BFS depth) whose view the
// other side never reaches, and the first such node where an invariant of its spec is false.
// Every recorded node is a reachable state, expanded or not; the counts are the whole truth
// only when both searches were complete.

import type { Graph } from './graph.js';

export interface OnlyHere {
  readonly views: number; // view-states only this side reaches
  readonly failing: number; // ... of which some state here falsifies an invariant
  readonly first: number | undefined; // the first node with such a view
  readonly firstFailing: number | undefined; // the first such node that falsifies an invariant
}

export interface ReachCompare {
  readonly a: OnlyHere;
  readonly b: OnlyHere;
  readonly both: number;
}

const IN_A = 1;
const IN_B = 2;

export function compareReach(a: Graph, b: Graph, viewCount: number): ReachCompare {
  const marks = new Uint8Array(viewCount);
  for (const v of a.views) marks[v]! |= IN_A;
  for (const v of b.views) marks[v]! |= IN_B;
  const both = marks.reduce((n, m) => (m === (IN_A | IN_B) ? n + 1 : n), 0);
  return { a: onlyHere(a, marks, IN_B), b: onlyHere(b, marks, IN_A), both };
}

function onlyHere(g: Graph, marks: Uint8Array, other: number): OnlyHere {
  const seen = new Set<number>();
  const failingViews = new Set<number>();
  let first: number | undefined;
  let firstFailing: number | undefined;
  for (let i = 0; i < g.views.length; i++) {
    const view = g.views[i]!;
    if ((marks[view]! & other) !== 0) continue;
    seen.add(view);
    first ??= i;
    if (failingInvariants(g, i).length === 0) continue;
    failingViews.add(view);
    firstFailing ??= i;
  }
  return { views: seen.size, failing: failingViews.size, first, firstFailing };
}

// The names of the invariants false in a node's state.
export function failingInvariants(g: Graph, node: number): string[] {
  const s = new Int32Array(g.model.slots);
  g.model.unpack(g.store.chunk(node), g.store.offset(node), s);
  return g.model.meta.invariants.filter((_, i) => !g.model.invariants[i]!(s)).map((inv) => inv.name);
}
