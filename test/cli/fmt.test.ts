// `klpc fmt` as a command, in process on a scratch folder: rewriting in place, `--check` for CI
// (exit 1 and the file list, nothing written), directories, stdin to stdout, and the files it
// refuses: syntax errors (150, file untouched), missing paths and non-.klp files (KLP5001).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt } from '../../cli/fmt.js';
import { recordingIo } from './fake-pipeline.js';

const MESSY = 'const A=1;\nprocess p { a: skip; }\n';
const TIDY = 'const A = 1\nprocess p {\n  a:\n    skip;\n}\n';

describe('klpc fmt command', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-fmt-'));
    fs.mkdirSync(file('sub'));
    fs.writeFileSync(file('a.klp'), MESSY);
    fs.writeFileSync(file('sub/b.klp'), TIDY);
    fs.writeFileSync(file('sub/notes.txt'), 'not a spec');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(paths: string[], check = false, stdin = '') {
    const io = recordingIo(['fmt', ...paths]);
    const code = fmt(paths, { check }, io, () => stdin);
    return { code, out: io.stdout.join(''), err: io.stderr.join('') };
  }

  it('--check lists what would change, writes nothing, and exits 1; 0 once formatted', () => {
    const r = run([dir], true);
    assert.deepEqual([r.code, r.out], [1, `${file('a.klp')}\n`]);
    assert.match(r.err, /1 file is not formatted/);
    assert.equal(read('a.klp'), MESSY);
    assert.deepEqual(run([file('sub/b.klp')], true), { code: 0, out: '', err: '' });
  });

  it('rewrites the .klp files of a directory in place, and says which', () => {
    const r = run([dir]);
    assert.deepEqual([r.code, r.out], [0, `formatted ${file('a.klp')}\n`]);
    assert.equal(read('a.klp'), TIDY);
    assert.equal(read('sub/notes.txt'), 'not a spec');
    assert.equal(run([dir], true).code, 0);
  });

  it('formats stdin to stdout with -', () => {
    assert.deepEqual(run(['-'], false, MESSY), { code: 0, out: TIDY, err: '' });
    assert.equal(run(['-'], true, MESSY).code, 1);
  });

  it('leaves a file with syntax errors alone and reports them (exit 150)', () => {
    fs.writeFileSync(file('bad.klp'), 'const A =\n');
    const r = run([file('bad.klp'), file('a.klp')]);
    assert.equal(r.code, 150);
    assert.match(r.err, /bad\.klp:1:10 - error KLP1004/);
    assert.equal(read('bad.klp'), 'const A =\n');
    assert.equal(read('a.klp'), TIDY, 'the other files are still formatted');
  });

  it('refuses a missing path and a file that is not .klp, without echoing it', () => {
    const r = run([file('nope.klp'), file('sub/notes.txt')]);
    assert.equal(r.code, 150);
    assert.match(r.err, /KLP5001: Cannot read '.*nope\.klp': no such file or directory/);
    assert.match(r.err, /KLP5001: Cannot read '.*notes\.txt': it is not a \.klp file/);
    assert.ok(!r.err.includes('not a spec'));
  });
});
