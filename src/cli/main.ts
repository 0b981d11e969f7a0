/**
 * The negsim command line: flags are parsed here and handed to the library; nothing here models anything.
 * Exit codes: 0 ok, 1 invalid input (scenario or flags), 2 internal error.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { abortAllOpenSync } from '../report/atomic-file.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { UserError, VERSION } from './common.js';
import { WorkerCrashError } from '../sim/monte-carlo.js';
import { runCommand, runOptions, runProgress, type Io, type RunArgs } from './run.js';
import { mergeCommand, mergeOptions, type MergeArgs } from './merge.js';
import { reportCommand, reportOptions, type ReportArgs } from './report.js';
import { compareCommand, compareOptions, type CompareArgs } from './compare.js';
import { forecastCommand, forecastOptions, type ForecastArgs } from './forecast.js';
import { backtestCommand, backtestOptions, type BacktestArgs } from './backtest.js';
import { solveCommand, solveOptions, type SolveArgs } from './solve.js';
import { sweepCommand, sweepOptions, type SweepArgs } from './sweep.js';
import { traceCommand } from './trace.js';
import { validateCommand } from './validate.js';

const io: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: { out: process.stdout.isTTY === true, err: process.stderr.isTTY === true },
};

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cli = yargs(argv)
    .scriptName('negsim')
    .usage('negsim <command> [options]\n\nA negotiation-outcome simulator: a game-theoretic round simulator (logit QRE stage games) played many times.')
    .command('run [file]', 'Monte Carlo of a scenario: outcome probabilities with intervals, per actor and per round', (y) => runOptions(y), async (a) => {
      await runCommand(a as RunArgs, io);
    })
    .command('compare [files..]', 'one scenario under several seeds (--seeds 1..20), or scenarios side by side with differences and intervals', (y) => compareOptions(y), async (a) => {
      await compareCommand(a as CompareArgs, io);
    })
    .command('sweep [file]', 'the scenario over a grid of values (--vary path=from:to:step), every point with the same seed; CSV in table or wide layout', (y) => sweepOptions(y), async (a) => {
      await sweepCommand(a as SweepArgs, io);
    })
    .command('report [file]', 'run a scenario (run\'s flags) and write a self-contained HTML report with charts: outcomes, parties, rounds, ceasefire, the scenario and its quotes (--out FILE, default results/<id>.html)', (y) => reportOptions(y), async (a) => {
      await reportCommand(a as ReportArgs, io);
    })
    .command('merge <parts..>', 'combine the parts of a sharded run (negsim run --shard k/N --out F) into what negsim run prints', (y) => mergeOptions(y), async (a) => {
      await mergeCommand(a as MergeArgs, io);
    })
    .command('validate <files..>', 'check scenario files; print every problem with file:line:column', (y) =>
      y.positional('files', { type: 'string', array: true, describe: 'scenario files' }), (a) => {
      code = validateCommand((a.files as string[]) ?? [], io);
    })
    .command('trace [file]', 'one run, round by round, in words, with the utilities behind each choice', (y) =>
      y.positional('file', { type: 'string', describe: 'scenario file; default: the bundled Geneva II scenario' })
        .option('seed', { alias: 's', type: 'string', default: '1', describe: 'master seed' })
        .option('run', { alias: 'r', type: 'string', default: '0', describe: 'run index (0-based), as in the runs CSV' })
        .option('quiet', { alias: 'q', type: 'boolean', describe: 'no warnings on stderr' }), (a) => {
      traceCommand(a as { file?: string; seed?: unknown; run?: unknown }, io);
    })
    .command('solve [game]', "a game in Gambit's .nfg format solved by the simulator's logit-QRE solver, printed as gambit-logit does", (y) => solveOptions(y), (a) => {
      solveCommand(a as SolveArgs, io);
    })
    .command('forecast [file]', 'where the talks settle on each issue: compromise, weighted median, expected-utility model, negsim', (y) => forecastOptions(y), async (a) => {
      await forecastCommand(a as ForecastArgs, io);
    })
    .command('backtest [files..]', 'score the forecasts of scenarios with an observed: block against what happened: Brier score, log loss, baselines', (y) => backtestOptions(y), async (a) => {
      await backtestCommand(a as BacktestArgs, io);
    })
    .command('schema', 'print the scenario file format as JSON Schema (for editors)', (y) => y, () => {
      io.out(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    })
    .demandCommand(1, 'name a command: run, report, compare, sweep, merge, trace, validate, backtest, solve, forecast or schema (negsim --help lists them)')
    .option('color', { type: 'boolean', describe: 'colour the headings of tables printed to a terminal (--no-color, or NO_COLOR set, turns it off)' })
    .strict()
    .version(VERSION)
    .help()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      if (/^Not enough non-option arguments/.test(msg)) msg = 'name at least one scenario file, e.g. negsim validate scenarios/geneva-2014.yaml';
      throw new UserError(`${msg}\nSee negsim --help, or negsim <command> --help.`);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`negsim: ${e.message}\n`);
      return 1;
    }
    if (e instanceof WorkerCrashError) {
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

// Ctrl-C or a kill: remove every half-written output file, say so, and leave with the signal's code.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    abortAllOpenSync();
    const what = runProgress.running
      ? ` after ${runProgress.done} of ${runProgress.total} runs had finished; no output file was written (any previous one is unchanged)`
      : '; no output file was left half-written';
    process.stderr.write(`negsim: interrupted by ${signal}${what}.\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
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
