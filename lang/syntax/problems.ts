// Collects syntax errors as structured records while the parser runs. Chevrotain only keeps a
// message string per error, so this error-message provider stores each record and returns its
// index as the "message"; `take` turns the parser's errors back into records. A record says
// which tokens were expected at the point where the input diverged from every path, and what
// token was found there (for "no viable alternative" that may be a few tokens after the start).

import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';

export interface SyntaxProblem {
  readonly expected: readonly TokenType[];
  readonly found: IToken;
  readonly previous: IToken;
  // the grammar rule that failed, and whether it failed on its first token (then its category,
  // e.g. "an expression", describes the expectation better than a token list)
  readonly rule: string;
  readonly atRuleStart: boolean;
}

export class ProblemRecorder implements IParserErrorMessageProvider {
  private problems: SyntaxProblem[] = [];

  reset(): void {
    this.problems = [];
  }

  take(errors: readonly IRecognitionException[]): SyntaxProblem[] {
    return errors.flatMap((e) => this.problems[Number(e.message)] ?? []);
  }

  buildMismatchTokenMessage(o: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
    return this.record({ expected: [o.expected], found: o.actual, previous: o.previous, rule: o.ruleName, atRuleStart: false });
  }

  buildNotAllInputParsedMessage(o: { firstRedundant: IToken; ruleName: string }): string {
    return this.record({ expected: [EOF], found: o.firstRedundant, previous: o.firstRedundant, rule: o.ruleName, atRuleStart: false });
  }

  buildNoViableAltMessage(o: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
    return this.recordDivergence(o.expectedPathsPerAlt.flat(), o.actual, o.previous, o.ruleName);
  }

  buildEarlyExitMessage(o: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
    return this.recordDivergence(o.expectedIterationPaths, o.actual, o.previous, o.ruleName);
  }

  private recordDivergence(paths: readonly TokenType[][], actual: readonly IToken[], previous: IToken, rule: string): string {
    let position = 0;
    let expected: TokenType[] = [];
    for (const path of paths) {
      let m = 0;
      while (m < path.length && m < actual.length && tokenMatcher(actual[m]!, path[m]!)) m++;
      if (m === path.length) continue;
      if (m > position) [position, expected] = [m, []];
      if (m === position && !expected.includes(path[m]!)) expected.push(path[m]!);
    }
    const found = actual[position] ?? actual[0]!;
    return this.record({ expected, found, previous: position > 0 ? actual[position - 1]! : previous, rule, atRuleStart: position === 0 });
  }

  private record(p: SyntaxProblem): string {
    return String(this.problems.push(p) - 1);
  }
}
