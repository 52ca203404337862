// `check` and `compile` wired to fake stages: exit codes, what goes to stdout and stderr, and
// the options passed on to the explorer. The real stages are covered by e2e.test.ts.

import assert from 'node:assert/strict';
import { nodePipeline } from '../../cli/pipeline.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, type CheckFlags } from '../../cli/check.js';
import { compile } from '../../cli/compile.js';
import { COMMAND_LINE } from '../../lang/binder/consts.js';
import { diag } from '../../lang/diagnostics/diagnostic.js';
import { diagnosticAt, fakePipeline, recordingIo } from './fake-pipeline.js';
import * as samples from './samples.js';

const defaults: CheckFlags = { const: [], invariant: [], property: [], properties: true, deadlock: true, first: false, symmetry: true, json: false, lanes: true, quiet: false };

describe('cli commands', () => {
  let dir: string;
  let spec: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-cli-'));
    spec = path.join(dir, 'prefix.klp');
    fs.writeFileSync(spec, 'const NPATCHES = 3\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (flags: Partial<CheckFlags>, args: string[] = [], pipeline = fakePipeline(samples.violated)) => {
    const io = recordingIo(['check', spec, ...args]);
    const code = await check(spec, { ...defaults, ...flags }, io, pipeline);
    return { code, out: io.stdout.join(''), err: io.stderr.join(''), pipeline };
  };

  it('prints the report on stdout and exits 12 for an invariant violation', async () => {
    const r = await run({});
    assert.equal(r.code, 12);
    assert.ok(r.out.includes('✗ StackOrder      violated (5 steps)'));
    assert.ok(r.out.includes('# StackOrder violated'));
    assert.equal(r.err, '');
  });

  it('passes the search options on and the constants to the loader', async () => {
    const r = await run({ const: ['NPATCHES=3'], invariant: ['StackOrder'], deadlock: false, maxStates: 10, maxDepth: 3, timeLimit: 90, maxMemory: 2 ** 29, first: true });
    assert.deepEqual([...r.pipeline.calls.load!.consts!], [['NPATCHES', 3]]);
    const { onProgress, signal, ...options } = r.pipeline.calls.explore!;
    assert.equal(onProgress, undefined);
    assert.ok(signal instanceof AbortSignal && !signal.aborted);
    assert.deepEqual(options, { deadlock: false, invariants: ['StackOrder'], maxStates: 10, maxDepth: 3, timeLimit: 90, maxMemory: 2 ** 29, stopOnFirst: true, symmetry: true });
  });

  it('exits 10 for an incomplete search and 0 when everything holds', async () => {
    assert.equal((await run({}, [], fakePipeline(samples.incomplete))).code, 10);
    assert.equal((await run({}, [], fakePipeline(samples.holds))).code, 0);
  });

  it('rejects an unknown --invariant with 151 before exploring', async () => {
    const r = await run({ invariant: ['StackOrdr'] }, ['--invariant', 'StackOrdr']);
    assert.equal(r.code, 151);
    assert.equal(r.pipeline.calls.explore, undefined);
    assert.ok(r.err.includes("error KLP6003: Unknown invariant 'StackOrdr' in --invariant."));
    assert.ok(r.err.includes("hint: did you mean 'StackOrder'?"));
    assert.ok(r.err.endsWith('\n1 error\n'));
  });

  it('rejects a malformed --const with 151 before loading', async () => {
    const r = await run({ const: ['NPATCHES'] }, ['--const', 'NPATCHES']);
    assert.equal(r.code, 151);
    assert.equal(r.pipeline.calls.load, undefined);
    assert.ok(r.err.includes("error KLP6002: Malformed --const 'NPATCHES'"));
  });

  it("puts the binder's --const errors on their argument, with exit 151", async () => {
    const unknown = diag('KLP6001', COMMAND_LINE, { name: 'NPATCH' });
    const loaded = { program: undefined, diagnostics: [unknown] };
    const r = await run({ const: ['N=1', 'NPATCH=2'] }, ['--const', 'N=1', '--const', 'NPATCH=2'], fakePipeline(samples.holds, loaded));
    assert.equal(r.code, 151);
    const line = `klpc check ${spec} --const N=1 --const NPATCH=2`;
    assert.ok(r.err.startsWith(`<command line>:1:${line.indexOf('NPATCH=') + 1} - error KLP6001: Unknown constant 'NPATCH' in --const.`), r.err);
    assert.ok(r.err.includes(`${' '.repeat(line.indexOf('NPATCH='))}~~~~~~\n`));
  });

  it('reports spec errors on stderr with exit 150, or as JSON with --json', async () => {
    const loaded = { program: undefined, diagnostics: [diagnosticAt(spec, 'KLP2001', 'error', "Unknown name 'foo'.")], sources: new Map([[spec, 'invariant foo\n']]) };
    const human = await run({}, [], fakePipeline(samples.holds, loaded));
    assert.equal(human.code, 150);
    assert.equal(human.out, '');
    assert.ok(human.err.includes(`${spec}:1:9 - error KLP2001: Unknown name 'foo'.`));
    assert.ok(human.err.includes('1 | invariant foo\n'));
    const json = await run({ json: true }, [], fakePipeline(samples.holds, loaded));
    assert.equal(json.err, '');
    const doc = JSON.parse(json.out);
    assert.equal(doc.exitCode, 150);
    assert.deepEqual(doc.diagnostics, [{ code: 'KLP2001', severity: 'error', message: "Unknown name 'foo'.", file: spec, line: 1, col: 9 }]);
  });

  it('prints warnings on stderr and goes on, except with --quiet', async () => {
    const loaded = { diagnostics: [diagnosticAt(spec, 'KLP2014', 'warning', "Variable 'x' is never read.")] };
    const r = await run({}, [], fakePipeline(samples.holds, loaded));
    assert.equal(r.code, 0);
    assert.ok(r.err.includes('warning KLP2014') && r.err.endsWith('1 warning\n'));
    assert.equal((await run({ quiet: true }, [], fakePipeline(samples.holds, loaded))).err, '');
  });

  it('reports an unreadable spec path without a stack trace', async () => {
    for (const [target, reason] of [[path.join(dir, 'missing.klp'), 'no such file or directory'], [dir, 'it is a directory, not a regular file']] as const) {
      const io = recordingIo(['check', target]);
      assert.equal(await check(target, defaults, io, await nodePipeline()), 150);
      const err = io.stderr.join('');
      assert.ok(err.startsWith(`<command line>:1:12 - error KLP5001: Cannot read '${target}': ${reason}.`), err);
      assert.ok(!err.includes('    at '));
    }
  });

  it('prints one JSON document with --json', async () => {
    const r = await run({ json: true });
    const doc = JSON.parse(r.out);
    assert.equal(doc.exitCode, 12);
    assert.equal(doc.version, '9.9.9');
    assert.deepEqual(doc.properties.map((p: { verdict: string }) => p.verdict), ['violated', 'holds', 'violated', 'holds', 'holds']);
    assert.deepEqual(doc.properties[0].trace.steps[4].changes.at(-1), { path: 'func_stack[b]', before: [3], after: [2, 1, 3] });
    assert.equal(r.err, '');
  });

  it('writes the most severe counterexample with --itf', async () => {
    const file = path.join(dir, 'trace.itf.json');
    const r = await run({ itf: file }, [], fakePipeline(samples.several));
    assert.equal(r.code, 75);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(doc['#meta'].format, 'ITF');
    assert.match(doc['#meta'].description, /spec error: value 4 outside 0\.\.3/);
    assert.equal(doc.states.length, 2);
  });

  it('exits 151 when the --itf file cannot be written', async () => {
    const file = path.join(dir, 'no/such/dir/trace.json');
    const r = await run({ itf: file }, ['--itf', file]);
    assert.equal(r.code, 151);
    assert.ok(r.out.includes('✗ StackOrder'));
    assert.ok(r.err.includes(`error KLP6004: Cannot write '${file}': no such file or directory.`));
  });

  it('notes that there is no counterexample to write', async () => {
    const file = path.join(dir, 'trace.json');
    const r = await run({ itf: file }, [], fakePipeline(samples.holds));
    assert.equal(r.code, 0);
    assert.equal(fs.existsSync(file), false);
    assert.equal(r.err, `no counterexample: ${file} not written\n`);
  });

  it('compile fails cleanly where Node 20 recursive mkdir would loop forever', async function () {
    if (!fs.existsSync('/proc/self')) this.skip();
    const io = recordingIo(['compile', spec, '-o', '/proc/klpc-nope']);
    assert.equal(await compile(spec, { const: [], out: '/proc/klpc-nope' }, io, fakePipeline(samples.holds)), 151);
    assert.ok(io.stderr.join('').includes("KLP6004: Cannot write '/proc/klpc-nope/prefix.ts': no such file or directory."));
  });

  it('compile writes <out>/<name>.ts and prints its path', async () => {
    const out = path.join(dir, 'gen');
    const io = recordingIo(['compile', spec, '-o', out]);
    assert.equal(await compile(spec, { const: [], out }, io, fakePipeline(samples.holds)), 0);
    assert.equal(io.stdout.join(''), `${path.join(out, 'prefix.ts')}\n`);
    assert.equal(fs.readFileSync(path.join(out, 'prefix.ts'), 'utf8'), '// generated\n');
    const nested = path.join(dir, 'a/b/c');
    assert.equal(await compile(spec, { const: [], out: nested }, recordingIo([]), fakePipeline(samples.holds)), 0);
    assert.ok(fs.existsSync(path.join(nested, 'prefix.ts')));
    const blocked = path.join(spec, 'sub');
    const io2 = recordingIo(['compile', spec, '-o', blocked]);
    assert.equal(await compile(spec, { const: [], out: blocked }, io2, fakePipeline(samples.holds)), 151);
    assert.ok(io2.stderr.join('').includes('KLP6004'));
  });
});
