// Golden files for everything the CLI prints: test/fixtures/cli/<name> (see ../golden.ts).

import path from 'node:path';
import { expectGoldenFile, repoRoot } from '../golden.js';

export { repoRoot };
export const fixturesDir = path.join(repoRoot, 'test/fixtures/cli');

export function expectGolden(name: string, actual: string): void {
  expectGoldenFile(path.join('test/fixtures/cli', name), actual);
}
