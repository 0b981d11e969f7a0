import seedrandom from 'seedrandom';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { batchRows, crossA, crossB, CROSS_AB, rowWidth, SUM_A, SUM_B, sumAB } from '../../src/stats/sobol-batch.js';
import { sobolIndices, sobolRows } from '../../src/stats/sobol.js';

test('the products leave out runs that share a generator: the documented example, by hand', () => {
  // M = 4: A happened in runs 0 and 1, B in run 1, A_B^(1) in runs 0, 1, 2
  const rows = batchRows(Float64Array.from([2, 1, 1, 3, 2, 1]), 1, 1, 4);
  assert.is(rows.mean[0], 0.375);
  assert.is(rows.first[0], 1 / 12);
  // u(A,A) = (4 - 2)/12, u(AB,AB) = (9 - 3)/12, u(A,AB) = (6 - 2)/12: (2/12 + 6/12)/2 - 4/12 = 0
  assert.is(rows.total[0], 0);
  // square + within = mean, row by row: a run's variance splits into the inputs' part and chance's
  assert.ok(Math.abs(rows.square[0] + rows.within[0] - rows.mean[0]) < 1e-15);
  assert.throws(() => batchRows(Float64Array.from([1, 1, 1, 1, 1, 1]), 1, 1, 1), /2 runs or more/);
});

/**
 * A noisy model with a known answer: inputs x1, x2 uniform on [0, 1]; each run's outcome is 1 with
 * probability x1 (Y = 1[U < x1], U the run's own uniform), so f(x) = P(Y = 1 | x) = x1 whatever x2:
 * S1 = ST1 = 1, S2 = ST2 = 0. Chance carries E[x1(1 − x1)] / (p(1 − p)) = (1/6) / (1/4) = 2/3 of a run's
 * variance. Row j's M runs use the uniforms U_j1..U_jM at every point of the row (common random numbers).
 */
function noisyDesign(n: number, m: number, seed: string): Float64Array {
  const rng = seedrandom.xor4096(seed);
  const k = 2, w = rowWidth(k);
  const sums = new Float64Array(n * w);
  const u = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const a = [rng(), rng()], b = [rng(), rng()];
    for (let r = 0; r < m; r++) u[r] = rng();
    const y = (x1: number) => Array.from(u, (v) => (v < x1 ? 1 : 0));
    const yA = y(a[0]), yB = y(b[0]);
    const o = j * w;
    const dot = (p: number[], q: number[]) => p.reduce((s, v, r) => s + v * q[r], 0);
    const sum = (p: number[]) => p.reduce((s, v) => s + v, 0);
    sums[o + SUM_A] = sum(yA);
    sums[o + SUM_B] = sum(yB);
    sums[o + CROSS_AB] = dot(yA, yB);
    for (let i = 0; i < k; i++) {
      const yAB = y(i === 0 ? b[0] : a[0]);
      sums[o + sumAB(i)] = sum(yAB);
      sums[o + crossA(k, i)] = dot(yA, yAB);
      sums[o + crossB(k, i)] = dot(yB, yAB);
    }
  }
  return sums;
}

test('unbiased for the indices of the probability itself: x1 decides P(Y), x2 nothing, chance 2/3 of a run’s variance (M = 4)', () => {
  const n = 20_000, m = 4;
  const e = sobolIndices(batchRows(noisyDesign(n, m, 'noisy'), n, 2, m));
  assert.ok(Math.abs(e.first[0] - 1) < 0.05, `S1 = ${e.first[0]}`);
  assert.ok(Math.abs(e.total[0] - 1) < 0.05, `ST1 = ${e.total[0]}`);
  // x2 changes no run: exactly 0
  assert.is(e.first[1], 0);
  assert.is(e.total[1], 0);
  assert.ok(Math.abs(e.variance - 1 / 12) < 0.005, `V = ${e.variance}`);
  const chance = e.within / (e.variance + e.within);
  assert.ok(Math.abs(chance - 2 / 3) < 0.02, `chance ${chance}`);
});

/**
 * Taking the batch means as f instead, S1 comes out biased: with M = 4, E f̂² = 1/3 + 1/24, and A and B
 * share their runs' uniforms, so E[f̂(A) f̂(B)] = (3/4)(1/4) + (1/4) E[min(x, x')] = 3/16 + 1/12; the
 * numerator E f̂(B)² − E f̂(A) f̂(B) = 5/48 over Var f̂ = 6/48 gives 5/6, not 1.
 */
test('the batch means taken as f (without leaving out shared runs) would give S1 = 5/6 instead of 1 (M = 4)', () => {
  const n = 20_000, m = 4, k = 2, w = rowWidth(k);
  const sums = noisyDesign(n, m, 'noisy');
  const fA = new Float64Array(n), fB = new Float64Array(n), fAB = new Float64Array(k * n);
  for (let j = 0; j < n; j++) {
    fA[j] = sums[j * w + SUM_A] / m;
    fB[j] = sums[j * w + SUM_B] / m;
    for (let i = 0; i < k; i++) fAB[i * n + j] = sums[j * w + sumAB(i)] / m;
  }
  const naive = sobolIndices(sobolRows(fA, fB, fAB));
  assert.ok(Math.abs(naive.first[0] - 5 / 6) < 0.02, `naive S1 = ${naive.first[0]}`);
});

test('several outputs in one array: each read from its own part of the row', () => {
  const k = 1, w = rowWidth(k);
  const sums = Float64Array.from([2, 1, 1, 3, 2, 1, /* second output */ 4, 4, 4, 4, 4, 4]);
  assert.is(sums.length, 2 * w);
  assert.is(batchRows(sums, 1, k, 4, 2, 0).mean[0], 0.375);
  const always = batchRows(sums, 1, k, 4, 2, 1);
  assert.is(always.mean[0], 1);
  assert.is(always.within[0], 0);
  assert.is(always.total[0], 0);
});

test.run();
