// Paths of a recorded graph as runtime Traces (decoded states, instance and label names), the
// shape the CLI's printers and JSON take. A path is its nodes and the model steps between them;
// treePath() is the BFS-tree path to a node, a shortest one.

import type { Trace, TraceStep } from '../runtime/result.js';
import { decodeNode, type Graph } from './graph.js';

export interface Path {
  readonly nodes: readonly number[]; // nodes[0] is an initial node
  readonly steps: readonly number[]; // steps[i] leads from nodes[i] to nodes[i + 1]
}

export function treePath(g: Graph, node: number): Path {
  const nodes: number[] = [];
  for (let i = node; i >= 0; i = g.store.parent(i)) nodes.push(i);
  nodes.reverse();
  return { nodes, steps: nodes.slice(1).map((i) => g.store.step(i)) };
}

export function pathTrace(g: Graph, path: Path): Trace {
  const { meta } = g.model;
  const steps = path.steps.map((step, i): TraceStep => {
    const s = meta.steps[step];
    if (s === undefined) throw new Error(`step ${step} is not in the model's metadata`);
    return { step, instance: meta.instances[s.instance]!.name, label: s.label, state: decodeNode(g, path.nodes[i + 1]!) };
  });
  return { initial: decodeNode(g, path.nodes[0]!), steps };
}
