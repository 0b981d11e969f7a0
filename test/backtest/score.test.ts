/**
 * Brier score and log loss (score.ts), by hand, and end to end on a scenario whose forecast is exactly 0
 * by construction (test/backtest/deadlock.yaml: two hard red lines that exclude each other).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backtest } from '../../src/backtest/backtest.js';
import { brierScore, CLIP, logLoss, meanScores } from '../../src/backtest/score.js';
import { loadScenario } from '../../src/scenario/load.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { summarise } from '../../src/stats/summary.js';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test('the Brier score of one forecast is (p - o)^2: 0.8 yes -> 0.04, 0.3 no -> 0.09, 0.5 either -> 0.25', () => {
  close(brierScore(0.8, true), 0.04);
  close(brierScore(0.3, false), 0.09);
  assert.is(brierScore(0.5, true), 0.25);
  assert.is(brierScore(0.5, false), 0.25);
  assert.is(brierScore(1, true), 0);
  assert.is(brierScore(1, false), 1);
});

test('the log loss of one forecast is -ln p for yes, -ln(1 - p) for no: 0.8 yes -> 0.22314, 0.3 no -> 0.35667', () => {
  close(logLoss(0.8, true), 0.2231435513142097);
  close(logLoss(0.3, false), 0.35667494393873245);
  close(logLoss(0.5, true), Math.LN2);
});

test('the log loss clips p to [1e-6, 1 - 1e-6]: a certain miss costs 13.8155, a certain hit 1.0000005e-6', () => {
  assert.is(CLIP, 1e-6);
  close(logLoss(0, true), 13.815510557964274, 1e-9);
  close(logLoss(1, false), 13.815510557964274, 1e-6); // 1 - (1 - 1e-6) loses digits in binary
  close(logLoss(0, false), 1.0000005000003334e-6, 1e-16); // exact -ln(1 - 1e-6); 1 - 1e-6 is rounded in binary
  close(logLoss(1e-9, true), 13.815510557964274, 1e-9);
  assert.ok(Number.isFinite(logLoss(0, true)));
});

test('mean scores of five forecasts, by hand: Brier 0.276, log loss 3.0176954', () => {
  // p, answer:    (p - o)^2              -ln(p or 1 - p, clipped)
  // 0.8, yes      0.04                   -ln 0.8          = 0.2231435513
  // 0.3, no       0.09                   -ln 0.7          = 0.3566749439
  // 0.5, yes      0.25                   -ln 0.5          = 0.6931471806
  // 0,   no       0                      -ln(1 - 1e-6)    = 0.0000010000
  // 0,   yes      1                      -ln(1e-6)        = 13.8155105580
  // sums          1.38                                      15.0884772338
  // means         1.38 / 5 = 0.276                          15.0884772338 / 5 = 3.0176954468
  const s = meanScores([
    { p: 0.8, observed: true },
    { p: 0.3, observed: false },
    { p: 0.5, observed: true },
    { p: 0, observed: false },
    { p: 0, observed: true },
  ]);
  assert.is(s.n, 5);
  close(s.brier, 0.276);
  close(s.logLoss, 3.0176954468, 1e-9);
});

test('no questions: n 0 and NaN scores, not 0 (nothing was scored)', () => {
  const s = meanScores([]);
  assert.is(s.n, 0);
  assert.ok(Number.isNaN(s.brier) && Number.isNaN(s.logLoss));
});

test('end to end: a deal two hard red lines exclude is forecast at exactly 0; observed no -> Brier 0, log loss -ln(1 - 1e-6)', async () => {
  const { scenario } = loadScenario('test/backtest/deadlock.yaml');
  assert.ok(scenario?.observed);
  // the deal question alone, so that the scenario's scores are this question's
  const observed = { ...scenario!.observed!, questions: scenario!.observed!.questions.filter((q) => q.id === 'deal') };
  const dealOnly = { ...scenario!, observed };
  const tally = await monteCarlo(dealOnly, { runs: 400, seed: 7, workers: 1 });
  const summary = summarise(dealOnly, tally, 7, 'test', 'test');
  const r = backtest([{ scenario: dealOnly, summary, tally }]);
  const deal = r.scenarios[0].questions[0];
  assert.is(deal.question, 'deal');
  assert.is(deal.forecast.p, 0);
  assert.is(deal.forecast.count, 0);
  assert.is(deal.forecast.n, 400);
  assert.is(deal.brier, 0);
  assert.is(deal.logLoss, -Math.log(1 - 1e-6));
  assert.is(r.scenarios[0].scores.negsim.brier, 0);
  // the baselines on this one no: always 0.5 -> 0.25 and ln 2; the base rate of 'agreement' here is 0/1 -> 0, clipped
  assert.is(r.overall.half.brier, 0.25);
  close(r.overall.half.logLoss, Math.LN2);
  assert.is(r.overall.baseRate.brier, 0);
  assert.is(r.overall.baseRate.logLoss, -Math.log(1 - 1e-6));
});

test.run();
