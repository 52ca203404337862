// The exit codes of `klpc`, following TLC's convention so that scripts written for TLC keep
// working (see README "Exit codes"). 1 is never used: Node exits 1 on an uncaught exception, so 1
// must not mean "violation". When several properties are violated, the code is the one of the
// most severe kind: spec error > assert > invariant > deadlock > temporal property (see
// `verdictExitCode`).

import type { PropertyKind, PropertyResult, SearchResult } from '../runtime/result.js';

export const ExitCode = {
  ok: 0, // every property holds over the complete state space
  usage: 2, // unknown command or option, missing argument (commander)
  incomplete: 10, // no violation found, but a bound was hit: nothing is proven
  deadlock: 11,
  invariant: 12,
  property: 13, // a temporal property is violated (TLC's "temporal properties were violated")
  assert: 14,
  specError: 75, // a value outside its domain, unlock by a non-owner, unwrap(none), ...
  specHasErrors: 150, // parse, name or type diagnostics; unreadable spec file
  badInput: 151, // unknown --const, malformed --const value, unknown --invariant, unwritable output
  internal: 255, // a bug in klpc
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

// Most severe first: the first violated kind in this list decides the exit code and which
// counterexample `--itf` writes. Temporal properties come last: a finite counterexample (a
// failing step, a bad state, a deadlock) is the simpler story, and is often what also makes
// the temporal property fail (a deadlocked state repeats forever).
export const severityOrder: readonly PropertyKind[] = ['specError', 'assert', 'invariant', 'deadlock', 'property'];

const kindCode: Record<PropertyKind, ExitCodeValue> = {
  specError: ExitCode.specError,
  assert: ExitCode.assert,
  invariant: ExitCode.invariant,
  deadlock: ExitCode.deadlock,
  property: ExitCode.property,
};

// A violation is definitive even when the search was cut short; otherwise only a complete
// search may claim success.
export function verdictExitCode(result: SearchResult): ExitCodeValue {
  const worst = mostSevereViolation(result);
  if (worst !== undefined) return severityCode(worst.kind);
  return result.complete ? ExitCode.ok : ExitCode.incomplete;
}

// The exit code of a violated property of this kind.
export function severityCode(kind: PropertyKind): ExitCodeValue {
  return kindCode[kind];
}

export function mostSevereViolation(result: { readonly properties: readonly PropertyResult[] }): PropertyResult | undefined {
  for (const kind of severityOrder) {
    const p = result.properties.find((q) => q.kind === kind && q.verdict === 'violated');
    if (p !== undefined) return p;
  }
  return undefined;
}
