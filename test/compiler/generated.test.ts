// The generated module is real TypeScript: it must type-check against the runtime's model
// interface, for every shipped spec, and its text is pinned for one small spec (a golden file,
// regenerated with KLPC_ACCEPT=1) so that any change to the generated code is reviewed as a diff.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { emitTypeScript } from '../../compiler/emit.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { expectGoldenFile } from '../golden.js';

const root = process.cwd();

function load(path: string): Program {
  const { program, diagnostics } = loadProgram(path, {});
  assert.ok(program, `${path}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return program;
}

function shippedSpecs(): string[] {
  const out: string[] = [];
  for (const dir of ['specs/examples', 'specs/klp']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs)) if (f.endsWith('.klp')) out.push(join(dir, f));
  }
  return out;
}

describe('compiler/generated code', function () {
  this.timeout(60_000);

  it('matches the golden module for test/fixtures/compiler/small.klp', async () => {
    expectGoldenFile('test/fixtures/compiler/small.ts.golden', await emitTypeScript(load('test/fixtures/compiler/small.klp')));
  });

  it('type-checks for the fixture and every shipped spec', async () => {
    const specs = ['test/fixtures/compiler/small.klp', ...shippedSpecs()];
    assert.ok(specs.length >= 5, 'the shipped specs were found');
    const project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts'], noEmit: true, paths: { 'klpc/runtime/*': ['/runtime/*'] } },
    });
    for (const f of ['model.ts', 'value.ts']) project.createSourceFile(`/runtime/${f}`, readFileSync(join(root, 'runtime', f), 'utf8'));
    for (const [i, spec] of specs.entries()) project.createSourceFile(`/gen/m${i}.ts`, await emitTypeScript(load(spec)));
    const diags = project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getFilePath() ?? ''}:${d.getLineNumber() ?? ''}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')}`);
    assert.deepEqual(diags, []);
  });
});
