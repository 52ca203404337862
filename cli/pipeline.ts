// The stages `klpc` drives, behind one interface so that the commands can be tested with fakes
// and so that each heavy stage is imported only when a command needs it: `--help` loads none,
// `check` never loads the ts-morph emitter (0.4 s), only `compile` does.

import type { Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { Program } from '../lang/program.js';
import type { CompiledModel } from '../runtime/model.js';
import type { SearchResult } from '../runtime/result.js';
import type { ExploreOptions } from '../runtime/explore.js';

export type { ExploreOptions };

export interface Loaded {
  readonly program: Program | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

export interface Pipeline {
  load(path: string, options: { consts?: ReadonlyMap<string, number | boolean> }): Promise<Loaded>;
  build(program: Program): Promise<CompiledModel>;
  explore(model: CompiledModel, options: ExploreOptions): SearchResult;
  emit(program: Program): Promise<string>;
}

// Typed against the brief's signatures until lang/load.ts and compiler/*.ts land.
interface LoadModule {
  loadProgram(path: string, options: { consts?: ReadonlyMap<string, number | boolean> }): Loaded;
}
interface BuildModule {
  buildModel(program: Program, options?: { cacheDir?: string }): Promise<CompiledModel>;
}
interface EmitModule {
  emitTypeScript(program: Program): Promise<string>;
}

const importAs = async <T>(specifier: string): Promise<T> => (await import(specifier)) as T;

export async function nodePipeline(): Promise<Pipeline> {
  const { explore } = await import('../runtime/explore.js');
  return {
    load: async (path, options) => (await importAs<LoadModule>('../lang/load.js')).loadProgram(path, options),
    build: async (program) => (await importAs<BuildModule>('../compiler/build.js')).buildModel(program),
    explore,
    emit: async (program) => (await importAs<EmitModule>('../compiler/emit.js')).emitTypeScript(program),
  };
}
