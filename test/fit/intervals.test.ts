import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CaseDerivatives } from '../../src/fit/case-derivatives.js';
import { caseBootstrapIntervals, quantile } from '../../src/fit/intervals.js';
import { fitParameter, fromSearch, toSearch } from '../../src/fit/parameters.js';

const miss = fitParameter('miss')!;
const lambda = fitParameter('lambda')!;

function derivatives(z: number[], hessian: number[][], gradients: number[][]): CaseDerivatives {
  return { z, h: 0.3, hessian, gradients, caseHessians: gradients.map(() => hessian.map((r) => r.map(() => 0))), cases: gradients.map((_, c) => c), evaluations: 0 };
}

test('type-7 quantiles: linear between order statistics', () => {
  assert.is(quantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.is(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.is(quantile([10, 20], 0.25), 12.5);
  assert.is(quantile([7], 0.975), 7);
});

test('one parameter, 400 cases: the percentile interval is close to the sandwich z +- 1.96 sqrt(sum g_c^2) / H, mapped back', () => {
  // case gradients +-1 and +-2 alternating (sum 0), H = 800: sd = sqrt(400 * 2.5) / 800 = 0.0395
  const g = Array.from({ length: 400 }, (_, c) => [[1, -1, 2, -2][c % 4]]);
  const z = toSearch(miss, 0.2);
  const r = caseBootstrapIntervals([miss], [0.2], derivatives([z], [[800]], g), { seed: 1, replicates: 4000 });
  const sd = Math.sqrt(400 * 2.5) / 800;
  const lo = fromSearch(miss, z - 1.96 * sd), hi = fromSearch(miss, z + 1.96 * sd);
  const i = r.intervals[0];
  assert.equal([i.key, i.value, i.identified], ['miss', 0.2, true]);
  assert.ok(Math.abs(i.lo - lo) < 0.05 * (hi - lo) && Math.abs(i.hi - hi) < 0.05 * (hi - lo), `[${i.lo}, ${i.hi}] vs [${lo}, ${hi}]`);
  assert.is(r.replicates, 4000);
  assert.is(r.level, 0.95);
});

test('the same seed gives the same interval; another seed a slightly different one', () => {
  const g = Array.from({ length: 30 }, (_, c) => [Math.sin(c) * 3, Math.cos(c)]);
  const d = derivatives([toSearch(lambda, 10), toSearch(miss, 0.3)], [[50, 10], [10, 40]], g);
  const a = caseBootstrapIntervals([lambda, miss], [10, 0.3], d, { seed: 5 });
  assert.equal(caseBootstrapIntervals([lambda, miss], [10, 0.3], d, { seed: 5 }), a);
  assert.not.equal(caseBootstrapIntervals([lambda, miss], [10, 0.3], d, { seed: 6 }).intervals, a.intervals);
  for (const i of a.intervals) assert.ok(i.lo < i.value && i.value < i.hi, JSON.stringify(i));
});

test('where the cases vary less than the curvature says (few cases), the interval is the model-based z +- 1.96 / sqrt(H)', () => {
  // four cases with gradients +-0.1: the bootstrap's spread is tiny; H = 25 gives sd 0.2
  const g = [[0.1], [-0.1], [0.1], [-0.1]];
  const z = toSearch(miss, 0.3);
  const r = caseBootstrapIntervals([miss], [0.3], derivatives([z], [[25]], g), { seed: 1 });
  const i = r.intervals[0];
  assert.ok(Math.abs(i.lo - fromSearch(miss, z - 1.959963984540054 * 0.2)) < 1e-12, String(i.lo));
  assert.ok(Math.abs(i.hi - fromSearch(miss, z + 1.959963984540054 * 0.2)) < 1e-12, String(i.hi));
});

test('a parameter the cases leave flat is not identified: its interval is its bounds; the other keeps a finite one', () => {
  const g = Array.from({ length: 20 }, (_, c) => [c % 2 ? 1 : -1, 0]);
  const r = caseBootstrapIntervals([lambda, miss], [12, 0.2], derivatives([toSearch(lambda, 12), toSearch(miss, 0.2)], [[30, 0], [0, 0]], g), { seed: 1 });
  assert.equal(r.intervals[1], { key: 'miss', value: 0.2, lo: 0, hi: 0.6, identified: false });
  assert.ok(r.intervals[0].identified && r.intervals[0].lo > 0.5 && r.intervals[0].hi < 200);
});

test.run();
