// The `klpc` bin is the bundled CLI (dist/bundle/klpc.mjs, built by scripts/bundle.mjs): it
// must run the real pipeline, not only print its version, and must not load the code
// generator (ts-morph) when the compiled explorer is already cached.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUNDLE = 'dist/bundle/klpc.mjs';

function klpc(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
}

describe('the bundled klpc binary', function () {
  this.timeout(60_000);

  it('is what package.json installs as `klpc`', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin['klpc'], BUNDLE);
    assert.match(readFileSync(BUNDLE, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('checks the shipped prefix spec and finds both races', () => {
    const r = klpc(['check', 'specs/klp/prefix.klp', '--json']);
    assert.equal(r.status, 12, r.stderr);
    const doc = JSON.parse(r.stdout) as { properties: { name: string; verdict: string }[] };
    const verdict = Object.fromEntries(doc.properties.map((p) => [p.name, p.verdict]));
    assert.equal(verdict['StackOrder'], 'violated');
    assert.equal(verdict['NoDanglingModule'], 'violated');
    assert.equal(verdict['GoingCoverage'], 'holds');
  });

  it('does not load ts-morph when the explorer is cached', () => {
    const cache = mkdtempSync(join(tmpdir(), 'klpc-bundle-'));
    const env = { KLPC_CACHE_DIR: cache };
    assert.equal(klpc(['check', 'specs/klp/postfix.klp'], env).status, 0);
    // NODE_DEBUG=module logs every CommonJS module Node loads (ts-morph is CommonJS)
    const cold = klpc(['check', 'specs/klp/postfix.klp'], { KLPC_CACHE_DIR: mkdtempSync(join(tmpdir(), 'klpc-bundle-')), NODE_DEBUG: 'module' });
    assert.match(cold.stderr, /ts-morph/, 'the probe sees ts-morph when code is generated');
    const warm = klpc(['check', 'specs/klp/postfix.klp'], { ...env, NODE_DEBUG: 'module' });
    assert.equal(warm.status, 0, warm.stderr.slice(-2000));
    assert.doesNotMatch(warm.stderr, /ts-morph/);
  });
});
