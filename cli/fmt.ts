// `klpc fmt`: rewrite .klp files in the canonical layout (lang/format), in place; `--check`
// writes nothing and lists the files that would change (exit 1), for CI; `-` formats stdin to
// stdout, for editors. A directory stands for every .klp file under it. A file with syntax
// errors is left alone and its diagnostics are reported (exit 150).

import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { formatSpec } from '../lang/format/format.js';
import { diagnosticsExitCode, printDiagnostics } from './diagnostics-out.js';
import { ExitCode } from './exit-codes.js';
import { errnoReason, readTextFile } from '../lang/files.js';
import { NOT_A_SPEC_HINT } from '../lang/load.js';
import { parseCst, startsLikeSpec } from '../lang/syntax/parse.js';
import type { Io } from './io.js';

export interface FmtFlags {
  readonly check: boolean;
}

// Exit 1 under --check when a file is not formatted, as `prettier --check` and `gofmt -l` do.
export const FMT_WOULD_CHANGE = 1;

export function fmt(paths: readonly string[], flags: FmtFlags, io: Io, stdin: () => string): number {
  if (paths.length === 1 && paths[0] === '-') return fmtStdin(stdin(), flags, io);
  const diags: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let changed = 0;
  for (const file of specFiles(paths, io, diags)) {
    const read = readTextFile(file);
    if ('reason' in read) {
      diags.push(diag('KLP5001', io.cmd.spanOf(file), { path: file, reason: read.reason }));
      continue;
    }
    const { text } = read;
    const r = formatSpec(text, file);
    if (r.text === undefined && !startsLikeSpec(parseCst(text, file))) {
      diags.push(diag('KLP5010', io.cmd.spanOf(file), { path: file }, { hint: NOT_A_SPEC_HINT })); // its lines are not echoed
      continue;
    }
    if (r.text === undefined) {
      sources.set(file, text);
      diags.push(...r.diagnostics);
      continue;
    }
    if (r.text === text) continue;
    changed++;
    if (flags.check) {
      io.out(`${file}\n`);
      continue;
    }
    try {
      fs.writeFileSync(file, r.text);
      io.out(`formatted ${file}\n`);
    } catch (e) {
      diags.push(diag('KLP6004', io.cmd.spanOf(file), { path: file, reason: errnoReason(e) }));
    }
  }
  printDiagnostics(diags, sources, io);
  if (diags.length > 0) return diagnosticsExitCode(diags);
  if (flags.check && changed > 0) io.err(`${changed} file${changed === 1 ? ' is' : 's are'} not formatted (run klpc fmt without --check)\n`);
  return flags.check && changed > 0 ? FMT_WOULD_CHANGE : ExitCode.ok;
}

function fmtStdin(text: string, flags: FmtFlags, io: Io): number {
  const r = formatSpec(text, '<stdin>');
  if (r.text === undefined) {
    printDiagnostics(r.diagnostics, new Map([['<stdin>', text]]), io);
    return ExitCode.specHasErrors;
  }
  if (flags.check) return r.text === text ? ExitCode.ok : FMT_WOULD_CHANGE;
  io.out(r.text);
  return ExitCode.ok;
}

// The files named, and the .klp files under the directories named (sorted, skipping hidden
// folders and node_modules). A path that does not exist, or a file not named .klp (whose lines
// a syntax error would echo), is a KLP5001.
function specFiles(paths: readonly string[], io: Io, diags: Diagnostic[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && e.name.endsWith('.klp')) out.push(p);
    }
  };
  for (const p of paths) {
    try {
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.klp')) out.push(p);
      else diags.push(diag('KLP5001', io.cmd.spanOf(p), { path: p, reason: 'it is not a .klp file' }));
    } catch (e) {
      diags.push(diag('KLP5001', io.cmd.spanOf(p), { path: p, reason: errnoReason(e) }));
    }
  }
  return out;
}
