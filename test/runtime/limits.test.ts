// Limits of a search (runtime/limits.ts): a time limit, a memory budget planned ahead of the
// table's and the store's growth, an interrupt through an AbortSignal (delivered between the
// slices of exploreAsync), and the JavaScript heap nearing V8's limit (which would otherwise
// be a fatal crash). Each ends the search incomplete, keeps the violations found so far with
// their traces, and never reports 'holds'.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { freemem } from 'node:os';
import { explore, exploreAsync } from '../../runtime/explore.js';
import { defaultMemoryBudget } from '../../runtime/limits.js';
import type { SearchResult } from '../../runtime/result.js';
import { Counters } from './models.js';

const BIG = 2000; // 2001^2 states: far more than any of these searches gets through
const MIB = 1024 * 1024;

function assertStoppedEarly(r: SearchResult, reason: RegExp): void {
  assert.equal(r.complete, false);
  assert.match(r.incompleteReason ?? '', reason);
  assert.ok(r.stats.distinct < (BIG + 1) ** 2);
  // the early violation keeps its shortest trace; nothing else is claimed
  assert.deepEqual(r.properties.map((p) => [p.name, p.verdict]), [['SumBelow', 'violated'], ['NonNegative', 'unknown'], ['deadlock', 'unknown'], ['spec errors', 'unknown']]);
  assert.equal(r.properties[0]!.trace?.steps.length, 5);
}

describe('runtime/limits', function () {
  this.timeout(60_000);

  it('stops at the time limit', () => {
    const started = performance.now();
    const r = explore(new Counters(BIG, 5), { deadlock: true, timeLimit: 0.3 });
    assertStoppedEarly(r, /^--time-limit 0\.3s reached$/);
    assert.ok(performance.now() - started < 5_000);
  });

  it('keeps the search within the memory budget, ahead of each growth', () => {
    // in a process of its own: garbage other tests leave would be freed during the search
    const out = run(`
      const { getHeapStatistics } = await import('node:v8');
      const s = getHeapStatistics();
      const room = ${24 * MIB};
      const r = explore(new Counters(${BIG}, 5), { deadlock: true, maxMemory: s.used_heap_size + s.external_memory + room });
      console.log(JSON.stringify({ r, room, held: r.stats.bytesPerState * r.stats.distinct }));`);
    const { r, room, held } = out as { r: SearchResult; room: number; held: number };
    assertStoppedEarly(r, /^out of memory after [\d,]+ distinct states: --max-memory \d+ MiB$/);
    assert.ok(held <= room, `${held} bytes held`);
    assert.ok(held > room / 4, `${held} bytes held: the budget was not used`); // doublings leave up to 3/4 unused
  });

  it('budgets 80% of the free memory by default (less in a tighter cgroup)', () => {
    const limit = process.constrainedMemory?.() ?? 0;
    const budget = defaultMemoryBudget();
    assert.ok(budget > 0 && budget <= 0.8 * freemem() * 1.05, `${budget} of ${freemem()} free`);
    if (!(limit > 0 && limit < 2 ** 50)) assert.ok(budget >= 0.8 * freemem() * 0.95, `${budget} of ${freemem()} free`);
  });

  it('stops when interrupted, between the slices of exploreAsync', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('SIGINT'), 200);
    const r = await exploreAsync(new Counters(BIG, 5), { deadlock: true, signal: controller.signal });
    assertStoppedEarly(r, /^interrupted \(SIGINT\)$/);
  });

  it('runs to completion when nothing stops it, sliced or not', async () => {
    const sync = explore(new Counters(30, 5), { deadlock: true });
    const sliced = await exploreAsync(new Counters(30, 5), { deadlock: true, signal: new AbortController().signal });
    assert.equal(sync.complete, true);
    assert.deepEqual(sliced, { ...sync, stats: { ...sync.stats, seconds: sliced.stats.seconds, statesPerSecond: sliced.stats.statesPerSecond } });
  });

  it('stops before the JavaScript heap is exhausted, which V8 could not survive', () => {
    // a model whose every step keeps 256 bytes of JS objects alive, in a 48 MB heap
    const out = run(`
      const kept = [];
      class Leaky extends Counters {
        successors(cur, next, sink) { kept.push(new Array(32).fill(kept.length)); super.successors(cur, next, sink); }
      }
      const r = explore(new Leaky(${BIG}, 5), { deadlock: true, maxMemory: 2 ** 40 });
      console.log(JSON.stringify({ reason: r.incompleteReason, verdicts: r.properties.map((p) => p.verdict) }));`, ['--max-old-space-size=48']);
    const { reason, verdicts } = out as { reason: string; verdicts: string[] };
    assert.match(reason, /^out of memory after [\d,]+ distinct states: the JavaScript heap holds \d+ MiB of its \d+ MiB limit$/);
    assert.deepEqual(verdicts, ['violated', 'unknown', 'unknown', 'unknown']);
  });
});

// Runs `body` (with explore and Counters in scope) in a fresh node, and parses what it prints.
function run(body: string, nodeArgs: readonly string[] = []): unknown {
  const script = `
    const { explore } = await import('${new URL('../../runtime/explore.js', import.meta.url).href}');
    const { Counters } = await import('${new URL('./models.js', import.meta.url).href}');
    ${body}`;
  const child = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr.slice(-2000));
  return JSON.parse(child.stdout);
}
