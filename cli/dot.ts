// `klpc check --dot FILE`: the state graph recorded during the search (runtime/graph.ts) as
// Graphviz DOT. A node per distinct state (its program counters, then its variables), an edge
// per transition labelled `instance label`; initial states bold, finished states doubled,
// states where an invariant is false and deadlocked states red, and each failing step (assert,
// spec error) an edge to a red octagon saying what failed; the cycle of each temporal property's
// lasso is drawn in bold purple, its first state saying `↻ Name`. In: the graph and the search
// result.
// Beyond `--dot-limit` states the graph is not recorded further and the file is not written.

import fs from 'node:fs';
import { Actions, decodeNode, diffGraph, edgeEnd, edgeStart, edgeStep, edgeTarget, expanded, nodeCount, type Graph } from '../diff/graph.js';
import { failingInvariants } from '../diff/reach.js';
import { diag, type Diagnostic } from '../lang/diagnostics/diagnostic.js';
import { GraphRecorder } from '../runtime/graph.js';
import type { CompiledModel } from '../runtime/model.js';
import type { SearchResult } from '../runtime/result.js';
import type { DecodedState } from '../runtime/value.js';
import { entryLines, dataEntries, pendingInstances } from './changes.js';
import { errnoReason } from '../lang/files.js';
import type { Io } from './io.js';
import { formatInt } from './verdicts.js';

// More states than this make a picture nobody can read (and Graphviz slow).
export const DOT_LIMIT = 500;

// Records the graph while explore() searches, up to `limit` states (all of them when the same
// graph serves the temporal properties: then only the file is not written past the limit).
export function stateGraphRecorder(limit: number, whole: boolean): GraphRecorder {
  return new GraphRecorder(whole ? Infinity : limit);
}

// Writes the graph, or returns why not: KLP6005 past the limit, KLP6004 when unwritable.
export function writeDot(file: string, limit: number, rec: GraphRecorder, model: CompiledModel, result: SearchResult, io: Io): Diagnostic[] {
  if (rec.overflow || result.stats.distinct > limit) {
    const args = { path: file, limit: formatInt(limit), count: formatInt(result.stats.distinct) };
    return [diag('KLP6005', io.cmd.spanOf(file), args, { hint: 'shrink the model with --const, or raise the limit with --dot-limit N' })];
  }
  try {
    fs.writeFileSync(file, stateGraphDot(diffGraph(model, rec.freeze(), new Actions()), model.meta.name, result));
    return [];
  } catch (e) {
    return [diag('KLP6004', io.cmd.spanOf(file), { path: file, reason: errnoReason(e) })];
  }
}

const LABEL_WIDTH = 48;

// DOT string literal contents; `\l` ends a left-justified line.
function esc(s: string): string {
  return s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

export function stateGraphDot(g: Graph, name: string, result: SearchResult): string {
  const meta = g.model.meta;
  const checked = new Set(result.properties.filter((p) => p.kind === 'invariant').map((p) => p.name));
  const deadlocks = result.properties.some((p) => p.kind === 'deadlock');
  const initial = new Set(g.initial);
  const failures = g.flat.failures;
  const failing = new Set<number>();
  for (let i = 0; i < failures.length; i += 3) failing.add(failures[i]!);
  const s = new Int32Array(g.model.slots);
  const cycles = lassoCycles(g, result);
  // drawn solid with its edges: the search ran its steps (some successors may have been refused)
  const ran = (n: number) => n < g.flat.n;
  const lines = [
    `// klpc check --dot: ${nodeCount(g)} states of ${name}${result.complete ? '' : ` (incomplete: ${result.incompleteReason ?? 'stopped early'})`}`,
    `digraph "${esc(name)}" {`,
    '  node [shape=box, fontname="monospace", fontsize=10];',
    '  edge [fontname="monospace", fontsize=9];',
  ];
  for (let n = 0; n < nodeCount(g); n++) {
    const state = decodeNode(g, n);
    g.model.unpack(g.store.chunk(n), g.store.offset(n), s);
    const done = g.model.allDone(s);
    const bad = failingInvariants(g, n).filter((inv) => checked.has(inv));
    const stuck = deadlocks && expanded(g, n) && !done && edgeEnd(g, n) === edgeStart(g, n) && !failing.has(n);
    const pcs = pendingInstances(state).map((w) => `${w.instance}@${w.label}`).join(', ');
    const text = [pcs === '' ? 'all done' : pcs, ...dataEntries(state).flatMap(([k, v]) => entryLines(k, v, LABEL_WIDTH))];
    if (bad.length > 0) text.push(`✗ ${bad.join(', ')}`);
    if (stuck) text.push('✗ deadlock');
    const loops = cycles.starts.get(n) ?? [];
    if (loops.length > 0) text.push(`↻ ${loops.join(', ')}`);
    const attrs = [`label="${text.map(esc).join('\\l')}\\l"`];
    if (initial.has(n)) attrs.push('penwidth=2');
    if (done) attrs.push('peripheries=2');
    if (bad.length > 0 || stuck) attrs.push('color=red', 'fontcolor=red');
    if (loops.length > 0 && bad.length === 0 && !stuck) attrs.push(`color="${LASSO}"`, `fontcolor="${LASSO}"`);
    if (!ran(n)) attrs.push('style=dashed');
    lines.push(`  s${n} [${attrs.join(', ')}];`);
  }
  for (let n = 0; n < g.flat.n; n++) {
    for (let e = edgeStart(g, n); e < edgeEnd(g, n); e++) {
      const step = meta.steps[edgeStep(g, e)]!;
      const to = edgeTarget(g, e);
      const bold = cycles.edges.has(`${n} ${edgeStep(g, e)} ${to}`) ? `, color="${LASSO}", penwidth=2` : '';
      lines.push(`  s${n} -> s${to} [label="${esc(`${meta.instances[step.instance]!.name} ${step.label}`)}"${bold}];`);
    }
  }
  for (let i = 0; i < failures.length; i += 3) {
    const [node, stepIndex, site] = [failures[i]!, failures[i + 1]!, failures[i + 2]!];
    const step = meta.steps[stepIndex]!;
    const what = meta.sites[site]!;
    const text = `${what.kind === 'assert' ? 'assertion failed' : 'spec error'}: ${what.message.replaceAll('{value}', '…')}`;
    lines.push(`  f${i / 3} [shape=octagon, color=red, fontcolor=red, label="${esc(text)}"];`);
    lines.push(`  s${node} -> f${i / 3} [color=red, label="${esc(`${meta.instances[step.instance]!.name} ${step.label}`)}"];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const LASSO = '#8250df';

// The edges (`from step to`) of every lasso's cycle in the result, and the node each cycle
// starts at with the properties whose lasso starts there. Trace states are found among the
// graph's nodes by their decoded value (the graph is small: at most --dot-limit nodes).
function lassoCycles(g: Graph, result: SearchResult): { edges: Set<string>; starts: Map<number, string[]> } {
  const edges = new Set<string>();
  const starts = new Map<number, string[]>();
  const lassos = result.properties.filter((p) => p.trace?.loop !== undefined);
  if (lassos.length === 0) return { edges, starts };
  const byValue = new Map<string, number>();
  for (let n = 0; n < nodeCount(g); n++) byValue.set(key(decodeNode(g, n)), n);
  for (const p of lassos) {
    const t = p.trace!;
    const nodes = [t.initial, ...t.steps.map((x) => x.state)].map((state) => byValue.get(key(state)));
    const loop = t.loop!;
    if (nodes[loop] === undefined) continue;
    starts.set(nodes[loop], [...(starts.get(nodes[loop]) ?? []), p.name]);
    for (let i = loop; i < t.steps.length; i++) edges.add(`${nodes[i]} ${t.steps[i]!.step} ${nodes[i + 1]}`);
  }
  return { edges, starts };
}

function key(state: DecodedState): string {
  return JSON.stringify(state);
}
