// `klpc check --spill DIR [--max-memory SIZE]` through the built binary: the result of the
// search in memory, the bytes it spilled reported, its files removed; and the combinations it
// refuses: temporal properties (KLP6009), --dot (a usage error), a directory it cannot create
// (KLP6006), a malformed size.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exampleDir } from '../examples/pipeline.js';
import { runKlpc } from './run-klpc.js';

describe('klpc check --spill', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-spill-cli-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the result of the search in memory and leaves no file behind', () => {
    const args = ['check', path.join(exampleDir, 'counter.klp'), '--const', 'K=4', '--const', 'ROUNDS=2', '--json'];
    const memory = JSON.parse(runKlpc([...args, '--workers', '1']).stdout); // one thread, as --spill: the same trace
    const spilled = JSON.parse(runKlpc([...args, '--spill', path.join(dir, 'spill'), '--max-memory', '1MB']).stdout);
    assert.ok(spilled.spilled.states > 0 && spilled.spilled.fingerprints > 0, JSON.stringify(spilled.spilled));
    for (const key of ['properties', 'stepCounts', 'exitCode', 'complete']) assert.deepEqual(spilled[key], memory[key], key);
    assert.equal(spilled.stats.distinct, memory.stats.distinct);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'spill')), []);
    const text = runKlpc(['check', path.join(exampleDir, 'counter.klp'), '--spill', path.join(dir, 'spill'), '--no-lanes']);
    assert.match(text.stdout, /spilled 0\.0 MiB of states and 0\.0 MiB of fingerprints \(complete search\)/);
  });

  it('refuses temporal properties, --dot, a directory it cannot create and a malformed size', () => {
    const phil = path.join(exampleDir, 'philosophers.klp');
    const temporal = runKlpc(['check', phil, '--spill', dir]);
    assert.equal(temporal.code, 151);
    assert.match(temporal.stderr, /error KLP6009: --spill cannot check temporal properties/);
    assert.equal(runKlpc(['check', phil, '--spill', dir, '--no-properties']).code, 11);
    assert.equal(runKlpc(['check', phil, '--spill', dir, '--dot', path.join(dir, 'g.dot')]).code, 2);
    fs.writeFileSync(path.join(dir, 'file'), '');
    const bad = runKlpc(['check', phil, '--no-properties', '--spill', path.join(dir, 'file', 'sub')]);
    assert.equal(bad.code, 151);
    assert.match(bad.stderr, /error KLP6006: Cannot create/);
    const size = runKlpc(['check', phil, '--spill', dir, '--max-memory', '12XB']);
    assert.equal(size.code, 2);
    assert.match(size.stderr, /expected a size such as 512MB/);
  });
});
