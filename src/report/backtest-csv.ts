/**
 * The backtest as CSV, long layout: one row a question — scenario, question, ask, actor, measure, the
 * forecast p and its 95% interval (lo, hi), observed (1 yes, 0 no, so a spreadsheet can score it), its
 * Brier score and log loss (forecast clipped to [1e-6, 1 - 1e-6]), n (runs), seed and the scenario file's sha256.
 *
 * @example
 * backtestCsv(result).split('\r\n')[0]
 * // 'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed,scenario_sha256'
 */
import type { BacktestResult } from '../backtest/backtest.js';
import { csvRows, type CsvField } from './csv.js';

export const BACKTEST_HEADER = ['scenario', 'question', 'ask', 'actor', 'measure', 'p', 'lo', 'hi', 'observed', 'brier', 'logloss', 'n', 'seed', 'scenario_sha256'];

export function backtestCsv(r: BacktestResult): string {
  const rows: CsvField[][] = [];
  for (const s of r.scenarios) {
    for (const q of s.questions) {
      rows.push([s.id, q.question, q.ask, q.actor, q.measure, q.forecast.p, q.forecast.lo, q.forecast.hi, q.observed ? 1 : 0, q.brier, q.logLoss, q.forecast.n, s.seed, s.hash]);
    }
  }
  return csvRows(BACKTEST_HEADER, rows);
}
