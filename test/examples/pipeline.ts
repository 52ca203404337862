// Runs one shipped example spec (specs/examples) through the whole klpc pipeline: load and
// bind with constant overrides, compile, explore breadth-first with deadlock checking (and,
// `searchExample`, decide the temporal properties too). `editedExample` runs a copy whose text
// was changed, for the verdicts a spec has with other fairness assumptions.
// In: a spec file name and constants. Out: the SearchResult.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../compiler/build.js';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { SearchResult } from '../../runtime/result.js';
import { searchWithProperties } from '../../runtime/temporal-search.js';

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
  return explore(await buildModel(await cleanProgram(path.join(exampleDir, spec), consts)), { deadlock: true });
}

export async function searchExample(spec: string, consts: ReadonlyMap<string, number>): Promise<{ result: SearchResult; model: CompiledModel }> {
  const model = await buildModel(await cleanProgram(path.join(exampleDir, spec), consts));
  return { result: searchWithProperties(model, { deadlock: true }), model };
}

// `spec` with every file of its variant chain copied to a scratch directory and `edit` applied
// to each file's text; warnings allowed (taking fairness away is meant to warn).
export async function editedExample(spec: string, edit: (text: string) => string, consts: ReadonlyMap<string, number>): Promise<{ result: SearchResult; model: CompiledModel }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'klpc-example-'));
  try {
    for (const f of readdirSync(exampleDir)) writeFileSync(path.join(dir, f), edit(readFileSync(path.join(exampleDir, f), 'utf8')));
    const { program, diagnostics } = loadProgram(path.join(dir, spec), { consts: new Map(consts) });
    if (!program) throw new Error(`${spec}: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
    const model = await buildModel(program);
    return { result: searchWithProperties(model, { deadlock: true }), model };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cleanProgram(file: string, consts: ReadonlyMap<string, number>): Promise<Program> {
  const { program, diagnostics } = loadProgram(file, { consts: new Map(consts) });
  if (!program || diagnostics.length > 0) {
    throw new Error(`${file}: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return program;
}
