// The shipped livepatch family (specs/klp): each spec's verdicts and distinct-state count over a
// grid of sizes (test/klp/table.ts), checked against the reference checker, and the shape of the
// pre-fix counterexamples, which must be the races of the commit message of Linux 8cb2c2dc.
// Expected verdicts come from the commit message (see docs/klp.md for NoDoubleEnable). The
// larger sizes run only with KLPC_KLP_LARGE=1.

import assert from 'node:assert/strict';
import type { SearchResult, Trace } from '../../runtime/result.js';
import type { Value } from '../../runtime/value.js';
import { expectDocsTable, verdictTable } from './docs-table.js';
import path from 'node:path';
import { loadProgram } from '../../lang/load.js';
import { assertAgrees, runSpec, specDir, type Run } from './pipeline.js';
import { assertPinned, pinned, sizes, table } from './table.js';

const LARGE = process.env['KLPC_KLP_LARGE'] === '1';
const sizeOf = new Map(sizes.map((s) => [s.key, s]));

const runs = new Map<string, Promise<Run>>();
function run(spec: string, sizeKey: string): Promise<Run> {
  const key = `${spec} ${sizeKey}`;
  if (!runs.has(key)) runs.set(key, runSpec(spec, sizeOf.get(sizeKey)!.consts));
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
  this.timeout(LARGE ? 0 : 120_000);

  for (const row of table) {
    for (const size of sizes) {
      const expected = pinned(row, size.key);
      (size.large && !LARGE ? it.skip : it)(`${row.spec} NPATCHES/NRACING/NLOADS=${size.key}: verdicts and ${row.distinct[size.key]} distinct states`, async () => {
        const r = await run(row.spec, size.key);
        assertPinned(r.result, expected);
        assert.equal(r.result.stats.distinct, row.distinct[size.key]);
        assertAgrees(r);
      });
    }
  }

  // The patches enabled before M loads move in lockstep (the notifier binds and pushes them all
  // in one step), so one of them or three make the same state space: NPATCHES alone adds nothing,
  // except where a process picks one patch among all (removal's disabler, init-failure's broken).
  it('one early patch or three: the same state count, unless a patch is picked among all', () => {
    for (const row of table) {
      const picks = row.spec === 'removal.klp' || row.spec === 'init-failure.klp';
      assert.equal(row.distinct['2/1/1'] === row.distinct['4/1/1'], !picks, row.spec);
    }
  });

  // 2/1/1 is the commit message's scenario with P1 alone enabled; 4/2/1 (the default) has P1
  // and P2 enabled, as in the commit message, and P3, P4 racing.
  for (const [sizeKey, n] of [['2/1/1', 2], ['4/2/1', 3]] as const) {
    const racer = `patcher[${n}]`;

    it(`prefix ${sizeKey}: StackOrder fails by race 1 (register+enable inside the COMING window)`, async () => {
      const t = counterexample((await run('prefix.klp', sizeKey)).result, 'StackOrder');
      assert.deepEqual(stepNames(t), [
        'loader.add_unformed',
        'loader.complete_formation',
        `${racer}.register`,
        `${racer}.enable`,
        'loader.klp_coming',
      ]);
      const pre = Array.from({ length: n - 1 }, (_, i) => i + 1); // the early patches, bottom to top
      assert.deepEqual(funcStack(t, 'a'), [...pre, n]);
      assert.deepEqual(funcStack(t, 'b'), [n, ...pre]); // the new patch is at the bottom of b's stack
    });

    it(`prefix ${sizeKey}: NoDanglingModule fails by race 2 (a patch binds M after klp_going)`, async () => {
      const names = stepNames(counterexample((await run('prefix.klp', sizeKey)).result, 'NoDanglingModule'));
      const at = (s: string) => names.indexOf(s);
      assert.ok(at('unloader.klp_going') >= 0 && at(`${racer}.register`) > at('unloader.klp_going'));
      assert.ok(at('unloader.free') > at(`${racer}.register`));
      assert.equal(names.at(-1), 'unloader.free');
    });

    it(`load-failure ${sizeKey}: NoDanglingModule fails when the load fails after klp_coming`, async () => {
      const names = stepNames(counterexample((await run('load-failure.klp', sizeKey)).result, 'NoDanglingModule'));
      assert.deepEqual(names.slice(-3), ['loader.klp_coming', 'loader.parse_args', 'loader.unlink_mod']);
      assert.ok(!names.some((s) => s.startsWith('unloader.')), 'the GOING notifier never runs');
    });

    it(`ignore-going ${sizeKey}: GoingCoverage fails for a patch enabled between stop and exit`, async () => {
      const names = stepNames(counterexample((await run('ignore-going.klp', sizeKey)).result, 'GoingCoverage'));
      assert.deepEqual(names.slice(-3), ['unloader.stop', `${racer}.register`, `${racer}.enable`]);
    });
  }

  // With two racing patches and none enabled first, race 1 needs both: P1 is enabled in the COMING
  // window without binding M (it registered before M was COMING), P2 registers and enables in the
  // window and binds M, and the notifier then pushes b1 above b2.
  it('prefix 2/2/1: StackOrder fails with both racing patches inside the COMING window', async () => {
    const t = counterexample((await run('prefix.klp', '2/2/1')).result, 'StackOrder');
    const names = stepNames(t);
    assert.equal(names.at(-1), 'loader.klp_coming');
    assert.ok(names.indexOf('patcher[1].register') < names.indexOf('loader.complete_formation'));
    assert.deepEqual(funcStack(t, 'a'), [1, 2]);
    assert.deepEqual(funcStack(t, 'b'), [2, 1]);
  });

  // A patch enabled before M loads whose object for M cannot be initialized: the COMING notifier
  // only logs the failure, and b() runs unpatched next to a patched a() as soon as M's code runs.
  it('init-failure 4/2/1: GoingCoverage fails when the notifier cannot initialize an early patch for M', async () => {
    const t = counterexample((await run('init-failure.klp', '4/2/1')).result, 'GoingCoverage');
    assert.deepEqual(stepNames(t), ['loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming', 'loader.parse_args']);
    assert.ok(t.initial['broken'] === 1 || t.initial['broken'] === 2, `broken = ${JSON.stringify(t.initial['broken'])}`);
    assert.deepEqual([funcStack(t, 'a'), funcStack(t, 'b')], [[1, 2], [3 - (t.initial['broken'] as number)]]);
  });

  // load-failure with M loaded twice: the failed first load leaves its objects enabled (no GOING
  // notifier), so the COMING notifier of the second load finds them enabled and WARNs.
  it('load-failure 4/2/2: the load after a failed one hits the double-enable WARN', async () => {
    const names = stepNames(counterexample((await run('load-failure.klp', '4/2/2')).result, 'NoDoubleEnable'));
    assert.deepEqual(names, [
      'loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming', 'loader.parse_args', 'loader.unlink_mod',
      'loader.add_unformed', 'loader.complete_formation', 'loader.klp_coming',
    ]);
  });

  // NRACING outside 1..NPATCHES is an error at the type that cannot be formed, with its comment
  for (const [nracing, line, range] of [[0, 'type Racing', '5..4'], [5, 'type Early', '0..-1']] as const) {
    it(`--const NRACING=${nracing}: KLP3005 at ${line}`, () => {
      const { program, diagnostics } = loadProgram(path.join(specDir, 'postfix.klp'), { consts: new Map([['NRACING', nracing]]) });
      assert.equal(program, undefined);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['KLP3005', `Empty range ${range}.`]]);
      assert.ok(diagnostics[0]!.span.file.endsWith('base.klp'));
    });
  }

  it('docs/klp.md shows the pinned verdicts and counts', () => expectDocsTable(verdictTable(table)));
});
