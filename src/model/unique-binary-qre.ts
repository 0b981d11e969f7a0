/**
 * The logit QRE of a two-player game where one player has two strategies, when a contraction bound
 * proves it the only one: a certified shortcut past path following (like unique-pair-qre.ts).
 *
 * Player B has two strategies, player M has m. With y = P_B(0), M's expected payoffs are affine in y,
 * u_M(a; y) = u_M(a, 1) + y delta_a with delta_a = u_M(a, 0) - u_M(a, 1), so M's logit response is
 * sigma(a; y) = exp(lambda u_M(a; y)) / sum_b exp(lambda u_M(b; y)); B's payoff difference against it is
 * D(y) = sum_a sigma(a; y) d_a with d_a = u_B(a, 0) - u_B(a, 1), and every QRE is one root of
 *
 *     h(y) = y - G(y),   G(y) = L(lambda D(y))   (L the logistic function), y in [0, 1].
 *
 * Certificate: G'(y) = lambda L'(lambda D) dD/dy and dD/dy = lambda Cov_sigma(delta, d) (the derivative of a
 * logit choice), so |G'| <= lambda^2 L'max (R_delta R_d / 4), with R the range of delta and of d over M's
 * strategies (a covariance is at most the product of the two half-ranges: Popoviciu's inequality) and
 * L'max the largest L' over lambda [min d, max d], where lambda D lies (1/4 if that interval holds 0).
 * Below 1 (less 1e-9), h is strictly increasing: G maps [0, 1] into (0, 1), so h has exactly one root,
 * the game exactly one QRE, and that is the principal branch's point at lambda (logit-qre.ts), whatever the
 * branch did on the way. In Geneva II every round game of a party that can accept against one that
 * cannot (3x2) is certified so.
 *
 * The root: Newton's method on h from y = 1/2, kept inside a bracket that halves when a Newton step would
 * leave it, until a step is below 1e-14 (then taken). M's answer is its logit response to that y and B's
 * the logit response to M's answer; `residual` says how far M's answer is from its response to B's.
 *
 * @example
 * // M = player 0 with 3 strategies against B = player 1 with 2; u(a, s) for a = 0..2, s = 0, 1:
 * // u_M (0.1, 0.3), (0.2, 0), (0, 0.1); u_B (0.2, 0), (0, 0.1), (0.1, 0.1). delta = (-0.2, 0.2, -0.1),
 * // d = (0.2, -0.1, 0); lambda 2: bound 2^2 * 1/4 * 0.4 * 0.3 / 4 = 0.03 < 1, certified.
 * new UniqueBinaryQre().solve([3, 2], payoffs, 2, out); // true; out = 0.387920499, 0.32339865,
 * //   0.288680851, 0.522606694, 0.477393306 (a trace 20 times as cautious: the same to 1e-15)
 */
import { logitPair } from './unique-pair-qre.js';

/** The certificate asks for sup |G'| < 1 - MARGIN. */
const MARGIN = 1e-9;
/** Newton stops after a step this small. */
const STEP_TOL = 1e-14;
const MAX_IT = 200;

export class UniqueBinaryQre {
  /** Per strategy of M: delta_a, d_a, its payoff against B's strategy 1, and its probability. */
  private delta = new Float64Array(8);
  private d = new Float64Array(8);
  private base = new Float64Array(8);
  private sigma = new Float64Array(8);
  /** G(y), G'(y) of the last evaluation. */
  private readonly v = new Float64Array(2);
  /** After a certified solve: max |sigma_M - logit response of M to B's answer|. */
  residual = 0;
  /** Newton evaluations in the last certified solve, for tests. */
  evaluations = 0;

  /**
   * If the game (two players, `strategies` [m, 2] or [2, m] with m >= 2; payoffs in normal-form.ts's
   * layout) has a certified unique logit QRE at lambda, writes it to `out` (player 0's probabilities, then
   * player 1's) and returns true; else returns false and leaves `out` alone.
   */
  solve(strategies: readonly number[], payoffs: ArrayLike<number>, lambda: number, out: Float64Array): boolean {
    if (strategies.length !== 2) return false;
    const b = strategies[0] === 2 ? 0 : strategies[1] === 2 ? 1 : -1;
    if (b < 0) return false;
    const mP = 1 - b;
    const m = strategies[mP];
    if (!(m >= 2) || payoffs.length !== 4 * m || !(lambda >= 0 && lambda < Infinity)) return false;
    if (this.delta.length < m) this.grow(m);
    const { delta, d, base } = this;
    let dLo = Infinity, dHi = -Infinity, eLo = Infinity, eHi = -Infinity;
    for (let a = 0; a < m; a++) {
      // profile index, player 0 fastest: (a, s) for M = player 0, (s, a) for M = player 1
      const p0 = mP === 0 ? a : 2 * a;
      const p1 = mP === 0 ? a + m : 2 * a + 1;
      const uM0 = payoffs[2 * p0 + mP], uM1 = payoffs[2 * p1 + mP];
      const uB0 = payoffs[2 * p0 + b], uB1 = payoffs[2 * p1 + b];
      if (!(Math.abs(uM0) < Infinity && Math.abs(uM1) < Infinity && Math.abs(uB0) < Infinity && Math.abs(uB1) < Infinity)) return false;
      delta[a] = uM0 - uM1;
      base[a] = uM1;
      d[a] = uB0 - uB1;
      if (delta[a] < dLo) dLo = delta[a];
      if (delta[a] > dHi) dHi = delta[a];
      if (d[a] < eLo) eLo = d[a];
      if (d[a] > eHi) eHi = d[a];
    }
    const zLo = lambda * eLo, zHi = lambda * eHi;
    const lpMax = zLo <= 0 && zHi >= 0 ? 0.25 : Math.max(logisticSlope(zLo), logisticSlope(zHi));
    if (!(lambda * lambda * lpMax * (dHi - dLo) * (eHi - eLo) * 0.25 < 1 - MARGIN)) return false;

    // h is strictly increasing on [0, 1] with its one root inside.
    const v = this.v;
    let lo = 0, hi = 1, y = 0.5;
    let it = 0;
    for (; it < MAX_IT; it++) {
      this.evaluate(y, m, lambda);
      const h = y - v[0];
      if (h === 0) break;
      if (h < 0) lo = y;
      else hi = y;
      const step = -h / (1 - v[1]);
      if (Math.abs(step) <= STEP_TOL) {
        y += step;
        break;
      }
      y = y + step > lo && y + step < hi ? y + step : 0.5 * (lo + hi);
      if (hi - lo <= STEP_TOL) break;
    }
    this.evaluations = Math.min(it + 1, MAX_IT);
    // M answers y; B answers M's answer
    this.evaluate(y, m, lambda);
    const oM = mP === 0 ? 0 : 2, oB = mP === 0 ? m : 0;
    for (let a = 0; a < m; a++) out[oM + a] = this.sigma[a];
    let z = 0;
    for (let a = 0; a < m; a++) z += this.sigma[a] * d[a];
    logitPair(lambda * z, out, oB);
    // M's distance from its response to B's answer
    const yB = out[oB];
    this.respond(yB, m, lambda);
    let worst = 0;
    for (let a = 0; a < m; a++) worst = Math.max(worst, Math.abs(out[oM + a] - this.sigma[a]));
    this.residual = worst;
    return true;
  }

  /** M's logit response to y into sigma. */
  private respond(y: number, m: number, lambda: number): void {
    const { delta, base, sigma } = this;
    let top = -Infinity;
    for (let a = 0; a < m; a++) {
      const u = lambda * (base[a] + y * delta[a]);
      sigma[a] = u;
      if (u > top) top = u;
    }
    let sum = 0;
    for (let a = 0; a < m; a++) {
      const e = Math.exp(sigma[a] - top);
      sigma[a] = e;
      sum += e;
    }
    for (let a = 0; a < m; a++) sigma[a] /= sum;
  }

  /** G(y) into v[0], G'(y) into v[1] (M's response to y left in sigma). */
  private evaluate(y: number, m: number, lambda: number): void {
    this.respond(y, m, lambda);
    const { delta, d, sigma, v } = this;
    let D = 0, meanDelta = 0;
    for (let a = 0; a < m; a++) {
      D += sigma[a] * d[a];
      meanDelta += sigma[a] * delta[a];
    }
    let cov = 0;
    for (let a = 0; a < m; a++) cov += sigma[a] * (delta[a] - meanDelta) * d[a];
    const g = 1 / (1 + Math.exp(-lambda * D));
    v[0] = g;
    v[1] = lambda * lambda * g * (1 - g) * cov;
  }

  private grow(m: number): void {
    this.delta = new Float64Array(m);
    this.d = new Float64Array(m);
    this.base = new Float64Array(m);
    this.sigma = new Float64Array(m);
  }
}

function logisticSlope(z: number): number {
  const l = 1 / (1 + Math.exp(-z));
  return l * (1 - l);
}
