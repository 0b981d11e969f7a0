import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { makeGame } from '../../../src/model/normal-form.js';
import { acceptedResidual, lambdaTimesRange, logitResidual, MU_GUARANTEED, residualTolerance } from '../../../src/model/qre/fixed-point-check.js';
import { residual } from '../random-games.js';

const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);

test('doc example: gambit-logit\'s 10-digit point of the prisoner\'s dilemma at lambda 1 has a residual of about 5e-11', () => {
  const r = logitResidual(pd, 1, [0.2267506448, 0.7732493552, 0.2267506448, 0.7732493552]);
  assert.ok(r > 1e-11 && r < 1e-10, String(r));
  // The centroid is far from it: the response to it is (0.18, 0.82).
  assert.ok(Math.abs(logitResidual(pd, 1, [0.5, 0.5, 0.5, 0.5]) - (1 / (1 + Math.exp(-1.5)) - 0.5)) < 1e-15);
});

test('the same residual as the direct formula, and unchanged by shifting and scaling payoffs with lambda', () => {
  const sigma = [0.3, 0.7, 0.6, 0.4];
  const direct = residual(pd, 2, sigma);
  assert.ok(Math.abs(logitResidual(pd, 2, sigma) - direct) < 1e-15);
  const shifted = makeGame([2, 2], Array.from(pd.payoffs, (x) => x * 1e14 + 3e15));
  assert.ok(Math.abs(logitResidual(shifted, 2e-14, sigma) - direct) < 1e-12, 'the offset 3e15 costs nothing');
  const huge = makeGame([2, 2], Array.from(pd.payoffs, (x) => (x - 2.5) * 6e307));
  assert.ok(Math.abs(logitResidual(huge, 2 / 6e307, sigma) - direct) < 1e-12, 'a range beyond the largest double');
  // lambda R overflowing: only the best replies keep weight.
  assert.is(logitResidual(huge, 10, [0, 1, 0, 1]), 0);
  assert.is(logitResidual(makeGame([2, 2], new Array(8).fill(5)), 3, [0.5, 0.5, 0.5, 0.5]), 0);
});

test('the tolerance: 1e-9 plus 64 eps lambda R, held at its value at 1e8 beyond; the solver accepts a tenth of it or less', () => {
  assert.is(residualTolerance(0), 1e-9);
  assert.ok(Math.abs(residualTolerance(1e4) - (1e-9 + 64 * Number.EPSILON * 1e4)) < 1e-24);
  assert.is(residualTolerance(1e12), residualTolerance(MU_GUARANTEED));
  assert.ok(Math.abs(residualTolerance(MU_GUARANTEED) - 1.422e-6) < 0.001e-6);
  for (const mu of [0, 1, 1e4, 1e8, 1e12]) assert.ok(acceptedResidual(mu) <= residualTolerance(mu) / 10, String(mu));
  assert.is(acceptedResidual(0), 1e-10);
  assert.is(lambdaTimesRange(pd, 3), 15);
  assert.is(lambdaTimesRange(makeGame([2, 2], new Array(8).fill(1)), 3), 0);
  assert.is(lambdaTimesRange(makeGame([2, 2], [1.5e308, 0, -1.5e308, 0, 0, 0, 0, 0]), 1e-300), 3e8);
});

test.run();
