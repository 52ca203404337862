// Loading a spec: read and parse the file, follow its `variant of` chain down to the base
// (each path relative to the file naming it, unless absolute), merge the variants onto the base,
// then bind. A file that is not a spec (binary, or text in which no declaration parses and that
// does not start with one) is reported as such, and its text is kept out of the excerpts.
// In: a path, constant overrides, where the path was given (for the caret) and optionally a
// file reader (tests use an in-memory one). Out: the typed Program (undefined on any error),
// every diagnostic, and the source texts read.

import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Decl, SpecFile } from './ast.js';
import { bindProgram } from './binder/bind.js';
import { COMMAND_LINE } from './binder/consts.js';
import { mergeVariant } from './binder/variants.js';
import { diag, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Program } from './program.js';
import type { Span } from './span.js';
import { readTextFile, stripBom, type TextRead } from './files.js';
import { parse } from './syntax/parse.js';

export interface LoadOptions {
  readonly consts?: ReadonlyMap<string, number | boolean>;
  readonly readFile?: (path: string) => string | undefined;
  readonly origin?: Span; // where the path was named (default: the command line's column 1)
}

export interface LoadResult {
  readonly program: Program | undefined;
  readonly diagnostics: Diagnostic[];
  readonly sources: Map<string, string>;
  // the parsed files (top first) and, once they parse, the merged declarations (for the editor)
  readonly files: readonly SpecFile[];
  readonly decls: readonly Decl[];
}

export function loadProgram(path: string, options: LoadOptions = {}): LoadResult {
  const sources = new Map<string, string>();
  const diags: Diagnostic[] = [];
  const chain = readChain(path, options, sources, diags);
  let decls: Decl[] = [];
  const done = (program: Program | undefined): LoadResult => ({ program, diagnostics: sortDiagnostics(diags, chain), sources, files: chain, decls });
  if (hasErrors(diags)) return done(undefined);
  const base = chain[chain.length - 1]!;
  diags.push(...variantOnly(base));
  decls = [...base.decls];
  for (let k = chain.length - 2; k >= 0; k--) decls = mergeVariant(decls, chain[k]!.decls, diags);
  if (hasErrors(diags)) return done(undefined);
  const bound = bindProgram({ name: basename(path, '.klp'), files: chain.map((s) => s.file), decls, sources, consts: options.consts });
  diags.push(...bound.diagnostics);
  return done(bound.program);
}

// The spec file and the files it varies, top first; stops at the first unreadable file or cycle.
function readChain(path: string, options: LoadOptions, sources: Map<string, string>, diags: Diagnostic[]): SpecFile[] {
  const chain: SpecFile[] = [];
  let current = path;
  let via: Span = options.origin ?? COMMAND_LINE;
  for (;;) {
    const seen = chain.map((s) => s.file);
    if (seen.includes(current)) {
      diags.push(diag('KLP5002', via, { path: [...seen.slice(seen.indexOf(current)), current].join(' -> ') }));
      return chain;
    }
    const read = readText(current, options.readFile);
    if ('reason' in read) {
      diags.push(diag('KLP5001', via, { path: current, reason: read.reason }));
      return chain;
    }
    const { spec, diagnostics, startsLikeSpec } = parse(read.text, current);
    const empty = spec.decls.length === 0 && spec.variantOf === undefined;
    if (empty && !hasErrors(diagnostics)) {
      diags.push(diag('KLP5009', via, { path: current }, { hint: 'a spec declares at least a variable or a process, such as var x: 0..3 = 0' }));
      return chain;
    }
    if (empty && !startsLikeSpec) {
      diags.push(diag('KLP5010', via, { path: current }, { hint: NOT_A_SPEC_HINT }));
      return chain;
    }
    sources.set(current, read.text);
    diags.push(...diagnostics);
    chain.push(spec);
    if (spec.variantOf === undefined) return chain;
    via = spec.variantOf.span;
    current = isAbsolute(spec.variantOf.path) ? spec.variantOf.path : join(dirname(current), spec.variantOf.path);
  }
}

export const NOT_A_SPEC_HINT = 'a spec starts with a declaration, such as const, var or process, or with variant of "base.klp"';

function readText(path: string, readFile: LoadOptions['readFile']): TextRead {
  if (readFile === undefined) return readTextFile(path);
  const text = readFile(path);
  return text === undefined ? { reason: 'no such file or directory' } : { text: stripBom(text) };
}

function variantOnly(spec: SpecFile): Diagnostic[] {
  const what: Partial<Record<Decl['kind'], string>> = {
    replaceStep: 'replace step', prependStep: 'prepend step', replaceFn: 'replace fn', replaceInvariant: 'replace invariant', removeInvariant: 'remove invariant', replaceType: 'replace type',
    removeStep: 'remove step',
    replaceProperty: 'replace property', removeProperty: 'remove property',
  };
  return spec.decls.flatMap((d) => {
    const w = what[d.kind];
    return w === undefined ? [] : [diag('KLP5006', d.span, { what: w })];
  });
}

// Command-line problems first, then by file (top file first) and position.
function sortDiagnostics(diags: readonly Diagnostic[], chain: readonly SpecFile[]): Diagnostic[] {
  const rank = (file: string) => {
    const i = chain.findIndex((s) => s.file === file);
    return file === COMMAND_LINE.file ? -1 : i < 0 ? chain.length : i;
  };
  return [...diags].sort((a, b) => rank(a.span.file) - rank(b.span.file) || a.span.start - b.span.start);
}
