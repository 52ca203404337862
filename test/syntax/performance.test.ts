// A regression guard on parse time: a 300-line spec (copies of the sample's processes and
// invariants under new names) must parse well within interactive time. Measured on the
// development machine: about 10-25 ms per parse once warm.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '../../lang/syntax/parse.js';
import { FIXTURES } from './helpers.js';

function spec300(): string {
  const sample = readFileSync(FIXTURES + 'sample.klp', 'utf8');
  const body = sample.slice(sample.indexOf('process loader'));
  let text = sample;
  for (let i = 0; text.split('\n').length < 300; i++) {
    text += body.replace(/\b(loader|patcher|StackOrder|Locals|Sets|Records|Seqs|Nested)\b/g, `$1_${i}`);
  }
  return text;
}

describe('syntax: performance', () => {
  it('parses a 300-line spec in well under a second', () => {
    const text = spec300();
    assert.ok(text.split('\n').length >= 300);
    assert.deepEqual(parse(text, 'big.klp').diagnostics, []);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      parse(text, 'big.klp');
      times.push(performance.now() - started);
    }
    assert.ok(Math.min(...times) < 250, `fastest of 5 parses took ${Math.min(...times).toFixed(1)} ms`);
  });
});
