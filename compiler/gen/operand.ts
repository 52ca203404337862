// What lowering an expression yields: a scalar JS expression (booleans are JS booleans, ints and
// enum ordinals numbers), or a reference to a compound value's slots: an Int32Array name and an
// offset expression. References are read-only; compound results are built in scratch buffers.

import type { FnBuilder } from './builder.js';
import type { ModuleGen } from './module.js';

export type Operand =
  | { readonly kind: 'scalar'; readonly js: string }
  | { readonly kind: 'ref'; readonly arr: string; readonly off: string };

export function scalar(js: string): Operand {
  return { kind: 'scalar', js };
}

export function ref(arr: string, off: string | number): Operand {
  return { kind: 'ref', arr, off: String(off) };
}

export function asScalar(o: Operand): string {
  if (o.kind !== 'scalar') throw new Error('internal: expected a scalar operand');
  return o.js;
}

export function asRef(o: Operand): Operand & { kind: 'ref' } {
  if (o.kind !== 'ref') throw new Error('internal: expected a compound operand');
  return o;
}

// `off + k`, folded when both are numbers.
export function addOff(off: string, k: number | string): string {
  if (k === 0 || k === '0') return off;
  if (/^-?\d+$/.test(off) && typeof k === 'number') return String(Number(off) + k);
  return `${off} + ${k}`;
}

// Everything lowering needs about where it runs.
export interface Ctx {
  readonly fb: FnBuilder;
  readonly mod: ModuleGen;
  readonly proc: number | undefined; // running process, if any
  readonly bound: Map<number, Operand>;
  // emits the code for a failure at `site` with offending `value` (JS expr), then aborts
  fail(site: number, value: string): void;
}

// Inside steps: report to the sink and abandon this transition. Inside invariants: the
// invariant is false (it is not defined in this state; see docs/language.md).
export function stepFail(fb: FnBuilder): Ctx['fail'] {
  return (site, value) => fb.line(`sink.fail(stepId, ${site}, ${value}); ${fb.abort}`);
}
export function invariantFail(fb: FnBuilder): Ctx['fail'] {
  return () => fb.line('return false;');
}

// Constant folding: inlined constants and function arguments often make both sides of a
// comparison literal. Folding them keeps the generated code small and free of comparisons
// TypeScript rejects as always-false.
export function literalValue(js: string): number | boolean | undefined {
  if (js === 'true') return true;
  if (js === 'false') return false;
  const m = /^\(?(-?\d+)\)?$/.exec(js);
  return m ? Number(m[1]) : undefined;
}

export function literalJs(v: number | boolean): string {
  return typeof v === 'boolean' ? String(v) : v < 0 ? `(${v})` : String(v);
}
