// Golden tests: one fixture per binder diagnostic code, test/fixtures/binder/KLPxxxx.klp, whose
// rendered diagnostics must equal KLPxxxx.txt beside it and include that code. A first line
// `// consts: A=1, B=true` gives command-line constants. Regenerate with KLPC_ACCEPT=1 and
// review the diff.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDiagnostics } from '../../lang/diagnostics/render.js';
import { loadProgram } from '../../lang/load.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DIR = 'test/fixtures/binder';
const ACCEPT = process.env['KLPC_ACCEPT'] === '1';

function consts(text: string): Map<string, number | boolean> {
  const m = /^\/\/ consts: (.*)$/m.exec(text.split('\n')[0] ?? '');
  const out = new Map<string, number | boolean>();
  for (const item of m?.[1]?.split(',') ?? []) {
    const [name, value] = item.trim().split('=');
    out.set(name!, value === 'true' ? true : value === 'false' ? false : Number(value));
  }
  return out;
}

describe('binder: diagnostic fixtures', () => {
  const fixtures = readdirSync(join(ROOT, DIR)).filter((f) => /^KLP\d{4}\.klp$/.test(f)).sort();

  it('has fixtures', () => assert.ok(fixtures.length >= 40, `only ${fixtures.length} fixtures`));

  for (const f of fixtures) {
    const code = f.slice(0, 7);
    it(code, () => {
      const path = `${DIR}/${f}`;
      const text = readFileSync(join(ROOT, path), 'utf8');
      const r = loadProgram(path, { consts: consts(text), readFile: (p) => (existsSync(join(ROOT, p)) ? readFileSync(join(ROOT, p), 'utf8') : undefined) });
      assert.ok(r.diagnostics.some((d) => d.code === code), `${f} does not produce ${code}: ${r.diagnostics.map((d) => d.code).join(', ')}`);
      const got = renderDiagnostics(r.diagnostics, r.sources) + '\n';
      const golden = join(ROOT, DIR, `${code}.txt`);
      if (ACCEPT) writeFileSync(golden, got);
      assert.equal(got, readFileSync(golden, 'utf8'));
    });
  }
});
