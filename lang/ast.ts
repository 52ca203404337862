// The untyped syntax tree: what the parser's CST visitor produces and the binder consumes.
// Plain data only (no classes, no methods); every node carries the span of its source text so
// later stages can report diagnostics against it. Names are still strings here: resolution
// happens in the binder.

import type { Span } from './span.js';

export interface Ident {
  readonly name: string;
  readonly span: Span;
}

// ---- types -------------------------------------------------------------------------------

export type TypeExpr =
  | { readonly kind: 'bool'; readonly span: Span }
  | { readonly kind: 'int'; readonly span: Span }
  | { readonly kind: 'range'; readonly lo: Expr; readonly hi: Expr; readonly span: Span }
  | { readonly kind: 'named'; readonly name: Ident; readonly span: Span }
  | { readonly kind: 'record'; readonly fields: readonly FieldType[]; readonly span: Span }
  | { readonly kind: 'set'; readonly elem: TypeExpr; readonly span: Span }
  | { readonly kind: 'seq'; readonly elem: TypeExpr; readonly max: Expr; readonly span: Span }
  | { readonly kind: 'map'; readonly key: TypeExpr; readonly value: TypeExpr; readonly span: Span }
  | { readonly kind: 'option'; readonly inner: TypeExpr; readonly span: Span }
  // `symmetric [ring] lo..hi`: interchangeable values (any permutation, or rotations of a ring)
  | { readonly kind: 'symmetric'; readonly ring: boolean; readonly lo: Expr; readonly hi: Expr; readonly span: Span };

export interface FieldType {
  readonly name: Ident;
  readonly type: TypeExpr;
}

// ---- expressions -------------------------------------------------------------------------

export type BinaryOp =
  | '=>' | 'or' | 'and'
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'notin' | 'subseteq'
  | '..' | 'union' | 'diff' | 'inter'
  | '+' | '-' | '*' | '/' | '%';

export type UnaryOp = 'not' | '-';

export type Expr =
  | { readonly kind: 'int'; readonly value: number; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'none'; readonly span: Span }
  | { readonly kind: 'self'; readonly span: Span }
  | { readonly kind: 'name'; readonly name: Ident; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'ite'; readonly cond: Expr; readonly then: Expr; readonly else: Expr; readonly span: Span }
  | { readonly kind: 'let'; readonly name: Ident; readonly value: Expr; readonly body: Expr; readonly span: Span }
  | { readonly kind: 'quant'; readonly quant: 'forall' | 'exists'; readonly binder: Ident; readonly domain: Expr; readonly body: Expr; readonly span: Span }
  // `callee(args)`: a user function, a built-in (len, append, ...) or `some(e)`; resolved by the binder
  | { readonly kind: 'call'; readonly callee: Ident; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'index'; readonly target: Expr; readonly index: Expr; readonly span: Span }
  | { readonly kind: 'field'; readonly target: Expr; readonly field: Ident; readonly span: Span }
  | { readonly kind: 'withIndex'; readonly target: Expr; readonly index: Expr; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'withField'; readonly target: Expr; readonly field: Ident; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'setLit'; readonly elems: readonly Expr[]; readonly span: Span }
  // `{ elem for binder in domain if filter }`
  | { readonly kind: 'setComp'; readonly elem: Expr; readonly binder: Ident; readonly domain: Expr; readonly filter: Expr | undefined; readonly span: Span }
  | { readonly kind: 'seqLit'; readonly elems: readonly Expr[]; readonly span: Span }
  // `[ elem for binder in domain if filter ]`: domain is a set (ascending) or a sequence (in order)
  | { readonly kind: 'seqComp'; readonly elem: Expr; readonly binder: Ident; readonly domain: Expr; readonly filter: Expr | undefined; readonly span: Span }
  // `[binder in domain |-> value]`: domain is a type expression (K of Map[K, V])
  | { readonly kind: 'mapLit'; readonly binder: Ident; readonly domain: TypeExpr; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'recordLit'; readonly fields: readonly FieldInit[]; readonly span: Span }
  // `proc@label` / `proc[instance]@label`
  | { readonly kind: 'at'; readonly process: Ident; readonly instance: Expr | undefined; readonly label: Ident; readonly span: Span }
  // `proc[instance].local` (or `proc.local` for an unparameterized process)
  | { readonly kind: 'localOf'; readonly process: Ident; readonly instance: Expr | undefined; readonly local: Ident; readonly span: Span }
  // temporal operators: the parser accepts them in any expression, the binder only in a property
  | { readonly kind: 'temporal'; readonly op: 'always' | 'eventually'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'leadsto'; readonly left: Expr; readonly right: Expr; readonly span: Span };

export interface FieldInit {
  readonly name: Ident;
  readonly value: Expr;
}

// ---- statements --------------------------------------------------------------------------

// An assignable path: a variable or local, then fields and indexes.
export interface LValue {
  readonly root: Ident;
  readonly path: readonly LValueStep[];
  readonly span: Span;
}
export type LValueStep =
  | { readonly kind: 'index'; readonly index: Expr; readonly span: Span }
  | { readonly kind: 'field'; readonly field: Ident; readonly span: Span };

// Weak (TLA+ WF) or strong (SF) fairness of a process's steps, or none.
export type Fairness = 'unfair' | 'weak' | 'strong';

export type Stmt =
  // `fairness`: the label's own (`fair L:`, `strong fair L:`, `unfair L:`), else the process's
  | { readonly kind: 'label'; readonly name: Ident; readonly fairness: Fairness | undefined; readonly span: Span }
  | { readonly kind: 'assign'; readonly target: LValue; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'await'; readonly cond: Expr; readonly span: Span }
  | { readonly kind: 'lock'; readonly lock: Ident; readonly span: Span }
  | { readonly kind: 'unlock'; readonly lock: Ident; readonly span: Span }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: Block; readonly else: Block | undefined; readonly span: Span }
  | { readonly kind: 'while'; readonly cond: Expr; readonly body: Block; readonly span: Span }
  | { readonly kind: 'goto'; readonly target: Ident; readonly span: Span }
  | { readonly kind: 'either'; readonly branches: readonly Block[]; readonly span: Span }
  | { readonly kind: 'choose'; readonly binder: Ident; readonly domain: Expr; readonly body: Block; readonly span: Span }
  | { readonly kind: 'for'; readonly binder: Ident; readonly domain: Expr; readonly body: Block; readonly span: Span }
  | { readonly kind: 'let'; readonly name: Ident; readonly value: Expr; readonly span: Span }
  // `assert Name: cond`: the name of the property it reports as (undefined: `assert <file>:<line>`)
  | { readonly kind: 'assert'; readonly name: Ident | undefined; readonly cond: Expr; readonly message: string | undefined; readonly span: Span }
  | { readonly kind: 'skip'; readonly span: Span };

// `else if` is represented as an else block holding a single `if`.
export interface Block {
  readonly stmts: readonly Stmt[];
  readonly span: Span;
}

// ---- declarations ------------------------------------------------------------------------

export interface Param {
  readonly name: Ident;
  readonly type: TypeExpr;
}

export interface TypeDecl {
  readonly kind: 'type';
  readonly name: Ident;
  readonly type: TypeExpr;
  readonly span: Span;
}

export interface VarDecl {
  readonly kind: 'var';
  readonly name: Ident;
  readonly type: TypeExpr;
  // `= e` (one value) or `in S` (one initial state per element of S)
  readonly init: { readonly kind: 'value' | 'oneOf'; readonly expr: Expr };
  readonly span: Span;
}

export type Decl =
  | { readonly kind: 'const'; readonly name: Ident; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'enum'; readonly name: Ident; readonly members: readonly Ident[]; readonly span: Span }
  | TypeDecl
  | VarDecl
  | { readonly kind: 'lock'; readonly name: Ident; readonly span: Span }
  | FnDecl
  | ProcessDecl
  | InvariantDecl
  | PropertyDecl
  // variant-only declarations
  | { readonly kind: 'replaceStep'; readonly process: Ident; readonly label: Ident; readonly body: Block; readonly span: Span }
  // `prepend step P.L { ... }`: statements inserted right after label L, at the start of its step
  | { readonly kind: 'prependStep'; readonly process: Ident; readonly label: Ident; readonly body: Block; readonly span: Span }
  | { readonly kind: 'replaceFn'; readonly fn: FnDecl; readonly span: Span }
  | { readonly kind: 'replaceInvariant'; readonly invariant: InvariantDecl; readonly span: Span }
  // `replace type T = ...`: e.g. make a base's Thread `symmetric` in a variant
  | { readonly kind: 'replaceType'; readonly type: TypeDecl; readonly span: Span }
  | { readonly kind: 'removeInvariant'; readonly name: Ident; readonly span: Span }
  // `remove step P.L`: the label L and its statements, up to the next label, are deleted
  | { readonly kind: 'removeStep'; readonly process: Ident; readonly label: Ident; readonly span: Span }
  | { readonly kind: 'replaceProperty'; readonly property: PropertyDecl; readonly span: Span }
  | { readonly kind: 'removeProperty'; readonly name: Ident; readonly span: Span };

export interface FnDecl {
  readonly kind: 'fn';
  readonly name: Ident;
  readonly params: readonly Param[];
  readonly result: TypeExpr;
  readonly body: Expr;
  readonly span: Span;
}

export interface ProcessDecl {
  readonly kind: 'process';
  readonly name: Ident;
  readonly fairness: Fairness; // `fair process`, `strong fair process`: the default of its labels
  readonly param: Param | undefined;
  readonly locals: readonly VarDecl[];
  readonly body: Block;
  readonly span: Span;
}

export interface InvariantDecl {
  readonly kind: 'invariant';
  readonly name: Ident;
  readonly expr: Expr;
  readonly span: Span;
}

// `property Name: formula`: a temporal formula (the binder checks its shape).
export interface PropertyDecl {
  readonly kind: 'property';
  readonly name: Ident;
  readonly formula: Expr;
  readonly span: Span;
}

export interface SpecFile {
  readonly file: string;
  // `variant of "path"`: the path as written, and its span
  readonly variantOf: { readonly path: string; readonly span: Span } | undefined;
  readonly decls: readonly Decl[];
}
