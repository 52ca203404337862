// `klpc simulate`: with fake stages, the options passed on and the exit codes; end to end, the
// built binary on test/fixtures/cli specs: the report (golden, timings masked), --json,
// --itf, a seed that repeats a run, and usage errors.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simulateSpec, type SimulateFlags } from '../../cli/simulate.js';
import { fakePipeline, recordingIo } from './fake-pipeline.js';
import { expectGolden } from './golden.js';
import { runKlpc, transcript } from './run-klpc.js';
import * as samples from './samples.js';

const defaults: SimulateFlags = { const: [], invariant: [], deadlock: true, depth: 100, json: false, lanes: true, quiet: false };

const masked = (args: string[]) => {
  const r = runKlpc(args);
  return { ...r, text: transcript(args, r).replace(/(<1|[\d.]+) m?s, [\d,]+ steps\/s/g, 'T, R steps/s') };
};

describe('klpc simulate', function () {
  this.timeout(60000);

  describe('with fake stages', () => {
    let dir: string;
    let spec: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-sim-'));
      spec = path.join(dir, 'prefix.klp');
      fs.writeFileSync(spec, 'const NPATCHES = 3\n');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = async (flags: Partial<SimulateFlags>, pipeline = fakePipeline(samples.violated)) => {
      const io = recordingIo(['simulate', spec]);
      const code = await simulateSpec(spec, { ...defaults, ...flags }, io, pipeline);
      return { code, out: io.stdout.join(''), pipeline };
    };

    it('walks 1000 traces by default, or until --time-limit alone', async () => {
      const r = await run({ seed: 5 });
      const { onProgress, signal, ...options } = r.pipeline.calls.simulate!;
      assert.equal(onProgress, undefined);
      assert.ok(signal instanceof AbortSignal, 'an interrupt reaches the walks');
      assert.deepEqual(options, { deadlock: true, seed: 5, depth: 100, traces: 1000 });
      const timed = await run({ timeLimit: 60, invariant: ['StackOrder'], deadlock: false });
      assert.deepEqual({ ...timed.pipeline.calls.simulate!, seed: 0, signal: undefined }, { deadlock: false, invariants: ['StackOrder'], seed: 0, depth: 100, timeLimit: 60, signal: undefined });
      assert.ok(Number.isSafeInteger(timed.pipeline.calls.simulate!.seed), 'a random seed is chosen');
    });

    it('exits with the violation code, and 10 when nothing was found', async () => {
      assert.equal((await run({})).code, 12);
      const none = await run({}, fakePipeline(samples.incomplete));
      assert.equal(none.code, 10);
      assert.match(none.out, /never proves that a property holds/);
      assert.doesNotMatch(none.out, /holds$/m);
    });
  });

  describe('end to end', () => {
    it('prints a violation with the trace view of check and exits 12', () => {
      const r = masked(['simulate', 'lost-update.klp', '--seed', '7']);
      expectGolden('simulate-invariant.txt', r.text);
      assert.equal(r.code, 12, r.stderr);
    });

    it('says that nothing is proven when no walk violates a property, and exits 10', () => {
      const r = masked(['simulate', 'counter.klp', '--seed', '1', '--traces', '50']);
      expectGolden('simulate-nothing-found.txt', r.text);
      assert.equal(r.code, 10);
    });

    it('lists temporal properties as not checked, never as found or holding', () => {
      const r = runKlpc(['simulate', 'handoff.klp', '--seed', '1', '--traces', '20', '--depth', '30']);
      assert.equal(r.code, 10, r.stderr);
      for (const name of ['Served', 'Raised']) {
        assert.match(r.stdout, new RegExp(`^\\? ${name} +not checked: a simulation does not decide temporal properties \\(klpc check does\\)$`, 'm'));
      }
      const doc = JSON.parse(runKlpc(['simulate', 'handoff.klp', '--seed', '1', '--traces', '20', '--json']).stdout);
      const served = doc.properties.find((p: { name: string }) => p.name === 'Served');
      assert.deepEqual([served.kind, served.verdict, served.form], ['property', 'unknown', 'eventually']);
    });

    it('repeats a run from the seed it printed', () => {
      const first = runKlpc(['simulate', 'lock-order.klp', '--no-lanes']);
      const seed = /seed (\d+)/.exec(first.stdout)![1]!;
      const again = runKlpc(['simulate', 'lock-order.klp', '--no-lanes', '--seed', seed]);
      const body = (s: string) => s.replace(/(<1|[\d.]+) m?s, [\d,]+ steps\/s/, '');
      assert.equal(body(again.stdout), body(first.stdout));
      assert.equal(first.code, 11);
    });

    it('--json and --itf', () => {
      const itf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-sim-')), 'trace.itf.json');
      const r = runKlpc(['simulate', 'assert.klp', '--seed', '3', '--json', '--itf', itf]);
      assert.equal(r.code, 14);
      assert.equal(r.stderr, '');
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.complete, false);
      assert.equal(doc.simulation.seed, 3);
      assert.equal(doc.simulation.stopReason, '1,000 traces');
      assert.equal(doc.properties.find((p: { kind: string }) => p.kind === 'assert').verdict, 'violated');
      assert.ok(doc.properties.every((p: { verdict: string }) => p.verdict !== 'holds'));
      const trace = JSON.parse(fs.readFileSync(itf, 'utf8'));
      assert.equal(trace['#meta'].format, 'ITF');
      fs.rmSync(path.dirname(itf), { recursive: true });
    });

    it('rejects bad bounds as usage errors', () => {
      for (const args of [['--depth', '2000000'], ['--traces', '0'], ['--time-limit', '5x'], ['--seed', '-1']]) {
        const r = runKlpc(['simulate', 'counter.klp', ...args]);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, /error: option/);
      }
    });
  });
});
