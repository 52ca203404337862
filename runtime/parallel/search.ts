// The search `klpc check` runs: breadth-first on this thread while the state space is small,
// on `workers` threads once it is not. Worker threads cost tens of milliseconds to start and
// a parallel level costs some synchronisation, so a search first runs here for up to
// PROBE_STATES distinct states; only if it has not finished by then does it start over with
// the workers (redoing that prefix costs less than a tenth of the search it precedes: see
// docs/benchmarks.md). The workers boot during the probe, so that a search that needs them
// does not wait for them after it. Either way the result is explore()'s for a complete search.

import { exploreAsync, type ExploreOptions } from '../explore.js';
import type { CompiledModel } from '../model.js';
import type { SearchResult } from '../result.js';
import { exploreParallel } from './coordinator.js';
import type { ModelSource } from './model-source.js';
import { WorkerPool } from './pool.js';

export const PROBE_STATES = 50_000;

export async function search(model: CompiledModel, source: ModelSource | undefined, options: ExploreOptions, workers: number): Promise<SearchResult> {
  const limit = options.maxStates ?? Infinity;
  if (workers <= 1 || source === undefined || limit <= PROBE_STATES) return exploreAsync(model, options);
  const pool = new WorkerPool(source, workers);
  let probe: SearchResult;
  try {
    probe = await exploreAsync(model, { ...options, maxStates: PROBE_STATES });
  } catch (e) {
    await pool.terminate();
    throw e;
  }
  const outgrown = !probe.complete && probe.stats.distinct === PROBE_STATES && !probe.properties.some((p) => p.verdict === 'violated' && options.stopOnFirst === true);
  if (!outgrown) {
    await pool.terminate();
    return probe;
  }
  return { ...(await exploreParallel(model, pool, options)), workers };
}
