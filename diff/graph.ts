// The transition graph of one spec, recorded while the runtime's explore() searches it: a
// Recorder is a CompiledModel that forwards every call to the real model and notes each state
// (packed, in the runtime's StateStore, with its BFS parent and step), its view id, and every
// transition (the node's out-edges: observable action, target node). So one search gives the
// verdicts (explore's own) and the graph the diff questions run on, without exploring twice.
// Bounds: nodes explore refused or never reached are recorded but not expanded (`expanded`).
// With a node limit (`klpc check --dot`), recording stops once it is reached (`overflow`), and
// calls are only forwarded: explore's own search and verdicts are unaffected.

import { fingerprint, fpHi } from '../runtime/fingerprint.js';
import type { CompiledModel, Sink } from '../runtime/model.js';
import { StateStore } from '../runtime/store.js';
import type { DecodedState } from '../runtime/value.js';
import { FpIndex } from '../runtime/fpindex.js';
import { IntList } from './int-list.js';
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
  readonly store: StateStore; // node i: packed state, BFS-tree parent (-1: initial) and step
  readonly views: IntList; // view id per node
  readonly initial: readonly number[];
  readonly stepAction: readonly number[]; // model step -> action id
  // out-edges of node i: pairs (action, target) at edges[2 * edgeStart[i] ...] up to edgeEnd[i]
  readonly edgeStart: IntList; // -1 while the node is not expanded
  readonly edgeEnd: IntList;
  readonly edges: IntList;
  readonly edgeSteps: IntList; // the model step of each edge
  // failing steps (assert, spec error): triples (node, step, site)
  readonly failures: IntList;
}

export function expanded(g: Graph, node: number): boolean {
  return g.edgeStart.get(node) >= 0;
}

export function decodeNode(g: Graph, node: number): DecodedState {
  const s = new Int32Array(g.model.slots);
  g.model.unpack(g.store.chunk(node), g.store.offset(node), s);
  return g.model.decode(s);
}

export class Recorder implements CompiledModel, Sink {
  readonly meta: CompiledModel['meta'];
  readonly slots: number;
  readonly words: number;
  readonly invariants: CompiledModel['invariants'];
  readonly predicates: CompiledModel['predicates'];
  readonly graph: Graph;
  private readonly nodes = new FpIndex();
  private readonly initial: number[] = [];
  private readonly scratch: Int32Array;
  private sink: Sink | undefined;
  private next: Int32Array | undefined;
  private parent = -1;
  overflow = false; // the node limit was reached: the graph is partial

  constructor(
    private readonly model: CompiledModel,
    private readonly viewIds: ViewIds,
    actions: Actions,
    private readonly limit = Infinity,
  ) {
    this.meta = model.meta;
    this.slots = model.slots;
    this.words = model.words;
    this.invariants = model.invariants;
    this.predicates = model.predicates;
    this.scratch = new Int32Array(model.words);
    const stepAction = model.meta.steps.map((s) => actions.idOf(model.meta.instances[s.instance]!.name, s.label));
    this.graph = {
      model, store: new StateStore(model.words), views: new IntList(), initial: this.initial, stepAction,
      edgeStart: new IntList(), edgeEnd: new IntList(), edges: new IntList(), edgeSteps: new IntList(), failures: new IntList(),
    };
  }

  init(next: Int32Array, sink: Sink): void {
    this.enter(-1, next, sink);
    this.model.init(next, this);
  }

  successors(cur: Int32Array, next: Int32Array, sink: Sink): void {
    if (this.overflow) {
      this.model.successors(cur, next, sink);
      return;
    }
    this.model.pack(cur, this.scratch, 0);
    const lo = fingerprint(this.scratch, 0, this.words);
    const node = this.nodes.get(fpHi, lo);
    if (node < 0) throw new Error('explore() expanded a state the recorder never saw');
    const g = this.graph;
    g.edgeStart.set(node, g.edgeSteps.length);
    this.enter(node, next, sink);
    this.model.successors(cur, next, this);
    g.edgeEnd.set(node, g.edgeSteps.length);
  }

  emit(step: number): void {
    const g = this.graph;
    const known = g.store.count;
    if (known >= this.limit && !this.overflow) this.overflow = true;
    if (this.overflow) {
      this.sink!.emit(step);
      return;
    }
    const child = this.record(step);
    if (this.parent >= 0) {
      g.edges.push(g.stepAction[step]!);
      g.edges.push(child);
      g.edgeSteps.push(step);
    } else if (child >= known) {
      this.initial.push(child);
    }
    this.sink!.emit(step);
  }

  fail(step: number, site: number, value: number): void {
    if (this.parent >= 0) {
      this.graph.failures.push(this.parent);
      this.graph.failures.push(step);
      this.graph.failures.push(site);
    }
    this.sink!.fail(step, site, value);
  }

  allDone(s: Int32Array): boolean {
    return this.model.allDone(s);
  }

  pack(src: Int32Array, dst: Int32Array, off: number): void {
    this.model.pack(src, dst, off);
  }

  unpack(src: Int32Array, off: number, dst: Int32Array): void {
    this.model.unpack(src, off, dst);
  }

  decode(s: Int32Array): DecodedState {
    return this.model.decode(s);
  }

  // The model is about to emit the transitions from node `parent` (-1: the initial states).
  private enter(parent: number, next: Int32Array, sink: Sink): void {
    this.parent = parent;
    this.next = next;
    this.sink = sink;
  }

  // The node of the state in `next`, added (with its view) when new.
  private record(step: number): number {
    const { store, views } = this.graph;
    this.model.pack(this.next!, store.tail, store.tailOff);
    const lo = fingerprint(store.tail, store.tailOff, this.words);
    const node = this.nodes.getOrAdd(fpHi, lo, store.count);
    if (node < store.count) return node;
    store.commit(this.parent, step);
    views.push(this.viewIds.idOf(this.model.decode(this.next!)));
    this.graph.edgeStart.push(-1);
    this.graph.edgeEnd.push(-1);
    return node;
  }
}
