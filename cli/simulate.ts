// `klpc simulate`: load the spec, compile it in memory, take random walks through its state
// space (runtime/simulate.ts), then print what they found, as text or --json, write the most
// severe counterexample as ITF (--itf) and return the exit code: a violation's, or 10 when
// none was found, since a simulation never proves that a property holds. SIGINT/SIGTERM end the
// walks: what they found is printed, then klpc ends by the signal, as check does.

import { ExitCode, mostSevereViolation, severityCode } from './exit-codes.js';
import { loadModel, printOutcome } from './front.js';
import { signalStatus } from './interrupt.js';
import type { Io } from './io.js';
import { writeItf } from './itf.js';
import { simulationJson } from './json-report.js';
import type { Pipeline } from './pipeline.js';
import { progressLine, simulationProgress } from './progress.js';
import { simulationReport } from './simulate-report.js';

export interface SimulateFlags {
  readonly const: readonly string[];
  readonly invariant: readonly string[];
  readonly deadlock: boolean;
  readonly seed?: number; // default: a random one, printed so that the run can be repeated
  readonly depth: number;
  readonly traces?: number;
  readonly timeLimit?: number; // seconds
  readonly json: boolean;
  readonly itf?: string;
  readonly lanes: boolean;
  readonly quiet: boolean;
}

// Without --traces or --time-limit, this many walks.
export const DEFAULT_TRACES = 1000;

export async function simulateSpec(spec: string, flags: SimulateFlags, io: Io, pipeline: Pipeline): Promise<number> {
  const built = await loadModel(spec, { consts: flags.const, json: flags.json, quiet: flags.quiet, invariant: flags.invariant }, io, pipeline);
  if ('exitCode' in built) return built.exitCode;
  const { model } = built;
  const progress = progressLine(io, io.progress && !flags.json && !flags.quiet, simulationProgress);
  const traces = flags.traces ?? (flags.timeLimit === undefined ? DEFAULT_TRACES : undefined);
  const interrupts = io.interrupts();
  const result = await pipeline.simulate(model, {
    deadlock: flags.deadlock,
    ...(flags.invariant.length > 0 ? { invariants: flags.invariant } : {}),
    seed: flags.seed ?? Math.floor(Math.random() * 2 ** 31),
    depth: flags.depth,
    ...(traces === undefined ? {} : { traces }),
    ...(flags.timeLimit === undefined ? {} : { timeLimit: flags.timeLimit }),
    signal: interrupts.signal,
    ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
  });
  progress.done();
  const itfProblems = flags.itf === undefined ? [] : writeItf(flags.itf, spec, result, io, flags.json);
  const worst = mostSevereViolation(result);
  const interrupted = interrupts.signal.aborted ? signalStatus(String(interrupts.signal.reason)) : undefined;
  const exitCode = interrupted ?? (itfProblems.length > 0 ? ExitCode.badInput : worst === undefined ? ExitCode.incomplete : severityCode(worst.kind));
  const diags = [...built.diagnostics, ...itfProblems];
  printOutcome(
    io,
    flags.json,
    () => simulationJson({ version: io.version, spec, exitCode }, result, model.meta, diags),
    () => simulationReport(result, model.meta, { lanes: flags.lanes, width: io.width, quiet: flags.quiet }, io.outStyle),
    diags,
  );
  interrupts.finish();
  return exitCode;
}
