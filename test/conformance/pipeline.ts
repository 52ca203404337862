// The two sides of a conformance comparison, as plain data of one shape: the reference
// interpreter's check(), and the fast path (binder -> buildModel -> explore).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../compiler/build.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';
import { traceLength, type Trace } from '../../runtime/result.js';
import { check, type RefProperty, type RefResult } from '../reference/check.js';

// Binds a spec file; a spec with error diagnostics is a failure of the caller's expectation.
export async function load(path: string): Promise<Program> {
  const { program, diagnostics } = loadProgram(path, {});
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (program === undefined || errors.length > 0) {
    throw new Error(`${path} does not bind:\n${errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`).join('\n')}`);
  }
  return program;
}

// A scratch directory for generated spec files and their compiled modules (which would
// otherwise pile up in the shared compile cache: their spans name a fresh directory each run).
let scratch: string | undefined;

export function scratchDir(): string {
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
  const model = await buildModel(program, scratchCache ? { cacheDir: join(scratchDir(), 'cache') } : {});
  const r = explore(model, { deadlock: true });
  if (!r.complete) throw new Error(`fast search incomplete: ${r.incompleteReason}`);
  const properties = r.properties.map((p): RefProperty => {
    if (p.verdict === 'unknown') throw new Error(`fast search left ${p.name} unknown`);
    return p.verdict === 'holds'
      ? { name: p.name, kind: p.kind, verdict: 'holds' }
      : { name: p.name, kind: p.kind, verdict: 'violated', length: length(p.trace) };
  });
  return { distinct: r.stats.distinct, transitions: r.stats.transitions, depth: r.stats.depth, properties };
}

function length(t: Trace | undefined): number {
  if (t === undefined) throw new Error('a violated property without a trace');
  return traceLength(t);
}

// Both results in one comparable form: properties sorted by name.
export function normalized(r: RefResult): RefResult {
  return { ...r, properties: [...r.properties].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}
