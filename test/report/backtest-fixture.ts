/**
 * Hand-made backtest results (no Monte Carlo) for the report tests, scored by scoreBacktest: one scenario
 * with two questions, and two cases with six questions across four kinds.
 */
import { scoreBacktest, type BacktestResult, type CaseForecasts, type UnscoredQuestion } from '../../src/backtest/backtest.js';
import type { ObservedAsk } from '../../src/scenario/types.js';

export function backtestFixture(): BacktestResult {
  return scoreBacktest([{
    id: 'geneva-2014', title: 'Geneva II', file: 'scenarios/geneva-2014.yaml', hash: '0123456789abcdef', asOf: '2014-01-17',
    observedAsOf: '2014-02-15', seed: 1, runs: 1000,
    questions: [
      { scenario: 'geneva-2014', question: 'gov_attends', ask: 'attends', actor: 'gov', measure: '', rounds: 0, observed: true,
        forecast: { metric: 'attend gov', p: 0.8, lo: 0.77, hi: 0.83, count: 800, n: 1000 } },
      { scenario: 'geneva-2014', question: 'cf_3', ask: 'held', actor: '', measure: 'cf', rounds: 3, observed: false,
        forecast: { metric: 'cf kept >= 3 rounds', p: 0.3, lo: 0.27, hi: 0.33, count: 300, n: 1000 } },
    ],
    positions: [],
  }]);
}

function question(scenario: string, id: string, ask: ObservedAsk, count: number, observed: boolean): UnscoredQuestion {
  const p = count / 100;
  return {
    scenario, question: id, ask, actor: '', measure: '', rounds: 0, observed,
    // intervals are not scored; these are the Wilson intervals' rough width at 100 runs
    forecast: { metric: ask, p, lo: Math.max(0, p - 0.05), hi: Math.min(1, p + 0.05), count, n: 100 },
  };
}

/**
 * Two cases, 100 runs each, seed 3:
 *
 *     case   question   ask        p     answer   in-sample base rate   case left out
 *     alpha  a_att      attends    0.90  yes      1 (2/2)               1 (beta's 1/1)
 *     alpha  a_deal     agreement  0.20  no       0.5 (1/2)             1 (beta's 1/1)
 *     alpha  a_cf       held       0.65  yes      1 (1/1)               1 (pooled: beta's 3/3)
 *     beta   b_att      attends    0.95  yes      1                     1 (alpha's 1/1)
 *     beta   b_talks    talks      1     yes      1 (1/1)               0.666667 (pooled: alpha's 2/3)
 *     beta   b_deal     agreement  0.70  yes      0.5                   0 (alpha's 0/1)
 */
export function twoCases(): BacktestResult {
  const c = (id: string, asOf: string, questions: UnscoredQuestion[]): CaseForecasts => ({
    id, title: id === 'alpha' ? 'Alpha talks' : 'Beta talks', file: `${id}.yaml`, hash: id.repeat(8), asOf,
    observedAsOf: asOf, seed: 3, runs: 100, questions, positions: [],
  });
  return scoreBacktest([
    c('alpha', '2000-01-01', [
      question('alpha', 'a_att', 'attends', 90, true),
      question('alpha', 'a_deal', 'agreement', 20, false),
      question('alpha', 'a_cf', 'held', 65, true),
    ]),
    c('beta', '2005-06-01', [
      question('beta', 'b_att', 'attends', 95, true),
      question('beta', 'b_talks', 'talks', 100, true),
      question('beta', 'b_deal', 'agreement', 70, true),
    ]),
  ]);
}
