// The search `klpc check` runs: breadth-first on this thread while the state space is small,
// on `workers` threads once it is not. Worker threads cost tens of milliseconds to start and
// a parallel level costs some synchronisation, so a search first runs here for up to
// PROBE_STATES distinct states; only if it has not finished by then does it start over with
// the workers (redoing that prefix costs less than a tenth of the search it precedes: see
// docs/benchmarks.md). The workers boot during the probe, so that a search that needs them
// does not wait for them after it; not for a spec whose whole state space a first, shorter
// probe of SMALL_STATES finds (most specs: booting threads for nothing costs tens of
// milliseconds of CPU each). Either way the result is explore()'s for a complete search.

import { exploreAsync, type ExploreOptions } from '../explore.js';
import type { CompiledModel } from '../model.js';
import type { SearchResult, SearchStats } from '../result.js';
import { exploreParallel } from './coordinator.js';
import type { ModelSource } from './model-source.js';
import { WorkerPool } from './pool.js';

export const PROBE_STATES = 50_000;
const SMALL_STATES = 5_000;

export async function search(model: CompiledModel, source: ModelSource | undefined, options: ExploreOptions, workers: number): Promise<SearchResult> {
  const limit = options.maxStates ?? Infinity;
  if (workers <= 1 || source === undefined || limit <= PROBE_STATES) return exploreAsync(model, options);
  const start = performance.now();
  const small = await exploreAsync(model, { ...options, maxStates: SMALL_STATES });
  if (!outgrew(small, SMALL_STATES, options)) return small;
  const pool = new WorkerPool(source, workers);
  let probe: SearchResult;
  try {
    probe = await exploreAsync(model, { ...options, maxStates: PROBE_STATES });
  } catch (e) {
    await pool.terminate();
    throw e;
  }
  if (!outgrew(probe, PROBE_STATES, options)) {
    await pool.terminate();
    return probe;
  }
  const parallel = await exploreParallel(model, pool, options);
  return { ...parallel, stats: timed(parallel.stats, (performance.now() - start) / 1000), workers };
}

// The probe stopped at its bound, not at the end of the state space nor at --first's violation.
function outgrew(probe: SearchResult, states: number, options: ExploreOptions): boolean {
  return !probe.complete && probe.stats.distinct === states && !probe.properties.some((p) => p.verdict === 'violated' && options.stopOnFirst === true);
}

// The search's time is the probes' and the workers' together (their start included): the
// probes' states are found again, so states/s over the workers' time alone would flatter them.
export function timed(stats: SearchStats, seconds: number): SearchStats {
  return { ...stats, seconds, statesPerSecond: seconds > 0 ? stats.distinct / seconds : 0 };
}
