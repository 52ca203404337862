// Graphs: `check --dot` (the state graph, checked against the search's own counts and against
// brute force on the invariant, with its size guard KLP6005) and `compile --cfg` (each
// process's steps and where they can go), through the real pipeline on test/fixtures/cli.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, type CheckFlags } from '../../cli/check.js';
import { compile } from '../../cli/compile.js';
import { nodePipeline } from '../../cli/pipeline.js';
import { recordingIo } from './fake-pipeline.js';
import { expectGolden, fixturesDir } from './golden.js';

const defaults: CheckFlags = { const: [], invariant: [], property: [], properties: true, deadlock: true, first: false, json: false, lanes: false, quiet: true };

interface Dot {
  readonly nodes: Map<string, string>; // id -> attributes
  readonly edges: [string, string, string][]; // from, to, attributes
}

// The node and edge statements of our DOT output (one per line), and checks that every line is
// one of the forms DOT allows there.
function parseDot(text: string): Dot {
  const nodes = new Map<string, string>();
  const edges: [string, string, string][] = [];
  for (const line of text.trimEnd().split('\n')) {
    const edge = /^ {2,}(\w+) -> (\w+)(?: \[(.*)\])?;$/.exec(line);
    const node = /^ {2,}(\w+) \[(.*)\];$/.exec(line);
    if (edge) edges.push([edge[1]!, edge[2]!, edge[3] ?? '']);
    else if (node && node[1] !== 'node' && node[1] !== 'edge') nodes.set(node[1]!, node[2]!);
    else assert.match(line, /^(\/\/ .*|digraph "[^"]*" \{|\}| {2,}(node|edge) \[.*\];| {2,}subgraph \w+ \{| {4}label=".*";| {2}\})$/, `not a DOT line: ${line}`);
  }
  return { nodes, edges };
}

describe('graphs', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klpc-graphs-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function checkDot(spec: string, flags: Partial<CheckFlags>) {
    const file = path.join(fixturesDir, spec);
    const dot = path.join(dir, 'g.dot');
    const io = recordingIo(['check', file, '--dot', dot]);
    const code = await check(file, { ...defaults, dot, ...flags }, io, await nodePipeline());
    const json = recordingIo(['check', file, '--json']);
    await check(file, { ...defaults, json: true }, json, await nodePipeline());
    const stats = (JSON.parse(json.stdout.join('')) as { stats: { distinct: number; transitions: number } }).stats;
    return { code, out: io.stdout.join(''), err: io.stderr.join(''), dot, stats };
  }

  it('--dot: a node per distinct state and an edge per transition; the violating state red', async () => {
    const r = await checkDot('lost-update.klp', {});
    assert.equal(r.code, 12);
    const g = parseDot(fs.readFileSync(r.dot, 'utf8'));
    assert.equal(g.nodes.size, r.stats.distinct);
    assert.equal(g.edges.length, r.stats.transitions);
    const attrs = [...g.nodes.values()];
    assert.equal(attrs.filter((a) => a.includes('penwidth=2')).length, 1, 'one initial state');
    // brute force on the node labels: NoLostUpdate fails exactly where all are done and x < 2
    const lost = attrs.filter((a) => a.includes('all done') && !a.includes('count = 2'));
    assert.ok(lost.length > 0);
    assert.deepEqual(attrs.filter((a) => a.includes('color=red')), lost);
    assert.ok(lost.every((a) => a.includes('✗ NoLostUpdate')));
    for (const [from, to, label] of g.edges) {
      assert.ok(g.nodes.has(from) && g.nodes.has(to), `${from} -> ${to}`);
      assert.match(label, /^label="worker\[[12]\] (read|write)"$/);
    }
  });

  it('--dot: a failing step is a red edge to what failed; a deadlocked state is red', async () => {
    const a = await checkDot('assert.klp', {});
    const ga = parseDot(fs.readFileSync(a.dot, 'utf8'));
    const failures = [...ga.nodes.entries()].filter(([id]) => id.startsWith('f'));
    assert.ok(failures.length > 0 && failures.every(([, v]) => v.includes('assertion failed: x counts more than one increment')));
    assert.ok(ga.edges.filter(([, to]) => to.startsWith('f')).every(([, , l]) => l.startsWith('color=red')));
    const d = await checkDot('lock-order.klp', {});
    assert.equal(d.code, 11);
    const stuck = [...parseDot(fs.readFileSync(d.dot, 'utf8')).nodes.values()].filter((v) => v.includes('✗ deadlock'));
    assert.equal(stuck.length, 1);
    assert.match(stuck[0]!, /left@second, right@second/);
  });

  it('--dot: the cycle of a lasso in bold purple, from the state marked with the property', async () => {
    const r = await checkDot('handoff.klp', { properties: true, property: ['Served'] });
    assert.equal(r.code, 13);
    const g = parseDot(fs.readFileSync(r.dot, 'utf8'));
    const starts = [...g.nodes].filter(([, a]) => a.includes('↻ Served'));
    assert.equal(starts.length, 1);
    const cycle = g.edges.filter(([, , a]) => a.includes('color="#8250df", penwidth=2'));
    assert.ok(cycle.length > 0);
    // the bold edges are one closed walk through the marked state, the producer toggling
    let at = starts[0]![0];
    for (let i = 0; i < cycle.length; i++) {
      const out = cycle.filter(([from]) => from === at);
      assert.equal(out.length, 1, `one bold edge out of ${at}`);
      assert.match(out[0]![2], /^label="producer toggle"/);
      at = out[0]![1];
    }
    assert.equal(at, starts[0]![0], 'back where the cycle starts');
  });

  it('--dot: the graph of a small spec, pinned', async () => {
    const r = await checkDot('assert.klp', {});
    expectGolden('graphs-assert.dot', fs.readFileSync(r.dot, 'utf8'));
  });

  it('--dot beyond --dot-limit: KLP6005 with a hint, no file, the verdicts still printed, exit 151', async () => {
    const r = await checkDot('lost-update.klp', { dotLimit: 5 });
    assert.equal(r.code, 151);
    assert.match(r.err, /KLP6005: Not writing '.*g\.dot': the state graph has 13 states, more than --dot-limit 5\./);
    assert.match(r.err, /hint: shrink the model with --const, or raise the limit with --dot-limit N/);
    assert.ok(!fs.existsSync(r.dot));
    assert.match(r.out, /✗ NoLostUpdate\s+violated \(4 steps\)/);
  });

  it('--dot to an unwritable path: KLP6004, exit 151', async () => {
    const r = await checkDot('counter.klp', { dot: path.join(dir, 'no/such/dir/g.dot') });
    assert.equal(r.code, 151);
    assert.match(r.err, /KLP6004: Cannot write/);
  });

  it('compile --cfg: each step and the steps it can go to, blocking steps dashed', async () => {
    const spec = path.join(fixturesDir, 'lock-order.klp');
    const io = recordingIo(['compile', spec, '--cfg']);
    assert.equal(await compile(spec, { const: [], out: dir, cfg: true }, io, await nodePipeline()), 0);
    const file = path.join(dir, 'lock-order.cfg.dot');
    assert.equal(io.stdout.join(''), `${file}\n`);
    const text = fs.readFileSync(file, 'utf8');
    const g = parseDot(text);
    const edges = g.edges.map(([a, b]) => `${a}->${b}`);
    assert.deepEqual(edges, ['p0_start->p0_0', 'p0_0->p0_1', 'p0_1->p0_2', 'p0_2->p0_done', 'p1_start->p1_0', 'p1_0->p1_1', 'p1_1->p1_2', 'p1_2->p1_done']);
    assert.match(g.nodes.get('p0_0')!, /label="first\\nline 6", style=dashed/);
    assert.ok(!g.nodes.get('p0_2')!.includes('dashed'), 'release cannot block');
    expectGolden('graphs-cfg-peterson.dot', await cfgOf('../../../specs/examples/peterson.klp'));
  });

  async function cfgOf(rel: string): Promise<string> {
    const spec = path.join(fixturesDir, rel);
    assert.equal(await compile(spec, { const: [], out: dir, cfg: true }, recordingIo(['compile']), await nodePipeline()), 0);
    return fs.readFileSync(path.join(dir, `${path.basename(spec, '.klp')}.cfg.dot`), 'utf8');
  }
});
