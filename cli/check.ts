// `klpc check`: load the spec, compile it in memory, explore every reachable state (and decide
// the temporal properties on the state graph), then print the verdicts (human text or --json),
// write the first counterexample as ITF (--itf), the state graph as DOT (--dot) and the trace
// viewer page (--html), and return the exit code (cli/exit-codes.ts).

import { reportDiagnostics } from './diagnostics-out.js';
import { ExitCode, verdictExitCode } from './exit-codes.js';
import { signalStatus } from './interrupt.js';
import { loadModel, printOutcome } from './front.js';
import type { Io } from './io.js';
import { DOT_LIMIT, stateGraphRecorder, writeDot } from './dot.js';
import { checkPage, writeHtml } from './html/write.js';
import { writeItf } from './itf.js';
import { resultJson } from './json-report.js';
import type { Pipeline } from './pipeline.js';
import { progressLine } from './progress.js';
import { humanReport } from './report.js';
import { spillOptions } from './spill.js';

export interface CheckFlags {
  readonly const: readonly string[];
  readonly invariant: readonly string[];
  readonly property: readonly string[];
  readonly properties: boolean; // false: --no-properties
  readonly deadlock: boolean;
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly timeLimit?: number; // seconds
  readonly maxMemory?: number; // bytes
  readonly first: boolean;
  readonly symmetry?: boolean; // reduce by the spec's symmetric types (default; --no-symmetry: false)
  readonly workers?: number; // threads for a large state space (default 1)
  readonly json: boolean;
  readonly itf?: string;
  readonly dot?: string;
  readonly dotLimit?: number;
  readonly html?: string;
  readonly spill?: string; // directory for the store, the queue and (past maxMemory) the fingerprints
  readonly lanes: boolean;
  readonly quiet: boolean;
}

export async function check(spec: string, flags: CheckFlags, io: Io, pipeline: Pipeline): Promise<number> {
  const built = await loadModel(spec, { consts: flags.const, json: flags.json, quiet: flags.quiet, invariant: flags.invariant, property: flags.property }, io, pipeline);
  if ('exitCode' in built) return built.exitCode;
  const { model } = built;
  const progress = progressLine(io, io.progress && !flags.json && !flags.quiet);
  const properties = !flags.properties ? [] : flags.property.length > 0 ? flags.property : undefined;
  const temporal = properties === undefined ? model.meta.properties.length > 0 : properties.length > 0;
  const graph = flags.dot === undefined ? undefined : stateGraphRecorder(flags.dotLimit ?? DOT_LIMIT, temporal);
  const spilled = flags.spill === undefined ? undefined : spillOptions(flags.spill, flags.maxMemory, temporal, io);
  if (spilled !== undefined && 'problems' in spilled) return reportDiagnostics(spilled.problems, new Map(), io, flags.json ? { spec } : undefined);
  const interrupts = io.interrupts();
  const options = {
    deadlock: flags.deadlock,
    ...(flags.invariant.length > 0 ? { invariants: flags.invariant } : {}),
    ...limitOptions(flags),
    signal: interrupts.signal,
    stopOnFirst: flags.first,
    // the drawn graph, and the one temporal properties are decided on, are the full one: its
    // states are the model's, not representatives
    symmetry: flags.symmetry !== false && graph === undefined && !temporal,
    ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
    ...(spilled === undefined ? {} : spilled),
  };
  // a recorded graph (--dot, temporal properties) and a spilled store are searched on this thread
  const result = temporal || graph !== undefined
    ? await pipeline.explore(model, { ...options, ...(graph === undefined ? {} : { graph }), ...(properties === undefined ? {} : { properties }) })
    : await pipeline.search(model, options, spilled === undefined ? flags.workers ?? 1 : 1);
  progress.done();
  const itfProblems = flags.itf === undefined ? [] : writeItf(flags.itf, spec, result, io, flags.json);
  const dotProblems = graph === undefined ? [] : writeDot(flags.dot!, flags.dotLimit ?? DOT_LIMIT, graph, model, result, io);
  const htmlProblems = flags.html === undefined ? [] : writeHtml(flags.html, checkPage(spec, result), io);
  const problems = [...itfProblems, ...dotProblems, ...htmlProblems];
  const interrupted = interrupts.signal.aborted ? signalStatus(String(interrupts.signal.reason)) : undefined;
  const exitCode = interrupted ?? (problems.length > 0 ? ExitCode.badInput : verdictExitCode(result));
  const diags = [...built.diagnostics, ...problems];
  printOutcome(
    io,
    flags.json,
    () => resultJson({ version: io.version, spec, exitCode }, result, model.meta, diags),
    () => humanReport(result, model.meta, { lanes: flags.lanes, width: io.width, quiet: flags.quiet }, io.outStyle),
    diags,
  );
  interrupts.finish();
  return exitCode;
}

// The bounds and limits check and diff share.
export function limitOptions(flags: Pick<CheckFlags, 'maxStates' | 'maxDepth' | 'timeLimit' | 'maxMemory'>) {
  return {
    ...(flags.maxStates === undefined ? {} : { maxStates: flags.maxStates }),
    ...(flags.maxDepth === undefined ? {} : { maxDepth: flags.maxDepth }),
    ...(flags.timeLimit === undefined ? {} : { timeLimit: flags.timeLimit }),
    ...(flags.maxMemory === undefined ? {} : { maxMemory: flags.maxMemory }),
  };
}
