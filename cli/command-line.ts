// The command line as a pseudo source file, so that errors in arguments are diagnostics like any
// other: `<command line>:1:22 - error KLP6002: ...`, the command line, `~~~` under the argument.

import { COMMAND_LINE } from '../lang/binder/consts.js';
import type { Span } from '../lang/span.js';

// the binder's name for the command line, so that its --const diagnostics render here too
export const COMMAND_LINE_FILE = COMMAND_LINE.file;

export interface CommandLine {
  readonly text: string;
  // The span of `part` inside argument `arg` (default: all of it); the argument is the first one
  // equal to `arg` or ending with `=arg` (`--const=N=x`). Column 1 when there is none.
  spanOf(arg: string, part?: string): Span;
}

export function commandLine(args: readonly string[]): CommandLine {
  const words = ['klpc', ...args.map(quote)];
  const text = words.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const w of words) {
    starts.push(offset);
    offset += w.length + 1;
  }
  const spanOf = (arg: string, part: string = arg): Span => {
    let i = args.indexOf(arg);
    if (i < 0) i = args.findIndex((a) => a.endsWith(`=${arg}`));
    if (i < 0) return { file: COMMAND_LINE_FILE, start: 0, end: 0, line: 1, col: 1 };
    const word = args[i]!;
    const within = word.length - arg.length + Math.max(0, arg.indexOf(part));
    const start = starts[i + 1]! + within + (quote(word) === word ? 0 : 1);
    return { file: COMMAND_LINE_FILE, start, end: start + part.length, line: 1, col: start + 1 };
  };
  return { text, spanOf };
}

function quote(arg: string): string {
  return /^[\w./:=@,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
