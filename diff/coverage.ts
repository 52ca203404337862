// Step coverage side by side: for every step (instance and label) of either spec, how many
// transitions it made in each search (SearchResult.stepCounts). A step with transitions on one
// side and none on the other became unreachable or newly reachable; a step only one spec declares
// has no count on the other side.

import type { ModelMeta } from '../runtime/model.js';
import type { SearchResult } from '../runtime/result.js';

export interface CoverageRow {
  readonly instance: string;
  readonly label: string;
  readonly a: number | undefined; // undefined: A has no such step
  readonly b: number | undefined;
}

export function compareCoverage(a: ModelMeta, ra: SearchResult, b: ModelMeta, rb: SearchResult): CoverageRow[] {
  const rows = new Map<string, { instance: string; label: string; a?: number; b?: number }>();
  const add = (meta: ModelMeta, r: SearchResult, side: 'a' | 'b') => {
    meta.steps.forEach((s, i) => {
      const instance = meta.instances[s.instance]!.name;
      const key = `${instance} ${s.label}`;
      const row = rows.get(key) ?? { instance, label: s.label };
      row[side] = r.stepCounts[i] ?? 0;
      rows.set(key, row);
    });
  };
  add(a, ra, 'a');
  add(b, rb, 'b');
  return [...rows.values()].map((r) => ({ instance: r.instance, label: r.label, a: r.a, b: r.b }));
}

// Reachable on one side only: a step with transitions in one search and none (or no such step)
// in the other.
export function reachability(row: CoverageRow): 'both' | 'neither' | 'onlyA' | 'onlyB' {
  const inA = (row.a ?? 0) > 0;
  const inB = (row.b ?? 0) > 0;
  return inA && inB ? 'both' : inA ? 'onlyA' : inB ? 'onlyB' : 'neither';
}
