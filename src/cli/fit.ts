/**
 * `negsim fit RECORD..`: fits the model's global parameters (src/fit/parameters.ts) to the observed
 * questions of the cases given (files or folders, as backtest takes them) by maximum likelihood, prints
 * them with 95% intervals and writes them to `--out` (default params.json) for `--params`. With `--cv`,
 * also scores the fitting procedure out of sample (src/fit/cross-validate.ts) beside three baselines.
 *
 * Before the search starts it plays one evaluation (every case once, at the start values: the search's
 * own first point), times it, and says how long the whole job will take at most; `--max-minutes` refuses
 * a job that would take longer. Every file is loaded and checked, and every output path, before that.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Argv } from 'yargs';
import type { Scenario } from '../scenario/types.js';
import { caseDerivatives, stencilEvaluations } from '../fit/case-derivatives.js';
import { crossValidate, DEFAULT_YEARS } from '../fit/cross-validate.js';
import { DEFAULT_F_TOL, DEFAULT_STEP, DEFAULT_X_TOL, fitParameters } from '../fit/fit.js';
import { caseBootstrapIntervals, DEFAULT_REPLICATES } from '../fit/intervals.js';
import { RecordObjective } from '../fit/objective.js';
import { FIT_PARAMETERS, fitParameter, fromSearch, startValue, toSearch, type FitParameter } from '../fit/parameters.js';
import { PARAMS_FORMAT, paramsJson, recordId, type ParamsFile } from '../fit/params-file.js';
import { colorEnabled, painter } from '../report/color.js';
import { cvCsv, cvJson, cvReliabilityCsv, cvScoresCsv, cvText, fitCsv, fitText, type CvReport } from '../report/fit.js';
import { OutputSet } from '../report/output-set.js';
import { progressBar } from '../report/progress.js';
import { nearest } from '../scenario/nearest.js';
import { expandScenarioPaths } from '../scenario/scenario-files.js';
import { formatDuration } from '../sim/estimate.js';
import { rngName } from '../sim/rng.js';
import { ScenarioPool } from '../sim/scenario-pool.js';
import { distinctFiles } from './backtest.js';
import { intFlag, loadOrFail, outputFlag, UserError, VERSION, workersOption } from './common.js';
import { DEFAULT_SEED, MAX_RUNS } from './flags.js';
import { examples } from './help.js';
import { namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { minutesFlag, runProgress, type Io } from './run.js';

/** Runs a case at each evaluation: 34 cases x 300 runs is about a second of two threads (README). */
export const DEFAULT_FIT_RUNS = 300;
/** Runs a case for the out-of-sample forecasts that are scored. */
export const DEFAULT_SCORE_RUNS = 2000;
/** The search's budget, per fitted parameter. */
export const EVALUATIONS_PER_PARAMETER = 40;
export const DEFAULT_OUT = 'params.json';

export interface FitArgs {
  files?: string[];
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  'max-evaluations'?: unknown;
  only?: string;
  out?: string;
  csv?: string;
  json?: boolean;
  cv?: boolean;
  years?: string;
  'score-runs'?: unknown;
  'fold-evaluations'?: unknown;
  replicates?: unknown;
  'scores-csv'?: string;
  'reliability-csv'?: string;
  'max-minutes'?: unknown;
  quiet?: boolean;
  color?: boolean;
}

export function fitOptions(y: Argv): Argv<FitArgs> {
  return y
    .positional('files', { type: 'string', array: true, describe: 'the cases: scenario files with an observed: block, or folders of them (record/)' })
    .option('runs', { alias: 'n', type: 'string', default: String(DEFAULT_FIT_RUNS), describe: 'runs a case at each evaluation of the objective' })
    .option('seed', { alias: 's', type: 'string', default: String(DEFAULT_SEED), describe: 'master seed: the same runs at every evaluation (common random numbers)' })
    .option('workers', { alias: 'w', type: 'string', default: 'auto', describe: 'worker threads: a number or auto; the result is the same for any count' })
    .option('max-evaluations', { type: 'string', describe: `the search's budget (default ${EVALUATIONS_PER_PARAMETER} a fitted parameter)` })
    .option('only', { type: 'string', describe: `fit only these (comma-separated; the rest keep the model's defaults); all: ${FIT_PARAMETERS.map((p) => p.key).join(', ')}` })
    .option('out', { type: 'string', default: DEFAULT_OUT, describe: 'write the fitted parameters here (JSON; for --params)' })
    .option('csv', { type: 'string', describe: 'write one row a parameter; with --cv, one row a scored forecast' })
    .option('json', { type: 'boolean', describe: 'print JSON instead of the tables' })
    .option('cv', { type: 'boolean', describe: 'also score the fitting procedure out of sample: leave one case out and by time, beside three baselines' })
    .option('years', { type: 'string', default: DEFAULT_YEARS.join(','), describe: 'with --cv: fit on the cases before each year, score the rest' })
    .option('score-runs', { type: 'string', default: String(DEFAULT_SCORE_RUNS), describe: 'with --cv: runs a case for the forecasts scored' })
    .option('fold-evaluations', { type: 'string', default: '0', describe: 'with --cv: Nelder-Mead evaluations polishing each leave-one-out fold after its Newton step' })
    .option('replicates', { type: 'string', default: String(DEFAULT_REPLICATES), describe: 'bootstrap resamples of the cases for the intervals' })
    .option('scores-csv', { type: 'string', describe: 'with --cv: one row a design and group of questions, every forecaster side by side' })
    .option('reliability-csv', { type: 'string', describe: 'with --cv: one row a design, forecaster and tenth of the forecast scale' })
    .option('max-minutes', { type: 'string', describe: 'refuse, before the search, a fit expected to take longer (estimated from timing one evaluation)' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' })
    .epilogue(examples([
      ['negsim fit record/', 'fit the model to the record (at most about 14 minutes on two cores); writes params.json'],
      ['negsim fit record/ --cv --csv cv.csv', 'the fit, then its out-of-sample scores beside always 0.5, the base rate and a logistic regression'],
      ['negsim fit record/ --only lambda --runs 200', 'fit lambda alone, the rest at their defaults'],
      ['negsim backtest record/ --params params.json', 'score the fitted model on the record'],
    ])) as unknown as Argv<FitArgs>;
}

/** --only: the rows of the table named, in the table's order. */
export function selectParameters(only: string | undefined): FitParameter[] {
  if (only === undefined) return [...FIT_PARAMETERS];
  const names = only.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new UserError(`--only needs parameter names, e.g. --only lambda,miss; fitted parameters: ${FIT_PARAMETERS.map((p) => p.key).join(', ')}`);
  for (const n of names) {
    if (!fitParameter(n)) {
      const near = nearest(n, FIT_PARAMETERS.map((p) => p.key));
      throw new UserError(`--only: '${n}' is not a fitted parameter${near ? `; did you mean ${near}?` : ''} (fitted parameters: ${FIT_PARAMETERS.map((p) => p.key).join(', ')})`);
    }
  }
  return FIT_PARAMETERS.filter((p) => names.includes(p.key));
}

/** --years 2000,2004: whole years, each once. */
export function yearsFlag(v: string | undefined): number[] {
  const text = v ?? DEFAULT_YEARS.join(',');
  const years = text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => (/^\d{4}$/.test(s) ? Number(s) : NaN));
  if (years.length === 0 || years.some((y) => !Number.isInteger(y))) {
    throw new UserError(`--years must list years (four digits), comma-separated; got '${text}'. Example: --years 2000,2004,2008`);
  }
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Whether `file` is a params file written by negsim fit (JSON with its format), read no further than its start. */
function isParamsFile(file: string): boolean {
  if (!file.toLowerCase().endsWith('.json')) return false;
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(200);
      const n = readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).toString('utf8').includes(`"format": "${PARAMS_FORMAT}"`);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // the loader will say what is wrong with it
  }
}

/** The cases: every file loaded and checked first; those without observed: skipped with a note; each distinct scenario once. */
function loadCases(paths: string[], args: FitArgs, io: Io): Scenario[] {
  const named = expandScenarioPaths(paths);
  if (named.length === 0) throw new UserError('name the cases to fit on: scenario files with an observed: block, or a folder of them, e.g. negsim fit record/');
  const files = distinctFiles(named, args, io);
  const warn = (w: string) => { if (!args.quiet) io.err(w + '\n'); };
  const cases: Scenario[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (isParamsFile(file)) {
      // what an earlier fit wrote beside the cases (--out record/params.json)
      if (!args.quiet) io.err(`negsim: ${file} holds fitted parameters (negsim fit --out), not a case; skipped\n`);
      continue;
    }
    let s: Scenario;
    try {
      s = loadOrFail(file, warn);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(e.message);
      continue;
    }
    const same = cases.find((x) => x.hash === s.hash);
    if (same) {
      if (!args.quiet) io.err(`negsim: ${file} is the same scenario as ${same.file} (sha256 ${s.hash.slice(0, 12)}); fitted once\n`);
      continue;
    }
    if (s.observed) cases.push(s);
    else if (!args.quiet) io.err(`negsim: ${file} has no observed: block (what really happened); skipped\n`);
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  if (cases.length < 2) {
    throw new UserError(`${cases.length === 0 ? 'none of the files given has' : 'only one file given has'} an observed: block; a fit needs at least two cases ` +
      '(the intervals resample cases), e.g. negsim fit record/');
  }
  return cases;
}

export async function fitCommand(args: FitArgs, io: Io): Promise<void> {
  const runs = intFlag('runs', args.runs ?? DEFAULT_FIT_RUNS, 1, MAX_RUNS);
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersOption(args.workers, io, args.quiet);
  const parameters = selectParameters(args.only);
  const maxEvaluations = intFlag('max-evaluations', args['max-evaluations'] ?? EVALUATIONS_PER_PARAMETER * parameters.length, 1, 1_000_000);
  const replicates = intFlag('replicates', args.replicates ?? DEFAULT_REPLICATES, 100, 1_000_000);
  const cv = args.cv ?? false;
  const years = yearsFlag(args.years);
  const scoreRuns = intFlag('score-runs', args['score-runs'] ?? DEFAULT_SCORE_RUNS, 1, MAX_RUNS);
  const foldEvaluations = intFlag('fold-evaluations', args['fold-evaluations'] ?? 0, 0, 1_000_000);
  const limit = args['max-minutes'] === undefined ? undefined : minutesFlag(args['max-minutes']);
  if (!cv) {
    for (const flag of ['scores-csv', 'reliability-csv'] as const) {
      if (args[flag] !== undefined) throw new UserError(`--${flag} scores the cross-validation; give --cv too (negsim fit record/ --cv --${flag} FILE)`);
    }
  }
  const out = args.out ?? DEFAULT_OUT;
  const outputs = { '--out': out, '--csv': args.csv, '--scores-csv': args['scores-csv'], '--reliability-csv': args['reliability-csv'] };
  const examplesOf: Record<string, string> = { '--out': 'params.json', '--csv': 'fit.csv', '--scores-csv': 'scores.csv', '--reliability-csv': 'reliability.csv' };
  for (const [flag, path] of Object.entries(outputs)) if (path !== undefined) await outputFlag(flag, path, examplesOf[flag]);
  const cases = loadCases((args.files ?? []).map(String), args, io);
  refuseOverwritingInputs(namedOutputs(outputs), cases.flatMap(scenarioInputs));

  const pool = new ScenarioPool(workers);
  const bar = progressBar({ write: io.err, isTTY: io.tty?.err ?? false, quiet: args.quiet ?? false });
  let planned = 0;
  let fitting: RecordObjective | null = null;
  let scoring: RecordObjective | null = null;
  const played = () => (fitting?.runsPlayed ?? 0) + (scoring?.runsPlayed ?? 0);
  const onRuns = (d: number) => {
    const done = played() + d;
    runProgress.done = done;
    runProgress.total = Math.max(planned, done);
    bar.update(done, runProgress.total);
  };
  try {
    fitting = new RecordObjective(cases, parameters, pool, { runs, seed, onRuns });
    scoring = new RecordObjective(cases, parameters, pool, { runs: scoreRuns, seed, onRuns });
    const nCases = cases.length;
    const questions = cases.reduce((s, c) => s + c.observed!.questions.length, 0);

    // The time it will take: the search's first two points (the start, then the start moved along the first
    // axis: the first edge of its simplex), the second timed — the first pays for starting the threads and
    // compiling the code — times what is planned.
    const start = parameters.map(startValue);
    await fitting.evaluate(start);
    const second = parameters.map((p, k) => fromSearch(p, toSearch(p, start[k]) + (k === 0 ? DEFAULT_STEP : 0)));
    const t0 = process.hrtime.bigint();
    await fitting.evaluate(second);
    const evalSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const perCaseRun = evalSeconds / (nCases * runs);
    const stencil = stencilEvaluations(parameters.length);
    const fitRuns = (maxEvaluations + stencil) * nCases * runs;
    let cvRuns = 0;
    let timeFolds = 0;
    if (cv) {
      cvRuns += nCases * scoreRuns + foldEvaluations * nCases * (nCases - 1) * runs;
      for (const y of years) {
        const cut = `${y}-01-01`;
        const train = cases.filter((c) => c.asOf !== undefined && c.asOf < cut).length;
        const test = cases.filter((c) => c.asOf !== undefined && c.asOf >= cut).length;
        if (train > 0 && test > 0) {
          cvRuns += maxEvaluations * train * runs + test * scoreRuns;
          timeFolds++;
        }
      }
    }
    planned = 2 * nCases * runs + fitRuns + cvRuns;
    const seconds = perCaseRun * planned;
    const what = `${parameters.length} parameter${parameters.length === 1 ? '' : 's'} on ${nCases} cases (${questions} questions), ${runs} runs a case` +
      `, ${workers} worker${workers === 1 ? '' : 's'}: one evaluation of every case takes ${evalSeconds.toFixed(1)} s; ` +
      `at most ${maxEvaluations} for the search and ${stencil} for the intervals` +
      (cv ? `, then the cross-validation (${timeFolds} fit${timeFolds === 1 ? '' : 's'} by time, ${nCases} cases out, forecasts of ${scoreRuns} runs)` : '');
    if (limit !== undefined && seconds > limit * 60) {
      throw new UserError(`negsim fit: ${what}: at most about ${formatDuration(seconds)}, more than --max-minutes ${limit}. ` +
        'Ask for fewer --runs, a smaller --max-evaluations, or fewer parameters (--only).');
    }
    if (!args.quiet) io.err(`negsim fit: ${what}: at most about ${formatDuration(seconds)} (Ctrl-C stops cleanly)\n`);
    Object.assign(runProgress, { running: true, done: played(), total: planned });

    const fit = await fitParameters(fitting, { start, maxEvaluations });
    // what the search did not use is no longer planned
    planned -= (maxEvaluations - fit.evaluations) * nCases * runs;
    const derivatives = await caseDerivatives(fitting, fit.z);
    const ci = caseBootstrapIntervals(parameters, fit.values, derivatives, { seed, replicates });
    const params: ParamsFile = {
      format: PARAMS_FORMAT, negsim: VERSION, rng: rngName, seed, runs,
      record: recordId(cases),
      objective: { what: 'mean log loss over the observed questions of the forecasts (k + 1/2)/(n + 1), k of n runs', start: fit.startLogLoss, fitted: fit.logLoss },
      search: {
        method: `Nelder-Mead (Gao-Han coefficients) on logit-scaled bounds, from the model's defaults, step ${DEFAULT_STEP}, xTol ${DEFAULT_X_TOL}, fTol ${DEFAULT_F_TOL}`,
        evaluations: fit.evaluations, maxEvaluations, converged: fit.converged,
      },
      intervals: { method: 'one-step bootstrap over cases (percentile), widened to the model-based Wald interval where that is wider', level: ci.level, replicates: ci.replicates, h: derivatives.h },
      parameters: Object.fromEntries(parameters.map((p, i) => {
        const { value, lo, hi, identified } = ci.intervals[i];
        return [p.key, { value, lo, hi, identified, start: fit.start[i], bounds: [p.lo, p.hi] as [number, number], scale: p.scale }];
      })),
    };
    let report: CvReport | null = null;
    if (cv) {
      const schemes = await crossValidate(fitting, scoring, { full: fit, derivatives, years, maxEvaluations, foldEvaluations });
      report = { fit: params, scoreRuns, foldEvaluations, schemes };
    }
    bar.end();
    runProgress.running = false;

    const written = new OutputSet();
    try {
      await written.add(out, paramsJson(params));
      if (args.csv) await written.add(args.csv, report ? cvCsv(report) : fitCsv(params));
      if (report && args['scores-csv']) await written.add(args['scores-csv'], cvScoresCsv(report));
      if (report && args['reliability-csv']) await written.add(args['reliability-csv'], cvReliabilityCsv(report));
      await written.commit();
    } finally {
      await written.abort();
    }
    if (args.json) {
      io.out(report ? cvJson(report) : paramsJson(params));
    } else {
      const color = colorEnabled({ flag: args.color, env: process.env, isTTY: io.tty?.out ?? false });
      io.out(report ? cvText(report, painter(color)) : fitText(params, painter(color)));
    }
    if (!args.quiet) io.err(`negsim: fitted parameters written to ${out} (use them with --params ${out})\n`);
  } finally {
    bar.end();
    runProgress.running = false;
    await pool.close();
  }
}
