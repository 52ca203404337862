// One bench case in a fresh process (so its memory figures are its own): runs the named case
// and prints one JSON line of figures. Started by run.ts as `node --expose-gc measure.js NAME
// [--workers N] [--symmetry] [--spill DIR [--max-memory SIZE]]` (SIZE as klpc reads it: 512MB,
// 2G): with --workers, the parallel search itself on N worker threads (not check's one-thread
// probe first; N = 1 measures its cost on one worker); with --symmetry, reduced by the spec's
// symmetric types; with --spill, the store on disk and the fingerprint table capped as `klpc
// check --spill --max-memory` caps it. A case with temporal properties runs them on one thread,
// the state graph recorded.

import { explore, type ExploreOptions } from '../runtime/explore.js';
import { sizeOption } from '../cli/options.js';
import { TABLE_SHARE } from '../cli/spill.js';
import { exploreParallel } from '../runtime/parallel/coordinator.js';
import type { ModelSource } from '../runtime/parallel/model-source.js';
import { WorkerPool } from '../runtime/parallel/pool.js';
import type { CompiledModel } from '../runtime/model.js';
import type { SearchResult } from '../runtime/result.js';
import { searchWithProperties } from '../runtime/temporal-search.js';
import { cases } from './cases.js';

export interface Figures {
  readonly name: string;
  readonly distinct: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly cpuSeconds: number; // all threads; the machine may be shared, so also report this
  readonly searchBytes: number; // per distinct state: table + store (SearchStats.bytesPerState)
  readonly rssBytes: number; // per distinct state: resident growth over the search
  // per distinct state: peak resident growth (includes table doubling); null when the peak came
  // before the search (e.g. while compiling a spec)
  readonly peakRssBytes: number | null;
  readonly livenessSeconds?: number; // of `seconds`: deciding the temporal properties on the graph
}

async function main(name: string, workers: number, symmetry: boolean, spill: ExploreOptions['spill']): Promise<void> {
  const c = cases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no bench case '${name}'`);
  const { model, source } = await c.source();
  // Loading a spec leaves the parser's and binder's garbage behind; V8 returns freed pages to
  // the OS lazily, so collect twice with a pause, or the search's RSS growth reads as negative.
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rss0 = process.memoryUsage().rss;
  const peak0 = process.resourceUsage().maxRSS;
  const cpu0 = process.cpuUsage();
  const options: ExploreOptions = { deadlock: true, symmetry, ...(spill === undefined ? {} : { spill }) };
  const r = c.properties !== undefined ? searchWithProperties(model, { deadlock: true, properties: c.properties })
    : workers >= 1 ? await onWorkers(model, source, options, workers) : explore(model, options);
  if (r.properties.some((p) => p.kind === 'property' && p.verdict !== 'holds')) throw new Error(`${name}: a temporal property does not hold`);
  const cpu = process.cpuUsage(cpu0);
  const rss = process.memoryUsage().rss - rss0;
  const peak1 = process.resourceUsage().maxRSS;
  const d = r.stats.distinct;
  const figures: Figures = {
    name,
    distinct: d,
    transitions: r.stats.transitions,
    seconds: r.stats.seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    searchBytes: r.stats.bytesPerState,
    rssBytes: rss / d,
    peakRssBytes: peak1 > peak0 ? (peak1 * 1024 - rss0) / d : null,
    ...(r.stats.livenessSeconds === undefined ? {} : { livenessSeconds: r.stats.livenessSeconds }),
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

// The parallel search with its workers' start counted: the pool's constructor (0.5-8 ms
// measured) runs before the search's clock does.
async function onWorkers(model: CompiledModel, source: ModelSource, options: ExploreOptions, workers: number): Promise<SearchResult> {
  const t = performance.now();
  const pool = new WorkerPool(source, workers);
  const starting = (performance.now() - t) / 1000;
  const r = await exploreParallel(model, pool, options);
  return { ...r, stats: { ...r.stats, seconds: r.stats.seconds + starting } };
}

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const dir = value('--spill');
const memory = value('--max-memory');
const spill = dir === undefined ? undefined : { dir, ...(memory === undefined ? {} : { maxTableBytes: Math.floor(TABLE_SHARE * sizeOption(memory)) }) };
await main(args[0] ?? '', Number(value('--workers') ?? 0), args.includes('--symmetry'), spill);
