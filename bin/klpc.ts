#!/usr/bin/env node
// The `klpc` command: argument parsing and exit codes only; the commands live in cli/. Usage
// errors exit 2 (commander's messages), a bug in klpc exits 255 with its stack trace.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Argument, Command, Option, type OptionValues } from 'commander';
import type { CheckFlags } from '../cli/check.js';
import { commandLine } from '../cli/command-line.js';
import { DEFAULT_OUT_DIR } from '../cli/compile.js';
import type { DiffFlags } from '../cli/diff.js';
import type { SimulateFlags } from '../cli/simulate.js';
import { quietOnClosedPipe, thrownExitCode } from '../cli/fatal.js';
import { processIo } from '../cli/io.js';
import { collect, durationOption, integerOption, sizeOption } from '../cli/options.js';
import { nodePipeline } from '../cli/pipeline.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const io = processIo(pkg.version, commandLine(process.argv.slice(2)));

const program = new Command('klpc')
  .description('Check concurrent lifecycle specifications (.klp) by exploring every interleaving.')
  .version(pkg.version)
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (s, write) => write(io.errStyle.error(s)) });

const constOption = () => new Option('--const <NAME=VALUE>', 'override a constant (repeatable)').argParser(collect);

// What check and diff share: how to search and how to print. `--max-states` and `--quiet` read
// differently per command, so their help comes from the caller.
function searchOptions(cmd: Command, help: { maxStates: string; quiet: string }): Command {
  return cmd
    .option('--no-deadlock', 'do not report deadlocks')
    .option('--max-states <N>', help.maxStates, integerOption(1))
    .option('--max-depth <N>', 'explore at most N steps from the initial states', integerOption(0))
    .option('--time-limit <DURATION>', 'stop searching after this long: 90, 90s, 5m, 2h (the result is then incomplete)', durationOption)
    .option('--max-memory <SIZE>', 'memory for the search: 512MB, 2G (default: 80% of the free memory; with --spill, the rest goes to disk)', sizeOption)
    .option('--json', 'print one JSON document on stdout instead of text')
    .option('--no-lanes', 'omit the lanes view of traces')
    .option('-q, --quiet', help.quiet);
}

function searchFlags(o: OptionValues) {
  return {
    const: (o.const ?? []) as string[],
    deadlock: o.deadlock === true,
    maxStates: o.maxStates as number | undefined,
    maxDepth: o.maxDepth as number | undefined,
    timeLimit: o.timeLimit as number | undefined,
    maxMemory: o.maxMemory as number | undefined,
    json: o.json === true,
    lanes: o.lanes === true,
    quiet: o.quiet === true,
  };
}

const checkCommand = program
  .command('check')
  .description('explore every reachable state and check invariants, temporal properties, asserts, spec errors and deadlocks')
  .argument('<spec>', 'the .klp file')
  .addOption(constOption())
  .addOption(new Option('--invariant <NAME>', 'check only this invariant (repeatable)').argParser(collect))
  .addOption(new Option('--property <NAME>', 'check only this temporal property (repeatable)').argParser(collect))
  .option('--no-properties', 'do not check temporal properties (no state graph is kept)')
  .option('--first', 'stop at the first violation')
  .option('--itf <file>', 'write the first counterexample in the Informal Trace Format')
  .option('--dot <file>', 'write the state graph in Graphviz DOT (small specs: see --dot-limit)')
  .option('--dot-limit <N>', 'refuse --dot beyond N states (default 500)', integerOption(1))
  .option('--html <file>', 'write the counterexamples in a self-contained HTML trace viewer')
  .option('--no-symmetry', 'explore every state, not one per class of states equal up to the symmetric types')
  .option('--workers <N>', 'threads for a large state space (default: one per core)', integerOption(1))
  .addOption(new Option('--spill <DIR>', 'keep the state store and queue in files under DIR (and the fingerprints, past --max-memory)').conflicts('dot'));
searchOptions(checkCommand, {
  maxStates: 'stop after N distinct states (the result is then incomplete)',
  quiet: 'print only the properties that do not hold',
}).action(async (spec: string, o: OptionValues) => {
  const { check } = await import('../cli/check.js');
  const flags: CheckFlags = { ...searchFlags(o), invariant: o.invariant ?? [], property: o.property ?? [], properties: o.properties === true, first: o.first === true, symmetry: o.symmetry === true, workers: o.workers ?? availableParallelism(), itf: o.itf, dot: o.dot, dotLimit: o.dotLimit, html: o.html, spill: o.spill };
  process.exitCode = await check(spec, flags, io, await nodePipeline());
});

program
  .command('simulate')
  .description('take random walks through the state space and check the same properties (never proves that one holds)')
  .argument('<spec>', 'the .klp file')
  .addOption(constOption())
  .addOption(new Option('--invariant <NAME>', 'check only this invariant (repeatable)').argParser(collect))
  .option('--no-deadlock', 'do not report deadlocks')
  .option('--seed <N>', 'seed of the random choices (default: a random seed, printed)', integerOption(0))
  .option('--depth <N>', 'steps per trace at most (up to 1000000)', integerOption(0, 1_000_000), 100)
  .option('--traces <N>', 'number of traces (default: 1000, or as many as fit in --time-limit)', integerOption(1))
  .option('--time-limit <DURATION>', 'stop after this long: 90, 90s, 5m, 2h', durationOption)
  .option('--json', 'print one JSON document on stdout instead of text')
  .option('--itf <file>', 'write the most severe counterexample in the Informal Trace Format')
  .option('--no-lanes', 'omit the lanes view of traces')
  .option('-q, --quiet', 'print only the verdict lines')
  .addHelpText('after', '\nExit codes: as check, but 10 when no violation was found: a simulation proves nothing.')
  .action(async (spec: string, o: OptionValues) => {
    const { simulateSpec } = await import('../cli/simulate.js');
    const flags: SimulateFlags = {
      const: o.const ?? [],
      invariant: o.invariant ?? [],
      deadlock: o.deadlock === true,
      seed: o.seed,
      depth: o.depth,
      traces: o.traces,
      timeLimit: o.timeLimit,
      json: o.json === true,
      itf: o.itf,
      lanes: o.lanes === true,
      quiet: o.quiet === true,
    };
    process.exitCode = await simulateSpec(spec, flags, io, await nodePipeline());
  });

program
  .command('compile')
  .description('write the generated TypeScript explorer module')
  .argument('<spec>', 'the .klp file')
  .addOption(constOption())
  .option('-o, --out <dir>', 'output directory', DEFAULT_OUT_DIR)
  .option('--cfg', 'write each process\'s control-flow graph (<spec>.cfg.dot, Graphviz) instead of TypeScript')
  .action(async (spec: string, o: OptionValues) => {
    const { compile } = await import('../cli/compile.js');
    process.exitCode = await compile(spec, { const: o.const ?? [], out: o.out, cfg: o.cfg === true }, io, await nodePipeline());
  });

const diffCommand = program
  .command('diff')
  .description('compare two specs over every interleaving: verdicts, reachable view-states, behaviours, step coverage')
  .argument('<a>', 'the first .klp file (e.g. before a fix)')
  .argument('<b>', 'the second .klp file (e.g. after it)')
  .addOption(constOption())
  .addOption(new Option('--view <KEYS>', 'compare states on these variables, locks, `inst.pc` or `inst.local` (comma-separated, repeatable)').argParser(collect))
  .option('--html <file>', 'write both sides\' traces side by side in a self-contained HTML viewer');
searchOptions(diffCommand, {
  maxStates: 'stop each search after N distinct states, each behaviour comparison after N product states',
  quiet: 'print only the summary',
})
  .addHelpText('after', '\nExit codes (as diff(1)): 0 no difference on the view, 1 different, 2 undecided (a bound was hit)\nor usage error; 150 spec has errors, 151 bad command-line input, 255 internal error; 130/143 interrupted.')
  .action(async (a: string, b: string, o: OptionValues) => {
    const { diff } = await import('../cli/diff.js');
    const flags: DiffFlags = { ...searchFlags(o), view: o.view ?? [], html: o.html };
    process.exitCode = await diff(a, b, flags, io, await nodePipeline());
  });

program
  .command('fmt')
  .description('rewrite .klp files in the canonical layout, keeping comments (directories: every .klp under them)')
  .argument('<paths...>', '.klp files or directories; - formats stdin to stdout')
  .option('--check', 'write nothing; list the files that are not formatted and exit 1 if any')
  .action(async (paths: string[], o: OptionValues) => {
    const { fmt } = await import('../cli/fmt.js');
    process.exitCode = fmt(paths, { check: o.check === true }, io, () => readFileSync(0, 'utf8'));
  });

program
  .command('init')
  .description('write a commented starter spec that checks clean (never overwrites a file)')
  .argument('[file]', 'the spec to create', 'spec.klp')
  .action(async (file: string) => {
    const { init } = await import('../cli/init.js');
    process.exitCode = init(file, io);
  });

program
  .command('completion')
  .description('print a shell completion script: source <(klpc completion bash)')
  .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']))
  .action(async (shell: 'bash' | 'zsh') => {
    const { completionScript } = await import('../cli/completion.js');
    io.out(completionScript(program, shell));
  });

program.addHelpText('after', `
Exit codes: 0 all properties hold, 10 incomplete search (bound, time or memory limit hit),
11 deadlock, 12 invariant violated, 13 temporal property violated, 14 assert failed, 75 spec
error, 150 spec has errors, 151 bad command-line input, 2 usage error, 255 internal error;
after Ctrl-C (SIGINT) or SIGTERM the report is printed and klpc ends by the signal (status 130
or 143).`);

quietOnClosedPipe(process.stdout);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = thrownExitCode(e, io);
}
