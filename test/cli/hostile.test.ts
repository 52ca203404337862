// The real CLI (the bundle) on hostile input, one case per problem of issue 7: each must end with
// its documented exit status, a located message, and never a stack trace, a hang or a wrong
// verdict. Searches that must be stopped run on a spec with 4^30 states (far beyond memory and
// time); signals are sent once the search has used CPU time, read from /proc.

import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BUNDLE = path.resolve('dist/bundle/klpc.mjs');
const HUGE = `const K = 30
process c(i: 1..K) {
  var n: 0..3 = 0
  a: while n < 3 { n := n + 1; }
}
invariant Small: c[1].n < 2
`;

let dir: string;
let env: NodeJS.ProcessEnv;

function file(name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

function klpc(args: readonly string[], nodeArgs: readonly string[] = []): SpawnSyncReturns<string> {
  // a hang fails the test instead of stalling the suite
  return spawnSync(process.execPath, [...nodeArgs, BUNDLE, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
}

function expectError(r: SpawnSyncReturns<string>, status: number, located: RegExp): void {
  assert.equal(r.error, undefined, 'klpc hung');
  assert.equal(r.status, status, r.stderr + r.stdout);
  assert.match(r.stderr + r.stdout, located);
  assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at /, 'no stack trace');
}

// CPU seconds a process has used (Linux: utime + stime in /proc/<pid>/stat, in clock ticks).
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// Runs klpc, sends `signal` once it has searched for a while, and returns what it printed.
async function interrupted(args: readonly string[], signal: NodeJS.Signals): Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
  // starting takes ~0.3 s of CPU (the model is cached): beyond, it is searching
  while (cpuSeconds(child.pid!) < 0.8) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  const [code, sig] = await ended;
  return { stdout, stderr, signal: sig, code };
}

describe('klpc on hostile input', function () {
  this.timeout(180_000);

  before(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'klpc-hostile-'));
    env = { ...process.env, NO_COLOR: '1', KLPC_CACHE_DIR: path.join(dir, 'cache') };
    file('huge.klp', HUGE);
    assert.equal(klpc(['check', 'huge.klp', '--first']).status, 12); // compiled once, cached
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('1: computes an expression beyond 2^53 exactly, or refuses it where it is', () => {
    file('exact.klp', 'var x: 0..3 = 0\nprocess p { a: x := (2147483647 * 2147483647 + 1) - 2147483647 * 2147483647; }\ninvariant One: p@done => x == 1\n');
    const r = klpc(['check', 'exact.klp']);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /✓ One +holds/);
    file('inexact.klp', 'var y: 0..2147483647 = 2147483647\nvar x: 0..3 = 0\nprocess p { a: x := (y * y + 1) - y * y; }\ninvariant One: p@done => x == 1\n');
    expectError(klpc(['check', 'inexact.klp']), 150, /inexact\.klp:3:22 - error KLP3013: This expression can reach 4611686014132420609/);
  });

  it('2: refuses a FIFO, a device or /proc/self/mem at once, on the argument or the `variant of`', () => {
    spawnSync('mkfifo', [path.join(dir, 'fifo.klp')]);
    expectError(klpc(['check', 'fifo.klp']), 150, /<command line>:1:12 - error KLP5001: Cannot read 'fifo\.klp': it is a named pipe \(FIFO\), not a regular file\./);
    file('of-fifo.klp', 'variant of "fifo.klp"\n');
    expectError(klpc(['check', 'of-fifo.klp']), 150, /of-fifo\.klp:1:12 - error KLP5001: .*named pipe/);
    expectError(klpc(['check', '/dev/null']), 150, /<command line>:1:12 - error KLP5001: Cannot read '\/dev\/null': it is a character device/);
    expectError(klpc(['check', '/proc/self/mem']), 150, /<command line>:1:12 - error KLP5001: Cannot read '\/proc\/self\/mem': input\/output error/);
  });

  it('3: stops at SIGINT with the verdicts so far, --json and --itf written, and ends by the signal', async () => {
    const text = await interrupted(['check', 'huge.klp', '--workers', '1'], 'SIGINT');
    assert.equal(text.signal, 'SIGINT');
    assert.match(text.stdout, /✗ Small +violated \(2 steps\)/);
    assert.match(text.stdout, /\? deadlock +none found before the search stopped \(interrupted \(SIGINT\)\)/);
    assert.match(text.stdout, /incomplete search: interrupted \(SIGINT\)/);
    const itf = path.join(dir, 'small.itf.json');
    // and on worker threads, past 50,000 states
    const json = await interrupted(['check', 'huge.klp', '--workers', '2', '--json', '--itf', itf], 'SIGTERM');
    assert.equal(json.signal, 'SIGTERM');
    const doc = JSON.parse(json.stdout) as { complete: boolean; incompleteReason: string; exitCode: number; stats: { distinct: number } };
    assert.deepEqual([doc.complete, doc.incompleteReason, doc.exitCode], [false, 'interrupted (SIGTERM)', 143]);
    assert.ok(doc.stats.distinct > 50_000);
    assert.equal((JSON.parse(fs.readFileSync(itf, 'utf8')) as { states: unknown[] }).states.length, 3);
  });

  it('3: klpc diff says where an interrupt stopped it, and ends by the signal', async () => {
    const r = await interrupted(['diff', 'huge.klp', 'huge.klp'], 'SIGINT');
    assert.equal(r.signal, 'SIGINT');
    assert.match(r.stderr, /^klpc diff: interrupted \(SIGINT\) while exploring huge \(A\), after [\d,]+ distinct states: nothing was compared\n$/);
  });

  it('3: klpc simulate stops at SIGINT or SIGTERM with what its walks found, and ends by the signal', async () => {
    const text = await interrupted(['simulate', 'huge.klp', '--time-limit', '600', '--seed', '1'], 'SIGINT');
    assert.equal(text.signal, 'SIGINT');
    assert.match(text.stdout, /✗ Small +violated/);
    assert.match(text.stdout, /\(simulation stopped: interrupted \(SIGINT\)\)/);
    const json = await interrupted(['simulate', 'huge.klp', '--time-limit', '600', '--json'], 'SIGTERM');
    assert.equal(json.signal, 'SIGTERM');
    const doc = JSON.parse(json.stdout) as { simulation: { stopReason: string; traces: number }; exitCode: number };
    assert.deepEqual([doc.simulation.stopReason, doc.exitCode], ['interrupted (SIGTERM)', 143]);
    assert.ok(doc.simulation.traces > 0);
  });

  it('4: refuses a 100,000-term constant with a located message', () => {
    file('chain.klp', `const A = ${Array.from({ length: 100_000 }, () => '1').join(' + ')}\n`);
    expectError(klpc(['check', 'chain.klp']), 150, /chain\.klp:1:11 - error KLP1010: This chain of operators is 100,001 levels deep, more than the 500 klpc accepts\./);
  });

  it('5: refuses a compile cache other users may write', () => {
    const open = path.join(dir, 'open-cache');
    fs.mkdirSync(open, { mode: 0o777 });
    fs.chmodSync(open, 0o777);
    const r = spawnSync(process.execPath, [BUNDLE, 'check', 'huge.klp'], { cwd: dir, encoding: 'utf8', env: { ...env, KLPC_CACHE_DIR: open } });
    expectError(r, 151, /<environment>:1:16 - error KLP6007: Refusing the compile cache '.*open-cache': it is writable by every user \(mode 777\)\./);
    assert.deepEqual(fs.readdirSync(open), [], 'nothing was written or read there');
  });

  it('6: follows `variant of` an absolute path, and never echoes a file that is not a spec', () => {
    file('base-error.klp', 'var x: 0..1 = y\n');
    file('abs.klp', `variant of "${path.join(dir, 'base-error.klp')}"\n`);
    expectError(klpc(['check', 'abs.klp']), 150, /base-error\.klp:1:15 - error KLP2001: Unknown name 'y'/);
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    file('a/b/passwd.klp', 'variant of "../../../../../../../../etc/passwd"\n');
    const r = klpc(['check', 'a/b/passwd.klp']);
    expectError(r, 150, /passwd\.klp:1:12 - error KLP5010: '.*etc\/passwd' is not a klp spec/);
    assert.doesNotMatch(r.stderr, /root:/);
  });

  it('7: shows invisible characters as code points, cuts long lines, accepts a BOM, refuses empty specs', () => {
    file('bom.klp', '\uFEFFvar x: 0..1 = y\n'); // accepted, and columns count as editors do
    expectError(klpc(['check', 'bom.klp']), 150, /bom\.klp:1:15 - error KLP2001: Unknown name 'y'\.\n\n1 \| var x: 0\.\.1 = y\n/);
    file('zwsp.klp', 'var x: 0..1 = 0\u200b\ninvariant I: x == 0\n');
    expectError(klpc(['check', 'zwsp.klp']), 150, /zwsp\.klp:1:16 - error KLP1001: Unexpected character U\+200B \(zero width space\)\.\n\n1 \| var x: 0\.\.1 = 0<U\+200B>/);
    file('elf.klp', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x1b, 0x5b, 0x32, 0x4a]));
    const bin = klpc(['check', 'elf.klp']);
    expectError(bin, 150, /<command line>:1:12 - error KLP5001: Cannot read 'elf\.klp': it is binary \(a NUL byte at offset 7\), not a spec\./);
    assert.doesNotMatch(bin.stderr, /[\u0000-\u0008\u001b\u007f]/, 'no raw binary on the terminal');
    file('long.klp', `var x: 0..99 = 0\ninvariant I: ${Array.from({ length: 80 }, (_, i) => `x != ${i}`).join(' and ')} and x = 1\n`);
    const long = klpc(['check', 'long.klp']);
    expectError(long, 150, /long\.klp:2:\d+ - error KLP1004/);
    assert.ok(long.stderr.split('\n').every((l) => l.length <= 200), 'excerpt lines are cut');
    file('empty.klp', '');
    expectError(klpc(['check', 'empty.klp']), 150, /<command line>:1:12 - error KLP5009: 'empty\.klp' has no declarations/);
  });

  it('9: ends a search beyond memory or time as incomplete, with the verdicts so far (exit 12: one is violated)', () => {
    // in a small V8 heap too: the search's structures live outside it, and nothing crashes
    // one thread: the budget planned ahead of each growth
    const memory = klpc(['check', 'huge.klp', '--max-memory', '32MB', '--workers', '1'], ['--max-old-space-size=64']);
    expectError(memory, 12, /✗ Small +violated[\s\S]*incomplete search: out of memory after [\d,]+ distinct states: --max-memory 32 MiB/);
    // worker threads, past 50,000 states: watched from the main thread
    const time = klpc(['check', 'huge.klp', '--time-limit', '1s', '--workers', '2', '--json']);
    assert.equal(time.status, 12, time.stderr);
    assert.equal((JSON.parse(time.stdout) as { incompleteReason: string }).incompleteReason, '--time-limit 1s reached');
    expectError(klpc(['check', 'huge.klp', '--max-memory', 'lots']), 2, /option '--max-memory <SIZE>' argument 'lots' is invalid\. expected a size such as 512MB/);
  });
});
