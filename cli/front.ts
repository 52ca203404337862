// The part `check`, `simulate` and `compile` share: parse --const, then load and type-check the
// spec with the constants (the loader reports a path that is not a readable spec on its argument). Returns the Program (or,
// for the searches, the built model), or the exit code after the diagnostics have been reported.

import { hasErrors, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { Program } from '../lang/program.js';
import type { CompiledModel } from '../runtime/model.js';
import { COMMAND_LINE_FILE, type CommandLine } from './command-line.js';
import { printDiagnostics, reportDiagnostics } from './diagnostics-out.js';
import type { Io } from './io.js';
import { checkNames, parseConsts } from './options.js';
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
  const loaded = await pipeline.load(spec, { consts: parsed.consts, origin: io.cmd.spanOf(spec) });
  const diags = loaded.diagnostics.map((d) => onArgument(d, opts.consts, io.cmd));
  if (loaded.program === undefined || hasErrors(diags)) return fail(diags, loaded.sources);
  if (!opts.json && !opts.quiet) printDiagnostics(diags, loaded.sources, io);
  return { program: loaded.program, diagnostics: diags };
}

export type Built = { readonly model: CompiledModel; readonly diagnostics: readonly Diagnostic[] } | { readonly exitCode: number };

// The spec loaded, every --invariant name known to it, and its model built.
export async function loadModel(spec: string, opts: FrontOptions & { readonly invariant: readonly string[]; readonly property?: readonly string[] }, io: Io, pipeline: Pipeline): Promise<Built> {
  const front = await loadSpec(spec, opts, io, pipeline);
  if ('exitCode' in front) return front;
  const badNames = [
    ...checkNames(opts.invariant, front.program.invariants.map((i) => i.name), io.cmd, 'KLP6003'),
    ...checkNames(opts.property ?? [], front.program.properties.map((p) => p.name), io.cmd, 'KLP6008'),
  ];
  if (badNames.length > 0) return { exitCode: reportDiagnostics(badNames, new Map(), io, opts.json ? { spec } : undefined) };
  const built = await pipeline.build(front.program);
  if ('diagnostics' in built) return { exitCode: reportDiagnostics(built.diagnostics, built.sources, io, opts.json ? { spec } : undefined) };
  return { model: built.model, diagnostics: front.diagnostics };
}

// How a search ends: one JSON document on stdout, or the report then any error (an unwritable
// --itf file) on stderr.
export function printOutcome(io: Io, json: boolean, doc: () => object, report: () => string, diags: readonly Diagnostic[]): void {
  if (json) {
    io.out(`${JSON.stringify(doc(), null, 2)}\n`);
    return;
  }
  io.out(report());
  printDiagnostics(diags.filter((d) => d.severity === 'error'), new Map(), io);
}

// The binder reports bad --const values (unknown name, wrong type) at column 1 of the command
// line, since it never sees the arguments; move each onto the argument its message quotes.
function onArgument(d: Diagnostic, consts: readonly string[], cmd: CommandLine): Diagnostic {
  if (d.span.file !== COMMAND_LINE_FILE || d.span.end > 0) return d;
  for (const text of consts) {
    const name = text.slice(0, text.indexOf('='));
    if (d.message.includes(`'${text}'`)) return { ...d, span: cmd.spanOf(text) };
    if (d.message.includes(`'${name}'`)) return { ...d, span: cmd.spanOf(text, name) };
  }
  return d;
}
