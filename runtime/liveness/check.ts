// The verdicts of the temporal properties on a recorded state graph. Per check (one instance of
// one property): a state where a predicate cannot be evaluated, or (`always P`) where P is
// false, is a finite counterexample found by the search itself; the other forms are decided on
// the graph. Each asks whether some fair behaviour stays forever in a region: not P
// (`eventually P`, from an initial state; `always eventually P`, from anywhere), not Q after a
// P-and-not-Q state (`P leadsto Q`), or anywhere while visiting not-P again and again
// (`eventually always P`). So: the nodes the behaviour can reach inside the region, the fair
// accepting components among them (fair.ts), and if there is one, a lasso to it (lasso.ts).
//
// Only expanded nodes take part: a cycle among them is a real one and their enabled steps are
// all known, so a violation is definitive even when the search was bounded; finding none then
// proves nothing ('unknown').

import type { FlatGraph } from '../graph.js';
import type { CompiledModel, TemporalMeta } from '../model.js';
import { failureMessage } from '../properties.js';
import type { PropertyResult, Trace } from '../result.js';
import { nodesPath, noStep, pathTrace, storePath } from '../trace.js';
import { FairComponents } from './fair.js';
import type { NodeLabels } from './labels.js';
import { LassoFinder, type Lasso, type Region } from './lasso.js';
import { laidOut, type LabelledGraph } from './order.js';
import { hasBit, type Check, type LivenessPlan } from './plan.js';

export interface LivenessInput {
  readonly model: CompiledModel;
  readonly graph: FlatGraph;
  readonly labels: NodeLabels; // what the search found without the graph
  readonly flat: Int32Array; // the labels of the graph's nodes (NodeLabels.freeze)
  readonly plan: LivenessPlan;
}

type Outcome = { readonly verdict: 'holds' | 'unknown' } | { readonly verdict: 'violated'; readonly trace: Trace };

export interface LivenessOutcome {
  readonly properties: PropertyResult[];
  readonly stopReason?: string; // why checks were left undone (their verdict is unknown)
}

// One result per chosen property, in declaration order, one check at a time: it yields after
// each, so that the caller can let the event loop run (an interrupt reaches the AbortSignal that
// way) before the next. `stopAtFirst`: the checks after the first violated one are not run;
// `stop`, asked before each check, says why to stop now, or nothing. A check not run is unknown;
// a property whose checks all ran on a complete graph holds even if others were left undone.
export function* livenessChecks(input: LivenessInput, complete: boolean, stopAtFirst: boolean, stop?: () => string | undefined): Generator<void, LivenessOutcome> {
  const { model, plan } = input;
  const checker = new Checker(input);
  const outcomes: Outcome[] = [];
  let stopReason: string | undefined;
  for (const c of plan.checks) {
    stopReason ??= stop?.();
    const o: Outcome = stopReason !== undefined ? { verdict: 'unknown' } : checker.check(c, outcomes.length, complete);
    outcomes.push(o);
    if (o.verdict === 'violated' && stopAtFirst) stopReason ??= 'stopped at the first violation';
    yield;
  }
  const properties = plan.properties.map((index) => {
    const mine = plan.checks.flatMap((c, i) => (c.property === index ? [{ c, o: outcomes[i]! }] : []));
    return verdict(model.meta.properties[index]!, mine, complete);
  });
  return stopReason === undefined ? { properties } : { properties, stopReason };
}

function verdict(prop: TemporalMeta, mine: readonly { c: Check; o: Outcome }[], complete: boolean): PropertyResult {
  const failing = mine.filter((m) => m.o.verdict === 'violated');
  const first = failing[0];
  const base = { name: prop.name, kind: 'property' as const };
  if (first !== undefined && first.o.verdict === 'violated') {
    return { ...base, verdict: 'violated', trace: first.o.trace, temporal: { form: prop.form, instance: first.c.label, failing: failing.map((m) => m.c.label) } };
  }
  const unknown = !complete || mine.some((m) => m.o.verdict === 'unknown');
  return { ...base, verdict: unknown ? 'unknown' : 'holds', temporal: { form: prop.form } };
}

class Checker {
  private fairs: FairComponents | undefined;
  private finder: LassoFinder | undefined;
  private laid: LabelledGraph | undefined;

  constructor(private readonly input: LivenessInput) {}

  // Laid out on the first check that needs the graph (an `always` needs none).
  private get lg(): LabelledGraph {
    this.laid ??= laidOut(this.input.graph, this.input.flat, this.input.plan);
    return this.laid;
  }

  check(c: Check, index: number, complete: boolean): Outcome {
    const { model, labels, graph } = this.input;
    const prop = model.meta.properties[c.property]!;
    const bad = labels.undefinedAt[index]!;
    if (bad >= 0) {
      const site = model.meta.sites[labels.undefinedSite[index]!]!;
      const message = `the property cannot be evaluated in this state: ${failureMessage(site, NaN)}`;
      return { verdict: 'violated', trace: pathTrace(model, storePath(model, graph.store, bad), noStep(message, site.loc)) };
    }
    if (c.form === 'always') {
      const at = labels.firstFalse[index]!;
      if (at < 0) return { verdict: complete ? 'holds' : 'unknown' };
      return { verdict: 'violated', trace: pathTrace(model, storePath(model, graph.store, at), noStep(`${prop.text.p} is false in this state`, prop.loc)) };
    }
    const region = regionOf(c);
    const accept = c.form === 'eventuallyAlways' ? c.pBit : -1;
    this.fairs ??= new FairComponents(this.lg);
    const count = this.roots(c, region);
    if (this.fairs.find(count, accept) === 0) return { verdict: complete ? 'holds' : 'unknown' };
    this.finder ??= new LassoFinder(this.lg);
    const lasso = this.finder.find(region, this.fairs.fair, accept);
    if (lasso === undefined) throw new Error(`internal: a fair component of ${prop.name} is unreachable`);
    return { verdict: 'violated', trace: this.lassoTrace(prop, c, lasso) };
  }

  // Marks the region (index -1, see FairComponents; -2 elsewhere) and lists where a behaviour
  // enters it: the initial states (`eventually`), the triggers (`leadsto`), anywhere in it
  // (else). Tarjan's walk from those roots sees exactly the region's part they reach: a node
  // reachable from there has all its region successors reachable too.
  private roots(c: Check, region: Region): number {
    const { index, nodes } = this.fairs!;
    const { n, count, labels, initial } = this.lg;
    const words = this.lg.plan.words;
    let tail = 0;
    for (let v = 0; v < n; v++) {
      const inside = region.bit < 0 || !hasBit(labels, v * words, region.bit);
      index[v] = inside ? -1 : -2;
      if (inside && c.form !== 'eventually' && (region.trigger < 0 || hasBit(labels, v * words, region.trigger))) nodes[tail++] = v;
    }
    index.fill(-2, n, count); // never expanded: on no cycle
    if (c.form === 'eventually') for (const v of initial) if (index[v] === -1) nodes[tail++] = v;
    return tail;
  }

  private lassoTrace(prop: TemporalMeta, c: Check, lasso: Lasso): Trace {
    const { model, graph } = this.input;
    const { labels, plan, stored } = this.lg;
    const steps = lasso.edges.map((e) => this.lg.steps[e]!);
    const trace = pathTrace(model, nodesPath(model, graph.store, lasso.nodes.map((v) => stored[v]!), steps));
    const p = prop.text.p;
    let message: string;
    if (c.form === 'eventually') message = `${p} never holds`;
    else if (c.form === 'leadsto') message = `${p} holds in state ${lasso.trigger}, and ${prop.text.q} never holds from there on`;
    else if (c.form === 'alwaysEventually') message = `${p} never holds from state ${lasso.trigger} on`;
    else {
      const k = lasso.nodes.findIndex((v, i) => i >= lasso.loop && !hasBit(labels, v * plan.words, c.pBit));
      message = `${p} is false again and again, as in state ${k}`;
    }
    return { ...trace, failure: noStep(message, prop.loc), loop: lasso.loop };
  }
}

function regionOf(c: Check): Region {
  switch (c.form) {
    case 'eventually': return { bit: c.pBit, trigger: -2 };
    case 'leadsto': return { bit: c.qBit, trigger: c.pBit };
    case 'alwaysEventually': return { bit: c.pBit, trigger: -1 };
    default: return { bit: -1, trigger: -2 };
  }
}
