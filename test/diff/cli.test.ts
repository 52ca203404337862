// `klpc diff` as a command, in process with the real pipeline: diff(1) exit codes on the klp
// family, the summary lines, --json as one document holding each side's `check --json` document,
// --view mistakes (KLP6010, exit 151), spec errors (150), bounds (2), and the worked example of
// docs/diff.md, which must be the real output (KLPC_ACCEPT=1 rewrites it).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diff, type DiffFlags } from '../../cli/diff.js';
import { nodePipeline } from '../../cli/pipeline.js';
import { recordingIo } from '../cli/fake-pipeline.js';
import { repoRoot, specPath } from './family.js';

const defaults: DiffFlags = { const: [], view: [], deadlock: true, json: false, lanes: true, quiet: false };

async function run(a: string, b: string, flags: Partial<DiffFlags> = {}, extraArgs: readonly string[] = []) {
  const io = recordingIo(['diff', a, b, ...extraArgs]);
  const code = await diff(a, b, { ...defaults, ...flags }, io, await nodePipeline());
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

const lines = (text: string) => text.split('\n');

describe('klpc diff command', function () {
  this.timeout(30000);

  it('prefix vs postfix: the flips side by side, exit 1', async () => {
    const r = await run(specPath('prefix'), specPath('postfix'), { quiet: true });
    assert.equal(r.code, 1);
    const out = lines(r.out);
    for (const l of [
      '≠ StackOrder        violated in prefix (5 steps), holds in postfix',
      '≠ NoDanglingModule  violated in prefix (11 steps), holds in postfix',
      '= GoingCoverage     holds in both',
      'View-states: 165 in both, 202 only in prefix (130 where an invariant fails), 0 only in postfix',
      'Behaviours: neither includes the other',
      'not compared: klp_alive (only in postfix)',
    ]) assert.ok(out.includes(l), `missing line: ${l}\n${r.out}`);
    assert.equal(out.at(-2), 'prefix and postfix differ.');
    // --quiet prints no trace, so the behaviour lines name the witness's steps, wrapped at the width
    const at = out.indexOf('Behaviours: neither includes the other');
    assert.deepEqual(out.slice(at + 1, at + 5), [
      '  prefix has behaviours postfix lacks: shortest 3 steps: loader add_unformed,',
      '    loader complete_formation, patcher[3] register',
      '  postfix has behaviours prefix lacks: shortest 3 steps: loader add_unformed,',
      '    loader complete_formation, patcher[3] register',
    ]);
  });

  it('postfix vs a rejected alternative: the deadlock it brings, and the 1-step behaviour it changes', async () => {
    const r = await run(specPath('postfix'), path.join(repoRoot, 'specs/klp/alternatives/wait-locked.klp'), { quiet: true });
    assert.equal(r.code, 1);
    const out = lines(r.out);
    assert.ok(out.includes('≠ deadlock          none found in postfix, found in wait-locked (3 steps)'), r.out);
    assert.ok(out.includes('  wait-locked has behaviours postfix lacks: shortest 1 step: patcher[3] register'), r.out);
  });

  it('postfix vs ignore-going: GoingCoverage flips to violated, exit 1', async () => {
    const r = await run(specPath('postfix'), specPath('ignore-going'), { quiet: true });
    assert.equal(r.code, 1);
    assert.ok(lines(r.out).includes('≠ GoingCoverage     holds in postfix, violated in ignore-going (8 steps)'), r.out);
  });

  it('a spec against itself: no difference, exit 0; with a bound, undecided, exit 2', async () => {
    const same = await run(specPath('prefix'), specPath('prefix'), { quiet: true });
    assert.equal(same.code, 0);
    assert.equal(lines(same.out).at(-2), 'No difference between prefix (A) and prefix (B) on this view.');
    const bounded = await run(specPath('prefix'), specPath('prefix'), { quiet: true, maxStates: 10 });
    assert.equal(bounded.code, 2);
    assert.match(bounded.out, /not proven the same/);
  });

  it('--json: one document with both check documents inside', async () => {
    const r = await run(specPath('prefix'), specPath('postfix'), { json: true });
    assert.equal(r.err, '');
    const doc = JSON.parse(r.out);
    assert.equal(doc.exitCode, 1);
    assert.equal(doc.outcome, 'different');
    assert.deepEqual(doc.properties.find((p: { name: string }) => p.name === 'StackOrder'), {
      name: 'StackOrder', kind: 'invariant', a: { verdict: 'violated', steps: 5 }, b: { verdict: 'holds' }, change: 'flipped',
    });
    assert.deepEqual([doc.states.both, doc.states.onlyA.count, doc.states.onlyB.count], [165, 202, 0]);
    assert.equal(doc.behaviours.relation, 'incomparable');
    assert.equal(doc.behaviours.aNotB.trace.steps.at(-1).label, 'register');
    assert.equal(doc.results.a.exitCode, 12); // what `klpc check prefix.klp` exits with
    assert.equal(doc.results.a.properties[0].trace.steps.length, 5);
  });

  it('--view names both specs cannot compare: KLP6010 on the name, exit 151', async () => {
    const r = await run(specPath('prefix'), specPath('postfix'), { view: ['mod_state,klp_alive,mod_stat'] }, ['--view', 'mod_state,klp_alive,mod_stat']);
    assert.equal(r.code, 151);
    assert.match(r.err, /KLP6010: Cannot compare 'klp_alive' in --view: only postfix has it\./);
    assert.match(r.err, /KLP6010: Cannot compare 'mod_stat' in --view: neither prefix nor postfix has it\.[\s\S]*hint: did you mean 'mod_state'\?/);
    const ok = await run(specPath('prefix'), specPath('postfix'), { view: ['mod_state, mod_callable', 'loader.pc'], quiet: true });
    assert.match(ok.out, /compared on mod_state, mod_callable, loader\.pc\n/);
  });

  it('behaviours that part at the initial state: --quiet says so instead of naming steps', async () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'klpc-diff-'));
    const spec = (name: string, init: number) => {
      fs.writeFileSync(path.join(dir, name), `var x: 0..1 = ${init}\nprocess p {\n  s:\n    x := 1;\n}\n`);
      return path.join(dir, name);
    };
    const r = await run(spec('zero.klp', 0), spec('one.klp', 1), { quiet: true });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.code, 1);
    assert.ok(lines(r.out).includes('  zero has behaviours one lacks: shortest 0 steps, an initial state'), r.out);
  });

  it('a spec with errors: its diagnostics, exit 150', async () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'klpc-diff-'));
    const bad = path.join(dir, 'bad.klp');
    fs.writeFileSync(bad, 'var x: 0..2 = \n');
    const r = await run(specPath('prefix'), bad);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.code, 150);
    assert.match(r.err, /bad\.klp:\d+:\d+ - error KLP1/);
  });

  it('a fix that merges two steps with remove step leaves no empty step in the coverage', async () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'klpc-diff-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('lost.klp', 'var x: 0..2 = 0\nprocess inc(t: 1..2) {\n  var tmp: 0..2 = 0\n  load: tmp := x;\n  store: x := tmp + 1;\n}\n');
    const merged = 'variant of "lost.klp"\nreplace step inc.load { load: tmp := x; x := tmp + 1; }\n';
    write('removed.klp', `${merged}remove step inc.store\n`);
    write('skipped.klp', `${merged}replace step inc.store { store: skip; }\n`);
    try {
      const removed = lines((await run(path.join(dir, 'lost.klp'), path.join(dir, 'removed.klp'), { quiet: true })).out);
      assert.ok(removed.includes('inc[1]@store               4        -  only in lost, no longer reachable in removed'), removed.join('\n'));
      // what the fix had to write before remove step: a skip step that still counts transitions
      const skipped = lines((await run(path.join(dir, 'lost.klp'), path.join(dir, 'skipped.klp'), { quiet: true })).out);
      assert.ok(skipped.some((l) => /^inc\[1\]@store\s+4\s+5$/.test(l)), skipped.join('\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('docs/diff.md shows the real output of its worked example', async () => {
    const docs = path.join(repoRoot, 'docs/diff.md');
    const command = '$ klpc diff specs/klp/prefix.klp specs/klp/postfix.klp';
    const text = fs.readFileSync(docs, 'utf8');
    const start = text.indexOf(`${command}\n`);
    assert.ok(start >= 0, `docs/diff.md has no block starting with ${command}`);
    const from = start + command.length + 1;
    const end = text.indexOf('```', from);
    const r = await run(specPath('prefix'), specPath('postfix'));
    if (process.env['KLPC_ACCEPT'] === '1') fs.writeFileSync(docs, text.slice(0, from) + r.out + text.slice(end));
    else assert.equal(text.slice(from, end), r.out, 'docs/diff.md is stale (KLPC_ACCEPT=1 to update it)');
  });
});
