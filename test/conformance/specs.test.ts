// Differential test over every .klp file in the repository's specs/ tree and in this folder's
// fixtures/: the reference interpreter and the compiled explorer must agree exactly. Files are
// discovered at run time, so a newly added spec is compared without touching this test.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fast, load, normalized, reference } from './pipeline.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'); // the repository
const FIXTURES = join(ROOT, 'test', 'conformance', 'fixtures');

// Every .klp file under dir, sorted; a missing dir has none.
export function klpFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? klpFiles(join(dir, e.name)) : e.name.endsWith('.klp') ? [join(dir, e.name)] : []))
    .sort();
}

const files = [...klpFiles(join(ROOT, 'specs')), ...klpFiles(FIXTURES)];

describe('conformance: spec files, reference vs compiled explorer', function () {
  this.timeout(0);

  it('discovers the spec files, fixtures included', function () {
    for (const f of ['features.klp', 'errors.klp', 'base.klp', 'variant.klp']) {
      assert.ok(files.includes(join(FIXTURES, f)), `fixture ${f} not discovered`);
    }
  });

  for (const file of files) {
    it(relative(ROOT, file), async function () {
      const program = await load(file);
      const start = performance.now();
      const ref = reference(program);
      const refMs = performance.now() - start;
      const got = await fast(program);
      assert.deepEqual(normalized(got), normalized(ref));
      if (refMs > 2000) console.log(`    (reference: ${ref.distinct} states in ${(refMs / 1000).toFixed(1)} s)`);
    });
  }
});
