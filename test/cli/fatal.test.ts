// Exit codes for what is thrown out of a command: commander's usage errors and klpc's own bugs.

import assert from 'node:assert/strict';
import { CommanderError } from 'commander';
import { thrownExitCode } from '../../cli/fatal.js';
import { recordingIo } from './fake-pipeline.js';

describe('cli fatal errors', () => {
  it('maps commander errors to 2, and help or version to 0', () => {
    const io = recordingIo([]);
    assert.equal(thrownExitCode(new CommanderError(1, 'commander.unknownOption', 'unknown option'), io), 2);
    assert.equal(thrownExitCode(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), io), 0);
    assert.deepEqual(io.stderr, []);
  });

  it('reports a bug with its stack trace and exit 255', () => {
    const io = recordingIo([]);
    assert.equal(thrownExitCode(new TypeError('x is undefined'), io), 255);
    const err = io.stderr.join('');
    assert.ok(err.startsWith('klpc: internal error: TypeError: x is undefined\n    at '));
    assert.ok(err.endsWith('This is a bug in klpc. Please report it with the spec and the command line that triggered it.\n'));
  });
});
