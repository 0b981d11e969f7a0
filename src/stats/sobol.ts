/**
 * Variance-based sensitivity indices (Sobol 1993, 2001) of an output f(X) of independent input groups
 * X_1..X_k, estimated from Saltelli's sampling design (Saltelli 2002; Saltelli et al. 2010): N rows, each
 * with two independent draws of every input, A and B, and for each group i the point A_B^(i) — A with
 * group i taken from B. That is N (k + 2) evaluations of f.
 *
 *     V     = Var f                       the variance of the 2N values f(A), f(B)
 *     V_i   = Var E[f | X_i]              Saltelli et al. 2010, Table 2 (b):  (1/N) Σ f(B) (f(A_B^i) − f(A))
 *     VT_i  = E Var[f | X_~i]             Jansen 1999 (Saltelli et al. 2010, Table 2 (f)):  (1/2N) Σ (f(A) − f(A_B^i))²
 *     S_i   = V_i / V   (first order: the share of V that X_i accounts for alone)
 *     ST_i  = VT_i / V  (total: its share with every interaction it takes part in)
 *
 * Every estimate is a ratio of means over rows, and rows are independent (the design's inputs are
 * pseudo-random, not a low-discrepancy sequence, for that reason), so the intervals are bootstrap
 * percentile intervals over rows (Archer, Saltelli & Sobol 1997): resamples of the N rows with
 * replacement, each row carrying all of its k + 2 evaluations.
 *
 * The estimators are kept as per-row terms (SobolRows) so that a caller whose f is itself estimated —
 * negsim explain, where f(x) is the probability of an outcome given the inputs, estimated from a batch of
 * runs (sobol-batch.ts) — can supply unbiased terms; `within` then carries what chance adds to a single
 * run's variance. For a deterministic f, `sobolRows` makes the terms from its values.
 *
 * References: I. M. Sobol' (1993), Sensitivity estimates for nonlinear mathematical models, Math. Modeling
 * Comput. Experiment 1:407-414; (2001) Global sensitivity indices for nonlinear mathematical models and their
 * Monte Carlo estimates, Math. Comput. Simul. 55:271-280. A. Saltelli (2002), Making best use of model
 * evaluations to compute sensitivity indices, Comput. Phys. Commun. 145:280-297. A. Saltelli, P. Annoni,
 * I. Azzini, F. Campolongo, M. Ratto, S. Tarantola (2010), Variance based sensitivity analysis of model
 * output. Design and estimator for the total sensitivity index, Comput. Phys. Commun. 181:259-270.
 * M. J. W. Jansen (1999), Analysis of variance designs for model output, Comput. Phys. Commun. 117:35-43.
 * G. E. B. Archer, A. Saltelli, I. M. Sobol' (1997), Sensitivity measures, ANOVA-like techniques and the
 * use of bootstrap, J. Stat. Comput. Simul. 58:99-120.
 *
 * @example
 * // f(x1, x2) = x1 with x1, x2 uniform: S = ST = [1, 0]
 * const rows = sobolRows(fA, fB, fAB);   // fAB: group 0's N values, then group 1's
 * sobolIndices(rows).first                // ≈ [1, 0]
 */
import type { Rng } from '../sim/rng.js';

export interface SobolRows {
  /** Rows (N). */
  n: number;
  /** Input groups (k). */
  k: number;
  /** Per row: (f(A) + f(B)) / 2, whose mean estimates E f. */
  mean: Float64Array;
  /** Per row: an unbiased estimate of (f(A)² + f(B)²) / 2, whose mean estimates E f². */
  square: Float64Array;
  /**
   * Per row: an unbiased estimate of what chance adds to the variance of one evaluation at the row's two
   * points, the mean of Var(Y | A) and Var(Y | B) (0 for a deterministic f); V + mean(within) is then the
   * variance of a single evaluation (the law of total variance).
   */
  within: Float64Array;
  /** Per group i and row j, at i * n + j: f(B) (f(A_B^i) − f(A)), Saltelli et al. 2010's first-order term. */
  first: Float64Array;
  /** Per group and row: (f(A) − f(A_B^i))² / 2, Jansen's total term. */
  total: Float64Array;
}

/**
 * The terms of a deterministic f from its values: `fA`, `fB` one a row, `fAB` group after group (the N
 * values of A_B^(1), then those of A_B^(2), ...).
 */
export function sobolRows(fA: ArrayLike<number>, fB: ArrayLike<number>, fAB: ArrayLike<number>): SobolRows {
  const n = fA.length;
  if (fB.length !== n || fAB.length % Math.max(1, n) !== 0) throw new RangeError('sobolRows: fA, fB and fAB do not hold the same rows');
  const k = n === 0 ? 0 : fAB.length / n;
  const rows = newSobolRows(n, k);
  for (let j = 0; j < n; j++) {
    const a = fA[j], b = fB[j];
    rows.mean[j] = (a + b) / 2;
    rows.square[j] = (a * a + b * b) / 2;
    for (let i = 0; i < k; i++) {
      const ab = fAB[i * n + j];
      rows.first[i * n + j] = b * (ab - a);
      rows.total[i * n + j] = ((a - ab) * (a - ab)) / 2;
    }
  }
  return rows;
}

export function newSobolRows(n: number, k: number): SobolRows {
  return {
    n, k, mean: new Float64Array(n), square: new Float64Array(n), within: new Float64Array(n),
    first: new Float64Array(k * n), total: new Float64Array(k * n),
  };
}

export interface SobolEstimate {
  /** Var f over the inputs. */
  variance: number;
  /** The mean of the per-row `within` terms: the variance chance adds to one evaluation (0 if f is deterministic). */
  within: number;
  /** S_i (NaN when V <= 0: nothing to share). */
  first: Float64Array;
  /** ST_i. */
  total: Float64Array;
}

/**
 * The indices from the rows, each row counted `weight[j]` times (a bootstrap resample; default once each).
 */
export function sobolIndices(rows: SobolRows, weight?: ArrayLike<number>): SobolEstimate {
  const { n, k } = rows;
  let w = 0, mean = 0, square = 0, within = 0;
  for (let j = 0; j < n; j++) {
    const c = weight ? weight[j] : 1;
    if (c === 0) continue;
    w += c;
    mean += c * rows.mean[j];
    square += c * rows.square[j];
    within += c * rows.within[j];
  }
  const first = new Float64Array(k), total = new Float64Array(k);
  if (w === 0) return { variance: NaN, within: NaN, first: first.fill(NaN), total: total.fill(NaN) };
  mean /= w;
  const variance = square / w - mean * mean;
  for (let i = 0; i < k; i++) {
    let f = 0, t = 0;
    const o = i * n;
    for (let j = 0; j < n; j++) {
      const c = weight ? weight[j] : 1;
      if (c === 0) continue;
      f += c * rows.first[o + j];
      t += c * rows.total[o + j];
    }
    first[i] = variance > 0 ? f / w / variance : NaN;
    total[i] = variance > 0 ? t / w / variance : NaN;
  }
  return { variance, within: within / w, first, total };
}

/**
 * `resamples` bootstrap resamples of n rows as counts (how often each row was drawn), from `rng`. The same
 * resamples serve every output of a design, so that intervals of different outputs are of one bootstrap.
 */
export function bootstrapCounts(n: number, resamples: number, rng: Rng): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (let b = 0; b < resamples; b++) {
    const c = new Uint32Array(n);
    for (let j = 0; j < n; j++) c[Math.floor(rng() * n)]++;
    out.push(c);
  }
  return out;
}

/** An estimate with its bootstrap interval. */
export interface IntervalEstimate {
  estimate: number;
  lo: number;
  hi: number;
}

export interface SobolIntervals {
  /** Share of the variance of a single evaluation that chance carries: within / (V + within). */
  chance: IntervalEstimate;
  first: IntervalEstimate[];
  total: IntervalEstimate[];
  variance: number;
  within: number;
}

/** The 95% share of a level: the 2.5% and 97.5% quantiles of the resampled estimates. */
export const BOOTSTRAP_LEVEL = 0.95;

/**
 * The indices with 95% bootstrap percentile intervals over the given resamples (bootstrapCounts). A resample
 * in which an index is undefined (no variance left: the outcome's variation sits in a few rows, and the
 * resample drew none of them) counts as unknown in either direction, so when more than 2.5% of the
 * resamples leave it undefined its interval is undefined too (NaN, NaN), not the spread of the others:
 * a ratio made of one row is the same in every resample that holds it, and would look precise.
 */
export function sobolIntervals(rows: SobolRows, counts: readonly Uint32Array[]): SobolIntervals {
  const point = sobolIndices(rows);
  const k = rows.k;
  const chanceOf = (e: SobolEstimate) => (e.variance + e.within > 0 ? e.within / (e.variance + e.within) : NaN);
  const firsts: number[][] = Array.from({ length: k }, () => []);
  const totals: number[][] = Array.from({ length: k }, () => []);
  const chances: number[] = [];
  for (const c of counts) {
    const e = sobolIndices(rows, c);
    chances.push(chanceOf(e));
    for (let i = 0; i < k; i++) {
      firsts[i].push(e.first[i]);
      totals[i].push(e.total[i]);
    }
  }
  const tail = Math.floor(((1 - BOOTSTRAP_LEVEL) / 2) * counts.length);
  const withInterval = (estimate: number, sample: number[]): IntervalEstimate => {
    const undefinedIn = sample.filter((x) => !Number.isFinite(x)).length;
    const [lo, hi] = undefinedIn > tail ? [NaN, NaN] : percentileInterval(sample, BOOTSTRAP_LEVEL);
    return { estimate, lo, hi };
  };
  return {
    chance: withInterval(chanceOf(point), chances),
    first: Array.from(point.first, (x, i) => withInterval(x, firsts[i])),
    total: Array.from(point.total, (x, i) => withInterval(x, totals[i])),
    variance: point.variance,
    within: point.within,
  };
}

/**
 * The central `level` interval of a sample: its (1 − level)/2 and (1 + level)/2 quantiles, linearly
 * interpolated between order statistics (Hyndman & Fan 1996, type 7, as R's and NumPy's default).
 * Non-finite values are left out; with none left, [NaN, NaN].
 *
 * @example percentileInterval([1, 2, 3, 4, 5], 0.5) // [2, 4]
 */
export function percentileInterval(sample: readonly number[], level: number): [number, number] {
  const xs = sample.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return [NaN, NaN];
  const q = (p: number) => {
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    return lo + 1 < xs.length ? xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
  };
  return [q((1 - level) / 2), q((1 + level) / 2)];
}
