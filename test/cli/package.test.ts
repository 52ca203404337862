// The npm package as a user gets it: `npm pack` ships only what runs (the bundled CLI, the
// README, package.json), the tarball installs into an empty project with only its runtime
// dependencies, and `npx klpc check` runs there. Offline: the app's lockfile pins the
// dependencies to the versions of our own lockfile, whose tarballs `npm ci` left in the npm cache.
// Also `npx klpc` from the repository root, as the README says.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './golden.js';

interface LockEntry { readonly dev?: boolean; readonly [k: string]: unknown }

function npm(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', [...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; dependencies: Record<string, string> };

// An app depending on the tarball, locked to our lockfile's non-dev packages (the runtime
// dependencies and theirs), so that `npm ci --offline` needs only cached tarballs.
function writeApp(dir: string, tgz: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
  const spec = `file:${tgz}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { klpc: spec } },
    'node_modules/klpc': { version: pkg.version, resolved: spec, integrity, dependencies: pkg.dependencies, bin: pkg.bin },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && entry.dev !== true) packages[key] = entry;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: { klpc: spec } }));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }));
}

describe('npm package', function () {
  this.timeout(120000);
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-pack-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('packs only the runtime: the bundled CLI and its worker, README.md and package.json', () => {
    const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], repoRoot);
    assert.equal(r.code, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['README.md', 'dist/bundle/klpc-worker.mjs', 'dist/bundle/klpc.mjs', 'package.json']);
    assert.ok(files.includes(pkg.bin['klpc']!), 'the bin target is shipped');
  });

  it('installs from the tarball into an empty project, where npx klpc check runs a spec', () => {
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', tmp], repoRoot);
    assert.equal(packed.code, 0, packed.stderr);
    const tgz = path.join(tmp, `klpc-${pkg.version}.tgz`);
    const app = path.join(tmp, 'app');
    fs.mkdirSync(app);
    writeApp(app, tgz);
    const installed = npm(['ci', '--offline', '--no-audit', '--no-fund'], app);
    assert.equal(installed.code, 0, installed.stderr);
    // what the bundle left external must be there; what it bundled must not
    const modules = fs.readdirSync(path.join(app, 'node_modules'));
    for (const dep of ['ts-morph', 'prettier', 'esbuild']) assert.ok(modules.includes(dep), dep);
    for (const dep of ['chevrotain', 'commander', 'picocolors', 'typescript', 'mocha']) assert.ok(!modules.includes(dep), dep);
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/cli/lost-update.klp'), path.join(app, 'lost.klp'));
    // a fresh cache: a miss runs the whole code generator (ts-morph, prettier, esbuild) from the app
    const env = { ...process.env, KLPC_CACHE_DIR: path.join(tmp, 'cache') };
    const r = spawnSync('npx', ['--no-install', 'klpc', 'check', 'lost.klp', '--no-lanes'], { cwd: app, encoding: 'utf8', env });
    assert.equal(r.status, 12, r.stderr);
    assert.match(r.stdout, /✗ NoLostUpdate\s+violated \(4 steps\)/);
    // a state space past the one-thread probe runs on the bundled worker
    fs.copyFileSync(path.join(repoRoot, 'specs/examples/counter.klp'), path.join(app, 'counter.klp'));
    const big = spawnSync('npx', ['--no-install', 'klpc', 'check', 'counter.klp', '--const', 'K=4', '--const', 'ROUNDS=2', '--workers', '2', '--json'], { cwd: app, encoding: 'utf8', env });
    assert.equal(big.status, 12, big.stderr);
    assert.deepEqual([JSON.parse(big.stdout).workers, JSON.parse(big.stdout).stats.distinct], [2, 446_809]);
  });

  it('npx klpc runs the built CLI from the repository root', () => {
    const r = spawnSync('npx', ['--no-install', 'klpc', '--version'], { cwd: repoRoot, encoding: 'utf8' });
    assert.deepEqual([r.status, r.stdout], [0, `${pkg.version}\n`], r.stderr);
  });
});
