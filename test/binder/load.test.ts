// loadProgram with the default file reader: a spec on disk, a missing one, the program's
// identity (name from the file name, files top first), and files that are not specs.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgram } from '../../lang/load.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'binder');

describe('binder: loadProgram from disk', () => {
  it('loads a spec file and names the program after it', () => {
    const path = join(FIXTURES, 'base', 'base.klp');
    const r = loadProgram(path);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.program?.name, 'base');
    assert.deepEqual(r.program?.files, [path]);
    assert.deepEqual([...r.sources.keys()], [path]);
  });

  it('reports a missing file against the command line', () => {
    const r = loadProgram(join(FIXTURES, 'nope.klp'));
    assert.equal(r.program, undefined);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.span.file, d.message.endsWith('no such file or directory.')]), [['KLP5001', '<command line>', true]]);
  });
});

describe('binder: loadProgram, files that are not what they seem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klpc-load-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('follows a `variant of` with an absolute path', () => {
    const base = file('abs-base.klp', 'var x: 0..1 = 0\ninvariant I: x == 0\n');
    const r = loadProgram(file('abs-top.klp', `variant of "${base}"\nconst C = 1\n`));
    assert.deepEqual(r.diagnostics.map((d) => d.code), []);
    assert.deepEqual(r.program?.files, [join(dir, 'abs-top.klp'), base]);
  });

  it('accepts a UTF-8 byte order mark and keeps columns as editors count them', () => {
    const r = loadProgram(file('bom.klp', '\uFEFFvar x: 0..1 = 0\ninvariant I: y == 0\n'));
    assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col}`), ['KLP2001 2:14']);
    assert.equal([...r.sources.values()][0]!.charCodeAt(0), 'v'.charCodeAt(0));
  });

  it('refuses a binary file or one that is not UTF-8, on the `variant of` that names it', () => {
    for (const [name, bytes, reason] of [
      ['bin.klp', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x41]), 'it is binary (a NUL byte at offset 5), not a spec'],
      ['latin1.klp', Buffer.from('const \xe9 = 1\n', 'latin1'), 'it is not UTF-8 text, so not a spec'],
    ] as const) {
      file(name, bytes);
      const r = loadProgram(file(`of-${name}`, `variant of "${name}"\n`));
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.span.file, d.span.line, d.span.col, d.message]), [['KLP5001', join(dir, `of-${name}`), 1, 12, `Cannot read '${join(dir, name)}': ${reason}.`]]);
      assert.deepEqual([...r.sources.keys()], [join(dir, `of-${name}`)], 'the binary is not kept as a source');
    }
  });

  it('does not echo a text file that is not a spec, but does a spec with mistakes', () => {
    const notes = loadProgram(file('notes.klp', 'root:x:0:0:root:/root:/bin/bash\n'));
    assert.deepEqual(notes.diagnostics.map((d) => [d.code, d.span.file]), [['KLP5010', '<command line>']]);
    assert.equal(notes.sources.size, 0);
    const typo = loadProgram(file('typo.klp', 'var x 0..1 = 0\n'));
    assert.deepEqual(typo.diagnostics.map((d) => [d.code, d.span.file]), [['KLP1004', join(dir, 'typo.klp')]]);
    assert.equal(typo.sources.size, 1);
  });

  it('refuses an empty or comment-only spec', () => {
    for (const text of ['', '\n\n', '// nothing yet\n/* at all */\n']) {
      assert.deepEqual(loadProgram(file('empty.klp', text)).diagnostics.map((d) => d.code), ['KLP5009']);
    }
  });
});
