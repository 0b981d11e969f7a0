/**
 * First and second derivatives of each case's summed log loss L_c at a point z of the search scale
 * (parameters.ts), by finite differences of step h — on common random numbers, so a difference is what
 * the parameters change and not luck (objective.ts). With F = sum_c L_c and e_i the i-th axis:
 *
 *     H_ii = (F(z + h e_i) - 2 F(z) + F(z - h e_i)) / h^2
 *     H_ij = (F(z + h e_i + h e_j) - F(z + h e_i) - F(z + h e_j) + F(z)) / h^2      (i != j)
 *     g_c,i = (L_c(z + h e_i) - L_c(z - h e_i)) / 2h
 *
 * (Nocedal & Wright, Numerical Optimization, 2nd ed., section 8.1: central differences for the gradient
 * and the diagonal, forward ones for the cross terms), and the same formulas on each L_c for each case's
 * own Hessian H_c. 1 + 2d + d(d - 1)/2 evaluations of every case for d parameters: 45 for 8.
 *
 * h = 0.3 on the logit scale by default: a step many runs' worth (objective.ts: the objective steps by
 * one run), so the differences are not one run flipping, and small enough against the scale on which
 * the fits move (the initial simplex is 0.6).
 *
 * They serve the bootstrap intervals (intervals.ts) and the approximate leave-one-case-out fits of the
 * cross-validation (cross-validate.ts).
 */
import type { RecordObjective } from './objective.js';
import { fromSearch } from './parameters.js';
import { symmetricEigen } from './symmetric-eigen.js';

export const DEFAULT_H = 0.3;

export interface CaseDerivatives {
  /** The point (search scale). */
  z: number[];
  h: number;
  /** Hessian of F, the sum over cases. */
  hessian: number[][];
  /** gradients[c][i]: dL_c / dz_i, per case played (in the order of `cases`). */
  gradients: number[][];
  /** caseHessians[c]: the Hessian of L_c. */
  caseHessians: number[][][];
  /** The cases (indices into the objective's), in order. */
  cases: number[];
  evaluations: number;
}

/** Evaluations the stencil takes for d parameters. */
export function stencilEvaluations(d: number): number {
  return 1 + 2 * d + (d * (d - 1)) / 2;
}

export interface DerivativeOptions {
  h?: number;
  cases?: readonly number[];
  onEvaluation?: (k: number, planned: number) => void;
}

export async function caseDerivatives(objective: RecordObjective, z: readonly number[], opts: DerivativeOptions = {}): Promise<CaseDerivatives> {
  const ps = objective.parameters;
  const d = ps.length;
  const h = opts.h ?? DEFAULT_H;
  const planned = stencilEvaluations(d);
  let done = 0;
  let cases: number[] = [];
  const at = async (moves: [number, number][]): Promise<number[]> => {
    const x = [...z];
    for (const [i, by] of moves) x[i] += by;
    const e = await objective.evaluate(ps.map((p, k) => fromSearch(p, x[k])), opts.cases);
    cases = e.cases;
    opts.onEvaluation?.(++done, planned);
    return e.caseLoss;
  };
  const base = await at([]);
  const plus: number[][] = [];
  const minus: number[][] = [];
  for (let i = 0; i < d; i++) {
    plus.push(await at([[i, h]]));
    minus.push(await at([[i, -h]]));
  }
  const both: number[][][] = ps.map(() => []);
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) both[i][j] = await at([[i, h], [j, h]]);
  const h2 = h * h;
  // the Hessian of whatever sum of cases `of` picks out
  const hessianOf = (of: (xs: readonly number[]) => number): number[][] => {
    const m = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const f0 = of(base);
    for (let i = 0; i < d; i++) m[i][i] = (of(plus[i]) - 2 * f0 + of(minus[i])) / h2;
    for (let i = 0; i < d; i++) {
      for (let j = i + 1; j < d; j++) m[i][j] = m[j][i] = (of(both[i][j]) - of(plus[i]) - of(plus[j]) + f0) / h2;
    }
    return m;
  };
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    z: [...z], h,
    hessian: hessianOf(sum),
    gradients: base.map((_, c) => ps.map((__, i) => (plus[i][c] - minus[i][c]) / (2 * h))),
    caseHessians: base.map((_, c) => hessianOf((xs) => xs[c])),
    cases,
    evaluations: planned,
  };
}

/** Eigenvalues at or below this share of the largest count as flat. */
const FLAT = 1e-6;
/** A parameter with more than this share of its weight in a flat direction is not identified. */
const FLAT_WEIGHT = 0.05;

/**
 * The pseudo-inverse of a symmetric matrix over its clearly positive eigen-directions (eigenvalues above
 * 1e-6 of the largest), and which coordinates it pins down: a coordinate with more than 5% of its weight
 * in a direction left out (flat, or curving down: the fit is no minimum there) is not identified.
 *
 * @example
 * pseudoInverse([[2, 0], [0, 0]]) // { inverse: [[0.5, 0], [0, 0]], identified: [true, false] }
 */
export function pseudoInverse(m: readonly (readonly number[])[]): { inverse: number[][]; identified: boolean[] } {
  const d = m.length;
  const { values, vectors } = symmetricEigen(m);
  const largest = Math.max(0, ...values.map(Math.abs));
  const flat = values.map((l) => !(l > FLAT * largest));
  const inverse = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j) => {
    let s = 0;
    for (let k = 0; k < d; k++) if (!flat[k]) s += (vectors[i][k] * vectors[j][k]) / values[k];
    return s;
  }));
  const identified = m.map((_, i) => values.every((__, k) => !flat[k] || vectors[i][k] ** 2 <= FLAT_WEIGHT));
  return { inverse, identified };
}
