/**
 * The negsim command line: flags are parsed here and handed to the library; nothing here models anything.
 * Exit codes: 0 ok, 1 invalid input (scenario or flags), 2 internal error.
 *
 * Start-up: each command's module (its flags and what it runs) is imported only when that command is
 * the one named — in its yargs builder, which yargs awaits — so `negsim --version` or `--help` loads
 * no command, `validate` only the scenario loader, and nothing loads mathjs, Ajv or Vega unless the
 * command uses them. Only this file, user-error.ts (with api/errors.ts), version.ts, atomic-file.ts,
 * terminal-text.ts and usage.ts (with nearest.ts) load up front: what every command line needs to say
 * what is wrong, safely.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { abortAllOpenSync, OutputFileError } from '../report/atomic-file.js';
import { terminalOutput } from '../report/terminal-text.js';
import type { Io } from './run.js';
import { stdinArgument, usageMessage } from './usage.js';
import { NegsimError } from '../api/errors.js';
import { UserError } from './user-error.js';
import { VERSION } from './version.js';

/**
 * run.ts once loaded: its progress counter tells the signal handler how far a Monte Carlo got. The
 * commands that play one (run, report, explain, sweep, backtest, fit) load run.ts anyway; they load it through here.
 */
let runModule: typeof import('./run.js') | undefined;
const loadRun = async (): Promise<typeof import('./run.js')> => (runModule ??= await import('./run.js'));
const playing = async <M>(command: () => Promise<M>): Promise<M> => {
  await loadRun();
  return command();
};

// Everything printed passes terminalOutput: text read from a file can never drive the terminal.
const io: Io = {
  out: (t) => process.stdout.write(terminalOutput(t)),
  err: (t) => process.stderr.write(terminalOutput(t)),
  tty: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
};

interface YargsInside {
  getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> };
  getInternalMethods(): { getCommandInstance(): { getCommands(): string[] } };
}

export async function main(given: string[]): Promise<number> {
  let code = 0;
  const argv = stdinArgument(given);
  if (!Array.isArray(argv)) {
    io.err(`negsim: ${argv.problem}\n`);
    return 1;
  }
  const cli = yargs(argv)
    .scriptName('negsim')
    .usage('negsim <command> [options]\n\nA negotiation-outcome simulator: a game-theoretic round simulator (logit QRE stage games) played many times.')
    .command('run [file]', 'Monte Carlo of a scenario: outcome probabilities with intervals, per actor and per round', async (y) => (await loadRun()).runOptions(y), async (a) => {
      await (await loadRun()).runCommand(a as import('./run.js').RunArgs, io);
    })
    .command('compare [files..]', 'one scenario under several seeds (--seeds 1..20), or scenarios side by side with differences and intervals', async (y) => (await import('./compare.js')).compareOptions(y), async (a) => {
      await (await import('./compare.js')).compareCommand(a as import('./compare.js').CompareArgs, io);
    })
    .command('sweep [file]', 'the scenario over a grid of values (--vary path=from:to:step), every point with the same seed; CSV in table or wide layout', async (y) => (await playing(() => import('./sweep.js'))).sweepOptions(y), async (a) => {
      await (await import('./sweep.js')).sweepCommand(a as import('./sweep.js').SweepArgs, io);
    })
    .command('report [file]', 'run a scenario (run\'s flags) and write a self-contained HTML report with charts: outcomes, parties, rounds, ceasefire, the scenario and its quotes (--out FILE, default results/<id>.html)', async (y) => (await playing(() => import('./report.js'))).reportOptions(y), async (a) => {
      await (await import('./report.js')).reportCommand(a as import('./report.js').ReportArgs, io);
    })
    .command('explain [file]', 'what the forecast hinges on: each outcome\'s Sobol sensitivity to the uncertain inputs (with intervals, by path and quotation), and each preference switched off', async (y) => (await playing(() => import('./explain.js'))).explainOptions(y), async (a) => {
      await (await import('./explain.js')).explainCommand(a as import('./explain.js').ExplainArgs, io);
    })
    .command('merge <parts..>', 'combine the parts of a sharded run (negsim run --shard k/N --out F) into what negsim run prints', async (y) => (await import('./merge.js')).mergeOptions(y), async (a) => {
      await (await import('./merge.js')).mergeCommand(a as import('./merge.js').MergeArgs, io);
    })
    .command('validate <files..>', 'check scenario files; print every problem with file:line:column', (y) =>
      y.positional('files', { type: 'string', array: true, describe: 'scenario files' }), async (a) => {
      code = (await import('./validate.js')).validateCommand((a.files as string[]) ?? [], io);
    })
    .command('trace [file]', 'one run, round by round, in words, with the utilities behind each choice', (y) =>
      y.positional('file', { type: 'string', describe: 'scenario file; default: the bundled Geneva II scenario' })
        .option('seed', { alias: 's', type: 'string', default: '1', describe: 'master seed' })
        .option('run', { alias: 'r', type: 'string', default: '0', describe: 'run index (0-based), as in the runs CSV' })
        .option('quiet', { alias: 'q', type: 'boolean', describe: 'no warnings on stderr' }), async (a) => {
      (await import('./trace.js')).traceCommand(a as { file?: string; seed?: unknown; run?: unknown }, io);
    })
    .command('solve [game]', "a game in Gambit's .nfg format solved by the simulator's logit-QRE solver, printed as gambit-logit does", async (y) => (await import('./solve.js')).solveOptions(y), async (a) => {
      (await import('./solve.js')).solveCommand(a as import('./solve.js').SolveArgs, io);
    })
    .command('forecast [file]', 'where the talks settle on each issue: compromise, weighted median, expected-utility model, negsim', async (y) => (await import('./forecast.js')).forecastOptions(y), async (a) => {
      await (await import('./forecast.js')).forecastCommand(a as import('./forecast.js').ForecastArgs, io);
    })
    .command('backtest [files..]', 'score the forecasts of scenarios with an observed: block against what happened: Brier score, log loss, baselines', async (y) => (await playing(() => import('./backtest.js'))).backtestOptions(y), async (a) => {
      await (await import('./backtest.js')).backtestCommand(a as import('./backtest.js').BacktestArgs, io);
    })
    .command('fit [files..]', 'fit the model\'s global parameters (lambda, costs, noise rates) to observed cases by maximum likelihood, with intervals; --cv scores the fit out of sample beside baselines', async (y) => (await playing(() => import('./fit.js'))).fitOptions(y), async (a) => {
      await (await import('./fit.js')).fitCommand(a as import('./fit.js').FitArgs, io);
    })
    .command('schema', 'print the scenario file format as JSON Schema (for editors)', (y) => y, async () => {
      io.out(JSON.stringify((await import('../scenario/schema.js')).scenarioJsonSchema(), null, 2) + '\n');
    })
    .demandCommand(1, 'name a command: run, report, explain, compare, sweep, merge, trace, validate, backtest, fit, solve, forecast or schema (negsim --help lists them)')
    .option('color', { type: 'boolean', describe: 'colour the headings of tables printed to a terminal (--no-color, or NO_COLOR set, turns it off)' })
    .strict()
    .version(VERSION)
    .help()
    .wrap(Math.min(80, process.stdout.columns || 80))
    .fail((msg, err) => {
      if (err) throw err;
      // yargs 18 has these, untyped in @types/yargs 17; the command's own flags while it is being parsed.
      const inside = cli as unknown as YargsInside;
      const known = inside.getOptions();
      const options = [...Object.keys(known.key), ...Object.values(known.alias).flat()];
      const commands = inside.getInternalMethods().getCommandInstance().getCommands();
      throw new UserError(`${usageMessage(msg, { argv, commands, options })}\nSee negsim --help, or negsim <command> --help.`);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof NegsimError) { // a UserError, or bad input the library refused
      io.err(`negsim: ${e.message}\n`);
      return 1;
    }
    if (e instanceof OutputFileError) {
      // A full disk, a folder that went away or turned read-only: the machine's state, not a bug.
      io.err(`negsim: ${e.message}; no output file was written (any previous one is unchanged). ${outputHint(e.code)}\n`);
      return 1;
    }
    // imported here, not up front: a worker can only have crashed where monte-carlo.ts is loaded already
    if (e instanceof (await import('../sim/monte-carlo.js')).WorkerCrashError) {
      io.err(`negsim: ${e.message}; no output file was written (any previous one is unchanged).\n` +
        'Run it again with the same seed to reproduce it; with --workers 1 the error shows in full. ' +
        'If it is not the machine running out of memory, please report it with the command you ran.\n');
      return 2;
    }
    io.err(`negsim: internal error (a bug; please report it with the command you ran):\n${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
  return code;
}

/** What to do about an output that could not be written. */
function outputHint(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'Free some space, or write the outputs to another disk, and run it again.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Write the outputs to a folder you can write to.';
  return 'Check the output paths and run it again.';
}

/** Exit codes 128 + the signal's number, as a shell reports them. */
const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;

// Ctrl-C, a closed terminal, Ctrl-\ or a kill: remove every half-written output file, say so, and leave
// with the signal's code.
for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
  process.once(signal, () => {
    abortAllOpenSync();
    const progress = runModule?.runProgress;
    const what = progress?.running
      ? ` after ${progress.done} of ${progress.total} runs had finished; no output file was written (any previous one is unchanged)`
      : '; no output file was left half-written';
    process.stderr.write(`negsim: interrupted by ${signal}${what}.\n`);
    process.exit(SIGNALS[signal]);
  });
}
process.once('exit', () => abortAllOpenSync());

main(hideBin(process.argv)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`negsim: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
