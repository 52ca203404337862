// Runs one shipped example spec (specs/examples) through the whole klpc pipeline: load and
// bind with constant overrides, compile, explore breadth-first with deadlock checking.
// In: a spec file name and constants. Out: the SearchResult.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../compiler/build.js';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';
import type { SearchResult } from '../../runtime/result.js';

const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const exampleDir = path.resolve(distRoot, '../specs/examples');

// Every diagnostic (warnings too): a shipped example must load cleanly.
export async function loadExample(spec: string, consts: ReadonlyMap<string, number>): Promise<{
  program: Program | undefined;
  diagnostics: readonly Diagnostic[];
}> {
  return loadProgram(path.join(exampleDir, spec), { consts: new Map(consts) });
}

export async function runExample(spec: string, consts: ReadonlyMap<string, number>): Promise<SearchResult> {
  const { program, diagnostics } = await loadExample(spec, consts);
  if (!program || diagnostics.length > 0) {
    throw new Error(`${spec}: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return explore(await buildModel(program), { deadlock: true });
}
