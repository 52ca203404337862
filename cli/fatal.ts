// What ends a run other than a verdict: commander's usage errors (exit 2, or 0 after --help and
// --version), a bug in klpc (255, with the stack trace and a request to report it), a stack
// overflow (150, without one), and a reader that closes the pipe early (`klpc check x | head`),
// which is no error at all.

import { CommanderError } from 'commander';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

export function thrownExitCode(e: unknown, io: Io): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  // The stages bound nesting (KLP1009, KLP1010) so that this does not happen; should a spec still
  // nest deeper than some stage's stack, say so rather than print a stack trace at its author.
  if (e instanceof RangeError && /call stack/i.test(e.message) && process.env['KLPC_DEBUG'] === undefined) {
    io.err(`${io.errStyle.error('klpc: error')}: the spec is nested too deeply for klpc (its call stack overflowed).\n`);
    io.err('Split deeply nested expressions or chains of functions into parts named with let; set KLPC_DEBUG=1 for the stack trace.\n');
    return ExitCode.specHasErrors;
  }
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.err(`${io.errStyle.error('klpc: internal error')}: ${stack}\n`);
  io.err('This is a bug in klpc. Please report it with the spec and the command line that triggered it.\n');
  return ExitCode.internal;
}

// Without this, Node reports EPIPE on stdout as an unhandled error, with a stack trace.
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? ExitCode.ok);
  });
}
