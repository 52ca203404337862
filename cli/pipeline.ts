// The stages `klpc` drives, behind one interface so that the commands can be tested with fakes
// and so that each heavy stage is imported only when a command needs it: `--help` loads none,
// and only `compile` imports the ts-morph emitter (0.4 s) itself (`check` goes through
// buildModel, which needs it only when its cache misses). A spec checked before is recalled
// from the cache without loading the parser at all (compiler/spec-cache.ts).

import type { Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { Program } from '../lang/program.js';
import type { Span } from '../lang/span.js';
import type { BuildResult } from '../compiler/build.js';
import type { Recalled } from '../compiler/spec-cache.js';
import type { CompiledModel } from '../runtime/model.js';
import type { SearchResult } from '../runtime/result.js';
import type { ExploreOptions } from '../runtime/explore.js';
import type { SimulateOptions, SimulationResult } from '../runtime/simulate.js';
import type { SearchOptions } from '../runtime/temporal-search.js';

export type { ExploreOptions, SearchOptions, SimulateOptions };

export interface Loaded {
  readonly program: Program | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

type Consts = ReadonlyMap<string, number | boolean>;

export interface Pipeline {
  load(path: string, options: { consts?: Consts; origin?: Span }): Promise<Loaded>;
  build(program: Program): Promise<BuildResult>;
  // the model built from this spec argument before, while its files are unchanged; and saving it
  recall(path: string, consts: Consts): Promise<Recalled | undefined>;
  remember(path: string, consts: Consts, loaded: Loaded, built: Extract<BuildResult, { model: CompiledModel }>): Promise<void>;
  // one thread, temporal properties included (their state graph is recorded here)
  // (both yield to the event loop while they search, so that an interrupt gets through)
  explore(model: CompiledModel, options: SearchOptions): Promise<SearchResult>;
  // check's search without temporal properties: on up to `workers` threads once the state
  // space outgrows one
  search(model: CompiledModel, options: ExploreOptions, workers: number): Promise<SearchResult>;
  // random walks, yielding to the event loop as explore does
  simulate(model: CompiledModel, options: SimulateOptions): Promise<SimulationResult>;
  emit(program: Program): Promise<string>;
}

export async function nodePipeline(): Promise<Pipeline> {
  const { searchWithPropertiesAsync } = await import('../runtime/temporal-search.js');
  const { simulateAsync } = await import('../runtime/simulate.js');
  const sources = new WeakMap<CompiledModel, string>(); // each built model's JavaScript, for workers
  return {
    load: async (path, options) => {
      const loaded = (await import('../lang/load.js')).loadProgram(path, options);
      if (loaded.program === undefined) return loaded;
      const limits = (await import('../compiler/limits.js')).checkLimits(loaded.program);
      return limits.length === 0 ? loaded : { program: undefined, diagnostics: [...loaded.diagnostics, ...limits], sources: loaded.sources };
    },
    build: async (program) => {
      const built = await (await import('../compiler/build.js')).build(program);
      if ('model' in built) sources.set(built.model, built.js);
      return built;
    },
    recall: async (path, consts) => {
      const hit = await (await import('../compiler/spec-cache.js')).recall(path, consts);
      if (hit !== undefined) sources.set(hit.model, hit.js);
      return hit;
    },
    remember: async (path, consts, loaded, built) => (await import('../compiler/spec-cache.js')).remember(path, consts, loaded, built.entry),
    explore: searchWithPropertiesAsync,
    search: async (model, options, workers) => {
      const js = sources.get(model);
      return (await import('../runtime/parallel/search.js')).search(model, js === undefined ? undefined : { kind: 'js', js }, options, workers);
    },
    simulate: simulateAsync,
    emit: async (program) => (await import('../compiler/emit.js')).emitTypeScript(program),
  };
}
