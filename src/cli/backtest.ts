/**
 * `negsim backtest [FILES..]`: each scenario that carries `observed:` is run (a Monte Carlo, as
 * `negsim run` plays it: same seed, same runs, same numbers), and its forecasts are scored against what
 * really happened (src/backtest/). Files without `observed:` are skipped with a note on stderr; with no
 * files, every scenario under scenarios/ that has one is backtested; a folder (`record/`) stands for the
 * scenario files in it. It prints the counts, negsim's scores beside the three baselines (overall,
 * attendance apart, by kind and by case) and the reliability table; `--csv`, `--scores-csv`,
 * `--reliability-csv` and `--report` write them to files, all or none. Every file is loaded and checked
 * before any run starts, and the CSV path before that, so bad input costs nothing and leaves nothing.
 */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Argv } from 'yargs';
import { backtestScenarios } from '../api/backtest.js';
import type { LoadedScenario } from '../api/scenario.js';
import { OutputSet } from '../report/output-set.js';
import { backtestJson, backtestText } from '../report/backtest.js';
import { backtestCsv, backtestReliabilityCsv, backtestScoresCsv } from '../report/backtest-csv.js';
import { colorEnabled, painter } from '../report/color.js';
import { progressBar } from '../report/progress.js';
import { rngName } from '../sim/rng.js';
import { expandScenarioPaths } from '../scenario/scenario-files.js';
import { displayPath, intFlag, loadScenarioOrFail, outputFlag, PACKAGE_ROOT, UserError, VERSION, workersOption } from './common.js';
import { examples } from './help.js';
import { applyParams, PARAMS_DESCRIPTION, readParamsFlag } from './params.js';
import { wrap } from '../report/text-layout.js';
import { fileIdentity, namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { checkTime, DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, runProgress, type Io } from './run.js';

export interface BacktestArgs {
  files?: string[];
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  csv?: string;
  'scores-csv'?: string;
  'reliability-csv'?: string;
  report?: string;
  json?: boolean;
  quiet?: boolean;
  'max-minutes'?: unknown;
  params?: string;
  color?: boolean;
}

export function backtestOptions(y: Argv): Argv<BacktestArgs> {
  return y
    .positional('files', { type: 'string', array: true, describe: 'scenario files with an observed: block; default: every such file under scenarios/' })
    .option('runs', { alias: 'n', type: 'string', default: String(DEFAULT_RUNS), describe: `runs a scenario (1..${MAX_RUNS})` })
    .option('seed', { alias: 's', type: 'string', default: String(DEFAULT_SEED), describe: 'master seed, the same for every scenario' })
    .option('workers', { alias: 'w', type: 'string', default: 'auto', describe: 'worker threads: a number or auto (one per core); the output is the same for any count' })
    .option('csv', { type: 'string', describe: 'write one row a question (scenario, question, ask, actor, measure, p, lo, hi, observed, brier, logloss, n, seed, scenario_sha256, attendance, base_rate, base_rate_out_of_sample) to this file' })
    .option('scores-csv', { type: 'string', describe: 'write the scores to this file: a row a group of questions (all, attendance, other, each kind, each case), Brier and log loss of negsim and the three baselines side by side' })
    .option('reliability-csv', { type: 'string', describe: 'write the reliability tables to this file: a row a forecaster and tenth of the forecast scale (questions, mean forecast, share yes with its 95% interval, ECE)' })
    .option('report', { type: 'string', describe: 'also write the backtest as a self-contained HTML report (scores beside the baselines, the reliability diagram) to this file' })
    .option('max-minutes', { type: 'string', describe: 'refuse, before it starts, a job expected to take longer (estimated from a short calibration)' })
    .option('params', { type: 'string', describe: PARAMS_DESCRIPTION })
    .option('json', { type: 'boolean', describe: 'print the backtest as JSON instead of the tables' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' })
    .epilogue(examples([
      ['negsim backtest', 'every shipped scenario with an observed: block, 10,000 runs each, seed 1'],
      ['negsim backtest scenarios/geneva-2014.yaml --runs 2000 --csv backtest.csv', 'one scenario, its questions also as CSV'],
      ['negsim backtest record/ --report results/record.html', 'the record of past negotiations: counts, scores by kind and case, reliability, and an HTML report'],
    ])) as unknown as Argv<BacktestArgs>;
}

/** The files, each once: a file named twice (`a.yaml ./a.yaml`, or through a link) is backtested once, with a note. */
export function distinctFiles(files: string[], args: Pick<BacktestArgs, 'quiet'>, io: Io): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const f of files) {
    const id = fileIdentity(f);
    const first = seen.get(id);
    if (first !== undefined) {
      if (!args.quiet) io.err(`negsim: ${f} is ${first}, named again; scored once\n`);
      continue;
    }
    seen.set(id, f);
    out.push(f);
  }
  return out;
}

/** The shipped scenario files (YAML and JSON under scenarios/), sorted. */
export function shippedScenarioFiles(): string[] {
  const dir = join(PACKAGE_ROOT, 'scenarios');
  return readdirSync(dir)
    .filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => displayPath(join(dir, f)));
}

export async function backtestCommand(args: BacktestArgs, io: Io): Promise<void> {
  const runs = intFlag('runs', args.runs ?? DEFAULT_RUNS, 1, MAX_RUNS);
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersOption(args.workers, io, args.quiet);
  const outputs = { '--csv': args.csv, '--scores-csv': args['scores-csv'], '--reliability-csv': args['reliability-csv'], '--report': args.report };
  const examplesOf = { '--csv': 'backtest.csv', '--scores-csv': 'scores.csv', '--reliability-csv': 'reliability.csv', '--report': 'results/backtest.html' };
  for (const [flag, path] of Object.entries(outputs)) {
    if (path !== undefined) await outputFlag(flag, path, examplesOf[flag as keyof typeof examplesOf]);
  }
  const named = expandScenarioPaths((args.files ?? []).map(String));
  const files = distinctFiles(named.length > 0 ? named : shippedScenarioFiles(), args, io);
  const warn = (w: string) => { if (!args.quiet) io.err(w + '\n'); };
  const params = readParamsFlag(args.params);

  // every file checked before any run: a typo in the fourth file should not cost three Monte Carlos
  const loaded: LoadedScenario[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let l: LoadedScenario;
    try {
      l = loadScenarioOrFail(file, warn);
      if (params) l = { ...l, scenario: applyParams(l.scenario, params).scenario };
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(e.message);
      continue;
    }
    const s = l.scenario;
    const same = loaded.find((x) => x.scenario.hash === s.hash)?.scenario;
    if (same) {
      // The same bytes under two names would be scored twice and shift the base rate toward its answers.
      if (!args.quiet) io.err(`negsim: ${file} is the same scenario as ${same.file} (sha256 ${s.hash.slice(0, 12)}); scored once\n`);
      continue;
    }
    if (s.observed) loaded.push(l);
    else if (named.length > 0 && !args.quiet) io.err(`negsim: ${file} has no observed: block (what really happened); skipped\n`);
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  const scenarios = loaded.map((l) => l.scenario);
  refuseOverwritingInputs(namedOutputs(outputs), scenarios.flatMap(scenarioInputs));
  checkTime(scenarios.map((scenario) => ({ scenario, runs })), workers, args, io);
  if (scenarios.length === 0) {
    throw new UserError(named.length > 0
      ? `none of the files given has an observed: block, so there is nothing to score; add one (docs/SCENARIO.md, "observed") or name files that have one`
      : `no scenario under ${displayPath(join(PACKAGE_ROOT, 'scenarios'))} has an observed: block; name the files to backtest`);
  }

  const bar = progressBar({ write: io.err, isTTY: io.tty?.err ?? false, quiet: args.quiet ?? false });
  Object.assign(runProgress, { running: true, done: 0, total: runs * scenarios.length });
  let result;
  try {
    result = await backtestScenarios(loaded, {
      runs, seed, workers,
      onProgress: (done, total) => { runProgress.done = done; bar.update(done, total); },
    });
  } finally {
    bar.end();
    runProgress.running = false;
  }
  const made = { negsim: VERSION, rng: rngName, seed, runs };
  const written = new OutputSet();
  try {
    if (args.csv) await written.add(args.csv, backtestCsv(result));
    if (args['scores-csv']) await written.add(args['scores-csv'], backtestScoresCsv(result, made));
    if (args['reliability-csv']) await written.add(args['reliability-csv'], backtestReliabilityCsv(result, made));
    if (args.report) {
      const { backtestReportHtml } = await import('../report/html/backtest-report.js');
      await written.add(args.report, await backtestReportHtml(result, made));
    }
    await written.commit();
  } finally {
    await written.abort();
  }
  if (args.json) {
    io.out(backtestJson(result, params ? { ...made, params: params.values } : made));
  } else {
    const color = colorEnabled({ flag: args.color, env: process.env, isTTY: io.tty?.out ?? false });
    if (params) io.out(wrap(`Model defaults from --params ${params.path}: ${Object.entries(params.values).map(([k, v]) => `${k} ${v}`).join(', ')} (a case's own model: keys win)`).join('\n') + '\n\n');
    io.out(backtestText(result, painter(color)));
  }
  if (args.report && !args.quiet) io.err(`negsim: report written to ${args.report}\n`);
}
