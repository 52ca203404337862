// Test doubles for the commands: an Io that records what is printed, and a Pipeline whose
// stages return canned values and record how they were called.

import { commandLine } from '../../cli/command-line.js';
import type { Io } from '../../cli/io.js';
import type { Loaded, Pipeline, SearchOptions, SimulateOptions } from '../../cli/pipeline.js';
import { plainStyle } from '../../cli/style.js';
import type { Diagnostic } from '../../lang/diagnostics/diagnostic.js';
import type { Program } from '../../lang/program.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { SearchResult } from '../../runtime/result.js';
import { meta } from './samples.js';

export interface RecordingIo extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function recordingIo(args: readonly string[]): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    outStyle: plainStyle,
    errStyle: plainStyle,
    progress: false,
    width: 100,
    version: '9.9.9',
    cmd: commandLine(args),
    interrupts: () => ({ signal: new AbortController().signal, finish: () => {} }),
  };
}

export const program = {
  name: 'prefix',
  constants: [{ name: 'NPATCHES', value: 3, type: { kind: 'int', lo: 3, hi: 3 } }],
  invariants: [{ name: 'StackOrder' }, { name: 'GoingCoverage' }],
  properties: [],
} as unknown as Program;

export interface FakePipeline extends Pipeline {
  readonly calls: {
    load?: { path: string; consts: ReadonlyMap<string, number | boolean> | undefined };
    explore?: SearchOptions;
    workers?: number;
    simulate?: SimulateOptions;
  };
}

export function fakePipeline(result: SearchResult, loaded: Partial<Loaded> = {}): FakePipeline {
  const calls: FakePipeline['calls'] = {};
  return {
    calls,
    load: async (path, options) => {
      calls.load = { path, consts: options.consts };
      return { program, diagnostics: [], sources: new Map(), ...loaded };
    },
    recall: async () => undefined,
    remember: async () => {},
    build: async () => ({ model: { meta } as unknown as CompiledModel, js: '', entry: 'fake.mjs' }),
    explore: async (_model, options) => {
      calls.explore = options;
      return result;
    },
    search: async (_model, options, workers) => {
      calls.explore = options;
      calls.workers = workers;
      return result;
    },
    // the search result's verdicts, as a simulation of 7 traces would report them
    simulate: async (_model, options) => {
      calls.simulate = options;
      const stats = { seed: options.seed, traces: 7, steps: 70, generated: 140, longest: 10, seconds: 0.001, stepsPerSecond: 70000 };
      return { stopReason: '7 traces', stats, properties: result.properties, stepCounts: result.stepCounts };
    },
    emit: async () => '// generated\n',
  };
}

export function diagnosticAt(file: string, code: Diagnostic['code'], severity: Diagnostic['severity'], message: string): Diagnostic {
  return { code, severity, message, span: { file, start: 8, end: 11, line: 1, col: 9 } };
}
