// Test helpers for the binder: load specs from in-memory files through the real loader, and
// print diagnostics as `code line:col` lines or rendered text for comparison.

import { loadProgram, type LoadResult } from '../../lang/load.js';
import { renderDiagnostics } from '../../lang/diagnostics/render.js';
import type { Program } from '../../lang/program.js';

export function loadFiles(files: Readonly<Record<string, string>>, top = 'main.klp', consts?: ReadonlyMap<string, number | boolean>): LoadResult {
  return loadProgram(top, { consts, readFile: (p) => files[p] });
}

export function load(src: string, consts?: ReadonlyMap<string, number | boolean>): LoadResult {
  return loadFiles({ 'main.klp': src }, 'main.klp', consts);
}

// The program of a spec that must bind without errors.
export function bindOk(src: string, files: Readonly<Record<string, string>> = {}): Program {
  const r = loadFiles({ ...files, 'main.klp': src });
  if (r.program === undefined) throw new Error(`does not bind:\n${renderDiagnostics(r.diagnostics, r.sources)}`);
  return r.program;
}

// `KLP2001 3:5` per diagnostic, in order.
export function codes(r: LoadResult): string[] {
  return r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}`);
}
