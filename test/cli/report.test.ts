// Golden tests of everything `klpc check` prints about a search result, on hand-made results
// (samples.ts): verdict lines, numbered steps with changed variables, lanes, totals, coverage,
// the --json document and the ITF trace.

import assert from 'node:assert/strict';
import { itfDocument } from '../../cli/itf.js';
import { resultJson } from '../../cli/json-report.js';
import { lanesLines } from '../../cli/lanes.js';
import { humanReport } from '../../cli/report.js';
import { makeStyle, plainStyle } from '../../cli/style.js';
import { expectGolden } from './golden.js';
import * as samples from './samples.js';

const opts = { lanes: true, width: 100, quiet: false };
const results = { violated: samples.violated, several: samples.several, incomplete: samples.incomplete, holds: samples.holds, initial: samples.initialViolation };

describe('cli report', () => {
  for (const [name, result] of Object.entries(results)) {
    it(`prints the ${name} result`, () => {
      expectGolden(`report-${name}.txt`, humanReport(result, samples.meta, opts, plainStyle));
    });
  }

  it('prints a trace shared by two properties once', () => {
    const text = humanReport(samples.violated, samples.meta, opts, plainStyle);
    assert.equal(text.split('  1  loader  add_unformed').length, 2);
    assert.ok(text.includes('Invariant NoDoubleEnable is violated after 5 steps:\n     the same steps as for StackOrder above\n'));
  });

  it('omits the lanes with --no-lanes', () => {
    const text = humanReport(samples.violated, samples.meta, { ...opts, lanes: false }, plainStyle);
    assert.ok(!text.includes('# StackOrder violated'));
    assert.ok(text.includes('func_stack[b]: [3] -> [2, 1, 3]'));
  });

  it('prints only what does not hold with --quiet', () => {
    assert.equal(
      humanReport(samples.violated, samples.meta, { ...opts, quiet: true }, plainStyle),
      '✗ StackOrder      violated (5 steps)\n✗ NoDoubleEnable  violated (5 steps)\n',
    );
    assert.equal(humanReport(samples.holds, samples.meta, { ...opts, quiet: true }, plainStyle), '');
  });

  it('squeezes the lanes into a narrow terminal', () => {
    const p = samples.violated.properties[0]!;
    const lines = lanesLines(p, p.trace!, 60, plainStyle);
    expectGolden('lanes-narrow.txt', `${lines.join('\n')}\n`);
    for (const l of lines) assert.ok(l.length <= 60, `too wide: ${l}`);
  });

  it('colours only when asked to', () => {
    const coloured = humanReport(samples.violated, samples.meta, opts, makeStyle(true));
    assert.ok(coloured.includes('\x1b['));
    assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, ''), humanReport(samples.violated, samples.meta, opts, plainStyle));
  });

  it('writes the --json document', () => {
    const doc = resultJson({ version: '0.1.0', spec: 'prefix.klp', exitCode: 12 }, samples.violated, samples.meta, []);
    expectGolden('report-violated.json', `${JSON.stringify(doc, null, 2)}\n`);
  });

  it('writes an ITF trace with #bigint integers', () => {
    const p = samples.violated.properties[0]!;
    const doc = itfDocument(p, p.trace!, 'prefix.klp') as { vars: string[]; states: Record<string, unknown>[] };
    assert.equal(doc.states.length, 6);
    assert.deepEqual(doc.states[5]!['#meta'], { index: 5 });
    assert.deepEqual(doc.states[0]!.klp_patches, [{ '#bigint': '1' }, { '#bigint': '2' }]);
    assert.ok(doc.vars.includes('loader.pc'));
    expectGolden('race1.itf.json', `${JSON.stringify(doc, null, 2)}\n`);
  });
});
