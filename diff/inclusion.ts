// Trace inclusion on the view: is every behaviour of A (its initial view, then for each step the
// instance, the label and the view after it) a behaviour of B? Breadth-first over pairs (a node
// of A, the set of B nodes the same observable sequence leads to): B determinised on the fly by
// subset construction. The first A-step that no B node of the set can match ends the search, so
// the behaviour found is a shortest one. Pairs are deduplicated by a 64-bit fingerprint of
// (node, sorted set) in the runtime's FpTable.
//
// Honesty under bounds: a pair whose A node or any of whose B nodes was not expanded (explore
// hit a bound) is not expanded either, and then inclusion is never claimed and a witness found
// later is not claimed to be a shortest one.

import { fingerprint, fpHi } from '../runtime/fingerprint.js';
import { FpTable } from '../runtime/fptable.js';
import { edgeAction, edgeEnd, edgeStart, edgeStep, edgeTarget, expanded, type Graph } from './graph.js';
import { IntList } from './int-list.js';
import type { Path } from './paths.js';

export interface Witness {
  readonly path: Path; // in A's graph; its last step (or, with no step, its initial view) has no match in B
  // the B nodes the path matched before its last step: B's initial nodes for a 0-step witness
  readonly others: readonly number[];
}

export type Inclusion =
  | { readonly status: 'included'; readonly pairs: number }
  | { readonly status: 'witness'; readonly witness: Witness; readonly shortest: boolean; readonly pairs: number }
  | { readonly status: 'incomplete'; readonly reason: string; readonly pairs: number };

export function extraBehaviour(a: Graph, b: Graph, maxPairs = Infinity): Inclusion {
  return new ProductSearch(a, b, maxPairs).run();
}

class ProductSearch {
  private readonly seen = new FpTable();
  private readonly node = new IntList();
  private readonly setStart = new IntList();
  private readonly setEnd = new IntList();
  private readonly sets = new IntList();
  private readonly parent = new IntList();
  private readonly step = new IntList(); // the A step from the parent pair
  private key = new Int32Array(64);
  private pruned: string | undefined;

  constructor(
    private readonly a: Graph,
    private readonly b: Graph,
    private readonly maxPairs: number,
  ) {}

  run(): Inclusion {
    const { a, b } = this;
    if (a.flat.initialTruncated || b.flat.initialTruncated) {
      return { status: 'incomplete', reason: 'an initial state was not kept (the search hit a bound)', pairs: 0 };
    }
    for (const a0 of a.initial) {
      const v = a.views[a0];
      const s0 = b.initial.filter((b0) => b.views[b0] === v).sort((x, y) => x - y);
      if (s0.length === 0) return this.witness({ nodes: [a0], steps: [] }, b.initial, true);
      this.add(a0, s0, -1, -1);
    }
    for (let p = 0; p < this.node.length; p++) {
      const found = this.expand(p);
      if (found !== undefined) return found;
      if (this.node.length > this.maxPairs) {
        return { status: 'incomplete', reason: `--max-states ${this.maxPairs} reached in the product`, pairs: this.node.length };
      }
    }
    const pairs = this.node.length;
    return this.pruned === undefined ? { status: 'included', pairs } : { status: 'incomplete', reason: this.pruned, pairs };
  }

  private expand(p: number): Inclusion | undefined {
    const { a, b } = this;
    const an = this.node.get(p);
    const set = Array.from(this.sets.slice(this.setStart.get(p), this.setEnd.get(p)));
    if (!expanded(a, an) || set.some((bn) => !expanded(b, bn))) {
      this.pruned ??= 'a state was not expanded (the search hit a bound)';
      return undefined;
    }
    for (let e = edgeStart(a, an), end = edgeEnd(a, an); e < end; e++) {
      const target = edgeTarget(a, e);
      const next = this.match(set, edgeAction(a, e), a.views[target]!);
      const step = edgeStep(a, e);
      if (next.length === 0) {
        const path = this.pathTo(p);
        return this.witness({ nodes: [...path.nodes, target], steps: [...path.steps, step] }, set, this.pruned === undefined);
      }
      this.add(target, next, p, step);
    }
    return undefined;
  }

  // The B nodes reached from `set` by a step with this action that ends in this view.
  private match(set: readonly number[], action: number, view: number): number[] {
    const { b } = this;
    const out: number[] = [];
    for (const bn of set) {
      for (let e = edgeStart(b, bn), end = edgeEnd(b, bn); e < end; e++) {
        const target = edgeTarget(b, e);
        if (edgeAction(b, e) === action && b.views[target] === view) out.push(target);
      }
    }
    out.sort((x, y) => x - y);
    return out.filter((x, i) => i === 0 || out[i - 1] !== x);
  }

  private add(an: number, set: readonly number[], parent: number, step: number): void {
    if (this.key.length < set.length + 1) this.key = new Int32Array(2 * (set.length + 1));
    this.key[0] = an;
    this.key.set(set, 1);
    const lo = fingerprint(this.key, 0, set.length + 1);
    if (!this.seen.insert(fpHi, lo)) return;
    this.node.push(an);
    this.setStart.push(this.sets.length);
    for (const bn of set) this.sets.push(bn);
    this.setEnd.push(this.sets.length);
    this.parent.push(parent);
    this.step.push(step);
  }

  private pathTo(p: number): Path {
    const nodes: number[] = [];
    const steps: number[] = [];
    for (let q = p; q >= 0; q = this.parent.get(q)) {
      nodes.push(this.node.get(q));
      if (this.parent.get(q) >= 0) steps.push(this.step.get(q));
    }
    return { nodes: nodes.reverse(), steps: steps.reverse() };
  }

  private witness(path: Path, others: readonly number[], shortest: boolean): Inclusion {
    return { status: 'witness', witness: { path, others }, shortest, pairs: this.node.length };
  }
}
