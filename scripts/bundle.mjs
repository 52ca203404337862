// Bundles the built CLI (dist/bin/klpc.js) into one ESM file, dist/bundle/klpc.mjs, which is
// what the `klpc` bin runs. Loading chevrotain and lodash-es as ~600 separate ES modules costs
// ~0.4 s per run; bundled, ~0.07 s. ts-morph, prettier and esbuild stay external: they are
// imported lazily, only when code is generated (a cache miss or `klpc compile`).
// The worker threads of a parallel search run dist/bundle/klpc-worker.mjs, bundled the same way.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ts-morph', 'prettier', 'esbuild'],
  // CommonJS dependencies (picocolors) call require() for Node built-ins
  banner: { js: "import { createRequire as __klpcRequire } from 'node:module'; const require = __klpcRequire(import.meta.url);" },
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['dist/bin/klpc.js'], outfile: 'dist/bundle/klpc.mjs' });
await build({ ...common, entryPoints: ['dist/runtime/parallel/worker.js'], outfile: 'dist/bundle/klpc-worker.mjs' });
