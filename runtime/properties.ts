// Which properties a search checks, from a model's metadata and the search options: the chosen
// invariants (in declaration order), `deadlock` when enabled, one property per assert name
// (`assert Name: cond`) or unnamed assert line (`assert <file>:<line>`), and one `spec errors`
// property for all the other failure sites. Also turns a
// failure (site, value) into the message a trace shows.
//
// Value convention for Sink.fail(step, site, value): NaN means "no offending value" (every
// Int32 is a possible spec value, so no number can mean that). A site message may contain
// `{value}`, replaced by the value; a value and no placeholder appends ` (got N)`.

import type { ModelMeta, SiteMeta } from './model.js';
import type { PropertyKind } from './result.js';

export interface PropertyPlan {
  readonly names: readonly string[];
  readonly kinds: readonly PropertyKind[];
  // checked invariants: index into CompiledModel.invariants, and their property index
  readonly invariants: readonly { readonly invariant: number; readonly property: number }[];
  readonly deadlock: number; // property index, -1 when deadlocks are not checked
  readonly siteProperty: Int32Array; // site index -> property index
}

export function planProperties(meta: ModelMeta, deadlock: boolean, only?: readonly string[]): PropertyPlan {
  const names: string[] = [];
  const kinds: PropertyKind[] = [];
  const add = (name: string, kind: PropertyKind): number => {
    names.push(name);
    kinds.push(kind);
    return names.length - 1;
  };
  const invariants = chosenInvariants(meta, only).map((invariant) => ({
    invariant,
    property: add(meta.invariants[invariant]!.name, 'invariant'),
  }));
  const deadlockProperty = deadlock ? add('deadlock', 'deadlock') : -1;
  // asserts with one name, or unnamed on one line, share a property (its name has no column)
  const assertLines = new Map<string, number>();
  const siteProperty = new Int32Array(meta.sites.length);
  meta.sites.forEach((site, i) => {
    if (site.kind !== 'assert') return;
    const name = site.name ?? `assert ${site.loc.file}:${site.loc.line}`;
    if (!assertLines.has(name)) assertLines.set(name, add(name, 'assert'));
    siteProperty[i] = assertLines.get(name)!;
  });
  const specErrors = add('spec errors', 'specError');
  meta.sites.forEach((site, i) => {
    if (site.kind !== 'assert') siteProperty[i] = specErrors;
  });
  return { names, kinds, invariants, deadlock: deadlockProperty, siteProperty };
}

// Unknown names are a caller bug: the CLI validates user input against meta.invariants first.
function chosenInvariants(meta: ModelMeta, only: readonly string[] | undefined): number[] {
  const all = meta.invariants.map((_, i) => i);
  if (only === undefined) return all;
  for (const name of only) {
    if (!meta.invariants.some((inv) => inv.name === name)) throw new Error(`no invariant named '${name}'`);
  }
  return all.filter((i) => only.includes(meta.invariants[i]!.name));
}

export function failureMessage(site: SiteMeta, value: number): string {
  if (Number.isNaN(value)) return site.message;
  if (site.message.includes('{value}')) return site.message.replaceAll('{value}', String(value));
  return `${site.message} (got ${value})`;
}
