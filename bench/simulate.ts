// `node dist/bench/simulate.js`: the rate of `klpc simulate`, in steps per second (each step
// generates and checks every successor of the state walked through), on the bench's large
// models: 2,000 walks of up to 1,000 steps each, seed 1, one process per model.

import { simulate } from '../runtime/simulate.js';
import { cases } from './cases.js';

const names = ['klp: philosophers N=12', 'klp: counter K=6 ROUNDS=1', 'klp: livepatch prefix NPATCHES=6 NRACING=6'];
console.log('| model | traces | steps | successors checked | s | steps/s |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const name of names) {
  const { model } = await cases.find((c) => c.name === name)!.source();
  const r = simulate(model, { deadlock: true, seed: 1, depth: 1000, traces: 2000 });
  const int = (x: number) => Math.round(x).toLocaleString('en-US');
  const s = r.stats;
  console.log(`| ${name} | ${int(s.traces)} | ${int(s.steps)} | ${int(s.generated)} | ${s.seconds.toFixed(2)} | ${int(s.stepsPerSecond)} |`);
}
