// The human report of `klpc simulate`: each counterexample as `check` prints it (numbered steps,
// then lanes), then one line per property and the simulation's totals. A property no walk
// violated reads "no violation found in N traces", never "holds": sampling proves nothing; a
// temporal property reads "not checked".
// In: a SimulationResult and the model's metadata. Out: text ending with a newline.

import type { ModelMeta } from '../runtime/model.js';
import type { PropertyResult } from '../runtime/result.js';
import type { SimulationResult } from '../runtime/simulate.js';
import { coverageLine, traceBlocks, type ReportOptions } from './report.js';
import type { Style } from './style.js';
import { formatInt, formatSeconds, notFound, propertyLines, violatedText } from './verdicts.js';

const NOTE = 'A simulation only samples behaviours: it never proves that a property holds (klpc check does).';

export function simulationReport(result: SimulationResult, meta: ModelMeta, opts: ReportOptions, style: Style): string {
  const lines = propertyLines(result.properties, style, (p) => simulationVerdict(p, result));
  if (opts.quiet) return lines.map((l) => `${l}\n`).join('');
  const blocks = traceBlocks(result.properties, opts, style);
  const summary = [...lines, style.dim(simulationTotals(result))];
  const uncovered = coverageLine(result, meta);
  if (uncovered !== undefined) summary.push(style.dim(uncovered));
  if (result.properties.some((p) => p.verdict !== 'violated')) summary.push(style.dim(NOTE));
  blocks.push(summary);
  return blocks.map((b) => `${b.join('\n')}\n`).join('\n');
}

function simulationVerdict(p: PropertyResult, result: SimulationResult): string {
  if (p.verdict === 'violated') return violatedText(p);
  if (p.kind === 'property') return 'not checked: a simulation does not decide temporal properties (klpc check does)';
  const n = result.stats.traces;
  return `${notFound(p)} in ${formatInt(n)} trace${n === 1 ? '' : 's'}`;
}

export function simulationTotals(result: SimulationResult): string {
  const s = result.stats;
  const parts = [
    `${formatInt(s.traces)} trace${s.traces === 1 ? '' : 's'}`,
    `${formatInt(s.steps)} steps (longest ${formatInt(s.longest)})`,
    `${formatInt(s.generated)} successors checked`,
    formatSeconds(s.seconds),
    `${formatInt(s.stepsPerSecond)} steps/s`,
    `seed ${s.seed}`,
  ];
  return `${parts.join(', ')} (simulation stopped: ${result.stopReason})`;
}
