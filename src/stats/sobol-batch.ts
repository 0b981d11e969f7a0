/**
 * Sobol terms (sobol.ts) when f is a probability estimated by a batch of runs: negsim explain's f(x) is
 * P(outcome | inputs x), and each evaluation of the design plays M runs with the inputs set to x.
 *
 * Common random numbers: the M runs of every evaluation of one row of the design draw from the same M
 * generators (row j's runs j·M .. j·M + M − 1), and rows draw from different ones. So the evaluations of a
 * row differ only by their inputs — an input that changes no run changes nothing, and its indices are
 * exactly 0 — while the rows, and so the terms the estimators average, stay independent.
 *
 * Unbiased products: with Y_m ∈ {0, 1} the outcome of run m, the batch mean f̂(x) = (1/M) Σ_m Y_m is
 * unbiased for f(x), but the product of two batch means is not unbiased for the product of their fs:
 * f̂(x) f̂(x') = (1/M²) Σ_m Σ_m' Y_m(x) Y_m'(x') holds M terms with m = m', runs that share a generator,
 * whose expectation is E[Y(x) Y(x')] rather than f(x) f(x'). Leaving those out (a U-statistic,
 * Hoeffding 1948) gives an unbiased product:
 *
 *     u(x, x') = (S S' − C) / (M (M − 1)),   S = Σ_m Y_m(x), S' = Σ_m Y_m(x'), C = Σ_m Y_m(x) Y_m(x')
 *
 * with C = S when x = x' (Y² = Y). Each of Saltelli's and Jansen's terms is such a product, so the
 * estimators are unbiased for the indices of f itself whatever M (M >= 2), not of the noisy f̂. What chance
 * adds to a single run's variance is the within-batch variance, (M S − S²) / (M (M − 1)) at each point;
 * with it the variance of one run's outcome splits exactly into what the inputs carry (V) and what chance
 * carries: mean(square) + mean(within) = mean(mean), so V + W = p(1 − p) over the design's A and B runs.
 *
 * The layout of a row's sums, per output (what the design's runner counts, sim/sobol-block.ts):
 * [S_A, S_B, C_AB, S_AB1 .. S_ABk, C_A,AB1 .. C_A,ABk, C_B,AB1 .. C_B,ABk].
 *
 * @example
 * // M = 4 runs; at A the outcome happened in runs 0 and 1, at B in run 1, at A_B^(1) in runs 0, 1, 2
 * const sums = [2, 1, 1, 3, 2, 1];            // S_A, S_B, C_AB, S_AB1, C_A,AB1, C_B,AB1 (k = 1)
 * const rows = batchRows(Float64Array.from(sums), 1, 1, 4);
 * rows.mean[0]   // (2 + 1) / 8 = 0.375
 * rows.first[0]  // u(B, AB1) − u(B, A) = (1·3 − 1)/12 − (1·2 − 1)/12 = 1/12
 */
import { newSobolRows, type SobolRows } from './sobol.js';

/** Sums a row holds per output: S_A, S_B, C_AB, then k of each of S_ABi, C_A,ABi, C_B,ABi. */
export function rowWidth(k: number): number {
  return 3 + 3 * k;
}
export const SUM_A = 0;
export const SUM_B = 1;
export const CROSS_AB = 2;
/** Offsets of group i's sums within an output's part of a row. */
export const sumAB = (i: number) => 3 + i;
export const crossA = (k: number, i: number) => 3 + k + i;
export const crossB = (k: number, i: number) => 3 + 2 * k + i;

/**
 * The Sobol terms of one output from the rows' sums: `sums` holds n rows of `outputs` outputs of
 * rowWidth(k) numbers each (row-major), `output` says which; `m` runs a batch.
 */
export function batchRows(sums: Float64Array, n: number, k: number, m: number, outputs = 1, output = 0): SobolRows {
  if (m < 2) throw new RangeError(`batchRows: unbiased products need batches of 2 runs or more, got ${m}`);
  const w = rowWidth(k);
  if (sums.length !== n * outputs * w) throw new RangeError(`batchRows: ${sums.length} sums for ${n} rows of ${outputs} outputs of ${w}`);
  const rows = newSobolRows(n, k);
  const mm = m * (m - 1);
  const u = (s: number, t: number, c: number) => (s * t - c) / mm;
  const within = (s: number) => (m * s - s * s) / mm;
  for (let j = 0; j < n; j++) {
    const o = (j * outputs + output) * w;
    const sA = sums[o + SUM_A], sB = sums[o + SUM_B];
    const uAA = u(sA, sA, sA), uBB = u(sB, sB, sB), uBA = u(sB, sA, sums[o + CROSS_AB]);
    rows.mean[j] = (sA + sB) / (2 * m);
    rows.square[j] = (uAA + uBB) / 2;
    rows.within[j] = (within(sA) + within(sB)) / 2;
    for (let i = 0; i < k; i++) {
      const sAB = sums[o + sumAB(i)];
      const uAAB = u(sA, sAB, sums[o + crossA(k, i)]);
      const uBAB = u(sB, sAB, sums[o + crossB(k, i)]);
      rows.first[i * n + j] = uBAB - uBA;
      rows.total[i * n + j] = (uAA + u(sAB, sAB, sAB)) / 2 - uAAB;
    }
  }
  return rows;
}
