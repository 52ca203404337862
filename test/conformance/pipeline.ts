// The two sides of a conformance comparison, as plain data of one shape: the reference
// interpreter's check(), and the fast path (binder -> buildModel -> explore). The fast path's
// modules are imported at run time so this harness builds before they exist; `fastPathMissing`
// names the first compiled module not there yet (the tests skip only in that case).

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import type { Program } from '../../lang/program.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { SearchResult, Trace } from '../../runtime/result.js';
import { check, type RefProperty, type RefResult } from '../reference/check.js';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..'); // dist/
const LOAD = join(DIST, 'lang', 'load.js');
const BUILD = join(DIST, 'compiler', 'build.js');
const EXPLORE = join(DIST, 'runtime', 'explore.js');

type LoadProgram = (path: string, opts?: { consts?: Record<string, number> }) =>
  { program: Program | undefined; diagnostics: readonly Diagnostic[] };
type BuildModel = (program: Program, opts?: { cacheDir?: string }) => Promise<CompiledModel>;
type Explore = (model: CompiledModel, opts: { deadlock: boolean }) => SearchResult;

export function loaderMissing(): string | undefined {
  return existsSync(LOAD) ? undefined : LOAD;
}

export function fastPathMissing(): string | undefined {
  return [LOAD, BUILD, EXPLORE].find((f) => !existsSync(f));
}

async function imported<T>(file: string, name: string): Promise<T> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  if (typeof mod[name] !== 'function') throw new Error(`${file} does not export ${name}`);
  return mod[name] as T;
}

// Binds a spec file; a spec with error diagnostics is a failure of the caller's expectation.
export async function load(path: string): Promise<Program> {
  const loadProgram = await imported<LoadProgram>(LOAD, 'loadProgram');
  const { program, diagnostics } = loadProgram(path);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (program === undefined || errors.length > 0) {
    throw new Error(`${path} does not bind:\n${errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`).join('\n')}`);
  }
  return program;
}

// A scratch directory for generated spec files and their compiled modules (which would
// otherwise pile up in the shared compile cache: their spans name a fresh directory each run).
let scratch: string | undefined;

function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'klpc-conformance-'));
  return scratch;
}

export function removeScratch(): void {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

// Writes spec text to a file in the scratch directory and binds it.
export async function loadText(text: string, name = 'spec'): Promise<{ program: Program; path: string }> {
  const path = join(scratchDir(), `${name}.klp`);
  writeFileSync(path, text);
  return { program: await load(path), path };
}

export function reference(program: Program): RefResult {
  return check(program, { deadlock: true });
}

// Compiles into the scratch directory when `scratchCache` (generated specs), else the shared cache.
export async function fast(program: Program, scratchCache = false): Promise<RefResult> {
  const buildModel = await imported<BuildModel>(BUILD, 'buildModel');
  const explore = await imported<Explore>(EXPLORE, 'explore');
  const model = await buildModel(program, scratchCache ? { cacheDir: join(scratchDir(), 'cache') } : {});
  const r = explore(model, { deadlock: true });
  if (!r.complete) throw new Error(`fast search incomplete: ${r.incompleteReason}`);
  const properties = r.properties.map((p): RefProperty => {
    if (p.verdict === 'unknown') throw new Error(`fast search left ${p.name} unknown`);
    return p.verdict === 'holds'
      ? { name: p.name, kind: p.kind, verdict: 'holds' }
      : { name: p.name, kind: p.kind, verdict: 'violated', length: traceLength(p.trace) };
  });
  return { distinct: r.stats.distinct, transitions: r.stats.transitions, depth: r.stats.depth, properties };
}

// Steps in a counterexample: the steps to the last state, plus the failing step if any.
function traceLength(t: Trace | undefined): number {
  if (t === undefined) throw new Error('a violated property without a trace');
  return t.steps.length + (t.failure?.step !== undefined ? 1 : 0);
}

// Both results in one comparable form: properties sorted by name.
export function normalized(r: RefResult): RefResult {
  return { ...r, properties: [...r.properties].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}
