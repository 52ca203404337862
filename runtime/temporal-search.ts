// The whole check of a model: explore() decides the invariants, asserts, spec errors and
// deadlocks; when temporal properties are to be checked too, it records the state graph with
// their labels on the way (runtime/graph.ts, liveness/labels.ts), and liveness/check.ts then
// decides them on it. In: a model and the options. Out: one SearchResult with every verdict,
// the temporal properties right after the invariants.

import { explore, exploreAsync, type ExploreOptions } from './explore.js';
import { GraphRecorder } from './graph.js';
import { livenessChecks, type LivenessInput, type LivenessOutcome } from './liveness/check.js';
import { Limits } from './limits.js';
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
  if (run === undefined) return explore(model, options);
  const analysis = run.decide(explore(model, run.options));
  for (;;) {
    const r = analysis.next();
    if (r.done === true) return r.value;
  }
}

// The same, yielding to the event loop while it explores (exploreAsync) and between the checks
// of the analysis, as the CLI runs it: an interrupt or the time limit stops either.
export async function searchWithPropertiesAsync(model: CompiledModel, options: SearchOptions): Promise<SearchResult> {
  const run = recording(model, options);
  if (run === undefined) return exploreAsync(model, options);
  const analysis = run.decide(await exploreAsync(model, run.options));
  for (;;) {
    const r = analysis.next();
    if (r.done === true) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// With temporal properties to check: the options that record the labelled graph, and what
// decides them on it once explored, one check at a time.
function recording(model: CompiledModel, options: SearchOptions): { options: ExploreOptions; decide: (r: SearchResult) => Generator<void, SearchResult> } | undefined {
  const plan = planLiveness(model.meta, options.properties);
  if (plan.properties.length === 0) return undefined;
  const start = performance.now();
  const limits = new Limits(options, start);
  const graph = options.graph ?? new GraphRecorder();
  const labels = new NodeLabels(model, plan);
  graph.labeler = labels;
  return { options: { ...options, graph }, decide: function* (result) {
    const analysed = performance.now();
    // after an interrupt, no analysis of a graph that would say nothing more
    const stoppedBefore = (options.stopOnFirst === true && result.properties.some((p) => p.verdict === 'violated')) || options.signal?.aborted === true;
    // the interrupt, the time limit and the heap, as explore() watches them
    const stop = () => {
      limits.look();
      return limits.stopReason(performance.now(), result.stats.distinct);
    };
    const live: LivenessOutcome = stoppedBefore
      ? { properties: plan.properties.map((i) => unknown(model.meta.properties[i]!)) }
      : yield* livenessChecks(inputOf(model, graph, labels, plan), result.complete, options.stopOnFirst === true, stop);
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
    if (live.stopReason === undefined) return { ...result, stats, properties };
    return { ...result, complete: false, incompleteReason: result.incompleteReason ?? live.stopReason, stats, properties };
  } };
}

function inputOf(model: CompiledModel, recorder: GraphRecorder, labels: NodeLabels, plan: LivenessPlan): LivenessInput {
  const graph = recorder.freeze();
  return { model, graph, labels, flat: labels.freeze(graph.count), plan };
}

function unknown(p: TemporalMeta): PropertyResult {
  return { name: p.name, kind: 'property', verdict: 'unknown', temporal: { form: p.form } };
}
