// `klpc init [FILE]`: write a commented starter spec (default spec.klp) that checks clean, and
// print the commands that check it and keep it formatted (the lines to put in a CI job). Never
// overwrites a file: an existing path is a KLP6006 (exit 151).

import fs from 'node:fs';
import path from 'node:path';
import { diag } from '../lang/diagnostics/diagnostic.js';
import { reportDiagnostics } from './diagnostics-out.js';
import { ExitCode } from './exit-codes.js';
import { errnoReason } from '../lang/files.js';
import type { Io } from './io.js';

export const DEFAULT_INIT_FILE = 'spec.klp';

export function starterSpec(file: string): string {
  return `// ${path.basename(file)}: a starter spec written by \`klpc init\`. Check it with
//
//   npx klpc check ${file}        # explores every interleaving: all properties hold, exit 0
//   npx klpc fmt --check ${file}  # exit 1 if it is not in the canonical layout (klpc fmt fixes it)
//
// Two workers each add one to a shared counter, under a lock. Things to try are marked TRY.
// The language: docs/language.md; the command line: docs/cli.md.

const N = 2                      // constants can be overridden: --const N=3
type Worker = 1..N               // a type name is also the set of its values

var count: 0..N = 0              // shared state: every value has a finite type
lock m                           // a lock: held by at most one worker at a time

// One instance per worker: worker[1], worker[2]. A label starts an atomic step; the checker
// interleaves the steps of all instances in every possible order.
process worker(w: Worker) {
  var seen: 0..N = 0             // a local variable: each instance has its own
  take:
    lock(m);                     // waits while another worker holds m
  read:
    seen := count;
  write:
    assert Fresh: seen == count; // a named assert: checked when the step runs
    count := seen + 1;
    unlock(m);                   // TRY: delete lock(m) and unlock(m), and see Fresh fail
}

// An invariant is checked in every reachable state. \`worker[w]@done\`: w has finished.
invariant AllCounted: (forall w in Worker: worker[w]@done) => count == N
`;
}

export function init(file: string, io: Io): number {
  const fail = (reason: string) =>
    reportDiagnostics([diag('KLP6006', io.cmd.spanOf(file), { path: file, reason }, { hint: 'name another file: klpc init other.klp' })], new Map(), io, undefined);
  if (!file.endsWith('.klp')) return fail('a spec file name ends in .klp');
  try {
    fs.writeFileSync(file, starterSpec(file), { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'EEXIST' ? 'it already exists' : errnoReason(e));
  }
  io.out(`wrote ${file}\n\nCheck it (and in CI):\n  npx klpc check ${file}\n  npx klpc fmt --check ${file}\n`);
  return ExitCode.ok;
}
