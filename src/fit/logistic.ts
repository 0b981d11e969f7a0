/**
 * A baseline for `negsim fit --cv`: logistic regression of the answer on the kind of question (its `ask`),
 * fitted on the training cases and applied to the held-out ones. It knows how often each kind of question
 * is answered yes and nothing about the case — the base rate with partial pooling.
 *
 * Model: logit P(yes) = b0 + b_k for a question of kind k (one-hot kinds, an intercept), with a ridge
 * penalty (b_k^2) / (2 s^2) on each kind's coefficient and none on the intercept — a Normal(0, s^2) prior
 * on how far a kind's log-odds lie from the pooled ones (s = 1 by default: a kind is rarely more than
 * e^2 = 7 times the pooled odds). Without it, a kind answered yes every time in training would get
 * b_k = +infinity and a forecast of 1, and one "no" among the held-out questions would cost infinite log
 * loss; with it every coefficient is finite and a kind seen a few times is pulled toward the pooled rate.
 * A kind not seen in training is forecast with the intercept alone.
 *
 * Fitted by Newton-Raphson on the penalised log-likelihood (= iteratively reweighted least squares,
 * McCullagh & Nelder 1989, section 4.4), from b = 0, until the largest step is below 1e-10; the penalised
 * log-likelihood is strictly concave, so the optimum is unique and Newton converges to it.
 *
 * @example
 * // kind a: 3 yes of 4; kind b: 1 yes of 4. By symmetry b0 = 0 and b_a = -b_b = t with
 * // 3 - 4 sigma(t) = t / s^2 (the score equation of b_a): t = 0.5025...
 * const m = fitLogistic([...4 rows of 'a', ...4 rows of 'b']); // ridge 1: s = 1
 * predictLogistic(m, 'a') // 0.6230...
 * predictLogistic(m, 'c') // 0.5 (not seen: the intercept alone)
 */

export interface LogisticRow {
  kind: string;
  y: boolean;
}

export interface LogisticModel {
  intercept: number;
  /** Each kind seen in training and its coefficient. */
  coef: Map<string, number>;
  iterations: number;
}

export interface LogisticOptions {
  /**
   * The penalty's weight 1 / s^2 (s: the prior's sd on each kind's coefficient). Default 1. It must be
   * positive: with an intercept and every kind, the unpenalised model has one parameter too many.
   */
  ridge?: number;
  maxIterations?: number;
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** Solves A x = b for a symmetric positive definite A (Cholesky); A and b are not changed. */
export function solveSpd(a: readonly number[][], b: readonly number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) throw new Error('solveSpd: matrix not positive definite');
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

export function fitLogistic(rows: readonly LogisticRow[], opts: LogisticOptions = {}): LogisticModel {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const ridge = opts.ridge ?? 1;
  if (!(ridge > 0 && Number.isFinite(ridge))) throw new RangeError(`fitLogistic: ridge must be positive and finite, got ${ridge}`);
  const maxIterations = opts.maxIterations ?? 100;
  if (rows.length === 0) return { intercept: 0, coef: new Map(), iterations: 0 };
  // counts per kind are sufficient statistics: n_k questions, y_k yes
  const n = kinds.map((k) => rows.filter((r) => r.kind === k).length);
  const yes = kinds.map((k) => rows.filter((r) => r.kind === k && r.y).length);
  const m = kinds.length;
  // parameters: [b0, b_1 .. b_m]
  const b = new Array<number>(m + 1).fill(0);
  let it = 0;
  for (; it < maxIterations; it++) {
    const grad = new Array<number>(m + 1).fill(0);
    const hess = Array.from({ length: m + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let k = 0; k < m; k++) {
      const p = sigmoid(b[0] + b[k + 1]);
      const r = yes[k] - n[k] * p;
      const w = n[k] * p * (1 - p);
      grad[0] += r;
      grad[k + 1] += r - ridge * b[k + 1];
      hess[0][0] += w;
      hess[0][k + 1] += w;
      hess[k + 1][0] += w;
      hess[k + 1][k + 1] += w + ridge;
    }
    const step = solveSpd(hess, grad);
    let largest = 0;
    for (let j = 0; j <= m; j++) {
      b[j] += step[j];
      largest = Math.max(largest, Math.abs(step[j]));
    }
    if (largest < 1e-10) {
      it++;
      break;
    }
  }
  return { intercept: b[0], coef: new Map(kinds.map((k, j) => [k, b[j + 1]])), iterations: it };
}

/** The model's probability of yes for a question of `kind`. */
export function predictLogistic(model: LogisticModel, kind: string): number {
  return sigmoid(model.intercept + (model.coef.get(kind) ?? 0));
}
