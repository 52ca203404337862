// The shortcut of `klpc check` on a spec it has compiled before: the spec argument, the working
// directory and the constants in, the model compiled then out, without parsing or binding the
// spec again (the parser's grammar analysis alone costs more than node's start-up). An entry
// records the SHA-256 of every file the load read, the warnings it gave and the name of the
// model's own entry; it is used only while every one of those files still has that content,
// under the same build of klpc (compilerFingerprint). Entries live in the compile cache
// (cache.ts), so they are verified and private like the models.

import { createHash } from 'node:crypto';
import type { Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { readTextFile } from '../lang/files.js';
import { importVerified } from '../runtime/import-model.js';
import type { CompiledModel } from '../runtime/model.js';
import { cacheWhere, compilerFingerprint, type BuildOptions } from './build.js';
import { prepareCacheDir, readEntry, sha256, writeEntry } from './cache.js';

export interface Recalled {
  readonly model: CompiledModel;
  readonly js: string;
  readonly diagnostics: readonly Diagnostic[]; // the warnings of the load that compiled it
  readonly sources: ReadonlyMap<string, string>;
}

interface SpecEntry {
  readonly files: readonly (readonly [string, string])[]; // path as loaded, SHA-256 of its text
  readonly diagnostics: readonly Diagnostic[];
  readonly model: string;
}

type Consts = ReadonlyMap<string, number | boolean>;

function entryName(spec: string, consts: Consts): string {
  const key = createHash('sha256')
    .update(compilerFingerprint())
    .update(JSON.stringify([process.cwd(), spec, [...consts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]))
    .digest('hex')
    .slice(0, 32);
  return `spec-${key}.json`;
}

export async function recall(spec: string, consts: Consts, options: BuildOptions = {}): Promise<Recalled | undefined> {
  const dir = cacheWhere(options).dir;
  if (prepareCacheDir(dir) !== undefined) return undefined; // the normal path reports why
  const text = readEntry(dir, entryName(spec, consts));
  if (text === undefined) return undefined;
  const entry = JSON.parse(text) as SpecEntry;
  const sources = new Map<string, string>();
  for (const [file, hash] of entry.files) {
    const read = readTextFile(file);
    if ('reason' in read || sha256(read.text) !== hash) return undefined;
    sources.set(file, read.text);
  }
  const js = readEntry(dir, entry.model);
  if (js === undefined) return undefined;
  return { model: await importVerified(js), js, diagnostics: entry.diagnostics, sources };
}

// After a load without errors and its build: what recall() needs next time.
export function remember(spec: string, consts: Consts, loaded: { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> }, model: string, options: BuildOptions = {}): void {
  const entry: SpecEntry = { files: [...loaded.sources].map(([file, text]) => [file, sha256(text)]), diagnostics: loaded.diagnostics, model };
  writeEntry(cacheWhere(options).dir, entryName(spec, consts), JSON.stringify(entry));
}
