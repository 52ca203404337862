// The transition graph of one spec as `klpc diff` (and `klpc check --dot`) read it: the graph
// the runtime's explore() records (runtime/graph.ts: every stored state a node, every
// transition an edge), plus a view id per node and the observable action (`instance label`) of
// each step, so that the two specs' edges compare by name. One search gives both the verdicts
// (explore's own) and the graph, without exploring twice.
// Bounds: a node explore never finished expanding, or one with a successor it refused, is not
// `expanded` here: its edges are not all its transitions.

import type { FlatGraph } from '../runtime/graph.js';
import type { CompiledModel } from '../runtime/model.js';
import type { StateStore } from '../runtime/store.js';
import type { DecodedState } from '../runtime/value.js';
import type { ViewIds } from './view-ids.js';

// Observable actions (`instance label`) numbered across both specs, so edges compare by name.
export class Actions {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  idOf(instance: string, label: string): number {
    const key = `${instance} ${label}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.names.push(key) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

export interface Graph {
  readonly model: CompiledModel;
  readonly flat: FlatGraph;
  readonly store: StateStore; // node i: packed state, BFS-tree parent (-1: initial) and step
  readonly views: Int32Array; // view id per node (empty when no view was asked for)
  readonly initial: readonly number[];
  readonly stepAction: readonly number[]; // model step -> action id
}

// The graph of a finished search, views computed on the way (a decode per node) when given.
export function diffGraph(model: CompiledModel, flat: FlatGraph, actions: Actions, viewIds?: ViewIds): Graph {
  const stepAction = model.meta.steps.map((s) => actions.idOf(model.meta.instances[s.instance]!.name, s.label));
  const initial: number[] = [];
  for (let v = 0; v < flat.count && flat.store.parent(v) < 0; v++) initial.push(v);
  const views = new Int32Array(viewIds === undefined ? 0 : flat.count);
  if (viewIds !== undefined) for (let v = 0; v < flat.count; v++) views[v] = viewIds.idOf(decodeStored(model, flat.store, v));
  return { model, flat, store: flat.store, views, initial, stepAction };
}

export function nodeCount(g: Graph): number {
  return g.flat.count;
}

export function expanded(g: Graph, node: number): boolean {
  return node < g.flat.n && g.flat.truncated[node] === 0;
}

// Node v's out-edges are [edgeStart, edgeEnd): none for a node never expanded.
export function edgeStart(g: Graph, node: number): number {
  return node < g.flat.n ? g.flat.offsets[node]! : 0;
}

export function edgeEnd(g: Graph, node: number): number {
  return node < g.flat.n ? g.flat.offsets[node + 1]! : 0;
}

export function edgeTarget(g: Graph, e: number): number {
  return g.flat.targets[e]!;
}

export function edgeStep(g: Graph, e: number): number {
  return g.flat.steps[e]!;
}

export function edgeAction(g: Graph, e: number): number {
  return g.stepAction[g.flat.steps[e]!]!;
}

export function decodeNode(g: Graph, node: number): DecodedState {
  return decodeStored(g.model, g.store, node);
}

function decodeStored(model: CompiledModel, store: StateStore, node: number): DecodedState {
  const s = new Int32Array(model.slots);
  model.unpack(store.chunk(node), store.offset(node), s);
  return model.decode(s);
}
