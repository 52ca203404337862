// The pinned results of the shipped livepatch family (specs/klp): for each spec, the verdict of
// every property (for a safety property, the length of the shortest counterexample when
// violated) and the number of distinct states, at each size of a grid of NPATCHES (patches in
// all), NRACING (patches that register while M loads and unloads) and NLOADS (how many times M
// is loaded). Values are klpc's output, checked against the reference checker and liveness
// oracle by klp.test.ts; docs/klp.md shows them as rendered by docs-table.ts.

import assert from 'node:assert/strict';
import type { SearchResult } from '../../runtime/result.js';

export const H = 'holds';
export const V = 'violated'; // a temporal property: its lasso has no "shortest" length to pin
export type Pinned = typeof H | typeof V | number; // or violated with a shortest counterexample of n steps

export interface Size {
  readonly key: string; // '4/2/1': NPATCHES=4, NRACING=2, NLOADS=1
  readonly consts: ReadonlyMap<string, number>;
  readonly large: boolean; // only with KLPC_KLP_LARGE=1
}

function size(npatches: number, nracing: number, nloads: number, large = false): Size {
  const consts = new Map([['NPATCHES', npatches], ['NRACING', nracing], ['NLOADS', nloads]]);
  return { key: `${npatches}/${nracing}/${nloads}`, consts, large };
}

export const DEFAULT = '4/2/1';
export const sizes: readonly Size[] = [
  size(1, 1, 1), size(2, 1, 1), size(4, 1, 1), size(2, 2, 1), size(4, 2, 1), size(2, 1, 2), size(4, 2, 2),
  size(3, 3, 1, true), size(4, 3, 1, true), size(4, 4, 1, true),
];

export const properties = ['StackOrder', 'NoDanglingModule', 'GoingCoverage', 'NoDoubleEnable', 'PatchesRegister', 'AllSettle', 'deadlock'] as const;
export type Property = (typeof properties)[number];

export interface Row {
  readonly spec: string; // file name under specs/klp
  readonly verdicts: Readonly<Record<Property, Pinned>>; // at the default size
  readonly except?: Readonly<Record<string, Partial<Record<Property, Pinned>>>>; // other sizes, where they differ
  readonly distinct: Readonly<Record<string, number>>; // per size key
}

// Race 1 needs an early patch to stack under the racing one: with one patch in all there is no
// order to break, and with none enabled first it takes two racing patches and 7 steps.
const race1Sizes = { '1/1/1': { StackOrder: H }, '2/2/1': { StackOrder: 7 }, '3/3/1': { StackOrder: 7 }, '4/4/1': { StackOrder: 7 } } as const;

export const table: readonly Row[] = [
  {
    spec: 'prefix.klp',
    verdicts: { StackOrder: 5, NoDanglingModule: 11, GoingCoverage: H, NoDoubleEnable: 5, PatchesRegister: H, AllSettle: H, deadlock: H },
    except: race1Sizes,
    distinct: { '1/1/1': 49, '2/1/1': 49, '4/1/1': 49, '2/2/1': 357, '4/2/1': 367, '2/1/2': 104, '4/2/2': 827, '3/3/1': 3383, '4/3/1': 3533, '4/4/1': 38431 },
  },
  {
    spec: 'postfix.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '1/1/1': 33, '2/1/1': 33, '4/1/1': 33, '2/2/1': 165, '4/2/1': 165, '2/1/2': 63, '4/2/2': 315, '3/3/1': 1133, '4/3/1': 1133, '4/4/1': 9735 },
  },
  {
    spec: 'ignore-going.klp',
    verdicts: { StackOrder: 5, NoDanglingModule: H, GoingCoverage: 8, NoDoubleEnable: 5, PatchesRegister: H, AllSettle: H, deadlock: H },
    except: race1Sizes,
    distinct: { '1/1/1': 47, '2/1/1': 47, '4/1/1': 47, '2/2/1': 319, '4/2/1': 329, '2/1/2': 98, '4/2/2': 711, '3/3/1': 2801, '4/3/1': 2975, '4/4/1': 29699 },
  },
  {
    spec: 'removal.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '1/1/1': 107, '2/1/1': 238, '4/1/1': 370, '2/2/1': 823, '4/2/1': 1871, '2/1/2': 468, '4/2/2': 3651, '3/3/1': 7181, '4/3/1': 12134, '4/4/1': 73283 },
  },
  {
    spec: 'load-failure.klp',
    verdicts: { StackOrder: H, NoDanglingModule: 5, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    except: { '1/1/1': { NoDanglingModule: 6 }, '2/2/1': { NoDanglingModule: 6 }, '2/1/2': { NoDoubleEnable: 8 }, '4/2/2': { NoDoubleEnable: 8 }, '3/3/1': { NoDanglingModule: 6 }, '4/4/1': { NoDanglingModule: 6 } },
    distinct: { '1/1/1': 46, '2/1/1': 46, '4/1/1': 46, '2/2/1': 258, '4/2/1': 258, '2/1/2': 131, '4/2/2': 753, '3/3/1': 1970, '4/3/1': 1970, '4/4/1': 18646 },
  },
  {
    spec: 'direct-calls.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, PatchesRegister: H, AllSettle: H, deadlock: H },
    distinct: { '1/1/1': 45, '2/1/1': 45, '4/1/1': 45, '2/2/1': 225, '4/2/1': 225, '2/1/2': 84, '4/2/2': 420, '3/3/1': 1545, '4/3/1': 1545, '4/4/1': 13275 },
  },
  {
    spec: 'init-failure.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: 4, NoDoubleEnable: H, PatchesRegister: V, AllSettle: H, deadlock: H },
    except: { '1/1/1': { GoingCoverage: 6 }, '2/2/1': { GoingCoverage: 6 }, '3/3/1': { GoingCoverage: 6 }, '4/4/1': { GoingCoverage: 6 } },
    distinct: { '1/1/1': 82, '2/1/1': 115, '4/1/1': 181, '2/2/1': 591, '4/2/1': 921, '2/1/2': 225, '4/2/2': 1791, '3/3/1': 5204, '4/3/1': 6337, '4/4/1': 54499 },
  },
];

export function pinned(row: Row, sizeKey: string): Readonly<Record<Property, Pinned>> {
  return { ...row.verdicts, ...row.except?.[sizeKey] };
}

// The search reports exactly the pinned verdicts (and lengths); every property not pinned (an
// assert, spec errors) holds.
export function assertPinned(result: SearchResult, expected: Readonly<Partial<Record<string, Pinned>>>): void {
  assert.equal(result.complete, true);
  for (const p of result.properties) {
    const want = expected[p.name] ?? H;
    const got = p.verdict !== 'violated' ? p.verdict : typeof want === 'number' ? p.trace?.steps.length : V;
    assert.equal(got, want, p.name);
  }
  for (const name of Object.keys(expected)) assert.ok(result.properties.some((p) => p.name === name), `no property ${name}`);
}
