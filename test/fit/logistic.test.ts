import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fitLogistic, predictLogistic, solveSpd, type LogisticRow } from '../../src/fit/logistic.js';

const rows = (kind: string, yes: number, no: number): LogisticRow[] =>
  [...Array.from({ length: yes }, () => ({ kind, y: true })), ...Array.from({ length: no }, () => ({ kind, y: false }))];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

test('by hand: kind a 3 yes of 4, kind b 1 yes of 4, ridge 1 -> b0 = 0 and b_a = -b_b = t with 3 - 4 sigma(t) = t', () => {
  const m = fitLogistic([...rows('a', 3, 1), ...rows('b', 1, 3)]);
  const t = m.coef.get('a')!;
  assert.ok(Math.abs(m.intercept) < 1e-12, String(m.intercept));
  assert.ok(Math.abs(m.coef.get('b')! + t) < 1e-12);
  // the score equation of b_a: (yes_a - n_a p_a) - ridge * b_a = 0
  assert.ok(Math.abs(3 - 4 * sigmoid(t) - t) < 1e-12, String(t));
  // solved by bisection here, independently: t = 0.50255...
  let lo = 0, hi = 2;
  for (let i = 0; i < 100; i++) { const mid = (lo + hi) / 2; if (3 - 4 * sigmoid(mid) - mid > 0) lo = mid; else hi = mid; }
  assert.ok(Math.abs(t - lo) < 1e-10, `${t} vs ${lo}`);
  assert.ok(Math.abs(predictLogistic(m, 'a') - sigmoid(lo)) < 1e-10);
  assert.ok(predictLogistic(m, 'a') < 0.75 && predictLogistic(m, 'a') > 0.6, 'pulled from 3/4 toward 1/2');
});

test('with almost no penalty each kind is forecast with its share of yes answers; no penalty at all is refused', () => {
  const m = fitLogistic([...rows('a', 7, 3), ...rows('b', 1, 4), ...rows('c', 2, 2)], { ridge: 1e-9 });
  assert.ok(Math.abs(predictLogistic(m, 'a') - 0.7) < 1e-6);
  assert.ok(Math.abs(predictLogistic(m, 'b') - 0.2) < 1e-6);
  assert.ok(Math.abs(predictLogistic(m, 'c') - 0.5) < 1e-6);
  assert.throws(() => fitLogistic(rows('a', 1, 1), { ridge: 0 }), /ridge must be positive/);
});

test('a kind answered yes every time gets a finite coefficient and a forecast below 1; an unseen kind gets the intercept', () => {
  const m = fitLogistic([...rows('attends', 19, 0), ...rows('agreement', 4, 6)]);
  const p = predictLogistic(m, 'attends');
  assert.ok(Number.isFinite(m.coef.get('attends')!));
  assert.ok(p > 0.85 && p < 0.99, String(p));
  assert.is(predictLogistic(m, 'ratified'), sigmoid(m.intercept));
  assert.ok(m.iterations < 30, String(m.iterations));
});

test('no rows: the empty model says 0.5', () => {
  const m = fitLogistic([]);
  assert.is(predictLogistic(m, 'agreement'), 0.5);
});

test('solveSpd solves a symmetric positive definite system and refuses an indefinite one', () => {
  const x = solveSpd([[4, 2, 0], [2, 5, 1], [0, 1, 3]], [2, 3, 4]);
  // check A x = b
  const a = [[4, 2, 0], [2, 5, 1], [0, 1, 3]];
  a.forEach((row, i) => assert.ok(Math.abs(row.reduce((s, v, j) => s + v * x[j], 0) - [2, 3, 4][i]) < 1e-12));
  assert.throws(() => solveSpd([[1, 2], [2, 1]], [1, 1]), /not positive definite/);
});

test.run();
