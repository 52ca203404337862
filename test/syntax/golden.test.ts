// Golden tests: one fixture per syntax code (test/fixtures/syntax/KLPxxxx.klp), rendered with
// renderDiagnostics and compared with KLPxxxx.txt. KLPC_ACCEPT=1 rewrites the .txt files;
// review the diff.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from '../../lang/syntax/parse.js';
import { FIXTURES, render } from './helpers.js';

const CODES = ['KLP1001', 'KLP1002', 'KLP1003', 'KLP1004', 'KLP1005', 'KLP1006', 'KLP1007', 'KLP1008', 'KLP1009', 'KLP1010'];

describe('syntax: golden diagnostics', () => {
  for (const code of CODES) {
    it(`renders ${code}.klp`, () => {
      const file = `${code}.klp`;
      const text = readFileSync(FIXTURES + file, 'utf8');
      const { diagnostics } = parse(text, file);
      assert.ok(diagnostics.some((d) => d.code === code), `${file} must report ${code}`);
      const actual = `${render(diagnostics, file, text)}\n`;
      const expectedPath = `${FIXTURES}${code}.txt`;
      if (process.env['KLPC_ACCEPT'] === '1') writeFileSync(expectedPath, actual);
      assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    });
  }
});
