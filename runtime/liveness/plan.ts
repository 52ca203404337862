// What the liveness analysis needs to know about a model before the search, as flat tables:
// the fairness units (an instance's weak steps form one unit, its strong steps another), which
// unit each step belongs to, and one check per instance of each chosen temporal property, with
// the bit each of its predicates gets in a node's label. A node's label is `words` Int32 words:
// one bit per unit (its step is enabled there), then one bit per predicate (it holds there).
//
// Per-instance units suffice for per-step fairness: a step is enabled only at its own label, so
// on a cycle where an instance never moves its pc is constant, and which of its steps the cycle
// keeps enabled is decided by that one label (docs/language.md, "Fairness").

import type { ModelMeta, TemporalForm } from '../model.js';

export interface Check {
  readonly property: number; // index into ModelMeta.properties
  readonly label: string; // the instance, `t = 2`
  readonly form: TemporalForm;
  readonly p: number; // predicate index (CompiledModel.predicates)
  readonly q: number; // -1 unless leadsto
  readonly pBit: number; // label bit of p
  readonly qBit: number;
}

export interface LivenessPlan {
  readonly unitCount: number;
  readonly unitWords: number; // the first words of a label: unit bits
  readonly words: number; // per node
  readonly stepUnit: Int32Array; // step -> unit, -1 for an unfair step
  readonly stepInstance: Int32Array;
  // step -> the unit bits of its instance (unitWords words at step * unitWords): taking the
  // step counts for every unit of the instance that takes it
  readonly stepUnits: Int32Array;
  readonly unitStrong: readonly boolean[];
  readonly unitInstance: readonly number[];
  readonly predicates: readonly number[]; // predicate index of each predicate bit
  readonly properties: readonly number[]; // the chosen ones (ModelMeta.properties indexes)
  readonly checks: readonly Check[];
}

// `only`: property names to check (validated by the caller); default all.
export function planLiveness(meta: ModelMeta, only?: readonly string[]): LivenessPlan {
  const unitOf = new Map<string, number>();
  const unitStrong: boolean[] = [];
  const unitInstance: number[] = [];
  const instanceUnits: number[][] = meta.instances.map(() => []);
  const stepUnit = new Int32Array(meta.steps.length).fill(-1);
  meta.steps.forEach((s, i) => {
    if (s.fairness === 'unfair') return;
    const key = `${s.instance} ${s.fairness}`;
    if (!unitOf.has(key)) {
      unitOf.set(key, unitStrong.length);
      instanceUnits[s.instance]!.push(unitStrong.length);
      unitStrong.push(s.fairness === 'strong');
      unitInstance.push(s.instance);
    }
    stepUnit[i] = unitOf.get(key)!;
  });
  const unitCount = unitStrong.length;
  const predicates: number[] = [];
  const bitOf = (predicate: number): number => {
    if (predicate < 0) return -1;
    predicates.push(predicate);
    return unitCount + predicates.length - 1;
  };
  const checks: Check[] = [];
  const properties: number[] = [];
  meta.properties.forEach((prop, property) => {
    if (only !== undefined && !only.includes(prop.name)) return;
    properties.push(property);
    for (const inst of prop.instances) {
      checks.push({ property, label: inst.label, form: prop.form, p: inst.p, q: inst.q, pBit: bitOf(inst.p), qBit: bitOf(inst.q) });
    }
  });
  const stepInstance = Int32Array.from(meta.steps, (s) => s.instance);
  const unitWords = Math.ceil(unitCount / 32);
  const words = Math.ceil((unitCount + predicates.length) / 32);
  const stepUnits = new Int32Array(meta.steps.length * unitWords);
  meta.steps.forEach((s, i) => {
    for (const u of instanceUnits[s.instance]!) stepUnits[i * unitWords + (u >>> 5)]! |= 1 << (u & 31);
  });
  return { unitCount, unitWords, words, stepUnit, stepInstance, stepUnits, unitStrong, unitInstance, predicates, properties, checks };
}

// Whether label bit `bit` is set in the label that starts at labels[off].
export function hasBit(labels: Int32Array, off: number, bit: number): boolean {
  return (labels[off + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
}
