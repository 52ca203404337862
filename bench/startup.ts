// `node dist/bench/startup.js [runs]`: how long a whole `klpc check` of a small spec takes, next to
// node's own start-up: wall-clock and CPU (user + system) time of `node -e 0`, `klpc --version`,
// `klpc check` of a spec checked before (the recalled path), and of the same spec with an empty
// cache (parse, bind, generate, esbuild). Each command runs `runs` times (default 30) after 3
// warm-ups; the table gives the median and minimum wall time and the mean CPU time. The
// bundled CLI is measured (npm run build first).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const klpc = path.join(root, 'dist/bundle/klpc.mjs');
const spec = path.join(root, 'specs/examples/counter.klp');
const runs = Number(process.argv[2] ?? 30);
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-startup-'));

// CPU time (user + system) of this process's finished children, in ms: cutime + cstime of
// /proc/self/stat, in ticks of 10 ms (USER_HZ), so only the mean over many runs is meaningful.
function childCpu(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function measure(name: string, args: readonly string[], env: () => NodeJS.ProcessEnv): string {
  for (let i = 0; i < 3; i++) spawnSync(process.execPath, args, { env: env(), stdio: 'ignore' });
  const wall: number[] = [];
  const c0 = childCpu();
  for (let i = 0; i < runs; i++) {
    const e = env();
    const t0 = performance.now();
    spawnSync(process.execPath, args, { env: e, stdio: 'ignore' });
    wall.push(performance.now() - t0);
  }
  const cpu = (childCpu() - c0) / runs;
  const median = [...wall].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return `| ${name} | ${ms(median)} | ${ms(Math.min(...wall))} | ${ms(cpu)} |`;
}

const shared = { ...process.env, KLPC_CACHE_DIR: path.join(cache, 'warm') };
let n = 0;
const empty = () => ({ ...process.env, KLPC_CACHE_DIR: path.join(cache, `cold-${n++}`) });
console.log(`${runs} runs each (after 3 warm-ups), ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}`);
console.log('| command | median wall | min wall | mean CPU |');
console.log('|---|---:|---:|---:|');
console.log(measure('node -e 0', ['-e', '0'], () => shared));
console.log(measure('klpc --version', [klpc, '--version'], () => shared));
console.log(measure('klpc check counter.klp (checked before)', [klpc, 'check', spec, '--quiet'], () => shared));
console.log(measure('klpc check counter.klp (empty cache)', [klpc, 'check', spec, '--quiet'], empty));
fs.rmSync(cache, { recursive: true, force: true });
