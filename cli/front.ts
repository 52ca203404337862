// The part `check` and `compile` share: parse --const, make sure the spec path is a readable
// file, load and type-check the spec, and check the --const names against it. Returns the
// Program, or the exit code after the diagnostics have been reported.

import fs from 'node:fs';
import { diag, hasErrors, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { Program } from '../lang/program.js';
import { printDiagnostics, reportDiagnostics } from './diagnostics-out.js';
import { errnoReason } from './errno.js';
import type { Io } from './io.js';
import { checkConstNames, parseConsts } from './options.js';
import type { Pipeline } from './pipeline.js';

export interface FrontOptions {
  readonly consts: readonly string[];
  readonly json: boolean;
  readonly quiet: boolean;
}

export type Front = { readonly program: Program; readonly diagnostics: readonly Diagnostic[] } | { readonly exitCode: number };

export async function loadSpec(spec: string, opts: FrontOptions, io: Io, pipeline: Pipeline): Promise<Front> {
  const fail = (diags: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map()) => ({
    exitCode: reportDiagnostics(diags, sources, io, opts.json ? { spec } : undefined),
  });
  const parsed = parseConsts(opts.consts, io.cmd);
  if (parsed.diagnostics.length > 0) return fail(parsed.diagnostics);
  const unreadable = readProblem(spec);
  if (unreadable !== undefined) return fail([diag('KLP5001', io.cmd.spanOf(spec), { path: spec, reason: unreadable })]);
  const loaded = await pipeline.load(spec, { consts: parsed.consts });
  if (loaded.program === undefined || hasErrors(loaded.diagnostics)) return fail(loaded.diagnostics, loaded.sources);
  const unknown = checkConstNames(opts.consts, loaded.program.constants.map((c) => c.name), io.cmd);
  if (unknown.length > 0) return fail(unknown);
  if (!opts.json && !opts.quiet) printDiagnostics(loaded.diagnostics, loaded.sources, io);
  return { program: loaded.program, diagnostics: loaded.diagnostics };
}

// Why `path` cannot be read as a spec, in the words of KLP5001, or undefined when it can.
function readProblem(path: string): string | undefined {
  try {
    if (fs.statSync(path).isDirectory()) return 'it is a directory';
    fs.accessSync(path, fs.constants.R_OK);
    return undefined;
  } catch (e) {
    return errnoReason(e);
  }
}
