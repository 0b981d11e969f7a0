/**
 * Comparisons for the library, as `negsim compare` makes them: one scenario under several seeds (is
 * the estimate Monte Carlo noise or signal?), or two or more scenarios side by side, each one's
 * difference from the first with a paired 95% interval (run r of every scenario draws from the
 * generator seeded (seed, r): common random numbers, so the runs are paired).
 *
 * @example
 * const base = loadScenario();
 * const pushed = withOverrides(base, { 'actors.russia.pressure.0.strength': 0.9 });
 * const c = await compareScenarios([base, pushed], { runs: 5000, seed: 1 });
 * c.differences.filter((d) => d.flagged); // what changed beyond Monte Carlo error
 * (await compareSeeds(base, { seeds: [1, 2, 3], runs: 2000 })).agree; // true
 */
import { basename } from 'node:path';
import { playJobs, type Job } from '../sim/play-jobs.js';
import { rngName } from '../sim/rng.js';
import {
  compareScenarios as compareScenarioJobs, compareSeeds as compareSeedJobs, outcomeEstimates, widestDifferenceHalf, widestHalf,
  type ScenarioComparison, type ScenarioLabel, type SeedComparison,
} from '../stats/comparison.js';
import { OptionError } from './errors.js';
import { MAX_RUNS, precisionOption, runsOption, seedOption, workersOption, type RunOptions } from './options.js';
import type { LoadedScenario } from './scenario.js';
import { VERSION } from './version.js';

export type { ScenarioComparison, ScenarioLabel, SeedComparison };

/** At most this many seeds: each is a full Monte Carlo. */
export const MAX_SEEDS = 1000;

export interface CompareOptions extends Omit<RunOptions, 'seed'> {
  /**
   * Play every seed or scenario to the same run count, 1,000 runs and then doubling, until every
   * outcome's interval (and, for scenarios, every outcome difference's) has half-width <= precision,
   * or `runs` (then the most; default 100,000,000) is reached.
   */
  precision?: number;
  /** Runs played so far over all seeds or scenarios, and the most that will be. */
  onProgress?: (done: number, total: number) => void;
}

/** A compared scenario and its label in the outputs (default: its file's name, with ' (k)', its place, when two share one). */
export type Compared = LoadedScenario | { loaded: LoadedScenario; label: string };

/** The label of a scenario in a comparison: its name, id, file name, hash and overrides. */
export function scenarioLabel(loaded: LoadedScenario, name: string): ScenarioLabel {
  const s = loaded.scenario;
  const l: ScenarioLabel = { label: name, id: s.id, file: basename(s.file), hash: s.hash };
  if (Object.keys(loaded.overrides).length > 0) l.overrides = loaded.overrides;
  return l;
}

/**
 * playJobs reports after each job (jobs play one after another, every job in each round), the job's run
 * count so far; the runs done over all jobs are their sum.
 */
function jobsProgress(report: ((done: number, total: number) => void) | undefined, jobs: number) {
  if (!report) return undefined;
  const each = new Array<number>(jobs).fill(0);
  let calls = 0;
  return (done: number, planned: number) => {
    each[calls++ % jobs] = done;
    report(each.reduce((a, b) => a + b, 0), planned * jobs);
  };
}

function common(opts: CompareOptions): { runs: number; workers: number; precision?: number } {
  const precision = opts.precision === undefined ? undefined : precisionOption(opts.precision);
  const runs = runsOption(opts.runs ?? (precision === undefined ? undefined : MAX_RUNS));
  return { runs, workers: workersOption(opts.workers), ...(precision === undefined ? {} : { precision }) };
}

/**
 * One scenario under several seeds: each seed's outcomes with intervals, the pooled estimate, the
 * spread across seeds beside what Monte Carlo error predicts, and a chi-square test of homogeneity.
 */
export async function compareSeeds(loaded: LoadedScenario, opts: CompareOptions & { seeds: readonly number[] }): Promise<SeedComparison> {
  const { runs, workers, precision } = common(opts);
  const seeds = opts.seeds.map((s) => seedOption(s));
  if (seeds.length === 0 || seeds.length > MAX_SEEDS) throw new OptionError('seeds', `seeds must list 1 to ${MAX_SEEDS} seeds; got ${seeds.length}`);
  if (new Set(seeds).size !== seeds.length) throw new OptionError('seeds', `seeds names a seed twice: ${seeds.join(',')}`);
  const { scenario } = loaded;
  const jobs = await playJobs(seeds.map((seed) => ({ scenario, seed })), {
    runs, workers, keepOutcomes: false, onProgress: jobsProgress(opts.onProgress, seeds.length),
    precise: precision === undefined ? undefined : (js) => js.every((j) => widestHalf(outcomeEstimates(j.tally)) <= precision),
  });
  return compareSeedJobs(scenarioLabel(loaded, basename(scenario.file)), jobs, VERSION, rngName);
}

/**
 * Two or more scenarios side by side under one seed: the outcomes, each party's attendance and
 * withdrawal and each measure's fate, and each scenario's difference from the first (the baseline)
 * with a paired 95% interval (Newcombe 1998b, method 10).
 */
export async function compareScenarios(compared: readonly Compared[], opts: CompareOptions & { seed?: number } = {}): Promise<ScenarioComparison> {
  const { runs, workers, precision } = common(opts);
  const seed = seedOption(opts.seed);
  if (compared.length < 2) throw new OptionError('scenarios', `compare two or more scenarios; got ${compared.length}`);
  const specs = compared.map((c) => ('loaded' in c ? c : { loaded: c, label: undefined }));
  const files = specs.map((s) => basename(s.loaded.scenario.file));
  const labels = specs.map((s, i) => s.label ?? (files.indexOf(files[i]) === files.lastIndexOf(files[i]) ? files[i] : `${files[i]} (${i + 1})`));
  const build = (js: readonly Job[]) =>
    compareScenarioJobs(js.map((j, i) => ({ label: scenarioLabel(specs[i].loaded, labels[i]), tally: j.tally, outcomes: j.outcomes!, events: j.events })), seed, VERSION, rngName);
  const jobs = await playJobs(specs.map((s) => ({ scenario: s.loaded.scenario, seed })), {
    runs, workers, keepOutcomes: true, onProgress: jobsProgress(opts.onProgress, specs.length),
    precise: precision === undefined ? undefined : (js) => {
      const c = build(js);
      return c.scenarios.every((s) => widestHalf(s.outcomes) <= precision) && widestDifferenceHalf(c) <= precision;
    },
  });
  return build(jobs);
}
