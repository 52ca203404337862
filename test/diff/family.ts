// The shipped livepatch family (specs/klp) loaded, compiled and diffed with the default view, for
// the family tests; each spec is compiled once per test run. Also small accessors for the
// decoded values the tests look into (ITF-shaped maps and options).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../compiler/build.js';
import { diffModels, type DiffResult } from '../../diff/diff.js';
import { defaultView, type ViewSide } from '../../diff/view.js';
import { loadProgram } from '../../lang/load.js';
import { searchWithProperties } from '../../runtime/temporal-search.js';
import type { CompiledModel } from '../../runtime/model.js';
import type { Value } from '../../runtime/value.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const specPath = (name: string) => path.join(repoRoot, 'specs/klp', `${name}.klp`);

export type Spec = ViewSide & { readonly model: CompiledModel };

const compiled = new Map<string, Promise<Spec>>();
export function spec(name: string): Promise<Spec> {
  if (!compiled.has(name)) {
    compiled.set(name, (async () => {
      const { program, diagnostics } = loadProgram(specPath(name));
      if (program === undefined) throw new Error(`${name}: ${diagnostics.map((d) => d.message).join('; ')}`);
      const model = await buildModel(program);
      return { name, program, meta: model.meta, model };
    })());
  }
  return compiled.get(name)!;
}

export async function diffFamily(a: string, b: string): Promise<{ d: DiffResult; a: Spec; b: Spec }> {
  const [sa, sb] = [await spec(a), await spec(b)];
  const names: [string, string] = a === b ? [`${a} (A)`, `${b} (B)`] : [a, b];
  const d = await diffModels({ name: names[0], model: sa.model }, { name: names[1], model: sb.model }, {
    view: defaultView({ ...sa, name: names[0] }, { ...sb, name: names[1] }),
    explore: searchWithProperties, // as klpc diff does: temporal properties too
    exploreOptions: { deadlock: true },
  });
  return { d, a: sa, b: sb };
}

// m[k] of an ITF map, and the inner value of an option (undefined for none).
export function at(m: Value | undefined, key: Value): Value | undefined {
  const entries = (m as { '#map': [Value, Value][] })['#map'];
  return entries.find(([k]) => JSON.stringify(k) === JSON.stringify(key))?.[1];
}

export function some(o: Value | undefined): Value | undefined {
  const opt = o as { tag: string; value: Value };
  return opt.tag === 'Some' ? opt.value : undefined;
}

// obj[p][obj_M].mod in a decoded state: the module patch p's object for M is bound to.
export const boundModule = (state: Readonly<Record<string, Value>>, p: number) =>
  some((at(at(state['obj'], p), 'obj_M') as { mod: Value }).mod);
