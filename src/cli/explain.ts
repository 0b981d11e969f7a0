/**
 * `negsim explain [FILE]`: what a forecast hinges on (src/sim/explain.ts, src/stats/explanation.ts). Flags
 * in, library calls out: the design's size (--runs N rows, --inner M runs an evaluation), the grouping of
 * the inputs, the counterfactuals' runs (--cf-runs), seed and workers as `run` takes them; the text (or
 * --json) on stdout, --csv and --report written together, all or nothing.
 */
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { colorEnabled, painter } from '../report/color.js';
import { DEFAULT_TOP, explainCsv, explainJson, explainTable } from '../report/explain.js';
import { OutputSet } from '../report/output-set.js';
import { progressBar } from '../report/progress.js';
import { GROUPINGS, type Grouping } from '../scenario/uncertain-inputs.js';
import type { Scenario } from '../scenario/types.js';
import { estimateTime, formatDuration, wallSeconds } from '../sim/estimate.js';
import { DEFAULT_RESAMPLES, explainRuns, explainScenario } from '../sim/explain.js';
import type { Explanation, ScenarioLabel } from '../stats/explanation.js';
import { checkCsvAndReport, intFlag, UserError, VERSION, workersOption } from './common.js';
import { examples } from './help.js';
import { namedOutputs, refuseOverwritingInputs, scenarioInputs } from './outputs.js';
import { DEFAULT_RUNS, DEFAULT_SEED, loadWithSets, MAX_RUNS, minutesFlag, runProgress, type Io } from './run.js';

/** Rows of the design (Saltelli's base sample N) unless --runs says otherwise. */
export const DEFAULT_EXPLAIN_ROWS = 256;
/** Runs an evaluation unless --inner says otherwise (docs/MODEL.md, What drives a forecast, says why 16). */
export const DEFAULT_INNER = 16;
/** A job expected to take longer than this says so on stderr before it starts. */
export const ESTIMATE_FROM_SECONDS = 5;

export interface ExplainArgs {
  file?: string;
  runs?: unknown;
  inner?: unknown;
  'cf-runs'?: unknown;
  group?: string;
  top?: unknown;
  seed?: unknown;
  workers?: unknown;
  set?: string[];
  json?: boolean;
  csv?: string;
  report?: string;
  quiet?: boolean;
  'max-minutes'?: unknown;
  color?: boolean;
}

export function explainOptions(y: Argv): Argv<ExplainArgs> {
  return y
    .positional('file', { type: 'string', describe: 'scenario file; default: the bundled Geneva II scenario' })
    .option('runs', { alias: 'n', type: 'string', default: String(DEFAULT_EXPLAIN_ROWS), describe: 'rows of the sensitivity design (its base sample N): each row plays (inputs + 2) x --inner runs' })
    .option('inner', { type: 'string', default: String(DEFAULT_INNER), describe: 'runs an evaluation of the design (M >= 2): P(outcome | inputs) is their share, with common random numbers' })
    .option('cf-runs', { type: 'string', default: String(DEFAULT_RUNS), describe: 'runs of the scenario and of each counterfactual (a preference switched off); 0: no counterfactuals' })
    .option('group', { type: 'string', default: 'preference', describe: 'preference: the numbers of one preference move together; number: every sampled number on its own' })
    .option('top', { type: 'string', default: String(DEFAULT_TOP), describe: 'inputs shown per outcome in the text (--json and --csv hold all)' })
    .option('seed', { alias: 's', type: 'string', default: String(DEFAULT_SEED), describe: 'master seed' })
    .option('workers', { alias: 'w', type: 'string', default: 'auto', describe: 'worker threads: a number or auto; the output is the same for any count' })
    .option('set', { type: 'string', array: true, describe: 'override a scenario number (path=value), as run takes it' })
    .option('json', { type: 'boolean', describe: 'print the explanation as JSON' })
    .option('csv', { type: 'string', describe: 'write every index and difference, one row a number, to this file' })
    .option('report', { type: 'string', describe: 'also write a self-contained HTML report of the explanation with charts to this file' })
    .option('max-minutes', { type: 'string', describe: 'refuse, before it starts, a job expected to take longer (estimated from a short calibration)' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' })
    .epilogue(examples([
      ['negsim explain', 'the bundled Geneva II: 256 rows x 16 runs, counterfactuals of 10,000 runs'],
      ['negsim explain my.yaml --runs 1024 --csv explain.csv --report explain.html', 'a larger design, every number as CSV, charts as HTML'],
      ['negsim explain --group number --cf-runs 0', 'every sampled number on its own; no counterfactuals'],
    ])) as unknown as Argv<ExplainArgs>;
}

/** The design's and counterfactuals' sizes from the flags, checked. */
export interface ExplainSize {
  rows: number;
  inner: number;
  counterfactualRuns: number;
  grouping: Grouping;
}

export function groupingFlag(v: unknown): Grouping {
  const g = String(v ?? 'preference');
  if (!(GROUPINGS as readonly string[]).includes(g)) throw new UserError(`--group must be preference or number; got '${g}'`);
  return g as Grouping;
}

/**
 * Say how long it will take when that is more than a few seconds (from a short calibration of the
 * scenario's runs), and refuse what would take longer than --max-minutes, before anything runs.
 */
export function checkExplainTime(s: Scenario, size: ExplainSize, workers: number, args: { 'max-minutes'?: unknown; quiet?: boolean }, io: Pick<Io, 'err'>): void {
  const runs = explainRuns(s, size);
  const total = runs.design + runs.counterfactual;
  if (total > MAX_RUNS) {
    throw new UserError(`that is ${total.toLocaleString('en-US')} runs in all, more than ${MAX_RUNS.toLocaleString('en-US')}; ask for fewer --runs, a smaller --inner or fewer --cf-runs`);
  }
  const limit = args['max-minutes'] === undefined ? undefined : minutesFlag(args['max-minutes']);
  if (args.quiet && limit === undefined) return;
  const est = estimateTime(s, 1, 1);
  const seconds = wallSeconds(est.perRun * total, workers);
  const what = `${total.toLocaleString('en-US')} runs (the design ${runs.design.toLocaleString('en-US')}, the counterfactuals ${runs.counterfactual.toLocaleString('en-US')}) with ${workers} worker${workers === 1 ? '' : 's'}`;
  if (limit !== undefined && seconds > limit * 60) {
    throw new UserError(`${what} would take about ${formatDuration(seconds)} (${(est.perRun * 1e6).toFixed(0)} µs a run, measured on ${est.calibrationRuns} runs), more than --max-minutes ${limit}. Ask for fewer --runs, a smaller --inner, fewer --cf-runs (0 skips the counterfactuals), or --group preference.`);
  }
  if (!args.quiet && seconds > ESTIMATE_FROM_SECONDS) io.err(`negsim: ${what}: about ${formatDuration(seconds)} (estimated from ${est.calibrationRuns} runs; Ctrl-C stops cleanly)\n`);
}

/** Play the explanation with a progress bar, keeping runProgress for an interruption's message. */
export async function playExplanation(s: Scenario, label: ScenarioLabel, size: ExplainSize, seed: number, workers: number, io: Io, quiet: boolean): Promise<Explanation> {
  const bar = progressBar({ write: io.err, isTTY: io.tty?.err ?? false, quiet });
  const runs = explainRuns(s, size);
  Object.assign(runProgress, { running: true, done: 0, total: runs.design + runs.counterfactual });
  try {
    return await explainScenario(s, label, VERSION, {
      ...size, seed, workers, resamples: DEFAULT_RESAMPLES,
      onProgress: (done, planned) => { runProgress.done = done; bar.update(done, planned); },
    });
  } finally {
    bar.end();
    runProgress.running = false;
  }
}

export function explainSize(args: Pick<ExplainArgs, 'runs' | 'inner' | 'cf-runs' | 'group'>, defaults: { cfRuns?: number } = {}): ExplainSize {
  return {
    rows: intFlag('runs', args.runs ?? DEFAULT_EXPLAIN_ROWS, 2, 10_000_000),
    inner: intFlag('inner', args.inner ?? DEFAULT_INNER, 2, 100_000),
    counterfactualRuns: intFlag('cf-runs', args['cf-runs'] ?? defaults.cfRuns ?? DEFAULT_RUNS, 0, MAX_RUNS),
    grouping: groupingFlag(args.group),
  };
}

export async function explainCommand(args: ExplainArgs, io: Io): Promise<Explanation> {
  const size = explainSize(args);
  const top = intFlag('top', args.top ?? DEFAULT_TOP, 1, 10_000);
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersOption(args.workers, io, args.quiet);
  await checkCsvAndReport(args.csv, args.report, 'explain');
  const { scenario, overrides } = loadWithSets(args.file, args.set, (w) => { if (!args.quiet) io.err(w + '\n'); });
  refuseOverwritingInputs(namedOutputs({ '--csv': args.csv, '--report': args.report }), scenarioInputs(scenario));
  checkExplainTime(scenario, size, workers, args, io);
  const label: ScenarioLabel = { id: scenario.id, title: scenario.title, file: basename(scenario.file), hash: scenario.hash };
  if (Object.keys(overrides).length > 0) label.overrides = overrides;
  const e = await playExplanation(scenario, label, size, seed, workers, io, args.quiet ?? false);
  const files = new OutputSet();
  try {
    if (args.csv) await files.add(args.csv, explainCsv(e));
    if (args.report) {
      const { explainReportHtml } = await import('../report/html/explain-report.js');
      await files.add(args.report, await explainReportHtml(e, scenario));
    }
    await files.commit();
  } finally {
    await files.abort();
  }
  const color = colorEnabled({ flag: args.color, env: process.env, isTTY: io.tty?.out ?? false });
  io.out(args.json ? explainJson(e) : explainTable(e, painter(color), top));
  if (args.report && !args.quiet) io.err(`negsim: report written to ${args.report}\n`);
  return e;
}
