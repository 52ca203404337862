// End to end: the built binary on the small specs of test/fixtures/cli, through the real loader,
// compiler and explorer. Pins exit codes and the full stdout/stderr (goldens, timings masked).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expectGolden, fixturesDir, repoRoot } from './golden.js';
import { klpcJs, runKlpc, transcript } from './run-klpc.js';

describe('klpc end to end', function () {
  this.timeout(60000);

  const cases: [string, string[], number][] = [
    ['holds', ['check', 'counter.klp'], 0],
    ['invariant', ['check', 'lost-update.klp'], 12],
    ['invariant-no-lanes', ['check', 'lost-update.klp', '--no-lanes'], 12],
    ['invariant-quiet', ['check', 'lost-update.klp', '--quiet'], 12],
    ['deadlock', ['check', 'lock-order.klp'], 11],
    ['no-deadlock', ['check', 'lock-order.klp', '--no-deadlock'], 0],
    ['assert', ['check', 'assert.klp'], 14],
    ['named-assert', ['check', 'named-assert.klp'], 14],
    ['spec-error', ['check', 'overflow.klp'], 75],
    ['type-error', ['check', 'type-error.klp'], 150],
    ['warning', ['check', 'unused.klp'], 0],
    ['unknown-const', ['check', 'counter.klp', '--const', 'NN=3'], 151],
    ['unknown-invariant', ['check', 'counter.klp', '--invariant', 'Bound'], 151],
    ['const-override', ['check', 'counter.klp', '--const', 'N=3'], 0],
    ['max-states', ['check', 'counter.klp', '--max-states', '3'], 10],
    ['max-depth', ['check', 'counter.klp', '--max-depth', '1'], 10],
    ['first', ['check', 'lost-update.klp', '--first', '--no-lanes'], 12],
    ['liveness', ['check', 'handoff.klp'], 13],
    ['liveness-one', ['check', 'handoff.klp', '--property', 'Served', '--quiet'], 13],
    ['liveness-none', ['check', 'handoff.klp', '--no-properties'], 0],
    ['liveness-bounded', ['check', 'handoff.klp', '--max-depth', '1', '--no-lanes'], 13],
    ['unknown-property', ['check', 'handoff.klp', '--property', 'Serve'], 151],
    ['liveness-symmetric', ['check', 'symmetric-live.klp'], 0],
    ['liveness-symmetric-none', ['check', 'symmetric-live.klp', '--no-properties'], 0],
  ];
  for (const [name, args, code] of cases) {
    it(`${name}: klpc ${args.join(' ')} exits ${code}`, () => {
      const r = runKlpc(args);
      expectGolden(`e2e-${name}.txt`, transcript(args, r));
      assert.equal(r.code, code, r.stderr);
      assert.ok(!r.stderr.includes('    at '), 'no stack trace');
    });
  }

  // The heading, both views of the trace and the verdict line count the failing step alike.
  for (const spec of ['assert.klp', 'named-assert.klp', 'overflow.klp']) {
    it(`${spec}: the failing step has the number the heading and the verdict give`, () => {
      const out = runKlpc(['check', spec]).stdout;
      const n = /(?:fails|Spec error) in step (\d+):/.exec(out)?.[1];
      assert.ok(n !== undefined, out);
      const failingRows = out.split('\n').filter((l) => /^\s+\d+\s+.*✗/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
      assert.deepEqual(failingRows, [n, n]);
      assert.match(out, new RegExp(`(violated|found) \\(${n} steps\\)`));
    });
  }

  it('--json prints one JSON document and nothing else', () => {
    const r = runKlpc(['check', 'lost-update.klp', '--json']);
    assert.equal(r.code, 12);
    assert.equal(r.stderr, '');
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.exitCode, 12);
    assert.equal(doc.complete, true);
    const inv = doc.properties.find((p: { name: string }) => p.name === 'NoLostUpdate');
    assert.equal(inv.verdict, 'violated');
    assert.equal(inv.trace.steps.length, 4);
    const diag = JSON.parse(runKlpc(['check', 'type-error.klp', '--json']).stdout);
    assert.equal(diag.exitCode, 150);
    assert.equal(diag.diagnostics[0].file, 'type-error.klp');
  });

  it('--json gives a lasso its loop, instance and failing instances', () => {
    const r = runKlpc(['check', 'handoff.klp', '--json']);
    assert.equal(r.code, 13);
    const doc = JSON.parse(r.stdout);
    const served = doc.properties.find((p: { name: string }) => p.name === 'Served');
    assert.deepEqual([served.kind, served.verdict, served.form, served.instance, served.failing], ['property', 'violated', 'eventually', 'c = 1', ['c = 1', 'c = 2']]);
    assert.equal(served.trace.loop, 0);
    assert.deepEqual(served.trace.steps.map((s: { label: string }) => s.label), ['toggle', 'toggle']);
    const raised = doc.properties.find((p: { name: string }) => p.name === 'Raised');
    assert.equal(raised.trace.loop, undefined);
  });

  it('--itf writes a lasso with ITF\'s loop index, the repeated state left out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-e2e-'));
    try {
      const file = path.join(dir, 'served.itf.json');
      assert.equal(runKlpc(['check', 'handoff.klp', '--property', 'Served', '--itf', file]).code, 13);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      // states 0 (flag false), 1 (flag true), then back to 0
      assert.equal(doc.loop, 0);
      assert.deepEqual(doc.states.map((s: { flag: boolean }) => s.flag), [false, true]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--itf writes the counterexample', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-e2e-'));
    try {
      const file = path.join(dir, 'lost.itf.json');
      assert.equal(runKlpc(['check', 'lost-update.klp', '--itf', file]).code, 12);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(doc.states.length, 5);
      assert.deepEqual(doc.states[4].count, { '#bigint': '1' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('colours a terminal, unless NO_COLOR', function () {
    if (!fs.existsSync('/usr/bin/script')) this.skip();
    // script(1) runs klpc on a pseudo-terminal
    const onTty = (env: NodeJS.ProcessEnv) =>
      spawnSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${klpcJs}" check lock-order.klp`, '/dev/null'], { cwd: fixturesDir, encoding: 'utf8', env }).stdout;
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    assert.ok(onTty(env).includes('\x1b[31m✗\x1b[39m \x1b[1mdeadlock'));
    assert.ok(!onTty({ ...env, NO_COLOR: '1' }).includes('\x1b['));
  });

  it('compile writes the generated module', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-e2e-'));
    try {
      const r = runKlpc(['compile', 'counter.klp', '-o', dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${path.join(dir, 'counter.ts')}\n`);
      assert.ok(fs.readFileSync(path.join(dir, 'counter.ts'), 'utf8').length > 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
