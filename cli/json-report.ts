// The `--json` document: one JSON value on stdout with the verdicts, statistics, counterexamples
// (initial state, then each step's changes) and the exit code, for scripts and CI. Values keep
// the ITF shapes of runtime/value.ts. Diagnostics get their own, smaller document.

import type { Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { ModelMeta } from '../runtime/model.js';
import type { PropertyResult, SearchResult, Trace } from '../runtime/result.js';
import type { SimulationResult } from '../runtime/simulate.js';
import { stateChanges } from './changes.js';

export interface RunInfo {
  readonly version: string;
  readonly spec: string;
  readonly exitCode: number;
}

// `diags`: warnings about the spec, or the error that spoiled an otherwise finished run.
export function resultJson(info: RunInfo, result: SearchResult, meta: ModelMeta, diags: readonly Diagnostic[]): object {
  return {
    version: info.version,
    spec: info.spec,
    complete: result.complete,
    ...(result.incompleteReason === undefined ? {} : { incompleteReason: result.incompleteReason }),
    stats: result.stats,
    ...(result.symmetry === undefined ? {} : { symmetry: result.symmetry }),
    ...(result.workers === undefined ? {} : { workers: result.workers }),
    ...(result.spilled === undefined ? {} : { spilled: result.spilled }),
    properties: result.properties.map(propertyJson),
    stepCounts: stepCountsJson(meta, result.stepCounts),
    diagnostics: diags.map(diagnosticJson),
    exitCode: info.exitCode,
  };
}

// `klpc simulate --json`: the same document, with the simulation's figures as its stats.
export function simulationJson(info: RunInfo, result: SimulationResult, meta: ModelMeta, diags: readonly Diagnostic[]): object {
  return {
    version: info.version,
    spec: info.spec,
    complete: false,
    simulation: { stopReason: result.stopReason, ...result.stats },
    properties: result.properties.map(propertyJson),
    stepCounts: stepCountsJson(meta, result.stepCounts),
    diagnostics: diags.map(diagnosticJson),
    exitCode: info.exitCode,
  };
}

function stepCountsJson(meta: ModelMeta, counts: readonly number[]): object[] {
  return meta.steps.map((s, i) => ({ instance: meta.instances[s.instance]?.name ?? '?', label: s.label, count: counts[i] ?? 0 }));
}

function propertyJson(p: PropertyResult): object {
  const base = { name: p.name, kind: p.kind, verdict: p.verdict, ...(p.temporal === undefined ? {} : p.temporal) };
  return p.trace === undefined ? base : { ...base, trace: traceJson(p.trace) };
}

// A trace as --json shows it: the initial state, then each step's changes (also `klpc diff`'s).
export function traceJson(trace: Trace): object {
  let before = trace.initial;
  const steps = trace.steps.map((s, i) => {
    const changes = stateChanges(before, s.state);
    before = s.state;
    return { index: i + 1, instance: s.instance, label: s.label, changes };
  });
  return { initial: trace.initial, steps, ...(trace.failure === undefined ? {} : { failure: trace.failure }), ...(trace.loop === undefined ? {} : { loop: trace.loop }) };
}

export function diagnosticsJson(info: RunInfo, diags: readonly Diagnostic[]): object {
  return { version: info.version, spec: info.spec, diagnostics: diags.map(diagnosticJson), exitCode: info.exitCode };
}

function diagnosticJson(d: Diagnostic): object {
  const { code, severity, message, span, hint } = d;
  return { code, severity, message, file: span.file, line: span.line, col: span.col, ...(hint === undefined ? {} : { hint }) };
}
