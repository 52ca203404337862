// --spill against the search in memory: with the store and queue in files and a fingerprint
// table of a few hundred slots (so it moves to disk hundreds of times, and duplicates are only
// found by the sorted run), the counts, depth, step counts, verdicts and traces must be exactly
// those of explore() in memory, on the pinned examples, random specs and random graphs, under
// the bounds and with symmetry; its files are gone afterwards. Also the radix sort against a
// BigInt sort, and the disk store against the in-memory one.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildModel } from '../../compiler/build.js';
import { explore, type ExploreOptions } from '../../runtime/explore.js';
import type { CompiledModel } from '../../runtime/model.js';
import { DiskStore } from '../../runtime/spill/disk-store.js';
import { sortFingerprints } from '../../runtime/spill/sort.js';
import { StateStore } from '../../runtime/store.js';
import { specShape } from '../conformance/gen.js';
import { loadText, removeScratch } from '../conformance/pipeline.js';
import { printSpec } from '../conformance/print.js';
import { loadExample } from '../examples/pipeline.js';
import { arbitraryGraph, GraphModel } from './models.js';

const RUNS = Number(process.env['KLPC_FUZZ_RUNS'] ?? 30);

describe('runtime/spill', function () {
  this.timeout(0);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-spill-test-')); });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    removeScratch();
  });

  // The spilled search gives explore()'s result, traces included; its area is removed.
  function same(model: CompiledModel, options: ExploreOptions = { deadlock: true }, maxTableBytes = 4096): void {
    const memory = explore(model, options);
    const spilled = explore(model, { ...options, spill: { dir, maxTableBytes } });
    const { stats: a, spilled: onDisk, ...restSpilled } = spilled;
    const { stats: b, ...restMemory } = memory;
    assert.deepEqual([a.distinct, a.transitions, a.depth], [b.distinct, b.transitions, b.depth]);
    assert.deepEqual(restSpilled, restMemory);
    assert.ok(onDisk !== undefined);
    assert.deepEqual(fs.readdirSync(dir), [], 'the spill area is removed');
  }

  const examples: [string, Record<string, number>][] = [
    ['counter.klp', { K: 3, ROUNDS: 2 }],
    ['peterson.klp', { N: 3 }],
    ['philosophers.klp', { N: 8 }],
    ['philosophers-ordered.klp', { N: 6 }],
  ];
  for (const [spec, consts] of examples) {
    it(`${spec} ${JSON.stringify(consts)}: explore()'s result with the fingerprints moved to disk again and again`, async function () {
      const { program } = await loadExample(spec, new Map(Object.entries(consts)));
      same(await buildModel(program!));
    });
  }

  it('moves the fingerprints to disk only past the budget, and spills the store regardless', async function () {
    const { program } = await loadExample('counter.klp', new Map([['K', 4], ['ROUNDS', 1]]));
    const model = await buildModel(program!);
    const big = explore(model, { deadlock: true, spill: { dir } });
    assert.equal(big.spilled?.fingerprints, 0);
    const small = explore(model, { deadlock: true, spill: { dir, maxTableBytes: 4096 } });
    // the run holds what the table held at its last move; the rest is still in the table
    assert.ok(small.spilled!.fingerprints > 0 && small.spilled!.fingerprints < 8 * 5168, `${small.spilled!.fingerprints} bytes of fingerprints`);
    assert.equal(small.stats.distinct, 5168);
  });

  it('agrees under symmetry, --max-depth and --first', async function () {
    const { program } = await loadExample('peterson-symmetric.klp', new Map([['N', 3]]));
    const model = await buildModel(program!);
    same(model, { deadlock: true, symmetry: true });
    same(model, { deadlock: true, maxDepth: 20 });
    const { program: phil } = await loadExample('philosophers.klp', new Map([['N', 7]]));
    same(await buildModel(phil!), { deadlock: true, stopOnFirst: true });
  });

  it(`agrees on ${RUNS} random specs and random graphs`, async function () {
    await fc.assert(
      fc.asyncProperty(specShape, async (shape) => {
        const { program, path: file } = await loadText(printSpec(shape), 'spill');
        const model = await buildModel(program, { cacheDir: path.join(path.dirname(file), 'cache') });
        fc.pre(explore(model, { deadlock: true, maxStates: 5000 }).complete);
        same(model);
      }),
      { numRuns: RUNS, maxSkipsPerRun: 10 },
    );
    fc.assert(fc.property(arbitraryGraph, (g) => same(new GraphModel(g))), { numRuns: RUNS });
  });

  it('sorts fingerprints as unsigned 64-bit numbers, records kept whole', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), { maxLength: 300 }), (pairs) => {
        const a = Int32Array.from(pairs.flatMap(([hi, lo], i) => [hi, lo, i]));
        sortFingerprints(a, 3, new Int32Array(a.length));
        const key = (hi: number, lo: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
        const expected = pairs.map(([hi, lo], i) => ({ k: key(hi, lo), i })).sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : x.i - y.i));
        assert.deepEqual(Array.from({ length: pairs.length }, (_, r) => a[3 * r + 2]), expected.map((e) => e.i));
      }),
    );
  });

  it('reads back from its file what the in-memory store holds', () => {
    const words = 3;
    const file = path.join(dir, 'states');
    const disk = new DiskStore(words, file);
    const memory = new StateStore(words);
    for (let i = 0; i < 50_000; i++) {
      for (const s of [disk, memory]) {
        for (let w = 0; w < words; w++) s.tail[s.tailOff + w] = Math.imul(i, 2654435761 + w) | 0;
        s.commit(i - 1, i % 7);
      }
    }
    for (const i of [0, 1, 16383, 16384, 30000, 49999, 17, 40000, 5]) {
      assert.deepEqual(Array.from(disk.chunk(i).subarray(disk.offset(i), disk.offset(i) + words)), Array.from(memory.chunk(i).subarray(memory.offset(i), memory.offset(i) + words)));
      assert.deepEqual([disk.parent(i), disk.step(i)], [memory.parent(i), memory.step(i)]);
    }
    disk.close();
    fs.rmSync(file);
  });
});
