/**
 * 95% intervals of fitted parameters by a bootstrap over cases: the cases of the record are resampled
 * with replacement (a case's questions stay together: questions of one negotiation are not independent —
 * a party that attends cannot have boycotted), and the spread of the estimates over the resamples is the
 * interval. Each resample's estimate is one Newton step from the full fit on the resample's objective —
 * the one-step bootstrap of Davidson & MacKinnon (1999), "Bootstrap testing in nonlinear models", Int.
 * Econ. Rev. 40(2), whose k-step form Andrews (2002, Econometrica 70(1)) shows keeps the bootstrap's
 * accuracy — because a full refit of every resample would cost hundreds of Monte Carlos each.
 *
 * With L_c(z) the summed log loss of case c at search coordinates z (parameters.ts), F = sum_c L_c, and
 * z^ the fit:
 * 1. The Hessian H of F at z^ and each case's gradient g_c, by finite differences of step h on common
 *    random numbers: H_ii = (F(+i) - 2 F(0) + F(-i)) / h^2, H_ij = (F(+i+j) - F(+i) - F(+j) + F(0)) / h^2,
 *    g_c,i = (L_c(+i) - L_c(-i)) / 2h (Nocedal & Wright, Numerical Optimization, 2nd ed., 8.1) —
 *    1 + 2d + d(d - 1)/2 evaluations for d parameters (45 for 8).
 * 2. Resample b draws each case w_c times (sum_c w_c = the number of cases); its one-step estimate is
 *    z_b = z^ - H^+ sum_c (w_c - 1) g_c: its gradient at z^, less the full sample's (which is zero at an
 *    exact optimum and is only the Monte Carlo's step noise otherwise), against the full sample's Hessian.
 * 3. Each parameter's interval: the 2.5% and 97.5% quantiles of its z_b, mapped back to values (inside the
 *    bounds, as every z is).
 *
 * A parameter the record does not pin down: where H has an eigenvalue at or below 1e-6 of the largest
 * (no curvature, or a direction in which the fit is not a minimum), the quadratic picture fails; H^+
 * leaves those directions out, and every parameter with more than 5% of its weight in one of them is
 * reported as not identified, its interval the whole of its bounds.
 *
 * What it leaves out: the Monte Carlo error of the fit itself (another seed gives another z^; the
 * objective's noise at --runs R is what decides how much), and the shape of the objective beyond a
 * quadratic.
 */
import seedrandom from 'seedrandom';
import type { FitResult } from './fit.js';
import type { RecordObjective } from './objective.js';
import { fromSearch } from './parameters.js';
import { symmetricEigen } from './symmetric-eigen.js';

export const DEFAULT_H = 0.3;
export const DEFAULT_REPLICATES = 2000;
/** Eigenvalues at or below this share of the largest count as flat. */
const FLAT = 1e-6;
/** A parameter with more than this share of its weight in a flat direction is not identified. */
const FLAT_WEIGHT = 0.05;

export interface IntervalOptions {
  /** Cases the fit was on (default all). */
  cases?: readonly number[];
  h?: number;
  replicates?: number;
  /** Seeds the resampling (its own generator, apart from the runs'). */
  seed: number;
  level?: number;
  onEvaluation?: (k: number, planned: number) => void;
}

export interface ParameterInterval {
  key: string;
  value: number;
  lo: number;
  hi: number;
  /** False when the record leaves it flat (lo, hi are then its bounds). */
  identified: boolean;
}

export interface IntervalResult {
  intervals: ParameterInterval[];
  /** Hessian of the summed log loss on the search scale. */
  hessian: number[][];
  evaluations: number;
  replicates: number;
  h: number;
  level: number;
}

/** Evaluations the stencil needs for d parameters. */
export function stencilEvaluations(d: number): number {
  return 1 + 2 * d + (d * (d - 1)) / 2;
}

/** The q-quantile of sorted values, linear between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

export async function caseBootstrapIntervals(objective: RecordObjective, fit: FitResult, opts: IntervalOptions): Promise<IntervalResult> {
  const ps = objective.parameters;
  const d = ps.length;
  const h = opts.h ?? DEFAULT_H;
  const level = opts.level ?? 0.95;
  const replicates = opts.replicates ?? DEFAULT_REPLICATES;
  const z0 = fit.z;
  const planned = stencilEvaluations(d);
  let done = 0;
  const at = async (moves: [number, number][]) => {
    const z = [...z0];
    for (const [i, by] of moves) z[i] += by;
    const e = await objective.evaluate(ps.map((p, k) => fromSearch(p, z[k])), opts.cases);
    opts.onEvaluation?.(++done, planned);
    return e.caseLoss;
  };
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const base = await at([]);
  const plus: number[][] = [];
  const minus: number[][] = [];
  for (let i = 0; i < d; i++) {
    plus.push(await at([[i, h]]));
    minus.push(await at([[i, -h]]));
  }
  const f0 = sum(base);
  const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) hess[i][i] = (sum(plus[i]) - 2 * f0 + sum(minus[i])) / (h * h);
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const both = sum(await at([[i, h], [j, h]]));
      hess[i][j] = hess[j][i] = (both - sum(plus[i]) - sum(plus[j]) + f0) / (h * h);
    }
  }
  const nCases = base.length;
  // g[c][i]: case c's gradient
  const g = base.map((_, c) => ps.map((__, i) => (plus[i][c] - minus[i][c]) / (2 * h)));

  const { values: lambda, vectors } = symmetricEigen(hess);
  const largest = Math.max(...lambda.map(Math.abs));
  const flat = lambda.map((l) => !(l > FLAT * largest));
  const identified = ps.map((_, i) => lambda.every((__, k) => !flat[k] || vectors[i][k] ** 2 <= FLAT_WEIGHT));
  // H^+ without the flat directions
  const pinv = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j) => {
    let s = 0;
    for (let k = 0; k < d; k++) if (!flat[k]) s += (vectors[i][k] * vectors[j][k]) / lambda[k];
    return s;
  }));

  const rng = seedrandom.xor4096(`fit-bootstrap/${opts.seed}`);
  const draws = ps.map(() => new Array<number>(replicates));
  const w = new Array<number>(nCases);
  for (let b = 0; b < replicates; b++) {
    w.fill(-1);
    for (let k = 0; k < nCases; k++) w[Math.floor(rng() * nCases)]++;
    const grad = new Array<number>(d).fill(0);
    for (let c = 0; c < nCases; c++) {
      if (w[c] === 0) continue;
      for (let i = 0; i < d; i++) grad[i] += w[c] * g[c][i];
    }
    for (let i = 0; i < d; i++) {
      let step = 0;
      for (let j = 0; j < d; j++) step -= pinv[i][j] * grad[j];
      draws[i][b] = z0[i] + step;
    }
  }
  const tail = (1 - level) / 2;
  const intervals = ps.map((p, i): ParameterInterval => {
    if (!identified[i]) return { key: p.key, value: fit.values[i], lo: p.lo, hi: p.hi, identified: false };
    const sorted = draws[i].sort((x, y) => x - y);
    return { key: p.key, value: fit.values[i], lo: fromSearch(p, quantile(sorted, tail)), hi: fromSearch(p, quantile(sorted, 1 - tail)), identified: true };
  });
  return { intervals, hessian: hess, evaluations: planned, replicates, h, level };
}
