// The interface between a generated explorer module and the runtime. The generated code knows
// the spec (layout, steps, properties); the runtime owns the search. Mirrors Stateright's Model:
// initial states, successors, properties, so search strategies never know which spec they run.
//
// States exist in two forms: unpacked, one Int32 "slot" per scalar leaf (what step functions
// read and write), and packed, `words` Int32 words of bit fields (what is stored and hashed).
// Unpacked leaves beyond a sequence's length are always 0, so equal states pack equally.

import type { DecodedState } from './value.js';

// What the generated successor functions report to. `next` (passed to init/successors) holds
// the successor when `emit` is called; the sink must copy what it keeps before returning.
export interface Sink {
  emit(step: number): void;
  // A spec error or a failed assert while running `step` (-1 during initialisation) from the
  // current state: `site` indexes ModelMeta.sites; `value` is the offending value, if any.
  fail(step: number, site: number, value: number): void;
}

export interface SourceLoc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface InstanceMeta {
  readonly name: string; // `loader`, `patcher[2]`
  readonly process: string;
}

// Weak (TLA+ WF) or strong (SF) fairness of a step, or none.
export type Fairness = 'unfair' | 'weak' | 'strong';

export interface StepMeta {
  readonly instance: number;
  readonly label: string;
  readonly loc: SourceLoc;
  readonly fairness: Fairness;
}

export interface PropertyMeta {
  readonly name: string;
  readonly loc: SourceLoc;
}

// A temporal property (docs/language.md, "Temporal properties"), checked once per instance: the
// values of its outer `forall`s (`t = 2`; the empty string when there are none). p and q index
// CompiledModel.predicates; q is -1 except for `leadsto`.
export type TemporalForm = 'always' | 'eventually' | 'leadsto' | 'alwaysEventually' | 'eventuallyAlways';

export interface TemporalMeta {
  readonly name: string;
  readonly loc: SourceLoc;
  readonly form: TemporalForm;
  readonly text: { readonly p: string; readonly q?: string }; // the predicates as written
  readonly instances: readonly { readonly label: string; readonly p: number; readonly q: number }[];
}

// A place in the spec where a step can fail: an assert, or a spec error (domain, index, ...).
export interface SiteMeta {
  readonly kind: 'assert' | 'domain' | 'index' | 'unwrap' | 'empty' | 'divzero' | 'unlock' | 'relock' | 'instance';
  readonly message: string; // e.g. "value outside 0..3 assigning to counter" or the assert message
  readonly loc: SourceLoc;
  readonly name?: string; // a named assert (`assert Name: cond`): the property it reports as
}

// How the symmetric types of a spec act on its unpacked states (compiler/symmetry.ts builds it,
// runtime/symmetry.ts applies it). A group element is one permutation per group (any
// permutation, or a rotation for a ring) of its values' indexes 0..size-1. Per slot, as flat
// arrays: the coordinates that move it (the slot lies in block `index` of a structure indexed
// by the group, blocks `stride` slots apart: process instances, maps keyed by the group), what
// its value is, and the guards under which a symmetric value is live (not the canonical 0 of a
// sequence element past the length or of none's inner value).
export interface SymmetryMeta {
  readonly groups: readonly { readonly name: string; readonly size: number; readonly ring: boolean }[];
  readonly coordStart: readonly number[]; // slots + 1 offsets into coordGroup/Index/Stride
  readonly coordGroup: readonly number[];
  readonly coordIndex: readonly number[];
  readonly coordStride: readonly number[];
  // per slot: 0 plain, 1 a symmetric value (group, lo), 2 the first word of a set of symmetric
  // values (group, lo = its word count), 3 a later word of such a set, 4 a lock's owner
  readonly kind: readonly number[];
  readonly group: readonly number[];
  readonly lo: readonly number[];
  readonly guardStart: readonly number[]; // slots + 1 offsets: live when state[guardSlot] > guardAbove
  readonly guardSlot: readonly number[];
  readonly guardAbove: readonly number[];
  // processes whose parameter is symmetric: their instances and steps move with the group
  readonly processes: readonly {
    readonly group: number;
    readonly firstInstance: number;
    readonly instances: number;
    readonly firstStep: number;
    readonly labels: number;
  }[];
}

export interface ModelMeta {
  readonly name: string;
  readonly instances: readonly InstanceMeta[];
  readonly steps: readonly StepMeta[];
  readonly invariants: readonly PropertyMeta[];
  readonly properties: readonly TemporalMeta[];
  readonly sites: readonly SiteMeta[];
  readonly vars: readonly string[]; // shared variables and locks, in decode order
  readonly symmetry?: SymmetryMeta; // when the spec declares symmetric types
}

export interface CompiledModel {
  readonly meta: ModelMeta;
  readonly slots: number; // unpacked state length
  readonly words: number; // packed state length
  // Writes each initial state into `next` and emits it with step -1.
  init(next: Int32Array, sink: Sink): void;
  // Emits every transition of every instance from `cur`, in a fixed order (instance, then step,
  // then nondeterministic choice), writing each successor into `next`. Never modifies `cur`.
  successors(cur: Int32Array, next: Int32Array, sink: Sink): void;
  // invariants[i](s) is true when invariant i holds in unpacked state s.
  readonly invariants: readonly ((s: Int32Array) => boolean)[];
  // The state predicates of the temporal properties: 1 true, 0 false, or -1 - site when
  // evaluating it fails at that site (then the property is not defined in this state).
  readonly predicates: readonly ((s: Int32Array) => number)[];
  // true when every instance is done (a state with no successors is then not a deadlock).
  allDone(s: Int32Array): boolean;
  pack(src: Int32Array, dst: Int32Array, off: number): void;
  unpack(src: Int32Array, off: number, dst: Int32Array): void;
  decode(s: Int32Array): DecodedState;
}
