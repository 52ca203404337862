// Runs one shipped klp spec through the whole pipeline (load and bind, compile, BFS explore) and
// through the reference checker, for the klp family tests. In: a spec file name under
// specs/klp and constant overrides. Out: the explorer's SearchResult and the reference result.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../compiler/build.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';
import type { SearchResult } from '../../runtime/result.js';
import { check, type RefResult } from '../reference/check.js';

// dist/test/klp/pipeline.js -> <repo>/specs/klp
export const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../specs/klp');

export type Consts = ReadonlyMap<string, number>;

export interface Run {
  readonly result: SearchResult;
  readonly reference: RefResult;
}

export function loadSpec(spec: string, consts: Consts, readFile?: (p: string) => string | undefined): Program {
  const loaded = loadProgram(path.join(specDir, spec), { consts, ...(readFile ? { readFile } : {}) });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.program || errors.length > 0) {
    throw new Error(`${spec}: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return loaded.program;
}

export async function runSpec(spec: string, consts: Consts, readFile?: (p: string) => string | undefined): Promise<Run> {
  const program = loadSpec(spec, consts, readFile);
  const model = await buildModel(program);
  return { result: explore(model, { deadlock: true }), reference: check(program, { deadlock: true }) };
}

// A spec that is not shipped (a mutant, an extra invariant), as if it were the file `name` in
// specs/klp, so that its `variant of` reaches the shipped ones.
export function runText(name: string, text: string, consts: Consts = new Map()): Promise<Run> {
  const file = path.join(specDir, name);
  return runSpec(name, consts, (p) => (p === file ? text : fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined));
}
