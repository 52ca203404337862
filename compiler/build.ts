// `klpc check`'s path from a typed program to a loaded explorer: generate TypeScript, strip the
// types with esbuild (~20 ms), and import the JS. Results are cached (cache.ts) by a hash of the
// program and of the compiler itself, so a re-run skips generation (and the ts-morph import)
// entirely, and a new klpc never runs a model an old one compiled. Out: the model, or KLP6007
// when the cache directory may not be trusted.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import type { Program } from '../lang/program.js';
import type { Span } from '../lang/span.js';
import type { CompiledModel } from '../runtime/model.js';
import { importVerified } from '../runtime/import-model.js';
import { cacheLocation, prepareCacheDir, readEntry, writeEntry, type CacheLocation } from './cache.js';

export interface BuildOptions {
  readonly cacheDir?: string; // default: cacheLocation(process.env)
}

// The pseudo-file a KLP6007 points into: the variable that chose the cache directory.
export const ENVIRONMENT_FILE = '<environment>';

export type BuildResult =
  // js: the verified bytes imported, from cache entry `entry`
  | { readonly model: CompiledModel; readonly js: string; readonly entry: string }
  | { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> };

export async function build(program: Program, options: BuildOptions = {}): Promise<BuildResult> {
  const where = cacheWhere(options);
  const problem = prepareCacheDir(where.dir);
  if (problem !== undefined) return refused(where, problem);
  const key = createHash('sha256').update(compilerFingerprint()).update(JSON.stringify(program)).digest('hex').slice(0, 32);
  const name = `${program.name.replace(/[^\w-]/g, '_')}-${key}.mjs`;
  let js = readEntry(where.dir, name);
  if (js === undefined) {
    js = await generate(program);
    writeEntry(where.dir, name, js); // an unwritable cache only costs the next run a regeneration
  }
  return { model: await importVerified(js), js, entry: name };
}

export function cacheWhere(options: BuildOptions): CacheLocation {
  return options.cacheDir === undefined ? cacheLocation(process.env) : { dir: options.cacheDir, variable: 'cacheDir', value: options.cacheDir };
}

// For callers whose cache directory is their own (tests, benchmarks): a refusal is their bug.
export async function buildModel(program: Program, options: BuildOptions = {}): Promise<CompiledModel> {
  return (await buildModelSource(program, options)).model;
}

// The model and the JavaScript it was imported from (for the workers of a parallel search).
export async function buildModelSource(program: Program, options: BuildOptions = {}): Promise<{ model: CompiledModel; js: string }> {
  const r = await build(program, options);
  if ('model' in r) return r;
  throw new Error(`internal: ${r.diagnostics.map((d) => d.message).join('; ')}`);
}

async function generate(program: Program): Promise<string> {
  const { emitSource } = await import('./emit.js');
  const { generateModel } = await import('./gen/model.js');
  const { transform } = await import('esbuild');
  return (await transform(await emitSource(generateModel(program)), { loader: 'ts', format: 'esm', target: 'node20' })).code;
}

function refused(where: CacheLocation, reason: string): BuildResult {
  const text = `${where.variable}=${where.value}`;
  const start = where.variable.length + 1;
  const span: Span = { file: ENVIRONMENT_FILE, start, end: text.length, line: 1, col: start + 1 };
  const hint = `klpc runs the code it caches there: make the directory yours and private (chmod 700), or set KLPC_CACHE_DIR to one that is`;
  return { diagnostics: [diag('KLP6007', span, { path: where.dir, reason }, { hint })], sources: new Map([[ENVIRONMENT_FILE, text]]) };
}

// A hash of the code that generates models. Bundled (dist/bundle/klpc.mjs), this file is the
// whole CLI; built by tsc, the stages a model depends on. esbuild only strips types, so its
// version cannot change what a model does.
let fingerprint: string | undefined;
export function compilerFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const self = fileURLToPath(import.meta.url);
  const root = path.dirname(path.dirname(self));
  const files = self.endsWith('.mjs') ? [self] : ['compiler', 'lang', 'runtime'].flatMap((d) => codeFiles(path.join(root, d)));
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(root, f)).update('\0').update(readFileSync(f));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? codeFiles(path.join(dir, e.name)) : /\.m?js$/.test(e.name) ? [path.join(dir, e.name)] : []));
}
