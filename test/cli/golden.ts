// Golden files for everything the CLI prints: test/fixtures/cli/<name>. `KLPC_ACCEPT=1` rewrites
// them (npm run test:accept); the review is the diff.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/cli/golden.js -> <repo>
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/cli');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(fixturesDir, name);
  if (process.env.KLPC_ACCEPT === '1') {
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing golden file ${file}: run with KLPC_ACCEPT=1 to create it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${file} (KLPC_ACCEPT=1 to accept)`);
}
