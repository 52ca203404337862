// The whole check of a model: explore() decides the invariants, asserts, spec errors and
// deadlocks; when temporal properties are to be checked too, it records the state graph with
// their labels on the way (runtime/graph.ts, liveness/labels.ts), and liveness/check.ts then
// decides them on it. In: a model and the options. Out: one SearchResult with every verdict,
// the temporal properties right after the invariants.

import { exploreAsync, type ExploreOptions } from './explore.js';
import { GraphRecorder } from './graph.js';
import { livenessResults } from './liveness/check.js';
import { NodeLabels } from './liveness/labels.js';
import { planLiveness, type LivenessPlan } from './liveness/plan.js';
import type { CompiledModel, TemporalMeta } from './model.js';
import type { PropertyResult, SearchResult } from './result.js';

export interface SearchOptions extends ExploreOptions {
  // temporal properties to check, by name (the caller validates them); default: all
  readonly properties?: readonly string[];
}

export async function searchWithProperties(model: CompiledModel, options: SearchOptions): Promise<SearchResult> {
  const plan = planLiveness(model.meta, options.properties);
  if (plan.properties.length === 0) return exploreAsync(model, options);
  const start = performance.now();
  const graph = options.graph ?? new GraphRecorder();
  const labels = new NodeLabels(model, plan);
  graph.labeler = labels;
  const result = await exploreAsync(model, { ...options, graph });
  const analysed = performance.now();
  const stoppedBefore = options.stopOnFirst === true && result.properties.some((p) => p.verdict === 'violated');
  const live = stoppedBefore
    ? { properties: plan.properties.map((i) => unknown(model.meta.properties[i]!)), stopped: false }
    : decide(model, graph, labels, plan, result.complete, options.stopOnFirst === true);
  const end = performance.now();
  const seconds = (end - start) / 1000;
  const stats = {
    ...result.stats,
    seconds,
    livenessSeconds: (end - analysed) / 1000,
    statesPerSecond: seconds > 0 ? result.stats.distinct / seconds : 0,
    bytesPerState: result.stats.distinct > 0 ? result.stats.bytesPerState + labels.bytes / result.stats.distinct : 0,
  };
  const invariants = result.properties.filter((p) => p.kind === 'invariant').length;
  const properties = [...result.properties.slice(0, invariants), ...live.properties, ...result.properties.slice(invariants)];
  if (!live.stopped) return { ...result, stats, properties };
  return { ...result, complete: false, incompleteReason: 'stopped at the first violation', stats, properties };
}

function decide(model: CompiledModel, recorder: GraphRecorder, labels: NodeLabels, plan: LivenessPlan, complete: boolean, stopAtFirst: boolean) {
  const graph = recorder.freeze();
  return livenessResults({ model, graph, labels, flat: labels.freeze(graph.count), plan }, complete, stopAtFirst);
}

function unknown(p: TemporalMeta): PropertyResult {
  return { name: p.name, kind: 'property', verdict: 'unknown', temporal: { form: p.form } };
}
