/**
 * The backtest as CSV, three tables.
 *
 * `backtestCsv` (`--csv`), long layout, one row a question: scenario, question, ask, actor, measure, the
 * forecast p and its 95% interval (lo, hi), observed (1 yes, 0 no, so a spreadsheet can score it), its
 * Brier score and log loss (forecast clipped to [1e-6, 1 - 1e-6]), n (runs), seed and the scenario file's
 * sha256 — the columns as they always were — then attendance (1 for the asks attends and talks) and the
 * two base-rate forecasts of the question: in sample, and with its case left out.
 *
 * `backtestScoresCsv` (`--scores-csv`), one row a group of questions — `all`, `attendance`, `other` (the
 * rest), each `kind` (its ask in `key`) and each `case` (its id in `key`) — with its questions (n) and yes
 * answers, then the mean Brier score of negsim and of the three baselines side by side, then their mean
 * log loss, then the seed and the runs a scenario.
 *
 * `backtestReliabilityCsv` (`--reliability-csv`), one row a forecaster and tenth of the forecast scale:
 * the bin [lo, hi), its questions (n), their mean forecast (mean_p), yes answers, the share of yes (freq)
 * with its 95% Wilson interval, and the forecaster's expected calibration error (ece, the same on its
 * ten rows); empty bins have empty mean_p and freq.
 *
 * Forecasters are named negsim, half (always 0.5), base_rate (in sample) and base_rate_out_of_sample
 * (leave one case out) in every table.
 *
 * @example
 * backtestCsv(result).split('\r\n')[0]
 * // 'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed,scenario_sha256,attendance,base_rate,base_rate_out_of_sample'
 */
import { FORECASTERS, type BacktestResult, type Forecaster, type QuestionResult } from '../backtest/backtest.js';
import { isAttendance, type Scorecard } from '../backtest/scorecard.js';
import type { Scores } from '../backtest/score.js';
import { csvRows, type CsvField } from './csv.js';

/** Each forecaster's name in the CSV tables. */
export const CSV_FORECASTER: Record<Forecaster, string> = {
  negsim: 'negsim', half: 'half', baseRate: 'base_rate', outOfSampleBaseRate: 'base_rate_out_of_sample',
};

export const BACKTEST_HEADER = ['scenario', 'question', 'ask', 'actor', 'measure', 'p', 'lo', 'hi', 'observed', 'brier', 'logloss', 'n', 'seed', 'scenario_sha256',
  'attendance', 'base_rate', 'base_rate_out_of_sample'];

export function backtestCsv(r: BacktestResult): string {
  const rows: CsvField[][] = [];
  for (const s of r.scenarios) {
    for (const q of s.questions) {
      rows.push([s.id, q.question, q.ask, q.actor, q.measure, q.forecast.p, q.forecast.lo, q.forecast.hi, q.observed ? 1 : 0, q.brier, q.logLoss, q.forecast.n, s.seed, s.hash,
        isAttendance(q.ask) ? 1 : 0, q.baseRate, q.outOfSampleBaseRate]);
    }
  }
  return csvRows(BACKTEST_HEADER, rows);
}

/** What made the backtest, on every row of the summary tables. */
export interface BacktestMade {
  seed: number;
  runs: number;
}

export const SCORES_HEADER = ['group', 'key', 'n', 'yes',
  ...FORECASTERS.map((f) => `${CSV_FORECASTER[f]}_brier`), ...FORECASTERS.map((f) => `${CSV_FORECASTER[f]}_logloss`), 'seed', 'runs'];

export function backtestScoresCsv(r: BacktestResult, made: BacktestMade): string {
  const qs: QuestionResult[] = r.scenarios.flatMap((s) => s.questions);
  const yes = (of: (q: QuestionResult) => boolean) => qs.filter((q) => of(q) && q.observed).length;
  const rows: CsvField[][] = [];
  const row = (group: string, key: string, count: number, pick: (c: Scorecard) => Scores | undefined) => {
    const s = FORECASTERS.map((f) => pick(r.scorecards[f]));
    rows.push([group, key, pick(r.scorecards.negsim)?.n ?? 0, count,
      ...s.map((x) => x?.brier ?? NaN), ...s.map((x) => x?.logLoss ?? NaN), made.seed, made.runs]);
  };
  row('all', '', yes(() => true), (c) => c.overall);
  row('attendance', '', yes((q) => isAttendance(q.ask)), (c) => c.attendance);
  row('other', '', yes((q) => !isAttendance(q.ask)), (c) => c.nonAttendance);
  for (const [ask, k] of Object.entries(r.scorecards.negsim.byKind)) row('kind', ask, k.yes, (c) => c.byKind[ask]);
  for (const s of r.scenarios) row('case', s.id, s.questions.filter((q) => q.observed).length, (c) => c.byCase[s.id]);
  return csvRows(SCORES_HEADER, rows);
}

export const RELIABILITY_HEADER = ['forecaster', 'lo', 'hi', 'n', 'mean_p', 'yes', 'freq', 'freq_lo', 'freq_hi', 'ece', 'seed', 'runs'];

export function backtestReliabilityCsv(r: BacktestResult, made: BacktestMade): string {
  const rows: CsvField[][] = [];
  for (const f of FORECASTERS) {
    const c = r.scorecards[f];
    for (const b of c.reliability) rows.push([CSV_FORECASTER[f], b.lo, b.hi, b.n, b.meanP, b.yes, b.freq, b.freqLo, b.freqHi, c.ece, made.seed, made.runs]);
  }
  return csvRows(RELIABILITY_HEADER, rows);
}
