// --const parsing and the name checks against a loaded spec: codes, spans on the command line
// and hints; commander argument parsers; exit-code priority.

import assert from 'node:assert/strict';
import { commandLine } from '../../cli/command-line.js';
import { ExitCode, verdictExitCode } from '../../cli/exit-codes.js';
import { checkNames, collect, integerOption, parseConsts } from '../../cli/options.js';
import * as samples from './samples.js';

describe('cli options', () => {
  it('parses integers and booleans', () => {
    const args = ['check', 'x.klp', '--const', 'N=3', '--const', 'NEG=-2', '--const', 'B=true', '--const', 'N=4'];
    const { consts, diagnostics } = parseConsts(['N=3', 'NEG=-2', 'B=true', 'N=4'], commandLine(args));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([...consts], [['N', 4], ['NEG', -2], ['B', true]]);
  });

  const malformed: [string, string | undefined][] = [
    ['N', 'write it as N=VALUE'],
    ['N=', 'the value is missing'],
    ['1N=3', 'the name must be an identifier'],
    ['N=True', 'booleans are written `true` and `false`'],
    ['N=0x10', 'write integers in plain decimal, like 3 or -1'],
    ['N=1.5', 'write integers in plain decimal, like 3 or -1'],
    ['N=99999999999', 'integers must lie within -2147483647..2147483647'],
    ['N=abc', undefined],
  ];
  for (const [text, hint] of malformed) {
    it(`rejects --const ${text} with KLP6002`, () => {
      const args = ['check', 'x.klp', '--const', text];
      const { diagnostics } = parseConsts([text], commandLine(args));
      assert.equal(diagnostics.length, 1);
      const d = diagnostics[0]!;
      assert.equal(d.code, 'KLP6002');
      assert.equal(d.hint, hint);
      assert.equal(d.span.col, 'klpc check x.klp --const '.length + 1);
      assert.equal(d.span.end - d.span.start, text.length);
    });
  }

  it('finds the value of --const=N=x and of a quoted argument', () => {
    const cmd = commandLine(['check', 'x.klp', '--const=N=x', '--const', 'a b']);
    assert.equal(cmd.text, "klpc check x.klp --const=N=x --const 'a b'");
    assert.equal(cmd.text.slice(cmd.spanOf('N=x').start, cmd.spanOf('N=x').end), 'N=x');
    assert.equal(cmd.text.slice(cmd.spanOf('a b').start, cmd.spanOf('a b').end), 'a b');
  });

  it('reports unknown invariants with KLP6003', () => {
    const cmd = commandLine(['check', 'x.klp', '--invariant', 'Stack', '--invariant', 'StackOrder']);
    const diags = checkNames(['Stack', 'StackOrder'], ['StackOrder', 'GoingCoverage'], cmd, 'KLP6003');
    assert.deepEqual(diags.map((d) => [d.code, d.hint]), [['KLP6003', 'known: StackOrder, GoingCoverage']]);
    assert.deepEqual(checkNames(['X'], [], cmd, 'KLP6003').map((d) => d.hint), ['the spec declares none']);
  });

  it('reports unknown properties with KLP6008', () => {
    const cmd = commandLine(['check', 'x.klp', '--property', 'Starvaton']);
    const diags = checkNames(['Starvaton'], ['Starvation'], cmd, 'KLP6008');
    assert.deepEqual(diags.map((d) => [d.code, d.message, d.hint]), [['KLP6008', "Unknown property 'Starvaton' in --property.", "did you mean 'Starvation'?"]]);
  });

  it('parses bounds and collects repeated options', () => {
    assert.equal(integerOption(1)('1000'), 1000);
    assert.equal(integerOption(0)('0'), 0);
    for (const bad of ['0', '-1', '1e3', 'abc', '']) assert.throws(() => integerOption(1)(bad), /expected an integer >= 1/);
    assert.deepEqual(collect('b', collect('a')), ['a', 'b']);
  });
});

describe('cli exit codes', () => {
  it('follows TLC', () => {
    assert.deepEqual(ExitCode, {
      ok: 0, usage: 2, incomplete: 10, deadlock: 11, invariant: 12, property: 13, assert: 14, specError: 75, specHasErrors: 150, badInput: 151, internal: 255,
    });
  });

  it('picks the most severe violation, and never 0 for an incomplete search', () => {
    assert.equal(verdictExitCode(samples.several), ExitCode.specError);
    const noSpecError = { ...samples.several, properties: samples.several.properties.filter((p) => p.kind !== 'specError') };
    assert.equal(verdictExitCode(noSpecError), ExitCode.assert);
    assert.equal(verdictExitCode({ ...noSpecError, properties: noSpecError.properties.filter((p) => p.kind !== 'assert') }), ExitCode.deadlock);
    assert.equal(verdictExitCode(samples.violated), ExitCode.invariant);
    assert.equal(verdictExitCode(samples.holds), ExitCode.ok);
    assert.equal(verdictExitCode(samples.incomplete), ExitCode.incomplete);
  });
});
