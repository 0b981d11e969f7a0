/**
 * `negsim sweep [FILE] --vary path=from:to:step [--vary ..]`: the scenario at every point of a grid over
 * one or more of its numbers (any path `--set` takes), every point run with the same seed and run count
 * (common random numbers). Prints a table of the four outcomes a point (or --json), and writes the CSV
 * in the long `table` layout or the `wide` one (report/sweep-csv.ts). The same bytes for any --workers.
 */
import type { Argv } from 'yargs';
import { OutputSet } from '../report/output-set.js';
import { colorEnabled, painter } from '../report/color.js';
import { progressBar } from '../report/progress.js';
import { sweepCsv, SWEEP_LAYOUTS, type SweepLayout } from '../report/sweep-csv.js';
import { sweepJson, sweepTable } from '../report/sweep.js';
import { formatDiagnostic } from '../scenario/diagnostic.js';
import { applySets, parseSetArg, type SetArg } from '../scenario/override.js';
import { rngName } from '../sim/rng.js';
import { playSweep, sweepScenarios } from '../sim/sweep.js';
import { MAX_SWEEP_POINTS, parseVaries, VaryError, type Vary } from '../sim/sweep-grid.js';
import { summariseSweep, type SweepResult } from '../stats/sweep-summary.js';
import { checkCsvAndReport, intFlag, loadOrFail, UserError, VERSION, workersOption } from './common.js';
import { applyParams, PARAMS_DESCRIPTION, readParamsFlag } from './params.js';
import { namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { checkTime, DEFAULT_SEED, MAX_RUNS, runProgress, type Io } from './run.js';

/** Runs per point when --runs is not given: a sweep is many Monte Carlos. */
export const DEFAULT_SWEEP_RUNS = 2000;

export interface SweepArgs {
  file?: string;
  vary?: string[];
  set?: string[];
  params?: string;
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  json?: boolean;
  csv?: string;
  layout?: string;
  quiet?: boolean;
  'max-minutes'?: unknown;
  color?: boolean;
  /** The HTML report to write (report/html/sweep-report.ts). */
  report?: string;
}

export function sweepOptions(y: Argv): Argv<SweepArgs> {
  return y
    .positional('file', { type: 'string', describe: 'scenario file; default: the bundled Geneva II scenario' })
    .option('vary', { type: 'string', array: true, describe: `a number to vary, path=from:to:step (repeatable; the grid is every combination, at most ${MAX_SWEEP_POINTS} points; the step must divide the range)` })
    .option('set', { type: 'string', array: true, describe: 'hold a number at a value at every point (path=value, as run --set)' })
    .option('params', { type: 'string', describe: PARAMS_DESCRIPTION })
    .option('runs', { alias: 'n', type: 'string', default: String(DEFAULT_SWEEP_RUNS), describe: 'runs at each point' })
    .option('seed', { alias: 's', type: 'string', default: String(DEFAULT_SEED), describe: 'master seed, the same at every point (common random numbers)' })
    .option('workers', { alias: 'w', type: 'string', default: 'auto', describe: 'worker threads: a number or auto; the output is the same for any count' })
    .option('json', { type: 'boolean', describe: 'print the sweep (every point\'s full summary) as JSON' })
    .option('csv', { type: 'string', describe: 'write the sweep as CSV to this file (layout: --layout)' })
    .option('layout', { type: 'string', default: 'table', choices: SWEEP_LAYOUTS as unknown as string[], describe: 'CSV layout: table (one row a point and metric: varied values, metric, actor, estimate, lo, hi, n, seed) or wide (one row a point, a column a metric with _lo and _hi)' })
    .option('max-minutes', { type: 'string', describe: 'refuse, before it starts, a job expected to take longer (estimated from a short calibration)' })
    .option('report', { type: 'string', describe: 'also write the sweep as a self-contained HTML report (each metric against the varied value, with its interval band) to this file' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' }) as unknown as Argv<SweepArgs>;
}

export async function sweepCommand(args: SweepArgs, io: Io): Promise<SweepResult> {
  const runs = intFlag('runs', args.runs ?? DEFAULT_SWEEP_RUNS, 1, MAX_RUNS);
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersOption(args.workers, io, args.quiet);
  const layout = (args.layout ?? 'table') as SweepLayout;
  if (!SWEEP_LAYOUTS.includes(layout)) throw new UserError(`--layout must be table or wide; got '${args.layout}'`);
  let varies: Vary[];
  try {
    varies = parseVaries((args.vary ?? []).map(String));
  } catch (e) {
    if (e instanceof VaryError) throw new UserError(e.message);
    throw e;
  }
  const points = varies.reduce((n, v) => n * v.values.length, 1);
  if (points * runs > MAX_RUNS) {
    throw new UserError(`${points} points x ${runs} runs is ${points * runs} runs, more than ${MAX_RUNS}; ask for fewer runs or fewer points`);
  }
  await checkCsvAndReport(args.csv, args.report, 'sweep');
  const fitted = applyParams(loadOrFail(args.file, (w) => { if (!args.quiet) io.err(w + '\n'); }), readParamsFlag(args.params));
  const base = fitted.scenario;
  refuseOverwritingInputs(namedOutputs({ '--csv': args.csv, '--report': args.report }), scenarioInputs(base));
  const fixed: SetArg[] = [];
  const problems: string[] = [];
  for (const a of (args.set ?? []).map(String)) {
    const r = parseSetArg(a);
    if ('severity' in r) problems.push(formatDiagnostic(r));
    else fixed.push(r);
  }
  const prepared = sweepScenarios(base, fixed, varies);
  problems.push(...prepared.diagnostics.map(formatDiagnostic));
  if (problems.length > 0 || !prepared.points) {
    throw new UserError(`${problems.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} with --vary/--set; ` +
      'a path names a number of the scenario as in the file (negsim run --runs-csv lists the sampled ones).');
  }
  checkTime([{ scenario: base, runs: points * runs }], workers, args, io);
  const fixedOverrides = prepared.points[0].overrides;
  const fixedOnly: Record<string, unknown> = { ...fitted.overrides };
  for (const s of fixed) fixedOnly[s.path] = fixedOverrides[s.path];

  const bar = progressBar({ write: io.err, isTTY: io.tty?.err ?? false, quiet: args.quiet ?? false });
  Object.assign(runProgress, { running: true, done: 0, total: points * runs });
  let tallies;
  try {
    tallies = await playSweep(prepared.points.map((p) => p.scenario), {
      runs, seed, workers,
      onProgress: (done, planned) => { runProgress.done = done; bar.update(done, planned); },
    });
  } finally {
    bar.end();
    runProgress.running = false;
  }
  const result = summariseSweep(base, varies, prepared.points, tallies, seed, VERSION, rngName, fixedOnly);
  const files = new OutputSet();
  try {
    if (args.csv) await files.add(args.csv, sweepCsv(result, layout));
    if (args.report) {
      // The scenario as swept: the file with the fixed --sets applied, the varied values at their file values.
      const shown = fixed.length > 0 ? applySets(base, fixed).scenario ?? base : base;
      const { sweepReportHtml } = await import('../report/html/sweep-report.js');
      await files.add(args.report, await sweepReportHtml(result, shown));
    }
    await files.commit();
  } finally {
    await files.abort();
  }
  const color = colorEnabled({ flag: args.color, env: process.env, isTTY: io.tty?.out ?? false });
  io.out(args.json ? sweepJson(result) : sweepTable(result, painter(color)));
  if (args.report && !args.quiet) io.err(`negsim: report written to ${args.report}\n`);
  return result;
}
