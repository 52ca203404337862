// `klpc check`'s path from a typed program to a loaded explorer: generate TypeScript, strip the
// types with esbuild (~20 ms), and import the JS. Results are cached by a hash of the program
// and of the compiler itself, so a re-run skips generation (and the ts-morph import) entirely.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Program } from '../lang/program.js';
import type { CompiledModel } from '../runtime/model.js';

export interface BuildOptions {
  readonly cacheDir?: string;
}

export async function buildModel(program: Program, options: BuildOptions = {}): Promise<CompiledModel> {
  const dir = options.cacheDir ?? process.env['KLPC_CACHE_DIR'] ?? join(tmpdir(), 'klpc-cache');
  const key = createHash('sha256').update(compilerFingerprint()).update(JSON.stringify(program)).digest('hex').slice(0, 32);
  const file = join(dir, `${program.name.replace(/[^\w-]/g, '_')}-${key}.mjs`);
  if (!existsSync(file)) {
    const { emitSource } = await import('./emit.js');
    const { generateModel } = await import('./gen/model.js');
    const { transform } = await import('esbuild');
    const js = await transform(await emitSource(generateModel(program)), { loader: 'ts', format: 'esm', target: 'node20' });
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, js.code);
    renameSync(tmp, file); // atomic: concurrent runs never import a half-written file
  }
  const mod = (await import(pathToFileURL(file).href)) as { model: CompiledModel };
  return mod.model;
}

// A hash of the compiler's own code, so that a changed compiler never reuses stale output.
let fingerprint: string | undefined;
function compilerFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.js')) hash.update(entry.name).update(readFileSync(p));
    }
  };
  walk(dirname(fileURLToPath(import.meta.url)));
  fingerprint = hash.digest('hex');
  return fingerprint;
}
