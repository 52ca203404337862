// Metadata helpers for hand-written models: `count` instances `process[1..count]` of one process
// whose steps are `labels`, numbered instance-major (step = instance * labels.length + label).

import type { InstanceMeta, SourceLoc, StepMeta } from '../../runtime/model.js';

export function loc(file: string, line: number): SourceLoc {
  return { file, line, col: 1 };
}

export function processMeta(
  file: string,
  process: string,
  count: number,
  labels: readonly string[],
): { instances: InstanceMeta[]; steps: StepMeta[] } {
  const instances: InstanceMeta[] = [];
  const steps: StepMeta[] = [];
  for (let i = 0; i < count; i++) {
    instances.push({ name: `${process}[${i + 1}]`, process });
    labels.forEach((label, l) => steps.push({ instance: i, label, loc: loc(file, 20 + l), fairness: 'unfair' }));
  }
  return { instances, steps };
}
