// Reporting diagnostics: rendered on stderr with a closing `N errors` line (or, with --json, as
// one JSON document on stdout), and the exit code they imply: 151 when every error is about the
// command line (KLP6xxx), 150 when the spec itself has errors.

import type { Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { renderDiagnostic } from '../lang/diagnostics/render.js';
import { COMMAND_LINE_FILE } from './command-line.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { diagnosticsJson } from './json-report.js';

export function diagnosticsExitCode(diags: readonly Diagnostic[]): number {
  const errors = diags.filter((d) => d.severity === 'error');
  return errors.every((d) => d.code.startsWith('KLP6')) ? ExitCode.badInput : ExitCode.specHasErrors;
}

export function reportDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>, io: Io, json: { spec: string } | undefined): number {
  const exitCode = diagnosticsExitCode(diags);
  if (json !== undefined) {
    io.out(`${JSON.stringify(diagnosticsJson({ version: io.version, spec: json.spec, exitCode }, diags), null, 2)}\n`);
  } else {
    printDiagnostics(diags, sources, io);
  }
  return exitCode;
}

// Human rendering on stderr, for errors and for warnings alike.
export function printDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>, io: Io): void {
  if (diags.length === 0) return;
  const all = new Map(sources).set(COMMAND_LINE_FILE, io.cmd.text);
  // one blank line between diagnostics, whether or not the renderer ended one with an excerpt
  const text = diags.map((d) => renderDiagnostic(d, all, io.errStyle).trimEnd()).join('\n\n');
  io.err(`${text}\n\n${io.errStyle.bold(countLine(diags))}\n`);
}

function countLine(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
