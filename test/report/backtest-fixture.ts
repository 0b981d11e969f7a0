/** A hand-made backtest result (no Monte Carlo) for the report tests: one scenario, two questions. */
import type { BacktestResult } from '../../src/backtest/backtest.js';

const nan = { mae: NaN, n: 0 };

export function backtestFixture(): BacktestResult {
  const scores = {
    negsim: { n: 2, brier: (0.04 + 0.09) / 2, logLoss: (-Math.log(0.8) - Math.log(0.7)) / 2 },
    half: { n: 2, brier: 0.25, logLoss: Math.LN2 },
    baseRate: { n: 2, brier: 0, logLoss: -Math.log(1 - 1e-6) },
  };
  return {
    clip: 1e-6,
    scenarios: [{
      id: 'geneva-2014', title: 'Geneva II', file: 'scenarios/geneva-2014.yaml', hash: '0123456789abcdef', asOf: '2014-01-17',
      observedAsOf: '2014-02-15', seed: 1, runs: 1000,
      questions: [
        { scenario: 'geneva-2014', question: 'gov_attends', ask: 'attends', actor: 'gov', measure: '', rounds: 0, observed: true,
          forecast: { metric: 'attend gov', p: 0.8, lo: 0.77, hi: 0.83, count: 800, n: 1000 }, brier: 0.04000000000000001, logLoss: -Math.log(0.8), baseRate: 1 },
        { scenario: 'geneva-2014', question: 'cf_3', ask: 'held', actor: '', measure: 'cf', rounds: 3, observed: false,
          forecast: { metric: 'cf kept >= 3 rounds', p: 0.3, lo: 0.27, hi: 0.33, count: 300, n: 1000 }, brier: 0.09, logLoss: -Math.log(0.7), baseRate: 0 },
      ],
      scores,
      positions: [],
      positionErrors: { compromise: nan, median: nan, eum: nan, negsim: nan },
    }],
    overall: scores,
    baseRates: { attends: { yes: 1, n: 1, rate: 1 }, held: { yes: 0, n: 1, rate: 0 } },
    positionErrors: { compromise: nan, median: nan, eum: nan, negsim: nan },
  };
}
