// The search `klpc check` runs: breadth-first on this thread while the state space is small,
// on `workers` threads once it is not. Worker threads cost tens of milliseconds to start and
// a parallel level costs some synchronisation, so a search first runs here for up to
// PROBE_STATES distinct states; only if it has not finished by then does it start over with
// the workers (redoing that prefix costs less than a tenth of the search it precedes: see
// docs/benchmarks.md). Either way the result is explore()'s for a complete search.

import { exploreAsync, type ExploreOptions } from '../explore.js';
import type { CompiledModel } from '../model.js';
import type { SearchResult } from '../result.js';
import { exploreParallel } from './coordinator.js';
import type { ModelSource } from './model-source.js';

export const PROBE_STATES = 50_000;

export async function search(model: CompiledModel, source: ModelSource | undefined, options: ExploreOptions, workers: number): Promise<SearchResult> {
  const limit = options.maxStates ?? Infinity;
  if (workers <= 1 || source === undefined || limit <= PROBE_STATES) return exploreAsync(model, options);
  const probe = await exploreAsync(model, { ...options, maxStates: PROBE_STATES });
  const outgrown = !probe.complete && probe.stats.distinct === PROBE_STATES && !probe.properties.some((p) => p.verdict === 'violated' && options.stopOnFirst === true);
  if (!outgrown) return probe;
  return { ...(await exploreParallel(model, source, options, workers)), workers };
}
