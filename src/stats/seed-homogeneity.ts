/**
 * Do several seeds' estimates of one probability differ by more than Monte Carlo error? A chi-square
 * test of homogeneity on the k x 2 table (seed i: x_i of n_i runs, and n_i − x_i), against the pooled
 * p̄ = Σx / Σn (Pearson 1900; Agresti 2013, Categorical Data Analysis, §3.2):
 *
 *     X² = Σ_i (x_i − n_i p̄)² / (n_i p̄ (1 − p̄)),   k − 1 degrees of freedom,   p-value = P(χ²_{k−1} > X²)
 *
 * Runs of different seeds are independent draws of the same process, so under a correct engine X² is
 * chi-square distributed and the p-value uniform on [0, 1]: a tiny one says the seeds disagree. Also the
 * spread: the sample sd of the k estimates next to the sd Monte Carlo error alone predicts,
 * sqrt(mean_i p̄(1 − p̄)/n_i).
 *
 * @example
 * seedHomogeneity([10, 20, 30], [100, 100, 100]);
 * // p̄ = 0.2, X² = (100 + 0 + 100) / (100 · 0.16) = 12.5, df 2, p = e^{-6.25} = 0.0019304541362277093
 */
import { chiSquareSurvival } from './chi-square.js';
import { wilsonInterval } from './wilson-interval.js';

export interface SeedHomogeneity {
  pooled: { p: number; lo: number; hi: number; count: number; n: number };
  chi_square: number;
  df: number;
  p_value: number;
  /** Sample sd of the seeds' estimates (NaN for one seed). */
  sd_across: number;
  /** The sd Monte Carlo error alone predicts for one seed's estimate. */
  sd_expected: number;
}

export function seedHomogeneity(counts: readonly number[], ns: readonly number[]): SeedHomogeneity {
  const k = counts.length;
  if (k === 0 || ns.length !== k) throw new RangeError('seedHomogeneity: need one n per count, and at least one');
  let x = 0, n = 0;
  for (let i = 0; i < k; i++) { x += counts[i]; n += ns[i]; }
  const p = n > 0 ? x / n : 0;
  const w = wilsonInterval(x, n);
  let chi = 0;
  const v = p * (1 - p);
  if (v > 0) for (let i = 0; i < k; i++) chi += (counts[i] - ns[i] * p) ** 2 / (ns[i] * v);
  const df = k - 1;
  const ps = counts.map((c, i) => (ns[i] > 0 ? c / ns[i] : 0));
  const mean = ps.reduce((a, b) => a + b, 0) / k;
  const sdAcross = k > 1 ? Math.sqrt(ps.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1)) : NaN;
  const sdExpected = Math.sqrt(ns.reduce((a, m) => a + (m > 0 ? v / m : 0), 0) / k);
  return {
    pooled: { p, lo: w.lo, hi: w.hi, count: x, n },
    chi_square: chi, df, p_value: df > 0 ? chiSquareSurvival(chi, df) : 1,
    sd_across: sdAcross, sd_expected: sdExpected,
  };
}
