// The live progress line: written in place on stderr when enabled, erased at the end, absent
// otherwise (pipes, --json, --quiet).

import assert from 'node:assert/strict';
import { progressLine } from '../../cli/progress.js';
import { recordingIo } from './fake-pipeline.js';

describe('cli progress', () => {
  const p = { distinct: 12345, transitions: 67890, queued: 321, depth: 7, seconds: 2.4 };

  it('rewrites one line and erases it at the end', () => {
    const io = recordingIo([]);
    const line = progressLine(io, true);
    line.onProgress!(p);
    line.onProgress!({ ...p, distinct: 20000 });
    line.done();
    assert.deepEqual(io.stderr, [
      '\r\x1b[K12,345 distinct, 67,890 generated, 321 queued, depth 7 (2 s)',
      '\r\x1b[K20,000 distinct, 67,890 generated, 321 queued, depth 7 (2 s)',
      '\r\x1b[K',
    ]);
  });

  it('prints nothing when disabled or when no progress came', () => {
    const io = recordingIo([]);
    const off = progressLine(io, false);
    assert.equal(off.onProgress, undefined);
    off.done();
    progressLine(io, true).done();
    assert.deepEqual(io.stderr, []);
  });
});
