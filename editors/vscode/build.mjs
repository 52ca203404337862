// Bundles the extension (client/extension.ts) and the language server (server/main.ts, with
// klpc's parser, binder and formatter inside) into dist/, as CommonJS for VS Code's extension
// host; `vscode` is the editor's own module. The root `npm run build` runs it.
import { build } from 'esbuild';

const common = { absWorkingDir: import.meta.dirname, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' };
await build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] });
await build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.cjs' });
