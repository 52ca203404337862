// The binder's entry point. In: the declarations of one spec with its variants already merged
// (variants.ts), the source texts, constant overrides. Out: the typed Program, or undefined
// when any error was found, and the diagnostics. Passes: names, constants, type aliases,
// signatures and process structure, recursion, then every body, invariant and property.

import type * as ast from '../ast.js';
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Process, Program, Property } from '../program.js';
import { collect } from './collect.js';
import { foldConstants } from './consts.js';
import { bindFn, bindInvariant, bindProcess, bindVar } from './decls.js';
import { checkInlinedSize, checkRecursion, statefulFns } from './fns.js';
import { prepareSignatures } from './prepare.js';
import { bindProperty } from './properties.js';
import { assertEndsInGoto } from './stmt.js';
import { resolveAliases } from './typeexpr.js';

export interface BindInput {
  readonly name: string;
  readonly files: readonly string[];
  readonly decls: readonly ast.Decl[];
  readonly sources: ReadonlyMap<string, string>;
  readonly consts?: ReadonlyMap<string, number | boolean>;
}

export function bindProgram(input: BindInput): { program: Program | undefined; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const g = collect(input.decls, input.sources, diags);
  foldConstants(g, diags, input.consts ?? new Map());
  resolveAliases(g, diags);
  prepareSignatures(g, diags);
  const syms = [...g.names.values()];
  const fnDecls = syms.flatMap((s) => (s.kind === 'fn' ? [s.decl] : []));
  const before = diags.length;
  checkRecursion(fnDecls, diags);
  if (diags.length === before) checkInlinedSize(fnDecls, diags);
  const isState = (n: string): boolean => ['var', 'lock', 'process'].includes(g.names.get(n)?.kind ?? '');
  for (const f of statefulFns(fnDecls, isState)) g.statefulFns.add(f);

  const vars = syms.flatMap((s) => (s.kind === 'var' ? [bindVar(g, diags, s.decl, g.varTypes[s.index]!)] : []));
  const fns = syms.flatMap((s) => (s.kind === 'fn' ? [bindFn(g, diags, s.decl, s.index)] : []));
  let next = 0;
  const processes = g.procs.map((p) => {
    const bound = bindProcess(g, diags, p, next);
    next += bound.instances.length;
    return bound;
  });
  const invariants = input.decls.flatMap((d) => (d.kind === 'invariant' ? [bindInvariant(g, diags, d)] : []));
  const properties = input.decls.flatMap((d) => (d.kind === 'property' ? [bindProperty(g, diags, d)] : []));
  if (hasErrors(diags)) return { program: undefined, diagnostics: diags };
  warnUnfair(processes, properties as Property[], diags);

  processes.forEach(assertSteps);
  for (const s of syms) if (s.kind === 'var' && !g.varReads.has(s.index)) diags.push(diag('KLP2014', s.decl.name.span, { name: s.decl.name.name }));
  const constants = syms.flatMap((s) => (s.kind === 'const' ? [{ name: s.decl.name.name, ...g.consts.get(s.decl.name.name)! }] : []));
  const locks = syms.flatMap((s) => (s.kind === 'lock' ? [{ name: s.decl.name.name, span: s.decl.span }] : []));
  const program = { name: input.name, files: input.files, constants, vars, locks, fns, processes, invariants, properties: properties as Property[] };
  return { program, diagnostics: diags };
}

// A liveness property with no fair step anywhere fails by stuttering in every state where its
// goal does not already hold: almost certainly a forgotten `fair`.
function warnUnfair(processes: readonly Process[], properties: readonly Property[], diags: Diagnostic[]): void {
  if (processes.some((p) => p.labels.some((l) => l.fairness !== 'unfair'))) return;
  for (const p of properties) {
    if (p.form !== 'always') diags.push(diag('KLP4010', p.span, { name: p.name }, { hint: "mark the processes that must keep moving 'fair process' (or 'strong fair process')" }));
  }
}

function assertSteps(p: Process): void {
  if (p.steps.length !== p.labels.length) throw new Error(`internal: ${p.name} has ${p.labels.length} labels but ${p.steps.length} steps`);
  p.steps.forEach((s) => assertEndsInGoto(s.body, `${p.name}.${p.labels[s.label]!.name}`));
}
