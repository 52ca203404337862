// `node dist/bench/workers.js [runs]`: the --workers speed-up on the two target models, measured in
// one run: each case once on one thread (explore) and once on 1..N workers (the parallel search,
// without check's probe), alternating, `runs` times (default 3); the table gives the best wall
// time of each and states/s, and the ratio to one thread. On a shared machine the best of a few
// alternating runs is the least noisy figure; `uptime` shows the load others put on it.

import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Figures } from './measure.js';

const measure = fileURLToPath(new URL('./measure.js', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const names = ['klp: counter K=6 ROUNDS=1', 'klp: philosophers N=12'];
const counts = Array.from({ length: availableParallelism() }, (_, i) => i + 1);

function once(name: string, workers: number): Figures {
  const args = ['--expose-gc', measure, name, ...(workers > 0 ? ['--workers', String(workers)] : [])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench case '${name}' failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as Figures;
}

console.log(`best of ${runs} alternating runs, ${availableParallelism()} cores, load average at start ${loadavg()[0]!.toFixed(2)}`);
console.log('| model | search | distinct | best s | states/s | speed-up |');
console.log('|---|---|---:|---:|---:|---:|');
for (const name of names) {
  const modes = [0, ...counts]; // 0: explore() on this thread; n: n workers
  const best = modes.map(() => Infinity);
  let distinct = 0;
  for (let r = 0; r < runs; r++) {
    modes.forEach((w, i) => {
      const f = once(name, w);
      distinct = f.distinct;
      best[i] = Math.min(best[i]!, f.seconds);
    });
  }
  modes.forEach((w, i) => {
    const label = w === 0 ? 'one thread' : `${w} worker${w === 1 ? '' : 's'}`;
    console.log(`| ${name} | ${label} | ${distinct.toLocaleString('en-US')} | ${best[i]!.toFixed(2)} | ${Math.round(distinct / best[i]!).toLocaleString('en-US')} | ${(best[0]! / best[i]!).toFixed(2)}× |`);
  });
}
