/**
 * `negsim run [FILE]`: the Monte Carlo of one scenario. Prints the summary table (or JSON) on stdout and
 * writes the CSVs asked for, each atomically; output paths are checked before any run starts, so a bad path
 * costs nothing and leaves nothing behind.
 */
import { statfs } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import type { Argv } from 'yargs';
import { OverrideError } from '../api/errors.js';
import { withOverrides, type LoadedScenario } from '../api/scenario.js';
import { simulateShard } from '../api/shard.js';
import { simulate, widestOutcomeHalf } from '../api/simulate.js';
import { writeFileAtomic, type AtomicFile } from '../report/atomic-file.js';
import { OutputSet } from '../report/output-set.js';
import { csvRows } from '../report/csv.js';
import { overridesText } from '../report/command-line.js';
import { summaryJson } from '../report/json.js';
import { roundsCsv } from '../report/rounds-csv.js';
import { runsCsvHeader, runsCsvRows } from '../report/runs-csv.js';
import { summaryCsv } from '../report/summary-csv.js';
import { summaryTable } from '../report/table.js';
import { colorEnabled, painter } from '../report/color.js';
import { progressBar } from '../report/progress.js';
import type { Overrides } from '../scenario/override.js';
import type { Scenario } from '../scenario/types.js';
import type { Summary } from '../stats/summary.js';
import { intFlag, loadScenarioOrFail, outputFlag, UserError, workersOption } from './common.js';
import { refuseOverwritingInputs, scenarioInputs, type FileRole } from './outputs.js';
import { Z95 } from '../stats/wilson-interval.js';
import { BLOCK_SIZE } from '../sim/block.js';
import { estimateTime, formatDuration, wallSeconds } from '../sim/estimate.js';
import { DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS } from './flags.js';
import { applyParams, PARAMS_DESCRIPTION, readParamsFlag, type ParamsArg } from './params.js';

export { DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, widestOutcomeHalf };
export type { LoadedScenario };
/** A runs CSV larger than this is refused before the run: 10 GB is beyond any spreadsheet and most disks' patience. */
export const MAX_RUNS_CSV_BYTES = 10e9;

/** How far the current run has got, for the SIGINT/SIGTERM message (main.ts). */
export const runProgress = { running: false, done: 0, total: 0 };

export interface RunArgs {
  file?: string;
  runs?: unknown;
  seed?: unknown;
  workers?: unknown;
  json?: boolean;
  csv?: string;
  'runs-csv'?: string;
  'rounds-csv'?: string;
  quiet?: boolean;
  'max-minutes'?: unknown;
  set?: string[];
  params?: string;
  shard?: string;
  out?: string;
  precision?: unknown;
  'max-runs'?: unknown;
  /** false after --no-color (a global flag, main.ts). */
  color?: boolean;
}

export function runOptions(y: Argv): Argv<RunArgs> {
  return y
    .positional('file', { type: 'string', describe: 'scenario file (YAML or JSON); default: the bundled Geneva II scenario' })
    .option('runs', { alias: 'n', type: 'string', describe: `number of runs (1..${MAX_RUNS})`, default: String(DEFAULT_RUNS) })
    .option('seed', { alias: 's', type: 'string', describe: 'master seed (a whole number); run r uses the generator seeded from (seed, r)', default: String(DEFAULT_SEED) })
    .option('workers', { alias: 'w', type: 'string', describe: 'worker threads: a number or auto (one per core); the output is the same for any count', default: 'auto' })
    .option('json', { type: 'boolean', describe: 'print the summary as JSON instead of the table' })
    .option('csv', { type: 'string', describe: 'write the summary CSV (one row a metric) to this file' })
    .option('runs-csv', { type: 'string', describe: 'write one row a run (outcome, who withdrew, ceasefire fate, sampled values) to this file' })
    .option('rounds-csv', { type: 'string', describe: 'write one row a round (still talking, withdrawals, agreements, ceasefire kept) to this file' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'print nothing on stderr but errors' })
    .option('precision', { type: 'string', describe: 'play blocks of 1000 runs until every outcome\'s 95% interval has half-width <= E (e.g. 0.005), or --max-runs; says how many runs it took' })
    .option('max-minutes', { type: 'string', describe: `refuse, before it starts, a Monte Carlo expected to take longer (estimated from a short calibration; runs of ${200_000} or more always print the estimate)` })
    .option('max-runs', { type: 'string', describe: `with --precision: the most runs to play (default ${MAX_RUNS})` })
    .option('shard', { type: 'string', describe: 'play only slice k of N (e.g. 2/8) of the runs and write a mergeable part to --out; negsim merge combines the parts' })
    .option('out', { type: 'string', describe: 'with --shard: the part file to write (JSON)' })
    .option('set', { type: 'string', array: true, describe: "override a scenario number by its path, checked like the file: --set model.lambda=10, --set 'actors.gov.capability={uniform: [0.5, 0.8]}' (repeatable)" })
    .option('params', { type: 'string', describe: PARAMS_DESCRIPTION }) as unknown as Argv<RunArgs>;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stdout and stderr are terminals (colour, progress bar); absent: neither is. */
  tty?: { out: boolean; err: boolean };
}

/** How run prints a scenario's warnings: on stderr, one a line, unless --quiet. */
export function warnPrinter(args: Pick<RunArgs, 'quiet'>, io: Pick<Io, 'err'>): (line: string) => void {
  return (w) => { if (!args.quiet) io.err(w + '\n'); };
}

/** What a caller that adds outputs of its own gives runCommand (as `negsim report` does). */
export interface RunContext {
  /** The scenario already loaded from args.file with args.set, played instead of loading the file again. */
  loaded?: LoadedScenario;
  /** The caller's own outputs, checked with run's against the inputs before anything runs. */
  outputs?: FileRole[];
  /** Where run's output files go; the caller commits them with its own, all or nothing. */
  set?: OutputSet;
}

/** run's output flags and the paths given to them (undefined when not given). */
function runOutputs(args: RunArgs): [flag: '--csv' | '--runs-csv' | '--rounds-csv', path: string | undefined][] {
  return [['--csv', args.csv], ['--runs-csv', args['runs-csv']], ['--rounds-csv', args['rounds-csv']]];
}

export async function runCommand(args: RunArgs, io: Io, ctx: RunContext = {}): Promise<Summary | null> {
  const precision = args.precision === undefined ? undefined : precisionFlag(args.precision);
  if (precision !== undefined && (args.shard !== undefined || args['runs-csv'] !== undefined)) {
    throw new UserError(`--precision decides the run count as it goes; it does not go with ${args.shard !== undefined ? '--shard' : '--runs-csv'} (run once with --precision, then use --runs with the count it reports)`);
  }
  const runs = precision === undefined
    ? intFlag('runs', args.runs ?? DEFAULT_RUNS, 1, MAX_RUNS)
    : intFlag('max-runs', args['max-runs'] ?? MAX_RUNS, 1, MAX_RUNS);
  const seed = intFlag('seed', args.seed ?? DEFAULT_SEED, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const workers = workersOption(args.workers, io, args.quiet);
  for (const [flag, path] of runOutputs(args)) if (path !== undefined) await outputFlag(flag, path, 'results/out.csv');
  if (args.shard !== undefined || args.out !== undefined) return runShard(args, runs, seed, workers, io, ctx.loaded);
  const loaded = ctx.loaded ?? loadWithSets(args.file, args.set, warnPrinter(args, io), readParamsFlag(args.params));
  const { scenario, overrides } = loaded;
  const outputs = runOutputs(args).flatMap(([role, path]) => (path === undefined ? [] : [{ role, path }]));
  refuseOverwritingInputs([...outputs, ...(ctx.outputs ?? [])], scenarioInputs(scenario));
  if (args['runs-csv']) await checkRunsCsvSize(args['runs-csv'], scenario, runs, overrides);
  checkTime([{ scenario, runs: precision === undefined ? runs : Math.min(runs, precisionRuns(precision)) }], workers, args, io, precision);

  const files = ctx.set ?? new OutputSet();
  Object.assign(runProgress, { running: true, done: 0, total: runs });
  try {
    let runsFile: AtomicFile | null = null;
    if (args['runs-csv']) {
      runsFile = await files.open(args['runs-csv']);
      await runsFile.write(csvRows(runsCsvHeader(scenario), []));
    }
    const file = runsFile;
    const bar = progressBar({ write: io.err, isTTY: io.tty?.err ?? false, quiet: args.quiet ?? false });
    let summary: Summary;
    let reached: boolean | undefined;
    try {
      ({ summary, precisionReached: reached } = await simulate(loaded, {
        runs,
        seed,
        workers,
        precision,
        onRuns: file ? async (columns) => { await file.write(runsCsvRows(scenario, columns, seed, overrides)); } : undefined,
        onProgress: (done) => { runProgress.done = done; bar.update(done, runs); },
      }));
    } finally {
      bar.end();
    }
    runProgress.running = false;
    if (precision !== undefined && !args.quiet) {
      io.err(`negsim: precision ${precision} ${reached ? 'reached' : `NOT reached (--max-runs ${runs})`} after ${summary.runs} runs; --runs ${summary.runs} gives the same result\n`);
    }
    if (args.csv) await files.add(args.csv, summaryCsv(summary));
    if (args['rounds-csv']) await files.add(args['rounds-csv'], roundsCsv(summary));
    const color = colorEnabled({ flag: args.color, env: process.env, isTTY: io.tty?.out ?? false });
    const printed = args.json ? summaryJson(summary) : summaryTable(summary, painter(color));
    if (ctx.set === undefined) await files.commit();
    io.out(printed);
    return summary;
  } finally {
    runProgress.running = false;
    if (ctx.set === undefined) await files.abort();
  }
}

/**
 * The most runs --precision E can need: the Wilson interval of a proportion is widest at p = 1/2, where
 * its half-width is about z / (2 sqrt(n)), so n = (z / 2E)^2 runs make every outcome's half-width <= E
 * whatever the probabilities are; played in whole blocks.
 */
export function precisionRuns(e: number): number {
  const n = Math.ceil((Z95 / (2 * e)) ** 2);
  return Math.ceil(n / BLOCK_SIZE) * BLOCK_SIZE;
}

/** Runs at or above which negsim says how long it expects to take before starting. */
export const ESTIMATE_FROM_RUNS = 200_000;

/**
 * Before a long job — one Monte Carlo, or the several of compare, sweep and backtest — say how long it
 * will take (on stderr), and refuse it, before it starts, if that is beyond --max-minutes. `jobs`: each
 * scenario and the runs it will play (with --precision, the most it can need).
 */
export function checkTime(
  jobs: readonly { scenario: Scenario; runs: number }[], workers: number,
  args: { 'max-minutes'?: unknown; quiet?: boolean }, io: Pick<Io, 'err'>, precision?: number,
): void {
  const limit = args['max-minutes'] === undefined ? undefined : minutesFlag(args['max-minutes']);
  const runs = jobs.reduce((n, j) => n + j.runs, 0);
  if (limit === undefined && (runs < ESTIMATE_FROM_RUNS || args.quiet)) return;
  // One calibration a scenario: scenarios differ in cost (parties, rounds, measures), seeds of one do not.
  const costs = new Map<Scenario, number>();
  let threadSeconds = 0;
  let perRun = 0;
  let calibrationRuns = 0;
  for (const j of jobs) {
    if (!costs.has(j.scenario)) {
      const est = estimateTime(j.scenario, 1, 1);
      costs.set(j.scenario, est.perRun);
      calibrationRuns += est.calibrationRuns;
    }
    threadSeconds += costs.get(j.scenario)! * j.runs;
    perRun = Math.max(perRun, costs.get(j.scenario)!);
  }
  const seconds = wallSeconds(threadSeconds, workers);
  const threads = `${workers} worker${workers === 1 ? '' : 's'}`;
  const count = `${runs.toLocaleString('en-US')} runs${jobs.length > 1 ? ` in ${jobs.length} Monte Carlos` : ''}`;
  const what = precision === undefined
    ? `${count} with ${threads}`
    : `--precision ${precision} (at most ${count}, fewer when the outcomes are far from 50%) with ${threads}`;
  const about = precision === undefined ? 'about' : 'at most about';
  if (limit !== undefined && seconds > limit * 60) {
    throw new UserError(`${what} would take ${about} ${formatDuration(seconds)} (${(perRun * 1e6).toFixed(0)} µs a run, measured on ${calibrationRuns} runs), more than --max-minutes ${limit}. Ask for fewer runs, use --precision E to stop once the intervals are narrow enough, or spread the runs over machines with --shard k/N.`);
  }
  if (!args.quiet) io.err(`negsim: ${what}: ${about} ${formatDuration(seconds)} (estimated from ${calibrationRuns} runs; Ctrl-C stops cleanly)\n`);
}

/** --max-minutes M: a positive number of minutes. */
export function minutesFlag(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`--max-minutes must be a positive number of minutes; got '${String(v)}'. Example: --max-minutes 30`);
  return n;
}

/** --precision E: a half-width in (0, 0.5). */
export function precisionFlag(v: unknown): number {
  const e = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!(Number.isFinite(e) && e > 0 && e < 0.5)) {
    throw new UserError(`--precision must be a half-width between 0 and 0.5 (a probability); got '${String(v)}'. Example: --precision 0.01 (one percentage point)`);
  }
  return e;
}

/** `k/N` with 1 <= k <= N, or a UserError. */
export function parseShardFlag(v: string): { k: number; n: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
  const k = m ? Number(m[1]) : NaN, n = m ? Number(m[2]) : NaN;
  if (!m || !(k >= 1 && k <= n && n <= 1_000_000)) {
    throw new UserError(`--shard must be k/N with 1 <= k <= N (N at most 1000000); got '${v}'. Example: --shard 3/8 (in a Slurm array: --shard $SLURM_ARRAY_TASK_ID/8)`);
  }
  return { k, n };
}

/** `run --shard k/N --out F`: play the slice's blocks and write a part (part-file.ts) atomically; print nothing on stdout. */
async function runShard(args: RunArgs, runs: number, seed: number, workers: number, io: Io, loaded?: LoadedScenario): Promise<Summary | null> {
  if (args.shard === undefined) throw new UserError('--out writes a part of a sharded run; give --shard k/N too, e.g. --shard 1/4 --out part-1.json');
  const shard = parseShardFlag(args.shard);
  if (!args.out) throw new UserError(`--shard ${args.shard} needs --out FILE for its part, e.g. --out part-${shard.k}.json`);
  for (const flag of ['json', 'csv', 'runs-csv', 'rounds-csv'] as const) {
    if (args[flag] !== undefined && args[flag] !== false) {
      throw new UserError(`--${flag} does not go with --shard: a shard writes only its part; negsim merge part-*.json prints the whole result (with --json, --csv FILE, --rounds-csv FILE)`);
    }
  }
  await outputFlag('--out', args.out, `part-${shard.k}.json`);
  const played = loaded ?? loadWithSets(args.file, args.set, warnPrinter(args, io), readParamsFlag(args.params));
  refuseOverwritingInputs([{ role: '--out', path: args.out }], scenarioInputs(played.scenario));
  Object.assign(runProgress, { running: true, done: 0, total: 0 });
  let first: number, end: number, text: string;
  try {
    ({ first, end, text } = await simulateShard(played, {
      runs, seed, workers, shard,
      onProgress: (done, total) => { runProgress.done = done; runProgress.total = total; },
    }));
  } finally {
    runProgress.running = false;
  }
  await writeFileAtomic(args.out, text);
  if (!args.quiet) {
    io.err(`negsim: shard ${shard.k}/${shard.n}: runs ${first}..${end - 1} of ${runs} (seed ${seed}) written to ${args.out}` +
      (first === end ? ' (an empty slice: more shards than blocks of 1000 runs)' : '') + '\n');
  }
  return null;
}

/**
 * Load a scenario (the bundled one if none is named), apply `--params` (model defaults) and then `--set`s;
 * any problem is a UserError. The overrides returned are both, the `--set`s last (they win).
 */
export function loadWithSets(file: string | undefined, sets: unknown, warn: (line: string) => void, params?: ParamsArg): LoadedScenario {
  const loaded = loadScenarioOrFail(file, warn);
  const fitted = applyParams(loaded.scenario, params);
  const base: LoadedScenario = { ...loaded, scenario: fitted.scenario };
  const list = sets === undefined ? [] : (Array.isArray(sets) ? sets : [sets]).map(String);
  try {
    const r = withOverrides(base, list);
    return { ...r, overrides: { ...fitted.overrides, ...r.overrides } };
  } catch (e) {
    if (!(e instanceof OverrideError)) throw e;
    const n = e.problems.length;
    throw new UserError(`${e.problems.map((p) => p.text).join('\n')}\n${n} problem${n === 1 ? '' : 's'} with --set; ` +
      'a path names a number of the scenario as in the file (negsim run --runs-csv lists the sampled ones).');
  }
}

/**
 * Bytes a runs CSV of `runs` rows will take, from an upper estimate of its row: ten bytes a column
 * (sampled values are printed with six or seven significant digits, as in `0.0844647,`) plus the
 * actor ids the boycotted/withdrew columns may list, the sha256 and the overrides (quoted, their
 * quotes doubled). The Geneva II rows average 474 bytes; this says 655.
 */
export function runsCsvBytes(scenario: Scenario, runs: number, overrides?: Overrides): number {
  const header = runsCsvHeader(scenario);
  const ids = scenario.actors.reduce((n, a) => n + a.id.length + 1, 0);
  const made = scenario.hash.length + 2 * overridesText(overrides).length + 2;
  return header.join(',').length + 2 + runs * (10 * (header.length - 2) + 2 * ids + made);
}

/** Refuses, before any run, a runs CSV beyond MAX_RUNS_CSV_BYTES or beyond the free space of its folder. */
async function checkRunsCsvSize(path: string, scenario: Scenario, runs: number, overrides: Overrides): Promise<void> {
  const bytes = runsCsvBytes(scenario, runs, overrides);
  const size = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${Math.ceil(b / 1e3)} kB`);
  if (bytes > MAX_RUNS_CSV_BYTES) {
    throw new UserError(`--runs-csv ${path} would take about ${size(bytes)} (${runs} rows); the limit is ${size(MAX_RUNS_CSV_BYTES)}.
` +
      `Write it for fewer runs (the summary and --rounds-csv need no runs CSV), or split the runs between several seeds.`);
  }
  let free: number | undefined;
  try {
    const st = await statfs(dirname(resolvePath(path)));
    free = Number(st.bavail) * Number(st.bsize);
  } catch {
    return; // a file system that cannot say: the write itself will tell
  }
  if (bytes > free) {
    throw new UserError(`--runs-csv ${path} would take about ${size(bytes)} (${runs} rows), and its folder has ${size(free)} free.
` +
      'Free some space, write it elsewhere, or write it for fewer runs.');
  }
}
