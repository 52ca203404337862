// The pinned results of the shipped livepatch family (specs/klp): for each spec, the verdict of
// every property (the length of the shortest counterexample when violated) and the number of
// distinct states, at each size of a grid of NPATCHES (patches in all) and NRACING (patches that
// register while M loads and unloads). Values are klpc's output, checked against the reference
// checker by klp.test.ts; docs/klp.md shows them as rendered by docs-table.ts.

export const H = 'holds';
export type Pinned = typeof H | number; // holds, or violated with a shortest counterexample of n steps

export interface Size {
  readonly key: string; // '4/2': NPATCHES=4, NRACING=2
  readonly consts: ReadonlyMap<string, number>;
  readonly large: boolean; // only with KLPC_KLP_LARGE=1
}

function size(npatches: number, nracing: number, large = false): Size {
  return { key: `${npatches}/${nracing}`, consts: new Map([['NPATCHES', npatches], ['NRACING', nracing]]), large };
}

export const DEFAULT = '4/2';
export const sizes: readonly Size[] = [
  size(1, 1), size(2, 1), size(4, 1), size(2, 2), size(4, 2), size(3, 3, true), size(4, 3, true), size(4, 4, true),
];

export const properties = ['StackOrder', 'NoDanglingModule', 'GoingCoverage', 'NoDoubleEnable', 'deadlock'] as const;
export type Property = (typeof properties)[number];

export interface Row {
  readonly spec: string; // file name under specs/klp
  readonly verdicts: Readonly<Record<Property, Pinned>>; // at the default size
  readonly except?: Readonly<Record<string, Partial<Record<Property, Pinned>>>>; // other sizes, where they differ
  readonly distinct: Readonly<Record<string, number>>; // per size key
}

// Race 1 needs an early patch to stack under the racing one: with one patch in all there is no
// order to break, and with none enabled first it takes two racing patches and 7 steps.
const race1Sizes = { '1/1': { StackOrder: H }, '2/2': { StackOrder: 7 }, '3/3': { StackOrder: 7 }, '4/4': { StackOrder: 7 } } as const;

export const table: readonly Row[] = [
  {
    spec: 'prefix.klp',
    verdicts: { StackOrder: 5, NoDanglingModule: 11, GoingCoverage: H, NoDoubleEnable: 5, deadlock: H },
    except: race1Sizes,
    distinct: { '1/1': 49, '2/1': 49, '4/1': 49, '2/2': 357, '4/2': 367, '3/3': 3383, '4/3': 3533, '4/4': 38431 },
  },
  {
    spec: 'postfix.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { '1/1': 33, '2/1': 33, '4/1': 33, '2/2': 165, '4/2': 165, '3/3': 1133, '4/3': 1133, '4/4': 9735 },
  },
  {
    spec: 'ignore-going.klp',
    verdicts: { StackOrder: 5, NoDanglingModule: H, GoingCoverage: 8, NoDoubleEnable: 5, deadlock: H },
    except: race1Sizes,
    distinct: { '1/1': 47, '2/1': 47, '4/1': 47, '2/2': 319, '4/2': 329, '3/3': 2801, '4/3': 2975, '4/4': 29699 },
  },
  {
    spec: 'removal.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { '1/1': 77, '2/1': 110, '4/1': 110, '2/2': 396, '4/2': 539, '3/3': 2695, '4/3': 3564, '4/4': 22946 },
  },
  {
    spec: 'load-failure.klp',
    verdicts: { StackOrder: H, NoDanglingModule: 5, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    except: { '1/1': { NoDanglingModule: 6 }, '2/2': { NoDanglingModule: 6 }, '3/3': { NoDanglingModule: 6 }, '4/4': { NoDanglingModule: 6 } },
    distinct: { '1/1': 90, '2/1': 90, '4/1': 90, '2/2': 534, '4/2': 534, '3/3': 4262, '4/3': 4262, '4/4': 41778 },
  },
  {
    spec: 'direct-calls.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { '1/1': 81, '2/1': 81, '4/1': 81, '2/2': 405, '4/2': 405, '3/3': 2781, '4/3': 2781, '4/4': 23895 },
  },
];

export function pinned(row: Row, sizeKey: string): Readonly<Record<Property, Pinned>> {
  return { ...row.verdicts, ...row.except?.[sizeKey] };
}
