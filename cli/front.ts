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
import type { Loaded, Pipeline } from './pipeline.js';

export interface FrontOptions {
  readonly consts: readonly string[];
  readonly json: boolean;
  readonly quiet: boolean;
}

// `loaded`: what the loader returned, before the diagnostics were moved onto the command line.
export type Front =
  | { readonly program: Program; readonly diagnostics: readonly Diagnostic[]; readonly loaded: Loaded; readonly consts: ReadonlyMap<string, number | boolean> }
  | { readonly exitCode: number };

export async function loadSpec(spec: string, opts: FrontOptions, io: Io, pipeline: Pipeline): Promise<Front> {
  const parsed = parseConsts(opts.consts, io.cmd);
  if (parsed.diagnostics.length > 0) return { exitCode: reportDiagnostics(parsed.diagnostics, new Map(), io, opts.json ? { spec } : undefined) };
  const loaded = await pipeline.load(spec, { consts: parsed.consts, origin: io.cmd.spanOf(spec) });
  const diags = warned(loaded, opts, io);
  if (loaded.program === undefined || hasErrors(diags)) return { exitCode: reportDiagnostics(diags, loaded.sources, io, opts.json ? { spec } : undefined) };
  return { program: loaded.program, diagnostics: diags, loaded, consts: parsed.consts };
}

// The loader's diagnostics on the command line's arguments; warnings printed unless quiet.
function warned(loaded: Pick<Loaded, 'diagnostics' | 'sources'>, opts: FrontOptions, io: Io): Diagnostic[] {
  const diags = loaded.diagnostics.map((d) => onArgument(d, opts.consts, io.cmd));
  if (!hasErrors(diags) && !opts.json && !opts.quiet) printDiagnostics(diags, loaded.sources, io);
  return diags;
}

export type Built = { readonly model: CompiledModel; readonly diagnostics: readonly Diagnostic[] } | { readonly exitCode: number };

// The spec's model (recalled when built before from the same files), every --invariant and
// --property name known to it.
export async function loadModel(spec: string, opts: FrontOptions & { readonly invariant: readonly string[]; readonly property?: readonly string[] }, io: Io, pipeline: Pipeline): Promise<Built> {
  const unknown = (invariants: readonly { name: string }[], properties: readonly { name: string }[]): { exitCode: number } | undefined => {
    const bad = [
      ...checkNames(opts.invariant, invariants.map((i) => i.name), io.cmd, 'KLP6003'),
      ...checkNames(opts.property ?? [], properties.map((p) => p.name), io.cmd, 'KLP6008'),
    ];
    return bad.length === 0 ? undefined : { exitCode: reportDiagnostics(bad, new Map(), io, opts.json ? { spec } : undefined) };
  };
  const parsed = parseConsts(opts.consts, io.cmd);
  const hit = parsed.diagnostics.length > 0 ? undefined : await pipeline.recall(spec, parsed.consts);
  if (hit !== undefined) {
    const diagnostics = warned(hit, opts, io);
    return unknown(hit.model.meta.invariants, hit.model.meta.properties) ?? { model: hit.model, diagnostics };
  }
  const front = await loadSpec(spec, opts, io, pipeline);
  if ('exitCode' in front) return front;
  const bad = unknown(front.program.invariants, front.program.properties);
  if (bad !== undefined) return bad;
  const built = await pipeline.build(front.program);
  if ('diagnostics' in built) return { exitCode: reportDiagnostics(built.diagnostics, built.sources, io, opts.json ? { spec } : undefined) };
  await pipeline.remember(spec, front.consts, front.loaded, built);
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
