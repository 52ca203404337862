// Runs one shipped klp spec through the whole pipeline (load and bind, compile, BFS explore) and
// through the reference checker, for the klp family tests. In: a spec file name under
// specs/klp and constant overrides. Out: the explorer's SearchResult and the reference result.
// The pipeline stages are imported lazily from dist/ so the tests skip, rather than fail to
// load, while a stage has not landed yet.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Program } from '../../lang/program.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { SearchResult } from '../../runtime/result.js';
import type { RefResult } from '../reference/check.js';

const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const specDir = path.resolve(distRoot, '../specs/klp');

interface Loaded {
  readonly program: Program | undefined;
  readonly diagnostics: readonly { readonly severity: string; readonly code: string; readonly message: string }[];
}
interface Stages {
  loadProgram(file: string, opts: { consts: Map<string, number | boolean> }): Loaded | Promise<Loaded>;
  buildModel(program: Program): Promise<CompiledModel>;
  explore(model: CompiledModel, opts: { deadlock: boolean }): SearchResult;
  check(program: Program, opts: { deadlock: boolean }): RefResult;
}

const stageFiles = {
  loadProgram: 'lang/load.js',
  buildModel: 'compiler/build.js',
  explore: 'runtime/explore.js',
  check: 'test/reference/check.js',
} as const;

export const missingStages: readonly string[] = Object.values(stageFiles).filter(
  (f) => !fs.existsSync(path.join(distRoot, f)),
);

let stages: Promise<Stages> | undefined;
function loadStages(): Promise<Stages> {
  stages ??= (async () => {
    const fns: Record<string, unknown> = {};
    for (const [name, file] of Object.entries(stageFiles)) {
      const mod = (await import(pathToFileURL(path.join(distRoot, file)).href)) as Record<string, unknown>;
      fns[name] = mod[name];
    }
    return fns as unknown as Stages;
  })();
  return stages;
}

export interface Run {
  readonly result: SearchResult;
  readonly reference: RefResult;
}

export type Consts = ReadonlyMap<string, number>;

export async function loadSpec(spec: string, consts: Consts): Promise<Program> {
  const s = await loadStages();
  const loaded = await s.loadProgram(path.join(specDir, spec), { consts: new Map(consts) });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.program || errors.length > 0) {
    throw new Error(`${spec}: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return loaded.program;
}

export async function runSpec(spec: string, consts: Consts): Promise<Run> {
  const s = await loadStages();
  const program = await loadSpec(spec, consts);
  const model = await s.buildModel(program);
  return { result: s.explore(model, { deadlock: true }), reference: s.check(program, { deadlock: true }) };
}
