// `npm run bench [filter] [--quick] [--workers N] [--symmetry] [--spill DIR [--max-memory SIZE]]`:
// runs each bench case whose name contains `filter` (all, or only the small ones with --quick) in
// its own process and prints a table: distinct states, wall and CPU seconds, states per second
// (wall and CPU), bytes per distinct state. The other flags are passed on to each case
// (bench/measure.ts).
// A case with a baseline (temporal properties) runs with it, twice in turn (the machine may be
// shared: each keeps its run with less CPU time), and a last table gives the ratios.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cases } from './cases.js';
import type { Figures } from './measure.js';

const measure = fileURLToPath(new URL('./measure.js', import.meta.url));

function run(name: string, extra: readonly string[]): Figures {
  const child = spawnSync(process.execPath, ['--expose-gc', measure, name, ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench case '${name}' failed (exit ${child.status})`);
  return JSON.parse(child.stdout) as Figures;
}

const columns = ['model', 'distinct', 'transitions', 's', 'cpu s', 'states/s', 'states/cpu s', 'B/state search', 'B/state RSS', 'B/state peak RSS'];

function row(f: Figures): string[] {
  const int = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    f.name,
    int(f.distinct),
    int(f.transitions),
    f.seconds.toFixed(2),
    f.cpuSeconds.toFixed(2),
    int(f.distinct / f.seconds),
    int(f.distinct / f.cpuSeconds),
    f.searchBytes.toFixed(1),
    f.rssBytes.toFixed(1),
    f.peakRssBytes === null ? 'n/a' : f.peakRssBytes.toFixed(1),
  ];
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// flags passed on to each case, with their values
const valued = ['--workers', '--spill', '--max-memory'];
const extra = args.flatMap((a, i) => (valued.includes(a) ? [a, args[i + 1] ?? ''] : a === '--symmetry' ? [a] : []));
const filter = args.find((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? '')) ?? '';
const chosen = cases.filter((c) => c.name.includes(filter) && (!quick || c.quick));
if (chosen.length === 0) console.error(`no bench case matches '${filter}'`);
// rows are printed as each case finishes, so the widths are fixed up front
const widths = columns.map((c, i) => (i === 0 ? Math.max(c.length, ...chosen.map((x) => x.name.length)) : Math.max(c.length, 11)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(columns));
if (extra.length > 0) console.log(`(${extra.join(' ')})`);
const fewer = (a: Figures, b: Figures) => (b.cpuSeconds < a.cpuSeconds ? b : a);
const ratios: string[][] = [];
for (const c of chosen) {
  if (c.baseline === undefined) {
    console.log(line(row(run(c.name, extra))));
    continue;
  }
  let [base, live] = [run(c.baseline, []), run(c.name, [])];
  [base, live] = [fewer(base, run(c.baseline, [])), fewer(live, run(c.name, []))];
  console.log(line(row(base)));
  console.log(line(row(live)));
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  ratios.push([c.name, x(live.seconds, base.seconds), x(live.cpuSeconds, base.cpuSeconds), x(live.searchBytes, base.searchBytes), (live.livenessSeconds ?? 0).toFixed(2)]);
}
if (ratios.length > 0) {
  const head = ['temporal properties: cost against the baseline', 'time', 'cpu time', 'B/state search', 'graph analysis s'];
  const w = head.map((h, i) => Math.max(h.length, ...ratios.map((r) => r[i]!.length)));
  console.log('');
  for (const r of [head, ...ratios]) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(w[i]!) : cell.padStart(w[i]!))).join('  '));
}
