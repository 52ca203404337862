// The reference interpreter's state: plain immutable data with a canonical string key.
// Instances are numbered globally (process order, then parameter values ascending), which is
// also the order in which their transitions are explored.

import type { Program } from '../../lang/program.js';
import { canon, type Value } from './values.js';

export interface State {
  readonly vars: readonly Value[];
  readonly locks: readonly number[]; // owner: global instance index + 1; 0 = free
  readonly pcs: readonly number[]; // per global instance: label index; labels.length = done
  readonly locals: readonly (readonly Value[])[]; // per global instance
}

export function stateKey(s: State): string {
  return canon([s.vars, s.locks, s.pcs, s.locals] as Value);
}

export interface Instance {
  readonly process: number;
  readonly param: number; // the parameter value (0 for an unparameterized process)
  readonly name: string; // `loader`, `patcher[2]`
}

// Every instance in global order; checks the binder's dense numbering on the way.
export function instancesOf(p: Program): Instance[] {
  const out: Instance[] = [];
  p.processes.forEach((proc, pi) => {
    if (proc.firstInstance !== out.length) throw new Error(`internal: ${proc.name}.firstInstance is not ${out.length}`);
    for (const v of proc.instances) {
      out.push({ process: pi, param: v, name: proc.param ? `${proc.name}[${v}]` : proc.name });
    }
  });
  return out;
}

export function allDone(p: Program, insts: readonly Instance[], s: State): boolean {
  return insts.every((inst, g) => s.pcs[g] === p.processes[inst.process]!.labels.length);
}
