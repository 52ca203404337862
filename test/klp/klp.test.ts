// The shipped livepatch family (specs/klp): each variant's verdicts and distinct-state count for
// several constant settings, checked against the reference checker, and the shape of the two pre-fix
// counterexamples, which must be the two races of the commit message of Linux 8cb2c2dc.
// Expected verdicts come from the commit message (see docs/klp.md for NoDoubleEnable).

import assert from 'node:assert/strict';
import type { SearchResult, Trace, Verdict } from '../../runtime/result.js';
import type { Value } from '../../runtime/value.js';
import { runSpec, type Run } from './pipeline.js';

const H: Verdict = 'holds';
const V: Verdict = 'violated';

// Constant settings: the two sizes the product issue asks for (NPRE defaults to NPATCHES - 1, so
// both have one racing patch and, the pre-enabled patches being inert, the same state count),
// and two with more racing patches, where the stacking rule can refuse an enable.
const configs = {
  'NPATCHES=2': new Map([['NPATCHES', 2]]),
  'NPATCHES=3': new Map([['NPATCHES', 3]]),
  'NPATCHES=3 NPRE=1': new Map([['NPATCHES', 3], ['NPRE', 1]]),
  'NPATCHES=3 NPRE=0': new Map([['NPATCHES', 3], ['NPRE', 0]]),
} as const;
type Config = keyof typeof configs;

interface Row {
  readonly spec: string;
  readonly verdicts: Readonly<Record<string, Verdict>>; // invariants and deadlock
  readonly distinct: Readonly<Record<Config, number>>;
}

// Counts: klpc output, equal to test/reference's checker (asserted below); those of prefix,
// postfix and ignore-going also equal a scratch Python BFS written before the pipeline existed.
const table: readonly Row[] = [
  {
    spec: 'prefix.klp',
    verdicts: { StackOrder: V, NoDanglingModule: V, GoingCoverage: H, NoDoubleEnable: V, deadlock: H },
    distinct: { 'NPATCHES=2': 49, 'NPATCHES=3': 49, 'NPATCHES=3 NPRE=1': 367, 'NPATCHES=3 NPRE=0': 3383 },
  },
  {
    spec: 'postfix.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { 'NPATCHES=2': 33, 'NPATCHES=3': 33, 'NPATCHES=3 NPRE=1': 165, 'NPATCHES=3 NPRE=0': 1133 },
  },
  {
    spec: 'ignore-going.klp',
    verdicts: { StackOrder: V, NoDanglingModule: H, GoingCoverage: V, NoDoubleEnable: V, deadlock: H },
    distinct: { 'NPATCHES=2': 47, 'NPATCHES=3': 47, 'NPATCHES=3 NPRE=1': 329, 'NPATCHES=3 NPRE=0': 2801 },
  },
  {
    spec: 'removal.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { 'NPATCHES=2': 110, 'NPATCHES=3': 110, 'NPATCHES=3 NPRE=1': 539, 'NPATCHES=3 NPRE=0': 2695 },
  },
  {
    spec: 'load-failure.klp',
    verdicts: { StackOrder: H, NoDanglingModule: V, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { 'NPATCHES=2': 90, 'NPATCHES=3': 90, 'NPATCHES=3 NPRE=1': 534, 'NPATCHES=3 NPRE=0': 4262 },
  },
  {
    spec: 'direct-calls.klp',
    verdicts: { StackOrder: H, NoDanglingModule: H, GoingCoverage: H, NoDoubleEnable: H, deadlock: H },
    distinct: { 'NPATCHES=2': 81, 'NPATCHES=3': 81, 'NPATCHES=3 NPRE=1': 405, 'NPATCHES=3 NPRE=0': 2781 },
  },
];

const runs = new Map<string, Promise<Run>>();
function run(spec: string, config: Config): Promise<Run> {
  const key = `${spec} ${config}`;
  if (!runs.has(key)) runs.set(key, runSpec(spec, configs[config]));
  return runs.get(key)!;
}

function property(result: SearchResult, name: string) {
  const p = result.properties.find((q) => q.name === name);
  assert.ok(p, `no property ${name} in ${result.properties.map((q) => q.name).join(', ')}`);
  return p;
}

function counterexample(result: SearchResult, name: string): Trace {
  const p = property(result, name);
  assert.equal(p.verdict, 'violated');
  assert.ok(p.trace, `${name} is violated but has no trace`);
  return p.trace;
}

const stepNames = (t: Trace): string[] => t.steps.map((s) => `${s.instance}.${s.label}`);

// func_stack[f] in a decoded state: a map from Func member to a sequence of patches.
function funcStack(t: Trace, f: 'a' | 'b'): readonly Value[] {
  const last = t.steps.at(-1)?.state ?? t.initial;
  const m = last['func_stack'] as { readonly '#map': readonly (readonly [Value, Value])[] };
  const entry = m['#map'].find(([k]) => k === f);
  assert.ok(entry, `func_stack has no entry ${f}`);
  return entry[1] as readonly Value[];
}

describe('klp family (specs/klp)', function () {
  this.timeout(120_000);

  for (const row of table) {
    for (const config of Object.keys(configs) as Config[]) {
      it(`${row.spec} ${config}: verdicts and ${row.distinct[config]} distinct states`, async () => {
        const { result, reference } = await run(row.spec, config);
        assert.equal(result.complete, true);
        for (const [name, verdict] of Object.entries(row.verdicts)) {
          assert.equal(property(result, name).verdict, verdict, `${name}`);
        }
        // every other property (asserts, spec errors) holds
        for (const p of result.properties) {
          if (!(p.name in row.verdicts)) assert.equal(p.verdict, H, `${p.name}`);
        }
        assert.equal(result.stats.distinct, row.distinct[config]);
        assert.equal(reference.distinct, result.stats.distinct, 'reference checker distinct states');
        for (const r of reference.properties) {
          const p = property(result, r.name);
          assert.equal(p.verdict, r.verdict, `reference verdict of ${r.name}`);
          if (r.length !== undefined) assert.equal(p.trace?.steps.length, r.length, `shortest ${r.name}`);
        }
      });
    }
  }

  for (const n of [2, 3] as const) {
    const config: Config = `NPATCHES=${n}`;
    const racer = `patcher[${n}]`;

    it(`prefix NPATCHES=${n}: StackOrder fails by race 1 (register+enable inside the COMING window)`, async () => {
      const t = counterexample((await run('prefix.klp', config)).result, 'StackOrder');
      assert.deepEqual(stepNames(t), [
        'loader.add_unformed',
        'loader.complete_formation',
        `${racer}.register`,
        `${racer}.enable`,
        'loader.klp_coming',
      ]);
      const pre = Array.from({ length: n - 1 }, (_, i) => i + 1); // P1..PNPRE, bottom to top
      assert.deepEqual(funcStack(t, 'a'), [...pre, n]);
      assert.deepEqual(funcStack(t, 'b'), [n, ...pre]); // the new patch is at the bottom of b's stack
    });

    it(`prefix NPATCHES=${n}: NoDanglingModule fails by race 2 (a patch binds M after klp_going)`, async () => {
      const names = stepNames(counterexample((await run('prefix.klp', config)).result, 'NoDanglingModule'));
      const at = (s: string) => names.indexOf(s);
      assert.ok(at('unloader.klp_going') >= 0 && at(`${racer}.register`) > at('unloader.klp_going'));
      assert.ok(at('unloader.free') > at(`${racer}.register`));
      assert.equal(names.at(-1), 'unloader.free');
    });

    it(`load-failure NPATCHES=${n}: NoDanglingModule fails when the load fails after klp_coming`, async () => {
      const names = stepNames(counterexample((await run('load-failure.klp', config)).result, 'NoDanglingModule'));
      assert.deepEqual(names.slice(-3), ['loader.klp_coming', 'loader.parse_args', 'loader.unlink_mod']);
      assert.ok(!names.some((s) => s.startsWith('unloader.')), 'the GOING notifier never runs');
    });

    it(`ignore-going NPATCHES=${n}: GoingCoverage fails for a patch enabled between stop and exit`, async () => {
      const names = stepNames(counterexample((await run('ignore-going.klp', config)).result, 'GoingCoverage'));
      assert.deepEqual(names.slice(-3), ['unloader.stop', `${racer}.register`, `${racer}.enable`]);
    });
  }
});
