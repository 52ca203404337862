// The liveness label of every node, filled while the search runs (a Labeler, runtime/graph.ts):
// which fairness units have an enabled step there and which predicates hold there (plan.ts),
// `words` Int32 words per node in StateStore-sized chunks. Also what needs no graph at all: the
// first node (in BFS order, so at the least depth) where an `always` check's predicate is false,
// and where a check's predicate cannot be evaluated.

import type { Labeler } from '../graph.js';
import type { CompiledModel } from '../model.js';
import { hasBit, type LivenessPlan } from './plan.js';

const SHIFT = 14;
const MASK = (1 << SHIFT) - 1;

export class NodeLabels implements Labeler {
  private readonly chunks: Int32Array[] = [];
  private readonly predicates: readonly ((s: Int32Array) => number)[];
  private readonly alwaysChecks: Int32Array; // indexes of the `always` checks
  private readonly usersOf: readonly (readonly number[])[]; // predicate bit - units -> checks
  readonly firstFalse: Int32Array; // per check: first node falsifying an `always`, -1
  readonly undefinedAt: Int32Array; // per check: first node where a predicate fails, -1
  readonly undefinedSite: Int32Array; // ... and the site it fails at
  count = 0;

  constructor(
    model: CompiledModel,
    private readonly plan: LivenessPlan,
  ) {
    this.predicates = plan.predicates.map((k) => model.predicates[k]!);
    const n = plan.checks.length;
    this.firstFalse = new Int32Array(n).fill(-1);
    this.undefinedAt = new Int32Array(n).fill(-1);
    this.undefinedSite = new Int32Array(n).fill(-1);
    this.alwaysChecks = Int32Array.from(plan.checks.flatMap((c, i) => (c.form === 'always' ? [i] : [])));
    const users: number[][] = plan.predicates.map(() => []);
    plan.checks.forEach((c, i) => {
      users[c.pBit - plan.unitCount]!.push(i);
      if (c.qBit >= 0) users[c.qBit - plan.unitCount]!.push(i);
    });
    this.usersOf = users;
  }

  label(node: number, s: Int32Array): void {
    if (node !== this.count) throw new Error(`internal: node ${node} labelled out of order`);
    if ((node & MASK) === 0) this.chunks.push(new Int32Array((MASK + 1) * this.plan.words));
    this.count++;
    const chunk = this.chunks[node >>> SHIFT]!;
    const off = (node & MASK) * this.plan.words;
    const base = this.plan.unitCount;
    for (let k = 0; k < this.predicates.length; k++) {
      const v = this.predicates[k]!(s);
      const bit = base + k;
      if (v === 1) chunk[off + (bit >>> 5)]! |= 1 << (bit & 31);
      else if (v < 0) this.undefinedHere(k, node, -1 - v);
    }
    for (let j = 0; j < this.alwaysChecks.length; j++) {
      const c = this.alwaysChecks[j]!;
      const bit = this.plan.checks[c]!.pBit;
      if (this.firstFalse[c]! < 0 && !hasBit(chunk, off, bit)) this.firstFalse[c] = node;
    }
  }

  enabled(node: number, step: number): void {
    const unit = this.plan.stepUnit[step]!;
    if (unit < 0) return;
    this.chunks[node >>> SHIFT]![(node & MASK) * this.plan.words + (unit >>> 5)]! |= 1 << (unit & 31);
  }

  get bytes(): number {
    return this.chunks.length * (MASK + 1) * this.plan.words * 4;
  }

  // The labels of nodes 0..n-1 in one array (node v at v * words), chunks released on the way.
  freeze(n: number): Int32Array {
    const words = this.plan.words;
    const out = new Int32Array(n * words);
    for (let at = 0; at < out.length; ) {
      const chunk = this.chunks.shift()!;
      const take = Math.min(chunk.length, out.length - at);
      out.set(chunk.subarray(0, take), at);
      at += take;
    }
    this.chunks.length = 0;
    return out;
  }

  private undefinedHere(k: number, node: number, site: number): void {
    for (const c of this.usersOf[k]!) {
      if (this.undefinedAt[c]! >= 0) continue;
      this.undefinedAt[c] = node;
      this.undefinedSite[c] = site;
    }
  }
}
