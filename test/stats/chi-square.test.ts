import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chiSquareSurvival, gammaQ, logGamma } from '../../src/stats/chi-square.js';

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('the 95% point of chi-square with 1 df has survival 0.05', () => close(chiSquareSurvival(3.841458820694124, 1), 0.05, 1e-14));
test('with 2 df the survival is e^{-x/2} (by hand)', () => close(chiSquareSurvival(2, 2), Math.exp(-1), 1e-14));
test('with 4 df the survival is e^{-x/2}(1 + x/2) (by hand): x = 6 gives 4e^-3', () => close(chiSquareSurvival(6, 4), 4 * Math.exp(-3), 1e-14));
test('odd df through the series and the continued fraction agree with scipy.stats.chi2.sf', () => {
  close(chiSquareSurvival(0.5, 3), 0.9188914116546758, 1e-13); // series branch
  close(chiSquareSurvival(30, 19), 0.05179845889302389, 1e-13); // continued fraction
  close(chiSquareSurvival(10, 19), 0.9529457975866219, 1e-13);
});
test('ln Γ(5) = ln 24 and Q(a, 0) = 1', () => {
  close(logGamma(5), Math.log(24), 1e-13);
  assert.is(gammaQ(2.5, 0), 1);
  assert.is(chiSquareSurvival(0, 3), 1);
});
test('invalid arguments are bugs and throw', () => {
  assert.throws(() => chiSquareSurvival(1, 0));
  assert.throws(() => gammaQ(-1, 1));
});
test.run();
