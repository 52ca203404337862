// The human report of a search: each counterexample (numbered steps, then lanes; a trace already
// printed for another property is referred to, not repeated), then the verdict lines and totals
// last, so that the verdict is what stays on screen after a long trace.
// In: SearchResult and the model's metadata (for step names). Out: text ending with a newline.

import type { ModelMeta } from '../runtime/model.js';
import type { PropertyResult, SearchResult } from '../runtime/result.js';
import { lanesLines } from './lanes.js';
import type { Style } from './style.js';
import { sameTraceLines, traceLines } from './trace-text.js';
import { totalsLine, verdictLines } from './verdicts.js';

export interface ReportOptions {
  readonly lanes: boolean;
  readonly width: number; // terminal columns, for the lanes
  readonly quiet: boolean; // only the verdict lines of properties that do not hold
}

export function humanReport(result: SearchResult, meta: ModelMeta, opts: ReportOptions, style: Style): string {
  if (opts.quiet) {
    const failing = verdictLines(result, style).filter((_, i) => result.properties[i]!.verdict !== 'holds');
    return failing.map((l) => `${l}\n`).join('');
  }
  const blocks = traceBlocks(result.properties, opts, style);
  const summary = [...verdictLines(result, style), style.dim(totalsLine(result))];
  const uncovered = result.complete ? coverageLine(result, meta) : undefined;
  if (uncovered !== undefined) summary.push(style.dim(uncovered));
  if (meta.symmetry !== undefined && result.symmetry === undefined && result.properties.some((p) => p.kind === 'property')) {
    summary.push(style.dim('no symmetry reduction: temporal properties are decided on the full state graph (--no-properties to reduce)'));
  }
  blocks.push(summary);
  return blocks.map((b) => `${b.join('\n')}\n`).join('\n');
}

// Each counterexample as numbered steps, then lanes; a trace with the same steps as one already
// shown is referred to instead.
export function traceBlocks(properties: readonly PropertyResult[], opts: ReportOptions, style: Style): string[][] {
  const blocks: string[][] = [];
  const shown = new Map<string, string>(); // the steps of each trace printed -> its property
  for (const p of properties) {
    if (p.verdict !== 'violated' || p.trace === undefined) continue;
    const key = JSON.stringify([p.trace.initial, p.trace.steps.map((s) => s.step), p.trace.loop]);
    const same = shown.get(key);
    if (same !== undefined) {
      blocks.push(sameTraceLines(p, p.trace, same, style));
      continue;
    }
    shown.set(key, p.name);
    blocks.push(traceLines(p, p.trace, opts.width, style));
    const lanes = opts.lanes ? lanesLines(p, p.trace, opts.width, style) : [];
    if (lanes.length > 0) blocks.push(lanes);
  }
  return blocks;
}

const MAX_LISTED = 8;

// Steps that never ran in a complete search usually mean a guard can never hold: worth a line.
export function coverageLine(result: { readonly stepCounts: readonly number[] }, meta: ModelMeta): string | undefined {
  const never = meta.steps.filter((_, i) => (result.stepCounts[i] ?? 0) === 0).map((s) => `${meta.instances[s.instance]?.name ?? '?'}@${s.label}`);
  if (never.length === 0) return undefined;
  const listed = never.slice(0, MAX_LISTED).join(', ');
  const more = never.length > MAX_LISTED ? `, and ${never.length - MAX_LISTED} more` : '';
  return `${never.length} of ${meta.steps.length} steps never ran: ${listed}${more}`;
}
