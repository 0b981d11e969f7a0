/**
 * The Monte Carlo for the library: play a scenario's runs with a seed on some threads, and get the
 * Summary `negsim run` prints (`--json` is this object), the run records one by one (a callback, or an
 * async iterator), or both. Run r draws only from the generator seeded from (seed, r), so every result
 * is the same bytes for any number of workers; `negsim run` is this function and a printer.
 *
 * @example
 * const { summary } = await simulate(loadScenario(), { runs: 2000, seed: 7, workers: 2 });
 * summary.outcomes.agreement; // { p: 0.0025, lo: ..., hi: ..., count: 5, n: 2000 }
 * for await (const r of runRecords(loadScenario(), { runs: 100 })) console.log(r.run, r.outcome);
 */
import type { RunColumns } from '../sim/block.js';
import { monteCarlo } from '../sim/monte-carlo.js';
import { rngName } from '../sim/rng.js';
import { outcomeEstimates, widestHalf } from '../stats/comparison.js';
import { summarise, type Summary } from '../stats/summary.js';
import type { Tally } from '../stats/tally.js';
import { MAX_RUNS, precisionOption, runsOption, seedOption, workersOption, type RunOptions } from './options.js';
import { runRecordsOf, type RunRecord } from './run-record.js';
import type { LoadedScenario } from './scenario.js';
import { VERSION } from './version.js';

export type { RunColumns, Summary, Tally };

export interface SimulateOptions extends RunOptions {
  /**
   * Play blocks of 1,000 runs until every outcome's 95% interval has half-width <= precision (e.g.
   * 0.005), or `runs` are played (with precision, `runs` is the most, default 100,000,000). The result
   * is exactly that of `runs` set to the count it stopped at.
   */
  precision?: number;
  /** Each run's record, in run order; awaited (a slow callback slows the Monte Carlo, nothing is lost). */
  onRun?: (record: RunRecord) => void | Promise<void>;
  /**
   * Each block of up to 1,000 runs as typed-array columns, in run order: the fast path, what the runs
   * CSV is written from. Awaited as onRun is.
   */
  onRuns?: (columns: RunColumns) => void | Promise<void>;
  /** Runs played so far and the runs asked for (with precision, the most). */
  onProgress?: (done: number, total: number) => void;
  /** Asked after each block, in run order: true ends the Monte Carlo there (the result is of the runs played). */
  stop?: () => boolean;
}

export interface Simulation {
  /** What `negsim run` prints: every probability with its 95% interval, per actor, measure and round. */
  summary: Summary;
  /** The streaming counts the summary was made from. */
  tally: Tally;
  /** With `precision`: whether it was reached (false when `runs` ran out first). */
  precisionReached?: boolean;
}

/** The widest half-width of the four outcomes' 95% Wilson intervals: what `precision` bounds. */
export function widestOutcomeHalf(t: Tally): number {
  return widestHalf(outcomeEstimates(t));
}

/**
 * Play the Monte Carlo of a loaded scenario. Throws OptionError for options out of range, and
 * WorkerCrashError (a bug, or the machine out of memory) when a worker thread dies: no result is ever
 * made from fewer runs than were played.
 */
export async function simulate(loaded: LoadedScenario, opts: SimulateOptions = {}): Promise<Simulation> {
  const precision = opts.precision === undefined ? undefined : precisionOption(opts.precision);
  const runs = runsOption(opts.runs ?? (precision === undefined ? undefined : MAX_RUNS));
  const seed = seedOption(opts.seed);
  const workers = workersOption(opts.workers);
  const { scenario, overrides } = loaded;
  const { onRun, onRuns, onProgress, stop } = opts;
  const tally = await monteCarlo(scenario, {
    runs,
    seed,
    workers,
    keepRuns: onRun !== undefined || onRuns !== undefined,
    onBlock: onRun || onRuns ? async (res) => {
      const columns = res.columns!;
      if (onRuns) await onRuns(columns);
      if (onRun) for (const r of runRecordsOf(scenario, columns, seed)) await onRun(r);
    } : undefined,
    onProgress: onProgress ? (done) => onProgress(done, runs) : undefined,
    stop: precision === undefined && !stop ? undefined : (t) => (precision !== undefined && widestOutcomeHalf(t) <= precision) || (stop?.() ?? false),
  });
  const out: Simulation = { summary: summarise(scenario, tally, seed, VERSION, rngName, overrides), tally };
  if (precision !== undefined) out.precisionReached = widestOutcomeHalf(tally) <= precision;
  return out;
}

/**
 * The runs of a Monte Carlo as an async iterator, in run order (the same runs `simulate` plays with the
 * same options). Leaving the loop early stops the Monte Carlo and its threads. The threads play at most
 * a few blocks of 1,000 runs ahead of the loop, so memory stays bounded however slow the loop is.
 *
 * @example
 * let walkouts = 0;
 * for await (const r of runRecords(talks, { runs: 5000, seed: 3 })) walkouts += r.withdrew.length > 0 ? 1 : 0;
 */
export async function* runRecords(loaded: LoadedScenario, opts: Omit<SimulateOptions, 'onRun' | 'onRuns'> = {}): AsyncGenerator<RunRecord, void, undefined> {
  const seed = seedOption(opts.seed);
  const blocks: RunColumns[] = [];
  let wake: (() => void) | null = null; // the reader, waiting for a block
  let resume: (() => void) | null = null; // the Monte Carlo, waiting for the reader
  let closed = false;
  let finished = false;
  let failure: unknown;
  const play = simulate(loaded, {
    ...opts,
    onRuns: async (columns) => {
      blocks.push(columns);
      wake?.();
      if (blocks.length > 1 && !closed) await new Promise<void>((r) => { resume = r; });
    },
    stop: () => closed || (opts.stop?.() ?? false),
  }).then(
    () => { finished = true; wake?.(); },
    (e: unknown) => { failure = e; finished = true; wake?.(); },
  );
  try {
    for (;;) {
      const block = blocks.shift();
      if (block) {
        const go = resume as (() => void) | null;
        resume = null;
        go?.();
        yield* runRecordsOf(loaded.scenario, block, seed);
        continue;
      }
      if (finished) {
        if (failure !== undefined) throw failure;
        return;
      }
      await new Promise<void>((r) => { wake = r; });
      wake = null;
    }
  } finally {
    closed = true;
    const go = resume as (() => void) | null;
    resume = null;
    go?.();
    await play;
  }
}
