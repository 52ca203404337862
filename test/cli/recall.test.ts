// A spec checked before is recalled from the cache without being loaded (parsed and bound)
// again, with the same output, warnings included; editing any of its files, a variant's base
// too, or other constants, loads it again; a tampered entry is never trusted. The real
// pipeline, with its loader counted, in a private cache directory per test.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, type CheckFlags } from '../../cli/check.js';
import { nodePipeline, type Pipeline } from '../../cli/pipeline.js';
import { recordingIo } from './fake-pipeline.js';

const defaults: CheckFlags = { const: [], invariant: [], property: [], properties: true, deadlock: true, first: false, json: false, lanes: false, quiet: false };

describe('klpc check recalls a spec it compiled before', function () {
  this.timeout(60_000);
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-recall-'));
    saved = process.env['KLPC_CACHE_DIR'];
    process.env['KLPC_CACHE_DIR'] = path.join(dir, 'cache');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['KLPC_CACHE_DIR'];
    else process.env['KLPC_CACHE_DIR'] = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Runs check with the real stages, counting the loads; output without timings.
  async function run(spec: string, flags: Partial<CheckFlags> = {}): Promise<{ code: number; out: string; err: string; loads: number }> {
    const real = await nodePipeline();
    let loads = 0;
    const pipeline: Pipeline = { ...real, load: (p, o) => (loads++, real.load(p, o)) };
    const io = recordingIo(['check', spec]);
    const code = await check(spec, { ...defaults, ...flags }, io, pipeline);
    const mask = (s: string) => s.replace(/(<1|[\d.]+) m?s, [\d,]+ states\/s/g, 'T');
    return { code, out: mask(io.stdout.join('')), err: io.stderr.join(''), loads };
  }

  it('prints the same report and warnings without loading the spec again', async () => {
    const spec = path.join(dir, 'unused.klp');
    fs.writeFileSync(spec, 'var unused: bool = false\nvar x: 0..1 = 0\nprocess p { go: x := 1; }\ninvariant Small: x <= 1\n');
    const first = await run(spec);
    const again = await run(spec);
    assert.deepEqual([first.loads, again.loads], [1, 0]);
    assert.deepEqual([again.code, again.out, again.err], [first.code, first.out, first.err]);
    assert.match(again.err, /warning KLP2014/);
    const other = await run(spec, { const: [] , invariant: ['Smal'] });
    assert.deepEqual([other.code, other.loads], [151, 0]);
  });

  it('loads the spec again when a file of its variant chain or the constants change', async () => {
    const base = path.join(dir, 'base.klp');
    const spec = path.join(dir, 'fix.klp');
    fs.writeFileSync(base, 'const N = 2\nvar x: 0..3 = 0\nprocess p(i: 1..N) { go: x := x + 1; }\ninvariant Small: x <= 1\n');
    fs.writeFileSync(spec, 'variant of "base.klp"\nreplace invariant Small: x <= N\n');
    assert.equal((await run(spec)).code, 0);
    assert.equal((await run(spec)).loads, 0);
    const three = await run(spec, { const: ['N=3'] });
    assert.deepEqual([three.loads, three.code], [1, 0]);
    fs.writeFileSync(base, 'const N = 2\nvar x: 0..3 = 0\nprocess p(i: 1..N) { go: x := x + 2; }\ninvariant Small: x <= 1\n');
    const edited = await run(spec);
    assert.deepEqual([edited.loads, edited.code], [1, 75]); // x + 2 leaves 0..3
    assert.equal((await run(spec)).loads, 0);
  });

  it('never trusts an entry whose content does not match its hash', async () => {
    const spec = path.join(dir, 'small.klp');
    fs.writeFileSync(spec, 'var x: 0..1 = 0\nprocess p { go: x := 1; }\n');
    await run(spec);
    const cache = process.env['KLPC_CACHE_DIR']!;
    const entry = fs.readdirSync(cache).find((f) => f.startsWith('spec-'))!;
    const text = fs.readFileSync(path.join(cache, entry), 'utf8');
    fs.writeFileSync(path.join(cache, entry), text.replace(/"model":"[^"]*"/, '"model":"../elsewhere.mjs"'));
    const r = await run(spec);
    assert.deepEqual([r.loads, r.code], [1, 0]);
  });
});
