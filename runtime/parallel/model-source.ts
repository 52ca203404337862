// How a worker gets the model: the generated module's JavaScript the compile cache verified,
// imported from exactly those bytes as the CLI's thread imported them (runtime/import-model.ts),
// or, for the hand-written models of the bench and the tests, a class one of klpc's own modules
// exports.

import { importVerified } from '../import-model.js';
import type { CompiledModel } from '../model.js';

export type ModelSource =
  | { readonly kind: 'js'; readonly js: string }
  // `new (module url's export name)(...args)`; args are structured-cloned to the worker
  | { readonly kind: 'module'; readonly url: string; readonly name: string; readonly args: readonly unknown[] };

export async function loadModel(source: ModelSource): Promise<CompiledModel> {
  if (source.kind === 'js') return importVerified(source.js);
  const mod = (await import(source.url)) as Record<string, new (...args: unknown[]) => CompiledModel>;
  return new mod[source.name]!(...source.args);
}
