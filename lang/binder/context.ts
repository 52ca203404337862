// The binder's shared state. `Globals` is the table of top-level names, filled by the collection
// pass and then by the resolution of constants, types and signatures. `Cx` is the context of one
// unit being bound (an initializer, function, step, invariant or property): what it may read, the bound
// names in scope and its binding-id counter.

import type * as ast from '../ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Binding, Expr } from '../program.js';
import type { Span } from '../span.js';
import type { Type } from '../types.js';
import type { Exact } from './fold.js';
import { ERR } from './typeops.js';

export type GlobalSym =
  | { readonly kind: 'const'; readonly decl: ast.Decl & { kind: 'const' } }
  | { readonly kind: 'enum'; readonly decl: ast.Decl & { kind: 'enum' }; readonly type: Type }
  | { readonly kind: 'member'; readonly ident: ast.Ident; readonly type: Type; readonly ordinal: number }
  | { readonly kind: 'type'; readonly decl: ast.Decl & { kind: 'type' } }
  | { readonly kind: 'var'; readonly decl: ast.VarDecl; readonly index: number }
  | { readonly kind: 'lock'; readonly decl: ast.Decl & { kind: 'lock' }; readonly index: number }
  | { readonly kind: 'fn'; readonly decl: ast.FnDecl; readonly index: number }
  | { readonly kind: 'process'; readonly decl: ast.ProcessDecl; readonly index: number };

export interface FnSig {
  readonly params: readonly Type[];
  readonly result: Type;
}

export interface ProcInfo {
  readonly index: number;
  readonly decl: ast.ProcessDecl;
  readonly paramType: Type | undefined;
  readonly labels: readonly ast.Ident[];
  readonly fairness: readonly ast.Fairness[]; // per label: its own, else the process's
  readonly locals: ReadonlyMap<string, { readonly index: number; readonly type: Type; readonly decl: ast.VarDecl }>; // in index order
  readonly structureOk: boolean; // steps are only extracted from a well-formed body
}

export interface Globals {
  readonly names: Map<string, GlobalSym>;
  readonly consts: Map<string, { readonly value: number; readonly type: Type }>;
  readonly types: Map<string, Type>; // resolved aliases and enums
  readonly varTypes: Type[];
  readonly fnSigs: FnSig[];
  readonly procs: ProcInfo[];
  readonly varReads: Set<number>; // indexes of the shared variables some expression reads
  readonly statefulFns: Set<string>; // functions that read the state (not callable from initializers)
  readonly folds: WeakMap<ast.Expr, Exact | null>; // constant-part.ts: each AST node is folded once
  readonly sources: ReadonlyMap<string, string>;
}

// 'invariant' also covers a property's state predicates; 'domain': what a property's outer
// `forall` ranges over (constants only).
export type Mode = 'init' | 'localInit' | 'fn' | 'step' | 'invariant' | 'domain';

export interface Scope {
  readonly binding: Binding;
  readonly parent: Scope | undefined;
}

export interface Cx {
  readonly g: Globals;
  readonly diags: Diagnostic[];
  readonly mode: Mode;
  readonly proc: ProcInfo | undefined;
  readonly fnName: string | undefined;
  readonly scope: Scope | undefined;
  readonly ids: { next: number };
}

export function unitCx(g: Globals, diags: Diagnostic[], mode: Mode, proc?: ProcInfo, fnName?: string): Cx {
  // inside a process the parameter's binding has id 0, so the unit's own ids start at 1
  return { g, diags, mode, proc, fnName, scope: undefined, ids: { next: proc ? 1 : 0 } };
}

// A new binding for `name` and the context with it in scope.
export function withBinding(cx: Cx, name: string, type: Type): { cx: Cx; binding: Binding } {
  const binding: Binding = { id: cx.ids.next++, name, type };
  return { cx: { ...cx, scope: { binding, parent: cx.scope } }, binding };
}

export function lookupBound(cx: Cx, name: string): Binding | undefined {
  for (let s = cx.scope; s; s = s.parent) if (s.binding.name === name) return s.binding;
  return undefined;
}

export function boundNames(cx: Cx): string[] {
  const out: string[] = [];
  for (let s = cx.scope; s; s = s.parent) out.push(s.binding.name);
  return out;
}

// The stand-in for an expression that already produced a diagnostic.
export function poison(span: Span): Expr {
  return { kind: 'lit', value: 0, type: ERR, span };
}

export function sourceText(g: Globals, span: Span): string {
  return g.sources.get(span.file)?.slice(span.start, span.end) ?? '';
}
