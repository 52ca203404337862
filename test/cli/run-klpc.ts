// Runs the built `klpc` binary the way a user does (node dist/bin/klpc.js, from the fixtures
// folder, output piped so no colours or progress) and renders a run as one golden text: the
// exit code, stdout and stderr, with timings masked.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fixturesDir, repoRoot } from './golden.js';

export const klpcJs = path.join(repoRoot, 'dist/bin/klpc.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runKlpc(args: readonly string[]): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [klpcJs, ...args], { cwd: fixturesDir, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function transcript(args: readonly string[], run: Run): string {
  const mask = (s: string) => s.replace(/(<1|[\d.]+) m?s, [\d,]+ states\/s/g, 'T, R states/s');
  return `$ klpc ${args.join(' ')}\nexit ${run.code}\n--- stdout\n${mask(run.stdout)}--- stderr\n${mask(run.stderr)}`;
}
