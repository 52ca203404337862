// Specs beyond what the explorer can index get KLP3011 before any code is generated.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLimits, MAX_STEPS } from '../../compiler/limits.js';
import { nodePipeline } from '../../cli/pipeline.js';
import { loadProgram } from '../../lang/load.js';

function specFile(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'klpc-limits-')), 'big.klp');
  writeFileSync(file, source);
  return file;
}

function limitsOf(source: string): string[] {
  const file = specFile(source);
  const { program, diagnostics } = loadProgram(file, {});
  assert.ok(program, diagnostics.map((d) => d.message).join('; '));
  return checkLimits(program).map((d) => `${d.code} ${d.message}`);
}

describe('compiler/limits', () => {
  it('accepts a spec right at the step limit and refuses one past it', () => {
    // domains stop at 1024 values, so the steps come from instances x labels
    const spec = (instances: number, labels: number) =>
      `process p(i: 1..${instances}) {\n${Array.from({ length: labels }, (_, k) => `  l${k}: skip;\n`).join('')}}\n`;
    assert.deepEqual(limitsOf(spec(1023, 64)), []);
    assert.deepEqual(limitsOf(spec(1024, 64)), [`KLP3011 The state is too large: 65536 steps (instances x labels) exceed the limit of ${MAX_STEPS}.`]);
  });

  it('refuses a state with more scalar values than it unrolls', () => {
    const [d] = limitsOf('var m: Map[1..300, Map[1..300, bool]] = [k in 1..300 |-> [j in 1..300 |-> false]]\ninvariant I: m[1][1] or not m[1][1]\n');
    assert.match(d ?? '', /^KLP3011 The state is too large: 90000 scalar values per state/);
  });

  it('is applied by the pipeline klpc check and diff load specs through', async () => {
    const labels = Array.from({ length: 64 }, (_, k) => `  l${k}: skip;\n`).join('');
    const loaded = await (await nodePipeline()).load(specFile(`process p(i: 1..1024) {\n${labels}}\n`), {});
    assert.equal(loaded.program, undefined);
    assert.deepEqual(loaded.diagnostics.map((d) => [d.code, d.span.line, d.span.col]), [['KLP3011', 1, 1]]);
  });
});
