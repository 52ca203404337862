// loadProgram with the default file reader: a spec on disk, a missing one, and the program's
// identity (name from the file name, files top first).

import assert from 'node:assert/strict';
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
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.span.file, d.message.endsWith('no such file.')]), [['KLP5001', '<command line>', true]]);
  });
});
