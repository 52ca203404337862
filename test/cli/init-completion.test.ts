// `klpc init` (the starter spec checks clean, is canonically formatted, and is never written over
// an existing file) and `klpc completion` (the bash script, run in a real bash: what it offers
// after a partial command line), through the built binary.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { klpcJs } from './run-klpc.js';

function klpc(args: readonly string[], cwd: string) {
  const r = spawnSync(process.execPath, [klpcJs, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('klpc init and completion', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-init-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('init writes a starter spec that checks clean and is formatted, and says how to check it', () => {
    const r = klpc(['init'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^wrote spec\.klp\n/);
    assert.match(r.out, /npx klpc check spec\.klp/);
    const check = klpc(['check', 'spec.klp'], dir);
    assert.equal(check.code, 0, check.out + check.err);
    assert.equal(check.err, '', 'no warnings');
    for (const p of ['AllCounted', 'Fresh', 'deadlock']) assert.match(check.out, new RegExp(`✓ ${p}\\s`));
    assert.equal(klpc(['fmt', '--check', 'spec.klp'], dir).code, 0);
  });

  it("init's TRY works: without the lock, the named assert fails", () => {
    klpc(['init', 'race.klp'], dir);
    const file = path.join(dir, 'race.klp');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^\s*(un)?lock\(m\);.*$/gm, ''));
    const check = klpc(['check', 'race.klp', '--no-lanes'], dir);
    assert.equal(check.code, 14, check.out + check.err);
    assert.match(check.out, /✗ Fresh\s+violated/);
  });

  it('init never overwrites a file, and wants a .klp name', () => {
    fs.writeFileSync(path.join(dir, 'spec.klp'), 'mine');
    const r = klpc(['init'], dir);
    assert.equal(r.code, 151);
    assert.match(r.err, /KLP6006: Cannot create 'spec\.klp': it already exists\./);
    assert.equal(fs.readFileSync(path.join(dir, 'spec.klp'), 'utf8'), 'mine');
    assert.match(klpc(['init', 'notes.txt'], dir).err, /KLP6006: .*a spec file name ends in \.klp/);
    assert.ok(!fs.existsSync(path.join(dir, 'notes.txt')));
  });

  // What the bash script completes for `klpc <words...>` (the last word being completed), run
  // with the folder as the current directory.
  let bashScript: string | undefined;
  function complete(line: readonly string[]): string[] {
    bashScript ??= klpc(['completion', 'bash'], dir).out;
    fs.writeFileSync(path.join(dir, 'c.sh'), bashScript);
    const words = ['klpc', ...line].map((w) => `'${w}'`).join(' ');
    const body = `source ./c.sh; COMP_WORDS=(${words}); COMP_CWORD=${line.length}; _klpc; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', body], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter((l) => l !== '').sort();
  }

  it('bash completion: commands, each command\'s options, .klp files for specs, any file after --dot', () => {
    fs.writeFileSync(path.join(dir, 'a.klp'), '');
    fs.writeFileSync(path.join(dir, 'b.txt'), '');
    fs.mkdirSync(path.join(dir, 'specs'));
    assert.deepEqual(complete(['c']), ['check', 'compile', 'completion']);
    assert.deepEqual(complete(['check', '--d']), ['--dot', '--dot-limit']);
    assert.deepEqual(complete(['compile', '--']).filter((o) => o === '--cfg' || o === '--dot'), ['--cfg']);
    assert.deepEqual(complete(['check', '']), ['a.klp', 'specs']);
    assert.deepEqual(complete(['check', 'a.klp', '--dot', '']), ['a.klp', 'b.txt', 'c.sh', 'specs']);
    assert.deepEqual(complete(['check', '--max-states', '']), []);
    assert.deepEqual(complete(['completion', '']), ['bash', 'zsh']);
  });

  it('zsh completion is the same function behind bashcompinit', () => {
    const bash = klpc(['completion', 'bash'], dir).out;
    const zsh = klpc(['completion', 'zsh'], dir).out;
    assert.match(zsh, /^#compdef klpc\n/);
    assert.match(zsh, /^autoload -U \+X bashcompinit && bashcompinit$/m);
    const fn = (s: string) => s.slice(s.indexOf('_klpc() {'));
    assert.equal(fn(zsh), fn(bash));
  });

  it('completion for an unknown shell is a usage error', () => {
    const r = klpc(['completion', 'fish'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /Allowed choices are bash, zsh/);
  });
});
