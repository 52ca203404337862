// The whole check of a model: explore() decides the invariants, asserts, spec errors and
// deadlocks; when temporal properties are to be checked too, it records the state graph with
// their labels on the way (runtime/graph.ts, liveness/labels.ts), and liveness/check.ts then
// decides them on it. In: a model and the options. Out: one SearchResult with every verdict,
// the temporal properties right after the invariants.

import { explore, exploreAsync, type ExploreOptions } from './explore.js';
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

export function searchWithProperties(model: CompiledModel, options: SearchOptions): SearchResult {
  const run = recording(model, options);
  return run === undefined ? explore(model, options) : run.decide(explore(model, run.options));
}

// The same, yielding to the event loop while it explores (exploreAsync), as the CLI runs it.
export async function searchWithPropertiesAsync(model: CompiledModel, options: SearchOptions): Promise<SearchResult> {
  const run = recording(model, options);
  return run === undefined ? exploreAsync(model, options) : run.decide(await exploreAsync(model, run.options));
}

// With temporal properties to check: the options that record the labelled graph, and what
// decides them on it once explored.
function recording(model: CompiledModel, options: SearchOptions): { options: ExploreOptions; decide: (r: SearchResult) => SearchResult } | undefined {
  const plan = planLiveness(model.meta, options.properties);
  if (plan.properties.length === 0) return undefined;
  const start = performance.now();
  const graph = options.graph ?? new GraphRecorder();
  const labels = new NodeLabels(model, plan);
  graph.labeler = labels;
  return { options: { ...options, graph }, decide: (result) => {
    const analysed = performance.now();
    // after an interrupt, no analysis of a graph that would say nothing more
    const stoppedBefore = (options.stopOnFirst === true && result.properties.some((p) => p.verdict === 'violated')) || options.signal?.aborted === true;
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
  } };
}

function decide(model: CompiledModel, recorder: GraphRecorder, labels: NodeLabels, plan: LivenessPlan, complete: boolean, stopAtFirst: boolean) {
  const graph = recorder.freeze();
  return livenessResults({ model, graph, labels, flat: labels.freeze(graph.count), plan }, complete, stopAtFirst);
}

function unknown(p: TemporalMeta): PropertyResult {
  return { name: p.name, kind: 'property', verdict: 'unknown', temporal: { form: p.form } };
}
