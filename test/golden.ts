// Golden files: expected output kept beside the tests. `KLPC_ACCEPT=1` (npm run test:accept)
// rewrites them and the review is the git diff; otherwise a missing golden is a failure, never
// silently created.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/test/golden.js -> <repo>
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// `file` relative to the repository root.
export function expectGoldenFile(file: string, actual: string): void {
  const abs = path.join(repoRoot, file);
  if (process.env['KLPC_ACCEPT'] === '1') {
    fs.writeFileSync(abs, actual);
    return;
  }
  assert.ok(fs.existsSync(abs), `missing golden file ${file}: run with KLPC_ACCEPT=1 to create it`);
  assert.equal(actual, fs.readFileSync(abs, 'utf8'), `output differs from ${file} (KLPC_ACCEPT=1 to accept)`);
}
