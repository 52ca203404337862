// `klpc compile`: load the spec and write the generated TypeScript explorer module to
// `<out>/<spec name>.ts` (default out: ./klpc-out, so the spec's own folder stays clean and
// one .gitignore line covers all output), then print the path written. With --cfg, write the
// processes' control-flow graphs (`<spec>.cfg.dot`) instead.

import fs from 'node:fs';
import path from 'node:path';
import { diag } from '../lang/diagnostics/diagnostic.js';
import { cfgDot } from './cfg.js';
import { reportDiagnostics } from './diagnostics-out.js';
import { errnoReason, makeDirs } from '../lang/files.js';
import { ExitCode } from './exit-codes.js';
import { loadSpec } from './front.js';
import type { Io } from './io.js';
import type { Pipeline } from './pipeline.js';

export const DEFAULT_OUT_DIR = 'klpc-out';

export interface CompileFlags {
  readonly const: readonly string[];
  readonly out: string;
  readonly cfg?: boolean; // write `<spec>.cfg.dot`, the processes' control-flow graphs, instead
}

export async function compile(spec: string, flags: CompileFlags, io: Io, pipeline: Pipeline): Promise<number> {
  const front = await loadSpec(spec, { consts: flags.const, json: false, quiet: false }, io, pipeline);
  if ('exitCode' in front) return front.exitCode;
  const code = flags.cfg === true ? cfgDot(front.program) : await pipeline.emit(front.program);
  const file = path.join(flags.out, `${front.program.name}${flags.cfg === true ? '.cfg.dot' : '.ts'}`);
  try {
    makeDirs(flags.out);
    fs.writeFileSync(file, code);
  } catch (e) {
    return reportDiagnostics([diag('KLP6004', io.cmd.spanOf(flags.out), { path: file, reason: errnoReason(e) })], new Map(), io, undefined);
  }
  io.out(`${file}\n`);
  return ExitCode.ok;
}
