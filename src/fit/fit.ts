/**
 * Maximum-likelihood fit of the model's global parameters to observed questions: Nelder-Mead
 * (nelder-mead.ts) on the search coordinates of parameters.ts (unbounded, every point inside the bounds),
 * minimising the mean log loss of objective.ts over the cases given — all of them, or a fold's.
 *
 * Settings, and why:
 * - start: the model's defaults (or a given point: a fold starts from the full fit); initial simplex
 *   `step` = 0.6 on the logit scale by default (about a seventh of a parameter's range around the middle
 *   of its bounds; wide enough that the first moves are many runs' worth, not one run's step).
 * - stop: every vertex within xTol = 0.02 (logit scale) of the best and within fTol = 1e-4 nats of mean
 *   log loss of it — finer than that, the objective's steps of one run (objective.ts) are what the simplex
 *   would be comparing — or after maxEvaluations.
 *
 * @example
 * const r = await fitParameters(objective, { maxEvaluations: 200 });
 * r.values // fitted values, in the order of objective.parameters
 * r.logLoss, r.startLogLoss, r.evaluations, r.converged
 */
import { nelderMead } from './nelder-mead.js';
import type { Evaluation, RecordObjective } from './objective.js';
import { fromSearch, startValue, toSearch } from './parameters.js';

export const DEFAULT_STEP = 0.6;
export const DEFAULT_X_TOL = 0.02;
export const DEFAULT_F_TOL = 1e-4;

export interface FitOptions {
  /** Cases to fit on (indices into objective.cases); default all. */
  cases?: readonly number[];
  /** Start values (default: each parameter's startValue). */
  start?: readonly number[];
  step?: number;
  maxEvaluations: number;
  xTol?: number;
  fTol?: number;
  /** After each evaluation the search asked for (cached ones included): how many so far, the best mean log loss. */
  onEvaluation?: (k: number, bestLogLoss: number) => void;
}

export interface FitResult {
  /** Fitted values, in the order of objective.parameters. */
  values: number[];
  /** Their search coordinates. */
  z: number[];
  /** Mean log loss (smoothed forecasts) at the fitted values, over the cases fitted on. */
  logLoss: number;
  start: number[];
  startLogLoss: number;
  /** Evaluations the search asked for. */
  evaluations: number;
  converged: boolean;
  /** The evaluation at the fitted values (per-case losses and counts). */
  best: Evaluation;
}

export async function fitParameters(objective: RecordObjective, opts: FitOptions): Promise<FitResult> {
  const ps = objective.parameters;
  const start = opts.start ? [...opts.start] : ps.map(startValue);
  const z0 = ps.map((p, k) => toSearch(p, start[k]));
  const values = (z: readonly number[]) => ps.map((p, k) => fromSearch(p, z[k]));
  let startLogLoss = NaN;
  let best = Infinity;
  const r = await nelderMead(async (z) => {
    const e = await objective.evaluate(values(z), opts.cases);
    if (Number.isNaN(startLogLoss)) startLogLoss = e.logLoss;
    best = Math.min(best, e.logLoss);
    return e.logLoss;
  }, z0, {
    step: opts.step ?? DEFAULT_STEP,
    xTol: opts.xTol ?? DEFAULT_X_TOL,
    fTol: opts.fTol ?? DEFAULT_F_TOL,
    maxEvaluations: opts.maxEvaluations,
    onEvaluation: (_, __, k) => opts.onEvaluation?.(k, best),
  });
  const fitted = await objective.evaluate(values(r.x), opts.cases);
  return {
    values: fitted.values, z: r.x, logLoss: fitted.logLoss, start, startLogLoss,
    evaluations: r.evaluations, converged: r.converged, best: fitted,
  };
}
