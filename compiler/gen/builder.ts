// Builds the body of one generated function as lines of TypeScript. Lowering turns expressions
// into statements (so laziness and spec-error exits are explicit), which needs fresh temporaries,
// nested blocks, and the current "abort" statement: what a failing path runs to leave the
// transition (`return;` in a step function, `break bN;` inside a branch of either/choose).

export class FnBuilder {
  private lines: string[] = [];
  private depth = 1;
  private counter = 0;
  constructor(public abort: string) {}

  tmp(prefix = 'v'): string {
    return `${prefix}${this.counter++}`;
  }

  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }

  open(head: string): void {
    this.line(`${head} {`);
    this.depth++;
  }

  close(tail = ''): void {
    this.depth--;
    this.line(`}${tail}`);
  }

  // Runs `fn` with its lines captured separately: lets a caller see whether lowering a lazy
  // operand produced statements (then it must go inside an `if`) or is a pure expression.
  capture<T>(fn: () => T): { result: T; lines: string[] } {
    const saved = this.lines;
    const savedDepth = this.depth;
    this.lines = [];
    this.depth = 0;
    const result = fn();
    const lines = this.lines;
    this.lines = saved;
    this.depth = savedDepth;
    return { result, lines };
  }

  // `} else {` between two blocks opened with open()
  else(): void {
    this.depth--;
    this.line('} else {');
    this.depth++;
  }

  splice(lines: readonly string[]): void {
    for (const l of lines) this.lines.push('  '.repeat(this.depth) + l);
  }

  withAbort<T>(abort: string, fn: () => T): T {
    const saved = this.abort;
    this.abort = abort;
    try {
      return fn();
    } finally {
      this.abort = saved;
    }
  }

  body(): string {
    return this.lines.join('\n');
  }
}
