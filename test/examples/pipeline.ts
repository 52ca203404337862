// Runs one shipped example spec (specs/examples) through the whole klpc pipeline: load and
// bind with constant overrides, compile, explore breadth-first with deadlock checking.
// In: a spec file name and constants. Out: the SearchResult. The stages are imported lazily
// from dist/, so the example tests skip, rather than fail to load, while a stage is missing.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import type { Program } from '../../lang/program.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { SearchResult } from '../../runtime/result.js';

const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const exampleDir = path.resolve(distRoot, '../specs/examples');

interface Stages {
  loadProgram(file: string, opts: { consts: Map<string, number | boolean> }): {
    readonly program: Program | undefined;
    readonly diagnostics: readonly Diagnostic[];
  };
  buildModel(program: Program): Promise<CompiledModel>;
  explore(model: CompiledModel, opts: { deadlock: boolean }): SearchResult;
}

const stageFiles: Record<keyof Stages, string> = {
  loadProgram: 'lang/load.js',
  buildModel: 'compiler/build.js',
  explore: 'runtime/explore.js',
};

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

// Every diagnostic (warnings too): a shipped example must load cleanly.
export async function loadExample(spec: string, consts: ReadonlyMap<string, number>): Promise<{
  program: Program | undefined;
  diagnostics: readonly Diagnostic[];
}> {
  const s = await loadStages();
  return s.loadProgram(path.join(exampleDir, spec), { consts: new Map(consts) });
}

export async function runExample(spec: string, consts: ReadonlyMap<string, number>): Promise<SearchResult> {
  const s = await loadStages();
  const { program, diagnostics } = await loadExample(spec, consts);
  if (!program || diagnostics.length > 0) {
    throw new Error(`${spec}: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return s.explore(await s.buildModel(program), { deadlock: true });
}
