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
 * 1. The Hessian H of F at z^ and each case's gradient g_c (case-derivatives.ts).
 * 2. Resample b draws each case w_c times (sum_c w_c = the number of cases); its one-step estimate is
 *    z_b = z^ - H^+ sum_c (w_c - 1) g_c: its gradient at z^, less the full sample's (which is zero at an
 *    exact optimum and is only the Monte Carlo's step noise otherwise), against the full sample's Hessian.
 * 3. Each parameter's interval: the 2.5% and 97.5% quantiles of its z_b — widened, where it is the narrower,
 *    to the model-based (Wald) interval z^ +- 1.96 sqrt((H^+)_ii), which treats questions as independent —
 *    mapped back to values (inside the bounds, as every z is). With few cases the bootstrap over cases
 *    understates the spread (a cluster-robust variance from a handful of clusters is biased down; Angrist &
 *    Pischke 2009, Mostly Harmless Econometrics, 8.2: take the larger of the robust and the conventional
 *    standard errors); with many, the bootstrap's is the wider where questions of a case move together.
 *
 * A parameter the record does not pin down: where H is flat or not a minimum in some direction, the
 * quadratic picture fails; H^+ leaves those directions out, and every parameter with weight in one of
 * them is reported as not identified, its interval the whole of its bounds (case-derivatives.ts,
 * pseudoInverse).
 *
 * What it leaves out: the Monte Carlo error of the fit itself (another seed gives another z^; the
 * objective's noise at --runs R is what decides how much), and the shape of the objective beyond a
 * quadratic.
 */
import seedrandom from 'seedrandom';
import type { CaseDerivatives } from './case-derivatives.js';
import { pseudoInverse } from './case-derivatives.js';
import type { FitParameter } from './parameters.js';
import { fromSearch } from './parameters.js';
import { Z95 } from '../stats/wilson-interval.js';

export const DEFAULT_REPLICATES = 2000;

export interface IntervalOptions {
  replicates?: number;
  /** Seeds the resampling (its own generator, apart from the runs'). */
  seed: number;
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
  replicates: number;
  level: number;
}

/** The q-quantile of sorted values, linear between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile intervals of the one-step bootstrap over cases around the fit at z (values `values`), from
 * the derivatives there.
 */
export function caseBootstrapIntervals(
  parameters: readonly FitParameter[], values: readonly number[], d: CaseDerivatives, opts: IntervalOptions,
): IntervalResult {
  const n = parameters.length;
  const level = 0.95;
  const replicates = opts.replicates ?? DEFAULT_REPLICATES;
  const { inverse, identified } = pseudoInverse(d.hessian);
  const nCases = d.gradients.length;
  const rng = seedrandom.xor4096(`fit-bootstrap/${opts.seed}`);
  const draws = parameters.map(() => new Array<number>(replicates));
  const w = new Array<number>(nCases);
  for (let b = 0; b < replicates; b++) {
    // w[c] - 1: how much more (or less) the resample holds case c than the sample does
    w.fill(-1);
    for (let k = 0; k < nCases; k++) w[Math.floor(rng() * nCases)]++;
    const grad = new Array<number>(n).fill(0);
    for (let c = 0; c < nCases; c++) {
      if (w[c] === 0) continue;
      for (let i = 0; i < n; i++) grad[i] += w[c] * d.gradients[c][i];
    }
    for (let i = 0; i < n; i++) {
      let step = 0;
      for (let j = 0; j < n; j++) step -= inverse[i][j] * grad[j];
      draws[i][b] = d.z[i] + step;
    }
  }
  const tail = (1 - level) / 2;
  const intervals = parameters.map((p, i): ParameterInterval => {
    if (!identified[i]) return { key: p.key, value: values[i], lo: p.lo, hi: p.hi, identified: false };
    const sorted = draws[i].sort((x, y) => x - y);
    // the larger of the two: the bootstrap's percentiles and the model-based (Wald) interval
    const half = Z95 * Math.sqrt(Math.max(0, inverse[i][i]));
    const lo = Math.min(quantile(sorted, tail), d.z[i] - half);
    const hi = Math.max(quantile(sorted, 1 - tail), d.z[i] + half);
    return { key: p.key, value: values[i], lo: fromSearch(p, lo), hi: fromSearch(p, hi), identified: true };
  });
  return { intervals, replicates, level };
}
