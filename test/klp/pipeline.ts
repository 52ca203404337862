// Runs one shipped klp spec through the whole pipeline (load and bind, compile, BFS explore, the
// temporal properties on the state graph) and through the reference checker and liveness
// oracle, for the klp family tests. In: a spec file name under specs/klp and constant
// overrides. Out: the SearchResult, the reference results, and a check that they agree.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../compiler/build.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import type { SearchResult } from '../../runtime/result.js';
import { searchWithProperties } from '../../runtime/temporal-search.js';
import { check, type RefResult } from '../reference/check.js';
import { refGraph, refTemporal, type RefTemporal } from '../reference/liveness.js';

// dist/test/klp/pipeline.js -> <repo>/specs/klp
export const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../specs/klp');

export type Consts = ReadonlyMap<string, number>;

export interface Run {
  readonly result: SearchResult;
  readonly reference: RefResult;
  readonly temporal: readonly RefTemporal[] | undefined; // undefined beyond REF_TEMPORAL_STATES
}

// The oracle's fixpoint is quadratic in the states; larger sizes check the temporal verdicts
// against the pinned table only.
const REF_TEMPORAL_STATES = 4000;

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
  const reference = check(program, { deadlock: true });
  const small = program.properties.length > 0 && reference.distinct <= REF_TEMPORAL_STATES;
  return { result: searchWithProperties(model, { deadlock: true }), reference, temporal: small ? refTemporal(program, refGraph(program)) : undefined };
}

// The explorer and the reference agree: distinct states, every verdict, each shortest
// counterexample's length (invariants, asserts, deadlock, spec errors) and, for temporal
// properties, which instances fail.
export function assertAgrees({ result, reference, temporal }: Run): void {
  assert.equal(result.complete, true);
  assert.equal(reference.distinct, result.stats.distinct, 'reference distinct states');
  const property = (name: string) => {
    const p = result.properties.find((q) => q.name === name);
    assert.ok(p, `no property ${name} in ${result.properties.map((q) => q.name).join(', ')}`);
    return p;
  };
  for (const r of reference.properties) {
    const p = property(r.name);
    assert.deepEqual([p.verdict, p.trace?.steps.length], [r.verdict, r.length], `reference verdict of ${r.name}`);
  }
  for (const r of temporal ?? []) {
    const p = property(r.name);
    const failing = p.verdict === 'violated' ? (p.temporal?.failing?.length ?? 1) : 0; // no list without a forall
    assert.deepEqual([p.verdict, failing], [r.verdict, r.failing.length], `reference verdict of ${r.name}`);
  }
}

// A spec that is not shipped (a mutant, an extra invariant), as if it were the file `name` in
// specs/klp, so that its `variant of` reaches the shipped ones.
export function runText(name: string, text: string, consts: Consts = new Map()): Promise<Run> {
  const file = path.join(specDir, name);
  return runSpec(name, consts, (p) => (p === file ? text : fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined));
}
