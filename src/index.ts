/**
 * negsim as a library (`import { ... } from 'negsim'`): the command line's own functions, without
 * the command line. Load and check a scenario, change its numbers as `--set` does, play its Monte
 * Carlo with a seed on some threads, read the run records as they come, and get the Summary that
 * `negsim run` prints; compare seeds or scenarios, forecast positions (compromise, weighted median,
 * the expected-utility model), backtest against what happened, spread a Monte Carlo over machines.
 *
 * Bad input throws a NegsimError (ScenarioError, OverrideError, OptionError, InputError) carrying its
 * problems as data; nothing here prints or exits. README.md, "Use it as a library", has an example.
 */
export { BUNDLED_SCENARIO, VERSION } from './api/version.js';
export { InputError, NegsimError, OptionError, OverrideError, ScenarioError, type Problem } from './api/errors.js';
export { DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, MAX_WORKERS, type RunOptions } from './api/options.js';
export {
  checkScenario, loadScenario, parseScenario, withOverrides,
  type LoadedScenario, type LoadOptions, type OverrideInput, type Overrides, type Scenario, type ScenarioSource,
} from './api/scenario.js';
export { runRecords, simulate, type RunColumns, type Simulation, type SimulateOptions, type Summary, type Tally } from './api/simulate.js';
export type { CeasefireFate, ExchangeFate, OutcomeName, RunRecord } from './api/run-record.js';
export { mergeParts, readPart, simulateShard, type Part, type PartInput, type ShardOptions, type ShardResult } from './api/shard.js';
export {
  compareScenarios, compareSeeds,
  type CompareOptions, type Compared, type ScenarioComparison, type ScenarioLabel, type SeedComparison,
} from './api/compare.js';
export {
  ActorsCsvError, FORECAST_MODELS, forecast, readActorsCsv, scenarioIssues,
  type EumOptions, type ForecastIssue, type ForecastModel, type ForecastOptions, type IssueForecast,
} from './api/forecast.js';
export { backtestScenarios, type BacktestOptions, type BacktestResult } from './api/backtest.js';
export {
  backtestCsv, backtestJson, backtestText, compareCsv, compareJson, compareTable, forecastText,
  reportHtml, roundsCsv, summaryCsv, summaryJson, summaryTable,
} from './api/format.js';
export { WorkerCrashError } from './sim/monte-carlo.js';
