// The live progress line: written in place on stderr when enabled, erased at the end, absent
// otherwise (pipes, --json, --quiet). And when a stream gets colours.

import assert from 'node:assert/strict';
import { progressLine } from '../../cli/progress.js';
import { colorEnabled } from '../../cli/style.js';
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

describe('cli colours', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  const cases: [string, { isTTY: boolean }, NodeJS.ProcessEnv, boolean][] = [
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a pipe under CI (unlike picocolors)', pipe, { CI: 'true' }, false],
    ['a dumb terminal', tty, { TERM: 'dumb' }, false],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR', tty, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['NO_COLOR over FORCE_COLOR', pipe, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ];
  for (const [what, stream, env, expected] of cases) {
    it(`${expected ? 'colours' : 'does not colour'} ${what}`, () => assert.equal(colorEnabled(stream, env), expected));
  }
});
