// What the bench measures: named model sources. A source is any function returning a
// CompiledModel (or a promise of one), so hand-written models can later give way to models the
// compiler generates from specs/examples without touching the harness. `quick` cases are small.

import type { CompiledModel } from '../runtime/model.js';
import { CounterModel } from './models/counter.js';
import { PhilosophersModel } from './models/philosophers.js';

export interface BenchCase {
  readonly name: string;
  readonly quick: boolean;
  readonly source: () => CompiledModel | Promise<CompiledModel>;
}

export const cases: readonly BenchCase[] = [
  { name: 'counter K=3 ROUNDS=4', quick: true, source: () => new CounterModel(3, 4) },
  { name: 'philosophers N=10', quick: true, source: () => new PhilosophersModel(10) },
  { name: 'counter K=3 ROUNDS=5', quick: false, source: () => new CounterModel(3, 5) },
  { name: 'philosophers N=11', quick: false, source: () => new PhilosophersModel(11) },
  { name: 'counter K=4 ROUNDS=3', quick: false, source: () => new CounterModel(4, 3) },
];
