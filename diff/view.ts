// What `klpc diff` compares states on: a list of decoded-state keys both specs have with the same
// type. By default the shared variables and locks (same name, same type) and the program
// counters of the instances both specs have (`inst.pc`, compared by label name); `--view` picks
// keys by name, process locals (`inst.x`) included. In: both programs and model metadata.
// Out: the View, with what the default left out and why, or why each chosen name cannot be used.

import type { Program } from '../lang/program.js';
import { typeToString, type Type } from '../lang/types.js';
import type { ModelMeta } from '../runtime/model.js';
import { canonicalType } from './canonical.js';

export interface ViewSide {
  readonly name: string; // how reports call the spec
  readonly program: Program;
  readonly meta: ModelMeta;
}

export interface View {
  readonly keys: readonly string[];
  readonly excluded: readonly { readonly key: string; readonly why: string }[];
  // keys whose types match only up to the order of record fields or enum members: their decoded
  // values are compared as canonical text (slower); the others field by field, in order
  readonly reordered: readonly string[];
}

export interface ViewProblem {
  readonly name: string;
  readonly why: string;
  readonly known: readonly string[]; // keys both specs could compare, for a did-you-mean hint
}

type KeyKind = 'var' | 'lock' | 'pc' | 'local';
interface KeyInfo {
  readonly kind: KeyKind;
  readonly type: string; // canonical; a pc compares by label name whatever the labels are
  readonly layout: string; // the type with its orders: equal layouts decode equal values alike
  readonly shown: string; // the type as the spec writes it
}

// Every key of a side's decoded state, in decode order.
function stateKeys(side: ViewSide): Map<string, KeyInfo> {
  const typed = (kind: KeyKind, t: Type): KeyInfo => ({ kind, type: canonicalType(t), layout: JSON.stringify(t), shown: typeToString(t) });
  const keys = new Map<string, KeyInfo>();
  for (const v of side.program.vars) keys.set(v.name, typed('var', v.type));
  for (const l of side.program.locks) keys.set(l.name, { kind: 'lock', type: 'lock', layout: 'lock', shown: 'lock' });
  for (const inst of side.meta.instances) {
    keys.set(`${inst.name}.pc`, { kind: 'pc', type: 'pc', layout: 'pc', shown: 'label' });
    const proc = side.program.processes.find((p) => p.name === inst.process);
    for (const l of proc?.locals ?? []) keys.set(`${inst.name}.${l.name}`, typed('local', l.type));
  }
  return keys;
}

export function defaultView(a: ViewSide, b: ViewSide): View {
  const ka = stateKeys(a);
  const kb = stateKeys(b);
  const keys: string[] = [];
  const excluded: { key: string; why: string }[] = [];
  for (const [key, info] of ka) {
    if (info.kind === 'local') continue;
    const other = kb.get(key);
    if (other === undefined) excluded.push({ key, why: `only in ${a.name}` });
    else if (other.type !== info.type) excluded.push({ key, why: `${info.shown} in ${a.name}, ${other.shown} in ${b.name}` });
    else keys.push(key);
  }
  for (const [key, info] of kb) {
    if (info.kind !== 'local' && !ka.has(key)) excluded.push({ key, why: `only in ${b.name}` });
  }
  return { keys, excluded, reordered: reordered(keys, ka, kb) };
}

function reordered(keys: readonly string[], ka: Map<string, KeyInfo>, kb: Map<string, KeyInfo>): string[] {
  return keys.filter((k) => ka.get(k)!.layout !== kb.get(k)!.layout);
}

// `--view` names, in the order given (duplicates dropped).
export function chosenView(a: ViewSide, b: ViewSide, names: readonly string[]): { view: View; problems: ViewProblem[] } {
  const ka = stateKeys(a);
  const kb = stateKeys(b);
  const known = [...ka.keys()].filter((k) => kb.get(k)?.type === ka.get(k)!.type);
  const problems: ViewProblem[] = [];
  for (const name of new Set(names)) {
    const x = ka.get(name);
    const y = kb.get(name);
    const why =
      x === undefined && y === undefined ? `neither ${a.name} nor ${b.name} has it`
      : x === undefined ? `only ${b.name} has it`
      : y === undefined ? `only ${a.name} has it`
      : x.type !== y.type ? `it is ${x.shown} in ${a.name} but ${y.shown} in ${b.name}`
      : undefined;
    if (why !== undefined) problems.push({ name, why, known });
  }
  const keys = [...new Set(names)];
  return { view: { keys, excluded: [], reordered: problems.length > 0 ? [] : reordered(keys, ka, kb) }, problems };
}
