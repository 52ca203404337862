// What the bench measures: named model sources. A source is any function returning a
// CompiledModel and how worker threads load it: hand-written models (`hand:`) and the same specs
// from specs/examples compiled by klpc (`klp:`), whose state spaces are identical, plus the
// shipped livepatch family scaled up and the symmetric examples. `quick` cases are small. A
// `liveness:` case decides temporal properties too; its `baseline` is the same search without
// them, and `npm run bench liveness` runs each pair in turn and prints what the properties cost.

import { fileURLToPath } from 'node:url';
import type { CompiledModel } from '../runtime/model.js';
import type { ModelSource } from '../runtime/parallel/model-source.js';
import { CounterModel } from './models/counter.js';
import { PhilosophersModel } from './models/philosophers.js';

export interface Sourced {
  readonly model: CompiledModel;
  readonly source: ModelSource; // for the workers of `--workers N`
}

export interface BenchCase {
  readonly name: string;
  readonly quick: boolean;
  readonly source: () => Sourced | Promise<Sourced>;
  readonly properties?: readonly string[]; // temporal properties to decide (none: explore() alone)
  readonly baseline?: string; // the case without them
}

function hand(name: 'CounterModel' | 'PhilosophersModel', ...args: number[]): Sourced {
  const file = name === 'CounterModel' ? './models/counter.js' : './models/philosophers.js';
  const model = name === 'CounterModel' ? new CounterModel(args[0]!, args[1]!) : new PhilosophersModel(args[0]!);
  return { model, source: { kind: 'module', url: new URL(file, import.meta.url).href, name, args } };
}

const specs = fileURLToPath(new URL('../../specs/', import.meta.url));

// The compiler is imported only when a `klp:` case runs, so hand-written cases never need it.
async function compiled(spec: string, consts: Record<string, number>): Promise<Sourced> {
  const { nodePipeline } = await import('../cli/pipeline.js');
  const pipeline = await nodePipeline();
  const loaded = await pipeline.load(specs + spec, { consts: new Map(Object.entries(consts)) });
  if (loaded.program === undefined) throw new Error(`${spec} does not compile: ${JSON.stringify(loaded.diagnostics)}`);
  const built = await pipeline.build(loaded.program);
  if ('diagnostics' in built) throw new Error(`${spec}: ${built.diagnostics.map((d) => d.message).join('; ')}`);
  return { model: built.model, source: { kind: 'js', js: built.js } };
}

export const cases: readonly BenchCase[] = [
  { name: 'hand: counter K=3 ROUNDS=4', quick: true, source: () => hand('CounterModel', 3, 4) },
  { name: 'hand: philosophers N=10', quick: true, source: () => hand('PhilosophersModel', 10) },
  { name: 'hand: counter K=3 ROUNDS=5', quick: false, source: () => hand('CounterModel', 3, 5) },
  { name: 'hand: philosophers N=11', quick: false, source: () => hand('PhilosophersModel', 11) },
  { name: 'hand: counter K=4 ROUNDS=3', quick: false, source: () => hand('CounterModel', 4, 3) },
  { name: 'klp: counter K=3 ROUNDS=4', quick: true, source: () => compiled('examples/counter.klp', { K: 3, ROUNDS: 4 }) },
  { name: 'klp: philosophers N=10', quick: true, source: () => compiled('examples/philosophers.klp', { N: 10 }) },
  { name: 'klp: counter K=3 ROUNDS=5', quick: false, source: () => compiled('examples/counter.klp', { K: 3, ROUNDS: 5 }) },
  { name: 'klp: philosophers N=11', quick: false, source: () => compiled('examples/philosophers.klp', { N: 11 }) },
  { name: 'klp: counter K=4 ROUNDS=3', quick: false, source: () => compiled('examples/counter.klp', { K: 4, ROUNDS: 3 }) },
  { name: 'klp: peterson N=4', quick: false, source: () => compiled('examples/peterson.klp', { N: 4 }) },
  { name: 'klp: livepatch postfix NPATCHES=6 NRACING=6', quick: false, source: () => compiled('klp/postfix.klp', { NPATCHES: 6, NRACING: 6 }) },
  { name: 'klp: livepatch prefix NPATCHES=6 NRACING=6', quick: false, source: () => compiled('klp/prefix.klp', { NPATCHES: 6, NRACING: 6 }) },
  // beyond memory: its store (37.8M states of 14 bytes) exceeds 512 MB (run with --spill)
  { name: 'klp: counter K=5 ROUNDS=2', quick: false, source: () => compiled('examples/counter.klp', { K: 5, ROUNDS: 2 }) },
  // the --workers targets (docs/benchmarks.md)
  { name: 'klp: counter K=6 ROUNDS=1', quick: false, source: () => compiled('examples/counter.klp', { K: 6, ROUNDS: 1 }) },
  { name: 'klp: philosophers N=12', quick: false, source: () => compiled('examples/philosophers.klp', { N: 12 }) },
  // symmetry reduction (run with --symmetry; without it, the full state spaces)
  { name: 'klp: counter-symmetric K=6 ROUNDS=1', quick: false, source: () => compiled('examples/counter-symmetric.klp', { K: 6, ROUNDS: 1 }) },
  { name: 'klp: peterson-symmetric N=5', quick: false, source: () => compiled('examples/peterson-symmetric.klp', { N: 5 }) },
  { name: 'klp: philosophers-ring N=12', quick: false, source: () => compiled('examples/philosophers-ring.klp', { N: 12 }) },
  // temporal properties against the same search without them (docs/benchmarks.md)
  { name: 'klp: philosophers-ordered N=10', quick: false, source: () => compiled('examples/philosophers-ordered.klp', { N: 10 }) },
  {
    name: 'liveness: peterson N=4 StarvationFree', quick: false, properties: ['StarvationFree'], baseline: 'klp: peterson N=4',
    source: () => compiled('examples/peterson.klp', { N: 4 }),
  },
  {
    name: 'liveness: philosophers-ordered N=10 EveryoneEats', quick: false, properties: ['EveryoneEats'], baseline: 'klp: philosophers-ordered N=10',
    source: () => compiled('examples/philosophers-ordered.klp', { N: 10 }),
  },
  {
    name: 'liveness: livepatch postfix NPATCHES=6 NRACING=6', quick: false, properties: ['PatchesRegister', 'AllSettle'], baseline: 'klp: livepatch postfix NPATCHES=6 NRACING=6',
    source: () => compiled('klp/postfix.klp', { NPATCHES: 6, NRACING: 6 }),
  },
];
