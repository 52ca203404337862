// `klpc check`: load the spec, compile it in memory, explore every reachable state, then print
// the verdicts (human text or --json), write the first counterexample as ITF (--itf) and return
// the exit code (cli/exit-codes.ts).

import fs from 'node:fs';
import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { ModelMeta } from '../runtime/model.js';
import type { SearchResult } from '../runtime/result.js';
import { printDiagnostics, reportDiagnostics } from './diagnostics-out.js';
import { ExitCode, mostSevereViolation, verdictExitCode } from './exit-codes.js';
import { errnoReason } from './files.js';
import { loadSpec } from './front.js';
import type { Io } from './io.js';
import { itfDocument } from './itf.js';
import { resultJson } from './json-report.js';
import { checkInvariantNames } from './options.js';
import type { Pipeline } from './pipeline.js';
import { progressLine } from './progress.js';
import { humanReport } from './report.js';

export interface CheckFlags {
  readonly const: readonly string[];
  readonly invariant: readonly string[];
  readonly deadlock: boolean;
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly first: boolean;
  readonly json: boolean;
  readonly itf?: string;
  readonly lanes: boolean;
  readonly quiet: boolean;
}

export async function check(spec: string, flags: CheckFlags, io: Io, pipeline: Pipeline): Promise<number> {
  const front = await loadSpec(spec, { consts: flags.const, json: flags.json, quiet: flags.quiet }, io, pipeline);
  if ('exitCode' in front) return front.exitCode;
  const known = front.program.invariants.map((i) => i.name);
  const badNames = checkInvariantNames(flags.invariant, known, io.cmd);
  if (badNames.length > 0) return reportDiagnostics(badNames, new Map(), io, flags.json ? { spec } : undefined);
  const model = await pipeline.build(front.program);
  const progress = progressLine(io, io.progress && !flags.json && !flags.quiet);
  const result = pipeline.explore(model, {
    deadlock: flags.deadlock,
    ...(flags.invariant.length > 0 ? { invariants: flags.invariant } : {}),
    ...(flags.maxStates === undefined ? {} : { maxStates: flags.maxStates }),
    ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
    stopOnFirst: flags.first,
    ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
  });
  progress.done();
  const itfProblems = flags.itf === undefined ? [] : writeItf(flags.itf, spec, result, io, flags.json);
  const exitCode = itfProblems.length > 0 ? ExitCode.badInput : verdictExitCode(result);
  print(spec, result, model.meta, [...front.diagnostics, ...itfProblems], exitCode, flags, io);
  return exitCode;
}

function print(spec: string, result: SearchResult, meta: ModelMeta, diags: readonly Diagnostic[], exitCode: number, flags: CheckFlags, io: Io): void {
  if (flags.json) {
    io.out(`${JSON.stringify(resultJson({ version: io.version, spec, exitCode }, result, meta, diags), null, 2)}\n`);
    return;
  }
  io.out(humanReport(result, meta, { lanes: flags.lanes, width: io.width, quiet: flags.quiet }, io.outStyle));
  printDiagnostics(diags.filter((d) => d.severity === 'error'), new Map(), io);
}

// Writes the most severe violation's counterexample; nothing to write is worth a note, not an
// error. Returns the KLP6004 diagnostic when the file cannot be written.
function writeItf(file: string, spec: string, result: SearchResult, io: Io, json: boolean): Diagnostic[] {
  const p = mostSevereViolation(result);
  if (p?.trace === undefined) {
    if (!json) io.err(io.errStyle.dim(`no counterexample: ${file} not written\n`));
    return [];
  }
  try {
    fs.writeFileSync(file, `${JSON.stringify(itfDocument(p, p.trace, spec), null, 2)}\n`);
    return [];
  } catch (e) {
    return [diag('KLP6004', io.cmd.spanOf(file), { path: file, reason: errnoReason(e) })];
  }
}
