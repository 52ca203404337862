// The installed entry point: shebang, --version, --help, and the errors that need no spec
// pipeline (usage errors exit 2, unreadable spec 150, malformed --const 151), pinned as goldens.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expectGolden, repoRoot } from './golden.js';
import { klpcJs, runKlpc, transcript } from './run-klpc.js';

describe('klpc binary', function () {
  this.timeout(20000);

  it('starts with a node shebang', () => {
    assert.equal(fs.readFileSync(klpcJs, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const r = runKlpc(['--version']);
    assert.deepEqual(r, { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help with the commands and exit codes', () => {
    const r = runKlpc(['--help']);
    assert.equal(r.code, 0);
    for (const s of ['check [options] <spec>', 'compile [options] <spec>', '151 bad command-line input']) assert.ok(r.stdout.includes(s), s);
    const c = runKlpc(['check', '--help']);
    assert.equal(c.code, 0);
    for (const s of ['--const <NAME=VALUE>', '--no-deadlock', '--max-states <N>', '--itf <file>', '--no-lanes']) assert.ok(c.stdout.includes(s), s);
  });

  const cases: [string, string[]][] = [
    ['usage-unknown-command', ['frobnicate']],
    ['usage-unknown-option', ['check', 'counter.klp', '--bogus']],
    ['usage-missing-spec', ['check']],
    ['usage-bad-bound', ['check', 'counter.klp', '--max-states', '0']],
    ['missing-spec-file', ['check', 'no-such.klp']],
    ['spec-is-directory', ['check', '.']],
    ['malformed-const', ['check', 'counter.klp', '--const', 'N=two', '--const', 'N']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: klpc ${args.join(' ')}`, () => {
      const r = runKlpc(args);
      expectGolden(`cli-${name}.txt`, transcript(args, r));
      assert.ok(!r.stderr.includes('    at '), 'no stack trace for a user mistake');
    });
  }
});
