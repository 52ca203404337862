// The compile cache runs code, so only code the user's own klpc wrote there: a per-user
// directory created 0700, a directory another user owns or may write is refused (KLP6007, exit
// 151, no stack trace), an entry is imported only when its hash matches its bytes and it is the
// user's own private regular file, and a changed klpc (the bundle) never reuses an old entry.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../compiler/build.js';
import { cacheLocation, readEntry, sha256, writeEntry } from '../../compiler/cache.js';
import { loadProgram } from '../../lang/load.js';
import type { Program } from '../../lang/program.js';
import { explore } from '../../runtime/explore.js';

const OTHER_UID = 54321;
const SPEC = 'var x: 0..2 = 0\nprocess p { a: x := x + 1; b: x := x + 1; }\ninvariant Small: x < 2\n';

let scratch: string;
const fresh = (name: string) => fs.mkdtempSync(path.join(scratch, `${name}-`));

function program(): Program {
  const file = path.join(fresh('spec'), 'cached.klp');
  fs.writeFileSync(file, SPEC);
  const r = loadProgram(file);
  assert.ok(r.program);
  return r.program;
}

async function verdict(p: Program, cacheDir: string): Promise<string> {
  const r = await build(p, { cacheDir });
  assert.ok('model' in r, 'diagnostics' in r ? r.diagnostics[0]!.message : '');
  return explore(r.model, { deadlock: false }).properties.find((q) => q.name === 'Small')!.verdict;
}

async function refusal(p: Program, cacheDir: string): Promise<string> {
  const r = await build(p, { cacheDir });
  assert.ok('diagnostics' in r, 'the cache was used');
  assert.equal(r.diagnostics[0]!.code, 'KLP6007');
  return r.diagnostics[0]!.message;
}

const entries = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.mjs'));

describe('compiler/cache', function () {
  this.timeout(120_000);
  before(() => (scratch = fs.mkdtempSync(path.join(tmpdir(), 'klpc-cache-test-'))));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('lives in KLPC_CACHE_DIR, else $XDG_CACHE_HOME/klpc, else ~/.cache/klpc', () => {
    assert.equal(cacheLocation({ KLPC_CACHE_DIR: '/a/b', XDG_CACHE_HOME: '/x', HOME: '/h' }).dir, '/a/b');
    assert.equal(cacheLocation({ XDG_CACHE_HOME: '/x', HOME: '/h' }).dir, '/x/klpc');
    assert.equal(cacheLocation({ XDG_CACHE_HOME: 'relative', HOME: '/h' }).dir, '/h/.cache/klpc');
    assert.equal(cacheLocation({ HOME: '/h' }).dir, '/h/.cache/klpc');
    assert.equal(cacheLocation({ KLPC_CACHE_DIR: '', HOME: '/h' }).dir, '/h/.cache/klpc');
  });

  it('creates the directory private to the user', async () => {
    const dir = path.join(fresh('create'), 'a', 'b');
    assert.equal(await verdict(program(), dir), 'violated');
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    const [entry] = entries(dir);
    assert.equal(fs.statSync(path.join(dir, entry!)).mode & 0o777, 0o600);
  });

  it('refuses a directory its group or every user may write, or another user owns', async () => {
    const p = program();
    const open = fresh('open');
    fs.chmodSync(open, 0o777);
    assert.match(await refusal(p, open), /writable by every user \(mode 777\)/);
    const group = fresh('group');
    fs.chmodSync(group, 0o770);
    assert.match(await refusal(p, group), /writable by its group/);
    const theirs = fresh('theirs');
    fs.chownSync(theirs, OTHER_UID, OTHER_UID);
    assert.match(await refusal(p, theirs), /belongs to another user \(uid 54321\)/);
  });

  it('refuses a directory whose parent others may write without the sticky bit', async () => {
    const parent = fresh('parent');
    fs.chmodSync(parent, 0o777);
    const dir = path.join(parent, 'cache');
    fs.mkdirSync(dir, { mode: 0o700 });
    assert.match(await refusal(program(), dir), /its parent .* is writable by other users without the sticky bit/);
    fs.chmodSync(parent, 0o1777); // as /tmp: others cannot rename what they do not own
    assert.equal(await verdict(program(), dir), 'violated');
  });

  it('never imports a planted or altered entry, and replaces it', async () => {
    const p = program();
    const dir = fresh('planted');
    assert.equal(await verdict(p, dir), 'violated');
    const file = path.join(dir, entries(dir)[0]!);
    const good = fs.readFileSync(file, 'utf8');
    const evil = 'process.exit(99);\nexport const model = undefined;\n';
    const plants: [string, () => void][] = [
      ['code with a stale hash', () => fs.writeFileSync(file, good.split('\n')[0] + '\n' + evil)],
      ['no header at all', () => fs.writeFileSync(file, evil)],
      ['a truncated entry', () => fs.writeFileSync(file, good.slice(0, good.length - 20))],
      ['a consistent entry another user owns', () => { writeEntry(dir, path.basename(file), evil); fs.chownSync(file, OTHER_UID, OTHER_UID); }],
      ['a consistent entry others may write', () => { writeEntry(dir, path.basename(file), evil); fs.chmodSync(file, 0o666); }],
      ['a symbolic link to a consistent entry', () => {
        const elsewhere = fresh('elsewhere');
        writeEntry(elsewhere, 'x.mjs', evil);
        fs.rmSync(file);
        fs.symlinkSync(path.join(elsewhere, 'x.mjs'), file);
      }],
    ];
    for (const [what, plant] of plants) {
      plant();
      assert.equal(readEntry(dir, path.basename(file)), undefined, what);
      assert.equal(await verdict(p, dir), 'violated', what);
      assert.equal(fs.readFileSync(file, 'utf8'), good, `${what}: the entry is regenerated`);
      assert.equal(fs.lstatSync(file).isSymbolicLink(), false);
    }
  });

  it('verifies the hash of the bytes it reads', () => {
    const dir = fresh('hash');
    assert.ok(writeEntry(dir, 'm.mjs', 'export const model = 1;\n'));
    const text = fs.readFileSync(path.join(dir, 'm.mjs'), 'utf8');
    assert.ok(text.includes(sha256('export const model = 1;\n')));
    assert.equal(readEntry(dir, 'm.mjs'), 'export const model = 1;\n');
    fs.writeFileSync(path.join(dir, 'm.mjs'), text.replace('= 1', '= 2'));
    assert.equal(readEntry(dir, 'm.mjs'), undefined);
  });

  it('is refused through the CLI with a located diagnostic, exit 151 and no stack trace', () => {
    const dir = fresh('cli');
    fs.chmodSync(dir, 0o777);
    const r = spawnSync(process.execPath, ['dist/bundle/klpc.mjs', 'check', 'specs/examples/counter.klp'], { encoding: 'utf8', env: { ...process.env, KLPC_CACHE_DIR: dir, NO_COLOR: '1' } });
    assert.equal(r.status, 151, r.stderr);
    assert.match(r.stderr, /<environment>:1:16 - error KLP6007: Refusing the compile cache '.*': it is writable by every user/);
    assert.match(r.stderr, new RegExp(`KLPC_CACHE_DIR=${dir}\n.*~~~`));
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('never runs a model an older bundle compiled', () => {
    // a copy of the bundle inside dist/, so that it finds node_modules and package.json as the real one does
    const copyDir = fs.mkdtempSync(path.join('dist', 'bundle-copy-'));
    try {
      const copy = path.join(copyDir, 'klpc.mjs');
      fs.copyFileSync('dist/bundle/klpc.mjs', copy);
      const cache = fresh('bundle');
      const run = () => spawnSync(process.execPath, [copy, 'check', 'specs/examples/counter.klp'], { encoding: 'utf8', env: { ...process.env, KLPC_CACHE_DIR: cache } });
      assert.equal(run().status, 12);
      assert.equal(entries(cache).length, 1);
      fs.appendFileSync(copy, '\n// a new release\n');
      assert.equal(run().status, 12);
      assert.equal(entries(cache).length, 2, 'a changed bundle compiles anew');
    } finally {
      fs.rmSync(copyDir, { recursive: true, force: true });
    }
  });
});
