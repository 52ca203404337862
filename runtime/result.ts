// What a search returns: plain data that the CLI prints (text, lanes, JSON, ITF) and `klpc diff`
// compares. Traces are decoded states, so nothing here depends on a spec's packed layout.

import type { TemporalForm } from './model.js';
import type { DecodedState } from './value.js';

// 'property': a temporal property (`property Name: ...`), its verdict over all its instances.
export type PropertyKind = 'invariant' | 'assert' | 'deadlock' | 'specError' | 'property';

// holds: checked over the complete state space; violated: with the shortest trace;
// unknown: no violation found, but the search was incomplete (bounds hit).
export type Verdict = 'holds' | 'violated' | 'unknown';

export interface TraceStep {
  readonly step: number; // index into ModelMeta.steps
  readonly instance: string; // `patcher[2]`
  readonly label: string;
  readonly state: DecodedState; // the state after the step
}

export interface Trace {
  readonly initial: DecodedState;
  readonly steps: readonly TraceStep[];
  // for a failing step (assert, spec error) or a deadlock: what happened after the last state
  readonly failure?: {
    readonly step: number | undefined; // the step that failed; undefined for deadlock / initial
    readonly instance: string | undefined;
    readonly label: string | undefined;
    readonly message: string;
    readonly loc: { readonly file: string; readonly line: number; readonly col: number } | undefined;
  };
  // A lasso (a temporal property's counterexample): the cycle starts at state `loop` (state 0 is
  // the initial one, state i the one after step i) and its last step leads back to it, so the
  // last state equals state `loop` and the behaviour repeats steps loop+1.. forever. With
  // loop === steps.length the cycle has no step: the last state repeats forever (stutters).
  readonly loop?: number;
}

// Steps in a counterexample as the trace shows them: the steps to the last state, plus the
// failing step of an assert or spec error (it runs, fails, and leaves no state behind).
export function traceLength(t: Trace): number {
  return t.steps.length + (t.failure?.step !== undefined ? 1 : 0);
}

export interface PropertyResult {
  readonly name: string; // invariant name, `deadlock`, `assert <file>:<line>`, `spec errors`
  readonly kind: PropertyKind;
  readonly verdict: Verdict;
  readonly trace?: Trace; // when violated: a shortest counterexample
  readonly temporal?: TemporalVerdict; // kind 'property' only
}

// A temporal property is checked once per instance (per value of its outer foralls). When
// violated, `instance` is the one the trace is for (the first failing one in order) and
// `failing` lists every failing instance found; labels as in TemporalMeta (`t = 2`).
export interface TemporalVerdict {
  readonly form: TemporalForm;
  readonly instance?: string;
  readonly failing?: readonly string[];
}

export interface SearchStats {
  readonly distinct: number;
  readonly transitions: number; // successors generated, duplicates included
  readonly depth: number; // longest shortest path from an initial state (BFS levels - 1)
  readonly seconds: number; // the whole search, temporal properties included
  readonly livenessSeconds?: number; // of which deciding the temporal properties on the graph
  readonly statesPerSecond: number;
  readonly bytesPerState: number; // memory held by the search structures per distinct state
}

export interface SearchResult {
  readonly complete: boolean;
  readonly incompleteReason?: string; // `--max-states 1000 reached`, `--max-depth 5 reached`, ...
  readonly stats: SearchStats;
  readonly properties: readonly PropertyResult[];
  // how often each step fired (index = ModelMeta.steps index); for coverage and `klpc diff`.
  // With symmetry, each interchangeable instance's step has the count of its class.
  readonly stepCounts: readonly number[];
  // the symmetric types the search was reduced by: distinct states and transitions are then
  // those between representatives, one per class of states equal up to their permutations
  readonly symmetry?: readonly { readonly name: string; readonly size: number; readonly ring: boolean }[];
  readonly workers?: number; // worker threads that searched, when more than one
  readonly spilled?: { readonly states: number; readonly fingerprints: number }; // --spill: bytes on disk at the end
}
