// The typed program: the binder's output and the single input of both the compiler and the
// reference interpreter. Every name is resolved to an index, every expression carries its type,
// constants are folded to literals, variants are merged, and process bodies are cut into steps:
// each step is a label-free statement tree whose every path ends in a `goto`.
//
// Conventions: scalar values are numbers (bool 0/1, int, enum ordinal). A `fit` node is the only
// place a value is checked against a narrower type; the binder inserts one wherever a value flows
// into a slot whose type does not statically contain it (assignment, argument, result).

import type { Fairness } from './ast.js';
import type { Span } from './span.js';
import type { Type } from './types.js';

export interface Program {
  readonly name: string; // the spec's file name without extension
  readonly files: readonly string[]; // the spec file and the files it varies, base last
  readonly constants: readonly { readonly name: string; readonly value: number; readonly type: Type }[];
  readonly vars: readonly StateVar[];
  readonly locks: readonly { readonly name: string; readonly span: Span }[];
  readonly fns: readonly Fn[];
  readonly processes: readonly Process[];
  readonly invariants: readonly Invariant[];
  readonly properties: readonly Property[];
}

export interface StateVar {
  readonly name: string;
  readonly type: Type;
  readonly init: Init;
  readonly span: Span;
}

// `= e`: one value (already fitted to the type); `in S`: one initial state per element of the
// set S, whose element type the binder has proven to fit the variable's type.
export type Init =
  | { readonly kind: 'value'; readonly expr: Expr }
  | { readonly kind: 'oneOf'; readonly set: Expr };

export interface Binding {
  readonly id: number; // unique within the enclosing fn, step, invariant or initializer
  readonly name: string;
  readonly type: Type;
}

export interface Fn {
  readonly name: string;
  readonly params: readonly Binding[];
  readonly result: Type;
  readonly body: Expr; // already fitted to `result`
  readonly span: Span;
}

export interface Process {
  readonly name: string;
  readonly param: Binding | undefined;
  // one instance per value of the parameter's type, ascending; [0] for an unparameterized process
  readonly instances: readonly number[];
  readonly firstInstance: number; // global index of instances[0]; instance ids are global and dense
  readonly locals: readonly StateVar[]; // per instance; init may read `self`/the parameter
  // pc value = index; `done` = labels.length. fairness: of the step at the label (TLA+ WF/SF)
  readonly labels: readonly { readonly name: string; readonly fairness: Fairness; readonly span: Span }[];
  readonly steps: readonly Step[]; // steps[i] starts at labels[i]
  readonly span: Span;
}

export interface Step {
  readonly label: number;
  readonly body: readonly Stmt[];
}

export interface Invariant {
  readonly name: string;
  readonly expr: Expr;
  readonly span: Span;
}

// A temporal property, in one of the forms the checker supports (docs/language.md, "Temporal
// properties"): `always p`, `eventually p`, `p leadsto q`, `always eventually p`,
// `eventually always p`, where p and q are state predicates. `forall` quantifiers outside the
// temporal operators become `binders`: the property is checked once per combination of their
// values (`instances`, outermost binder varying slowest), with p and q reading them as bound.
export type TemporalForm = 'always' | 'eventually' | 'leadsto' | 'alwaysEventually' | 'eventuallyAlways';

export interface Property {
  readonly name: string;
  readonly form: TemporalForm;
  readonly binders: readonly Binding[];
  readonly instances: readonly (readonly number[])[]; // a value per binder (bool 0/1, enum ordinal)
  readonly p: Expr;
  readonly q: Expr | undefined; // `leadsto` only
  readonly text: { readonly p: string; readonly q: string | undefined }; // as written, for messages
  readonly span: Span;
}

// ---- statements (label-free) ----------------------------------------------------------------

export type Stmt =
  | { readonly kind: 'assign'; readonly target: Place; readonly value: Expr; readonly span: Span }
  | { readonly kind: 'await'; readonly cond: Expr; readonly span: Span }
  | { readonly kind: 'lock'; readonly lock: number; readonly span: Span }
  | { readonly kind: 'unlock'; readonly lock: number; readonly span: Span }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[]; readonly span: Span }
  | { readonly kind: 'either'; readonly branches: readonly (readonly Stmt[])[]; readonly span: Span }
  | { readonly kind: 'choose'; readonly binding: Binding; readonly domain: Expr; readonly body: readonly Stmt[]; readonly span: Span }
  // domain: a set (ascending) or a sequence (in order); the body has no goto/either/choose/await/lock
  | { readonly kind: 'for'; readonly binding: Binding; readonly domain: Expr; readonly body: readonly Stmt[]; readonly span: Span }
  // in scope for the rest of the enclosing statement list
  | { readonly kind: 'let'; readonly binding: Binding; readonly value: Expr; readonly span: Span }
  // name: `assert Name: cond` (the property it reports as), else undefined
  | { readonly kind: 'assert'; readonly name: string | undefined; readonly cond: Expr; readonly message: string; readonly span: Span }
  // ends the step: pc := label (labels.length means done); nothing follows it in its list
  | { readonly kind: 'goto'; readonly label: number; readonly span: Span };

// An assignable location: a shared variable or a local of the running instance, then a path.
export interface Place {
  readonly root: { readonly kind: 'var'; readonly index: number } | { readonly kind: 'local'; readonly index: number };
  readonly rootType: Type;
  readonly path: readonly PlaceStep[];
  readonly type: Type; // the type of the location written
}
export type PlaceStep =
  | { readonly kind: 'mapKey'; readonly key: Expr }
  | { readonly kind: 'seqIndex'; readonly index: Expr; readonly span: Span } // spec error when >= len
  | { readonly kind: 'field'; readonly index: number };

// ---- expressions ----------------------------------------------------------------------------

export type Builtin =
  | 'len' | 'append' | 'head' | 'tail' | 'last' | 'pop' | 'contains' | 'remove'
  | 'card' | 'isSome' | 'unwrap' | 'min' | 'max'
  | 'succ' | 'pred'; // the next and previous value of a symmetric ring, wrapping around

export type Op =
  | 'implies' | 'or' | 'and' | 'not'
  | 'eq' | 'ne' // structural, any types the binder found compatible
  | 'lt' | 'le' | 'gt' | 'ge' | 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'neg'
  | 'in' | 'notin' | 'subseteq' | 'union' | 'diff' | 'inter'
  | 'range'; // lo..hi as a set

type E<K extends string, F> = { readonly kind: K; readonly type: Type; readonly span: Span } & F;

export type Expr =
  | E<'lit', { readonly value: number }> // bool 0/1, int, enum ordinal
  | E<'none', {}>
  | E<'var', { readonly index: number }>
  | E<'local', { readonly index: number }> // of the running instance
  | E<'localOf', { readonly process: number; readonly instance: Expr | undefined; readonly index: number }>
  | E<'self', {}> // the running instance's parameter value
  | E<'bound', { readonly id: number; readonly name: string }> // a Binding in scope
  | E<'op', { readonly op: Op; readonly args: readonly Expr[] }>
  | E<'ite', { readonly cond: Expr; readonly then: Expr; readonly else: Expr }>
  | E<'let', { readonly binding: Binding; readonly value: Expr; readonly body: Expr }>
  | E<'quant', { readonly quant: 'forall' | 'exists'; readonly binding: Binding; readonly domain: Expr; readonly body: Expr }>
  | E<'call', { readonly fn: number; readonly args: readonly Expr[] }> // args fitted to params
  | E<'builtin', { readonly name: Builtin; readonly args: readonly Expr[] }>
  | E<'some', { readonly value: Expr }> // also the implicit conversion T -> T?
  | E<'mapGet', { readonly target: Expr; readonly key: Expr }>
  | E<'seqGet', { readonly target: Expr; readonly index: Expr }> // 0-based; spec error when >= len
  | E<'field', { readonly target: Expr; readonly index: number }>
  | E<'mapSet', { readonly target: Expr; readonly key: Expr; readonly value: Expr }>
  | E<'seqSet', { readonly target: Expr; readonly index: Expr; readonly value: Expr }>
  | E<'fieldSet', { readonly target: Expr; readonly index: number; readonly value: Expr }>
  | E<'setLit', { readonly elems: readonly Expr[] }>
  | E<'universe', {}> // every value of type.elem (a finite type used as a set: `forall p in Patch`)
  | E<'setComp', { readonly binding: Binding; readonly domain: Expr; readonly elem: Expr; readonly filter: Expr | undefined }>
  | E<'seqLit', { readonly elems: readonly Expr[] }>
  // the kept elements in domain order (a set ascending, a sequence in order); type.max bounds them
  | E<'seqComp', { readonly binding: Binding; readonly domain: Expr; readonly elem: Expr; readonly filter: Expr | undefined }>
  | E<'mapLit', { readonly binding: Binding; readonly value: Expr }> // key domain = type.key
  | E<'recordLit', { readonly values: readonly Expr[] }> // in the record type's field order
  | E<'at', { readonly process: number; readonly instance: Expr | undefined; readonly label: number }>
  | E<'locked', { readonly lock: number }>
  | E<'holds', { readonly lock: number }> // by the running instance
  // check `value` against `type` (narrower than value.type): a spec error when outside
  | E<'fit', { readonly value: Expr }>;

// Spec errors the generated explorer and the interpreter both report, by kind.
export type SpecErrorKind =
  | 'domain' // a value outside its declared type
  | 'index' // sequence index out of bounds, head/tail/last/pop of an empty sequence
  | 'unwrap' // unwrap(none)
  | 'empty' // min/max of an empty set
  | 'divzero'
  | 'unlock' // unlock of a lock this instance does not own
  | 'relock' // lock of a lock this instance already owns
  | 'instance'; // P[i] with i outside P's instances
