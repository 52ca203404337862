// `klpc diff A.klp B.klp`: load and compile both specs, choose the view (--view or the shared
// variables and program counters), explore each spec once through the diff stage (diff/), then
// print the comparison (cli/diff-report.ts, or one --json document) and return diff(1)'s exit
// code: 0 no difference, 1 different, 2 undecided (a bound was hit and nothing differed).
// Spec and command-line errors exit 150/151 as with `check`.

import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { closest } from '../lang/diagnostics/render.js';
import type { Program } from '../lang/program.js';
import type { Span } from '../lang/span.js';
import type { ExploreOptions } from '../runtime/explore.js';
import type { CompiledModel } from '../runtime/model.js';
import { diffModels, type DiffResult, type Outcome } from '../diff/diff.js';
import { chosenView, defaultView, type View, type ViewSide } from '../diff/view.js';
import { printDiagnostics, reportDiagnostics } from './diagnostics-out.js';
import { diffJson } from './diff-json.js';
import { diffReport } from './diff-report.js';
import { ExitCode } from './exit-codes.js';
import { diffPage, writeHtml } from './html/write.js';
import { limitOptions } from './check.js';
import { loadSpec } from './front.js';
import { signalStatus, type Interrupts } from './interrupt.js';
import type { Io } from './io.js';
import type { Pipeline } from './pipeline.js';
import { progressLine } from './progress.js';

export interface DiffFlags {
  readonly const: readonly string[]; // applied to both specs
  readonly view: readonly string[]; // --view values, each a comma-separated list
  readonly deadlock: boolean;
  readonly maxStates?: number; // per search, and per direction of the behaviour comparison
  readonly maxDepth?: number;
  readonly timeLimit?: number; // seconds, per search
  readonly maxMemory?: number; // bytes, per search
  readonly json: boolean;
  readonly lanes: boolean;
  readonly quiet: boolean;
  readonly html?: string; // write the two sides side by side in the trace viewer page
}

// diff(1)'s convention, which scripts comparing files already follow.
export const DiffExit: Readonly<Record<Outcome, number>> = { same: 0, different: 1, undecided: 2 };

interface Loaded {
  readonly path: string;
  readonly program: Program;
  readonly model: CompiledModel;
}

export async function diff(specA: string, specB: string, flags: DiffFlags, io: Io, pipeline: Pipeline): Promise<number> {
  const front = { consts: flags.const, json: flags.json, quiet: flags.quiet };
  const fa = await loadSpec(specA, front, io, pipeline);
  if ('exitCode' in fa) return fa.exitCode;
  const fb = await loadSpec(specB, front, io, pipeline);
  if ('exitCode' in fb) return fb.exitCode;
  const ba = await pipeline.build(fa.program);
  if ('diagnostics' in ba) return reportDiagnostics(ba.diagnostics, ba.sources, io, flags.json ? { spec: specA } : undefined);
  const bb = await pipeline.build(fb.program);
  if ('diagnostics' in bb) return reportDiagnostics(bb.diagnostics, bb.sources, io, flags.json ? { spec: specB } : undefined);
  const a: Loaded = { path: specA, program: fa.program, model: ba.model };
  const b: Loaded = { path: specB, program: fb.program, model: bb.model };
  const [nameA, nameB] = sideNames(a.program.name, b.program.name);
  const sides: [ViewSide, ViewSide] = [
    { name: nameA, program: a.program, meta: a.model.meta },
    { name: nameB, program: b.program, meta: b.model.meta },
  ];
  const view = pickView(sides, flags.view, io);
  if ('problems' in view) return reportDiagnostics(view.problems, new Map(), io, flags.json ? { spec: specA } : undefined);
  const interrupts = io.interrupts();
  const result = await diffModels({ name: nameA, model: a.model }, { name: nameB, model: b.model }, {
    view,
    explore: async (model, options) => {
      const progress = progressLine(io, io.progress && !flags.json && !flags.quiet);
      const r = await pipeline.explore(model, { ...options, signal: interrupts.signal, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }) });
      progress.done();
      // half a comparison would mislead: say where it stopped and end by the signal
      if (interrupts.signal.aborted) reportInterrupt(model.meta.name === a.model.meta.name ? nameA : nameB, r.stats.distinct, [a.path, b.path], interrupts, flags, io);
      return r;
    },
    exploreOptions: exploreOptions(flags),
    ...(flags.maxStates === undefined ? {} : { maxPairs: flags.maxStates }),
  });
  // an unwritable --html file spoils the run (exit 151), as an unwritable --itf does for check
  const htmlProblems = flags.html === undefined ? [] : writeHtml(flags.html, diffPage(result), io);
  const exitCode = htmlProblems.length > 0 ? ExitCode.badInput : DiffExit[result.outcome];
  print(result, [a, b], exitCode, flags, io);
  printDiagnostics(htmlProblems, new Map(), io);
  interrupts.finish();
  return exitCode;
}

function reportInterrupt(side: string, distinct: number, specs: readonly string[], interrupts: Interrupts, flags: DiffFlags, io: Io): void {
  const reason = String(interrupts.signal.reason);
  const what = `interrupted (${reason}) while exploring ${side}, after ${distinct.toLocaleString('en-US')} distinct states: nothing was compared`;
  if (flags.json) io.out(`${JSON.stringify({ version: io.version, specs, interrupted: what, exitCode: signalStatus(reason) }, null, 2)}\n`);
  else io.err(`klpc diff: ${what}\n`);
  interrupts.finish();
}

// The names reports use: the spec names, told apart when equal (a spec diffed with itself).
function sideNames(a: string, b: string): [string, string] {
  return a === b ? [`${a} (A)`, `${b} (B)`] : [a, b];
}

function pickView(sides: [ViewSide, ViewSide], raw: readonly string[], io: Io): View | { problems: Diagnostic[] } {
  const names = raw.flatMap((r) => r.split(',').map((n) => n.trim())).filter((n) => n !== '');
  if (names.length === 0) return defaultView(...sides);
  const { view, problems } = chosenView(...sides, names);
  if (problems.length === 0) return view;
  return {
    problems: problems.map((p) => {
      const best = closest(p.name, p.known);
      return diag('KLP6010', nameSpan(raw, p.name, io), { name: p.name, why: p.why }, best === undefined ? {} : { hint: `did you mean '${best}'?` });
    }),
  };
}

// Where `name` is in the --view arguments: the whole list item, not a longer item it starts.
function nameSpan(raw: readonly string[], name: string, io: Io): Span {
  for (const arg of raw) {
    let offset = 0;
    for (const item of arg.split(',')) {
      if (item.trim() === name) {
        const whole = io.cmd.spanOf(arg);
        const at = offset + item.indexOf(name);
        return { ...whole, start: whole.start + at, end: whole.start + at + name.length, col: whole.col + at };
      }
      offset += item.length + 1;
    }
  }
  return io.cmd.spanOf(name);
}

function exploreOptions(flags: DiffFlags): ExploreOptions {
  return { deadlock: flags.deadlock, ...limitOptions(flags) };
}

function print(result: DiffResult, [a, b]: readonly [Loaded, Loaded], exitCode: number, flags: DiffFlags, io: Io): void {
  if (flags.json) {
    const info = { version: io.version, specs: [a.path, b.path] as const, metas: [a.model.meta, b.model.meta] as const, exitCode };
    io.out(`${JSON.stringify(diffJson(result, info), null, 2)}\n`);
    return;
  }
  io.out(diffReport(result, { lanes: flags.lanes, width: io.width, quiet: flags.quiet }, io.outStyle));
}
