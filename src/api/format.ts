/**
 * The library's results as the command line prints and writes them: the same functions make the same
 * bytes (`summaryJson(summary)` is what `negsim run --json` prints). Tables are plain text (no colour);
 * the HTML report loads Vega only when called.
 *
 * @example
 * const { summary } = await simulate(loadScenario(), { runs: 1000 });
 * process.stdout.write(summaryTable(summary)); // the table `negsim run --runs 1000` prints
 */
import type { BacktestResult } from '../backtest/backtest.js';
import { backtestJson as backtestJsonText, backtestText as backtestTable } from '../report/backtest.js';
import { PLAIN } from '../report/color.js';
import { compareTable as compareTableText } from '../report/compare.js';
import { summaryTable as summaryTableText } from '../report/table.js';
import { rngName } from '../sim/rng.js';
import type { ScenarioComparison, SeedComparison } from '../stats/comparison.js';
import type { Summary } from '../stats/summary.js';
import type { LoadedScenario } from './scenario.js';
import { VERSION } from './version.js';

export { backtestCsv } from '../report/backtest-csv.js';
export { compareCsv, compareJson } from '../report/compare.js';
export { forecastText } from '../report/forecast-text.js';
export { summaryJson } from '../report/json.js';
export { roundsCsv } from '../report/rounds-csv.js';
export { summaryCsv } from '../report/summary-csv.js';

/** The table `negsim run` prints (within 80 columns), ending with the text chart of the talks' survival. */
export function summaryTable(summary: Summary): string {
  return summaryTableText(summary, PLAIN);
}

/** The table `negsim compare` prints. */
export function compareTable(comparison: SeedComparison | ScenarioComparison): string {
  return compareTableText(comparison, PLAIN);
}

/** The tables `negsim backtest` prints. */
export function backtestText(result: BacktestResult): string {
  return backtestTable(result, PLAIN);
}

/** What `negsim backtest --json` prints: the result with the version, generator, seed and runs. */
export function backtestJson(result: BacktestResult): string {
  const first = result.scenarios[0];
  return backtestJsonText(result, { negsim: VERSION, rng: rngName, seed: first?.seed ?? 0, runs: first?.runs ?? 0 });
}

/** The self-contained HTML report `negsim report` writes, of a scenario and its summary. */
export async function reportHtml(loaded: LoadedScenario, summary: Summary): Promise<string> {
  const { runReportHtml } = await import('../report/html/run-report.js');
  return runReportHtml(loaded.scenario, summary);
}
