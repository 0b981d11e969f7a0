/**
 * Backtests for the library, as `negsim backtest` makes them: each scenario that carries `observed:`
 * (what really happened) is played as `simulate` plays it, and its forecasts are scored against the
 * answers: per question the forecast with its 95% interval and its Brier score and log loss, per
 * scenario and overall beside two baselines (always 0.5; the in-sample base rate of each kind of
 * question), and the mean absolute error of position forecasts.
 *
 * @example
 * const r = await backtestScenarios([loadScenario('record/dayton-1995.yaml')], { runs: 2000 });
 * r.overall.negsim; // { n: 8, brier: ..., logLoss: ... }
 */
import { backtest, type BacktestInput, type BacktestResult } from '../backtest/backtest.js';
import { OptionError } from './errors.js';
import { runsOption, seedOption, workersOption, type RunOptions } from './options.js';
import type { LoadedScenario } from './scenario.js';
import { simulate } from './simulate.js';

export type { BacktestResult };

export interface BacktestOptions extends RunOptions {
  /** Runs played so far over all scenarios, and the runs of all. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Play and score scenarios, each with the same runs and seed. Every one must carry `observed:`
 * (else OptionError naming it); a scenario given twice is scored twice, so give each once.
 */
export async function backtestScenarios(scenarios: readonly LoadedScenario[], opts: BacktestOptions = {}): Promise<BacktestResult> {
  const runs = runsOption(opts.runs);
  const seed = seedOption(opts.seed);
  const workers = workersOption(opts.workers);
  if (scenarios.length === 0) throw new OptionError('scenarios', 'backtest needs at least one scenario with an observed: block');
  const without = scenarios.find((l) => !l.scenario.observed);
  if (without) {
    throw new OptionError('scenarios', `${without.scenario.file} has no observed: block (what really happened), so there is nothing to score; add one (docs/SCENARIO.md, "observed")`);
  }
  const total = runs * scenarios.length;
  const inputs: BacktestInput[] = [];
  for (const loaded of scenarios) {
    const before = inputs.length * runs;
    const { summary, tally } = await simulate(loaded, {
      runs, seed, workers,
      onProgress: opts.onProgress ? (done) => opts.onProgress!(before + done, total) : undefined,
    });
    inputs.push({ scenario: loaded.scenario, summary, tally });
  }
  return backtest(inputs);
}
