// Random simulation of a CompiledModel (`klpc simulate`): model and options in, a
// SimulationResult out. Each walk starts in a uniformly chosen initial state and follows
// uniformly chosen transitions (reservoir sampling over what successors() emits) for at most
// `depth` steps, or until a state has no successor. Every successor generated on the way is
// checked against the invariants, and every failing step and deadlock met is reported, so each
// violation is real and its trace is the walk that reached it (not a shortest one).
// A simulation never proves anything: a property it did not see violated is 'unknown'. Temporal
// properties are listed 'unknown' and not checked: their counterexamples are fair infinite
// behaviours, which klpc check finds on the state graph.

import { interruptedReason } from './limits.js';
import type { CompiledModel, Sink } from './model.js';
import { Prng } from './prng.js';
import { runInSlices, runToEnd } from './slices.js';
import { planProperties, type PropertyPlan } from './properties.js';
import type { PropertyResult, Trace } from './result.js';
import { violationTrace, type Found, type Path } from './trace.js';

export interface SimulateOptions {
  readonly deadlock: boolean;
  readonly invariants?: readonly string[]; // names to check; default: all
  readonly seed: number;
  readonly depth: number; // steps per walk at most
  readonly traces?: number; // walks; without it, walk until the time limit
  readonly timeLimit?: number; // seconds
  readonly signal?: AbortSignal; // aborted (reason: the signal's name): stop after the step under way
  readonly onProgress?: (progress: SimulationProgress) => void; // about once a second
}

export interface SimulationProgress {
  readonly traces: number;
  readonly steps: number;
  readonly seconds: number;
}

export interface SimulationStats extends SimulationProgress {
  readonly seed: number;
  readonly generated: number; // successors generated and checked, by all walks
  readonly longest: number; // steps of the longest walk
  readonly stepsPerSecond: number;
}

export interface SimulationResult {
  readonly stopReason: string; // why the simulation ended: `1,000 traces`, `time limit (60 s)`, ...
  readonly stats: SimulationStats;
  readonly properties: readonly PropertyResult[]; // 'violated' (with a trace) or 'unknown'
  readonly stepCounts: readonly number[]; // walks' steps per ModelMeta.steps index
}

export const MAX_DEPTH = 1_000_000;
const PROGRESS_MS = 1000;
const CHECK_EVERY = 1024; // steps of a walk between looks at the clock and the signal (a power of two)

export function simulate(model: CompiledModel, options: SimulateOptions): SimulationResult {
  return runToEnd(new Walker(model, options));
}

// The same, pausing so that the event loop can deliver an interrupt (the CLI's).
export async function simulateAsync(model: CompiledModel, options: SimulateOptions): Promise<SimulationResult> {
  return runInSlices(new Walker(model, options));
}

class Walker implements Sink {
  private readonly prng: Prng;
  private readonly plan: PropertyPlan;
  private readonly traces: (Trace | undefined)[];
  private readonly checks: ((s: Int32Array) => boolean)[]; // invariants not violated yet
  private readonly checkProperty: number[];
  private readonly path: Int32Array; // the walk so far: depth + 1 unpacked states
  private readonly pathSteps: Int32Array;
  private readonly stepCounts: Float64Array;
  private readonly cur: Int32Array;
  private readonly next: Int32Array;
  private readonly chosen: Int32Array;
  private readonly start = performance.now();
  private readonly deadline: number;
  private chosenStep = -1;
  private emitted = 0; // successors of the state being expanded
  private activity = 0; // emits and failures
  private at = -1; // path position being expanded, -1 during init
  private generated = 0;
  private open: number; // properties not violated yet
  private walking = false; // a walk is under way at depth `at`
  private walks = 0;
  private steps = 0;
  private longest = 0;
  private lastProgress = this.start;
  private stopReason: string | undefined;

  constructor(
    private readonly model: CompiledModel,
    private readonly options: SimulateOptions,
  ) {
    if (options.traces === undefined && options.timeLimit === undefined) throw new Error('internal: a simulation needs --traces or --time-limit');
    if (!(options.depth >= 0 && options.depth <= MAX_DEPTH)) throw new Error(`internal: simulation depth ${options.depth} out of range`);
    this.prng = new Prng(options.seed);
    this.plan = planProperties(model.meta, options.deadlock, options.invariants);
    this.traces = this.plan.names.map(() => undefined);
    this.checks = this.plan.invariants.map((c) => model.invariants[c.invariant]!);
    this.checkProperty = this.plan.invariants.map((c) => c.property);
    this.open = this.plan.names.length;
    this.path = new Int32Array((options.depth + 1) * model.slots);
    this.pathSteps = new Int32Array(options.depth);
    this.stepCounts = new Float64Array(model.meta.steps.length);
    this.cur = new Int32Array(model.slots);
    this.next = new Int32Array(model.slots);
    this.chosen = new Int32Array(model.slots);
    this.deadline = options.timeLimit === undefined ? Infinity : this.start + options.timeLimit * 1000;
  }

  emit(step: number): void {
    this.generated++;
    this.activity++;
    const checks = this.checks;
    for (let k = 0; k < checks.length; k++) {
      if (checks[k]!(this.next)) continue;
      const property = this.checkProperty[k]!;
      checks.splice(k, 1);
      this.checkProperty.splice(k--, 1);
      this.record(property, 'invariant', { state: 0, step: -1, site: -1, value: NaN, initial: undefined }, step);
    }
    // reservoir sampling: the i-th successor replaces the choice with probability 1/i
    if (this.prng.below(++this.emitted) === 0) {
      this.chosen.set(this.next);
      this.chosenStep = step;
    }
  }

  fail(step: number, site: number, value: number): void {
    this.activity++;
    const property = this.plan.siteProperty[site]!;
    if (this.traces[property] !== undefined) return;
    const initial = this.at < 0 ? this.model.decode(this.next) : undefined;
    this.record(property, this.plan.kinds[property]!, { state: 0, step, site, value, initial });
  }

  // Walks on until the simulation is over (true) or the clock passes `until` (false: call again;
  // a walk cut short there goes on where it was).
  advance(until: number): boolean {
    const { model, options } = this;
    const slots = model.slots;
    while (this.stopReason === undefined) {
      if (!this.walking) {
        this.at = -1;
        this.emitted = 0;
        model.init(this.next, this);
        if (this.emitted === 0) {
          this.stopReason = 'the spec has no initial state';
          break;
        }
        this.path.set(this.chosen, 0);
        this.at = 0;
        this.walking = true;
      }
      let d = this.at;
      while (d < options.depth) {
        for (let i = 0, off = d * slots; i < slots; i++) this.cur[i] = this.path[off + i]!;
        this.at = d;
        this.emitted = 0;
        this.activity = 0;
        model.successors(this.cur, this.next, this);
        if (this.activity === 0) this.checkDeadlock(d);
        if (this.emitted === 0) break;
        this.path.set(this.chosen, (d + 1) * slots);
        this.pathSteps[d] = this.chosenStep;
        this.stepCounts[this.chosenStep]!++;
        d++;
        this.at = d;
        if ((d & (CHECK_EVERY - 1)) === 0) {
          const now = performance.now();
          if (now >= this.deadline || options.signal?.aborted === true) break;
          if (now >= until && d < options.depth) return false;
        }
      }
      this.walking = false;
      this.walks++;
      this.steps += d;
      if (d > this.longest) this.longest = d;
      const now = performance.now();
      if (this.open === 0) this.stopReason = 'every property is violated';
      else if (options.signal?.aborted === true) this.stopReason = interruptedReason(options.signal);
      else if (this.walks === options.traces) this.stopReason = `${this.walks.toLocaleString('en-US')} traces`;
      else if (now >= this.deadline) this.stopReason = `time limit (${options.timeLimit} s)`;
      if (options.onProgress !== undefined && now - this.lastProgress >= PROGRESS_MS) {
        this.lastProgress = now;
        options.onProgress({ traces: this.walks, steps: this.steps, seconds: (now - this.start) / 1000 });
      }
      if (this.stopReason === undefined && now >= until) return false;
    }
    return true;
  }

  result(): SimulationResult {
    const seconds = (performance.now() - this.start) / 1000;
    const stats: SimulationStats = {
      seed: this.options.seed,
      traces: this.walks,
      steps: this.steps,
      generated: this.generated,
      longest: this.longest,
      seconds,
      stepsPerSecond: seconds > 0 ? this.steps / seconds : 0,
    };
    const properties = this.plan.names.map((name, p): PropertyResult => {
      const kind = this.plan.kinds[p]!;
      const trace = this.traces[p];
      return trace === undefined ? { name, kind, verdict: 'unknown' } : { name, kind, verdict: 'violated', trace };
    });
    // a walk is finite, so it can violate no temporal property: they are listed, not checked
    const temporal = this.model.meta.properties.map((t): PropertyResult => ({ name: t.name, kind: 'property', verdict: 'unknown', temporal: { form: t.form } }));
    return { stopReason: this.stopReason!, stats, properties: [...properties, ...temporal], stepCounts: Array.from(this.stepCounts) };
  }

  private checkDeadlock(d: number): void {
    const property = this.plan.deadlock;
    if (property < 0 || this.traces[property] !== undefined || this.model.allDone(this.cur)) return;
    this.record(property, 'deadlock', { state: 0, step: -1, site: -1, value: NaN, initial: undefined });
  }

  // `successor`: the violating state is `next`, reached from the state being expanded by it.
  private record(property: number, kind: PropertyResult['kind'], found: Found, successor?: number): void {
    this.traces[property] = violationTrace(this.model, kind, found, () => this.walkPath(successor));
    this.open--;
  }

  // The walk up to the state being expanded (copies), then `next` if it is the violating state.
  private walkPath(successor: number | undefined): Path {
    const slots = this.model.slots;
    const states: Int32Array[] = [];
    const steps: number[] = [];
    for (let i = 0; i <= this.at; i++) states.push(this.path.slice(i * slots, (i + 1) * slots));
    for (let i = 0; i < this.at; i++) steps.push(this.pathSteps[i]!);
    if (successor !== undefined) {
      states.push(this.next.slice());
      if (this.at >= 0) steps.push(successor);
    }
    return { states, steps };
  }
}
