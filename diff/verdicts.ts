// Property verdicts side by side, matched by name: each property of either spec with its result
// in A and in B. A flip is holds on one side and violated on the other; `unknown` (a bound was
// hit) never makes a flip, since the search may just have stopped short of the violation. A
// property only one spec has (an added assert, say) is a difference only where it is violated.

import type { PropertyKind, PropertyResult, SearchResult } from '../runtime/result.js';

export type VerdictChange = 'same' | 'flipped' | 'onlyA' | 'onlyB' | 'undecided';

export interface VerdictRow {
  readonly name: string;
  readonly kind: PropertyKind;
  readonly a: PropertyResult | undefined;
  readonly b: PropertyResult | undefined;
  readonly change: VerdictChange;
}

// A's properties in A's order, then those only B has.
export function compareVerdicts(a: SearchResult, b: SearchResult): VerdictRow[] {
  const names = [...new Set([...a.properties, ...b.properties].map((p) => p.name))];
  return names.map((name) => {
    const pa = a.properties.find((p) => p.name === name);
    const pb = b.properties.find((p) => p.name === name);
    return { name, kind: (pa ?? pb)!.kind, a: pa, b: pb, change: change(pa, pb) };
  });
}

function change(a: PropertyResult | undefined, b: PropertyResult | undefined): VerdictChange {
  if (b === undefined) return 'onlyA';
  if (a === undefined) return 'onlyB';
  if (a.verdict === 'unknown' || b.verdict === 'unknown') return 'undecided';
  return a.verdict === b.verdict ? 'same' : 'flipped';
}
