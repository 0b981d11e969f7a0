/**
 * The logit QRE of a Bayesian pair game whose payoffs ignore the other side's type, when it is the
 * only one: a certified shortcut past path following.
 *
 * In the compliance games (ceasefire rounds, the detainee exchange; games/ceasefire.ts) a side's stage
 * payoffs do not depend on the other side's type. Agent (A, t) then cares about side B only through
 * x = b_A q_(B,s) + (1 - b_A) q_(B,n), A's expected probability that B plays action 0 (b_A: A's belief
 * that B is sincere; q: an agent's probability of action 0), and its payoff difference is affine in it:
 *
 *     D_(A,t)(x) = u_t(0, 1) - u_t(1, 1) + x [u_t(0, 0) - u_t(1, 0) - u_t(0, 1) + u_t(1, 1)] = m_t + k_t x.
 *
 * So the four-agent logit QRE (q = L(lambda D), L the logistic function) is one scalar fixed point:
 *
 *     F_B(x) = b_B L(lambda D_(A,s)(x)) + (1 - b_B) L(lambda D_(A,n)(x))   (B's expectation of A),
 *     G(x)   = b_A L(lambda D_(B,s)(F_B(x))) + (1 - b_A) L(lambda D_(B,n)(F_B(x))),
 *     h(x)   = x - G(x) = 0,  x in [0, 1].
 *
 * Every QRE gives one root of h and every root one QRE. The principal branch (logit-qre.ts) meets
 * lambda at a QRE, so when h has exactly one root that root *is* the principal-branch point, whatever
 * the branch does on the way; no tracing needed.
 *
 * Certificate of uniqueness (interval arithmetic, nested ranges). Each term L(lambda (m + k x)) is
 * monotone in x, so over an interval it lies between its values at the ends, and L' = L (1 - L),
 * which peaks at argument 0, between its end values and (if the argument crosses 0) 1/4. From
 * R_0 = [0, 1]: R_(j+1) = the enclosure of G(R_j). Every root lies in every R_j (a root is its own
 * image). If on some R_j the enclosure of G' = F_A'(F_B(x)) F_B'(x) stays below 1, h is strictly
 * increasing on R_j and has exactly one root there (h(lo) <= 0 <= h(hi)), hence exactly one in all.
 * If the ranges stop shrinking (by a tenth) before that, or after MAX_NARROW rounds, the shortcut
 * declines and the caller traces the branch. Ranges are widened by 1e-12 and the bound asks for
 * G' < 1 - 1e-9, far beyond the rounding of a few logistic evaluations.
 *
 * The root: Newton's method on h from the middle of G's enclosure over the last range (the root is its
 * own image, so it lies there too: often a far narrower bracket than the range; 2.8 evaluations a
 * Geneva II compliance game instead of 6.9 from the middle of [0, 1]), kept inside a bracket that halves
 * when a Newton step would leave it, until a Newton step is below 1e-14 (then taken: the fixed-point
 * residual is at rounding level). On the Geneva II scenario about 93% of
 * compliance games are certified, after 1.4 ranges on average (8 exponentials each); the answers equal
 * the traced ones to about 1e-13 (test/model/unique-pair-qre.test.ts, against a 20 times as cautious
 * trace).
 *
 * @example
 * // Both sides: peace 1, temptation 0.5, sucker 1, push 0.2, future 1 (ceasefire.ts); beliefs 0.7 and
 * // 0.4; lambda 2. Certified after 3 rounds; P(comply) of (A,s), (A,n), (B,s), (B,n):
 * const s = new UniquePairQre(), out = new Float64Array(8);
 * s.solve(u, u, 0.7, 0.4, 2, out); // true; out[0, 2, 4, 6] = 0.977102244, 0.745883422, 0.968635925, 0.714045270
 */
import { typePayoffIndex } from './games/bayesian-pair.js';

/** Rounds of range narrowing before the shortcut gives up. */
const MAX_NARROW = 10;
/** A round must shrink the range to at most this fraction, or the shortcut gives up. */
const SHRINK = 0.9;
/** Ranges are widened by this much against rounding. */
const WIDEN = 1e-12;
/** The certificate asks for G' < 1 - MARGIN. */
const MARGIN = 1e-9;
/** Newton stops after a step this small. */
const STEP_TOL = 1e-14;
const MAX_IT = 200;

// Coefficients in `c`: m and k of A's two agents, then B's, then the beliefs and lambda.
const MA0 = 0, KA0 = 1, MA1 = 2, KA1 = 3, MB0 = 4, KB0 = 5, MB1 = 6, KB1 = 7, BA = 8, BB = 9, LAM = 10;
// Enclosures in `e`: value lo, hi and derivative lo, hi of F_B (0..3) and of F_A (4..7).
// Evaluation results in `v`: y = F_B(x), G(x), G'(x) (G and G' skipped by the final evaluation); and the
// root of the last certified solve.

export class UniquePairQre {
  private readonly c = new Float64Array(11);
  private readonly e = new Float64Array(8);
  private readonly v = new Float64Array(4);
  /** Rounds of narrowing in the last call (0 if it declined before narrowing), for tests. */
  rounds = 0;
  /** Newton evaluations of G in the last certified call, for tests. */
  evaluations = 0;
  /** After solveTwoByTwo: max |sigma - logit response(sigma)| of the profile written. */
  residual = 0;

  /**
   * If the game with type payoffs uA, uB (games/bayesian-pair.ts layout), beliefs beliefA (A's that B
   * is sincere) and beliefB, at `lambda`, ignores the other's type and has a certified unique QRE,
   * writes it to `out` in the agent-form layout (P(action 0), P(action 1) for agents (A, sincere),
   * (A, buying time), (B, sincere), (B, buying time)) and returns true; else returns false and leaves
   * `out` alone.
   */
  solve(uA: Float64Array, uB: Float64Array, beliefA: number, beliefB: number, lambda: number, out: Float64Array): boolean {
    this.rounds = 0;
    if (!ignoresOtherType(uA) || !ignoresOtherType(uB)) return false;
    const c = this.c;
    affine(uA, 0, c, MA0);
    affine(uA, 1, c, MA1);
    affine(uB, 0, c, MB0);
    affine(uB, 1, c, MB1);
    c[BA] = beliefA;
    c[BB] = beliefB;
    c[LAM] = lambda;
    if (!this.certifyAndSolve()) return false;
    const x = this.v[3];
    const y = this.v[0];
    logitPair(lambda * (c[MA0] + c[KA0] * x), out, 0);
    logitPair(lambda * (c[MA1] + c[KA1] * x), out, 2);
    logitPair(lambda * (c[MB0] + c[KB0] * y), out, 4);
    logitPair(lambda * (c[MB1] + c[KB1] * y), out, 6);
    return true;
  }

  /**
   * The same for a two-player game with two strategies each (normal-form payoffs, player 0's strategy
   * fastest: payoffs[2 (a + 2 b) + i]): a pair game with one type a side, x being player 0's
   * expectation that player 1 plays strategy 0. Writes P0(0), P0(1), P1(0), P1(1) into `out`.
   */
  solveTwoByTwo(payoffs: Float64Array, lambda: number, out: Float64Array): boolean {
    this.rounds = 0;
    const c = this.c;
    // D_0(x) = u_0(0, .) - u_0(1, .) against P1(0) = x; D_1(y) likewise against P0(0) = y.
    const m0 = payoffs[4] - payoffs[6];
    const m1 = payoffs[3] - payoffs[7];
    c[MA0] = c[MA1] = m0;
    c[KA0] = c[KA1] = payoffs[0] - payoffs[2] - m0;
    c[MB0] = c[MB1] = m1;
    c[KB0] = c[KB1] = payoffs[1] - payoffs[5] - m1;
    c[BA] = 1;
    c[BB] = 1;
    c[LAM] = lambda;
    if (!this.certifyAndSolve()) return false;
    logitPair(lambda * (c[MA0] + c[KA0] * this.v[3]), out, 0);
    logitPair(lambda * (c[MB0] + c[KB0] * this.v[0]), out, 2);
    // Player 1 answers player 0's mixture exactly; player 0 answers x, not quite player 1's P1(0).
    this.residual = Math.abs(out[0] - logistic(lambda * (m0 + c[KA0] * out[2])));
    return true;
  }

  /** With the coefficients in c: certify, then find the root into v[3] (and F_B(x) into v[0]). */
  private certifyAndSolve(): boolean {
    const c = this.c;
    const lambda = c[LAM];
    for (let i = 0; i <= LAM; i++) if (!Number.isFinite(c[i])) return false;
    if (!(c[BA] >= 0 && c[BA] <= 1 && c[BB] >= 0 && c[BB] <= 1 && lambda >= 0)) return false;
    const e = this.e;
    let lo = 0;
    let hi = 1;
    let certified = false;
    for (let round = 1; round <= MAX_NARROW; round++) {
      this.rounds = round;
      enclose(c[BB], c[MA0], c[KA0], c[MA1], c[KA1], lambda, lo, hi, e, 0);
      enclose(c[BA], c[MB0], c[KB0], c[MB1], c[KB1], lambda, e[0], e[1], e, 4);
      const gMax = Math.max(e[2] * e[6], e[2] * e[7], e[3] * e[6], e[3] * e[7]);
      if (gMax < 1 - MARGIN) {
        certified = true;
        break;
      }
      const nLo = Math.max(lo, e[4] - WIDEN);
      const nHi = Math.min(hi, e[5] + WIDEN);
      if (nHi - nLo > SHRINK * (hi - lo)) break;
      lo = nLo;
      hi = nHi;
    }
    if (!certified) return false;

    // h is strictly increasing on [lo, hi] and has its one root there.
    const v = this.v;
    // the root is its own image: it lies in the enclosure of G over the last range, too
    let a = Math.max(lo, e[4] - WIDEN);
    let b = Math.min(hi, e[5] + WIDEN);
    if (!(a <= b)) {
      a = lo;
      b = hi;
    }
    let x = 0.5 * (a + b);
    let it = 0;
    for (; it < MAX_IT; it++) {
      this.evaluate(x);
      const h = x - v[1];
      if (h === 0) break;
      if (h < 0) a = x;
      else b = x;
      const step = -h / (1 - v[2]);
      if (Math.abs(step) <= STEP_TOL) {
        x += step;
        break;
      }
      x = x + step > a && x + step < b ? x + step : 0.5 * (a + b);
      if (b - a <= STEP_TOL) break;
    }
    this.evaluations = Math.min(it + 1, MAX_IT);
    this.evaluate(x, false);
    v[3] = x;
    return true;
  }

  /**
   * F_B(x) into v[0] and, if withG, G(x) and G'(x) into v[1], v[2]. A logistic term whose
   * weight is exactly 0 (a belief of 0 or 1; solveTwoByTwo's beliefs are 1) is taken as 0, not
   * evaluated: it only added 0 times a finite number, so the results are the same to the bit.
   */
  private evaluate(x: number, withG = true): void {
    const { c, v } = this;
    const lambda = c[LAM];
    const bB = c[BB];
    const la0 = bB === 0 ? 0 : logistic(lambda * (c[MA0] + c[KA0] * x));
    const la1 = bB === 1 ? 0 : logistic(lambda * (c[MA1] + c[KA1] * x));
    const y = bB * la0 + (1 - bB) * la1;
    v[0] = y;
    if (!withG) return;
    const dy = lambda * (bB * c[KA0] * la0 * (1 - la0) + (1 - bB) * c[KA1] * la1 * (1 - la1));
    const bA = c[BA];
    const lb0 = bA === 0 ? 0 : logistic(lambda * (c[MB0] + c[KB0] * y));
    const lb1 = bA === 1 ? 0 : logistic(lambda * (c[MB1] + c[KB1] * y));
    v[1] = bA * lb0 + (1 - bA) * lb1;
    v[2] = lambda * (bA * c[KB0] * lb0 * (1 - lb0) + (1 - bA) * c[KB1] * lb1 * (1 - lb1)) * dy;
  }
}

/** Whether each of the side's type payoffs is the same against either type of the other side (exactly). */
function ignoresOtherType(u: Float64Array): boolean {
  for (let t = 0; t < 2; t++) {
    for (let a = 0; a < 2; a++) {
      for (let b = 0; b < 2; b++) if (u[typePayoffIndex(t, 0, a, b)] !== u[typePayoffIndex(t, 1, a, b)]) return false;
    }
  }
  return true;
}

/** m and k of type t's payoff difference D(x) = m + k x (action 0 minus action 1), into c[at], c[at + 1]. */
function affine(u: Float64Array, t: number, c: Float64Array, at: number): void {
  const m = u[typePayoffIndex(t, 0, 0, 1)] - u[typePayoffIndex(t, 0, 1, 1)];
  c[at] = m;
  c[at + 1] = u[typePayoffIndex(t, 0, 0, 0)] - u[typePayoffIndex(t, 0, 1, 0)] - m;
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * P(action 0) = L(z), P(action 1) = L(-z) into out[o], out[o + 1]: each without cancellation, and exp never
 * overflows (also logit-qre.ts's binary mixtures, with z = -v).
 */
export function logitPair(z: number, out: Float64Array, o: number): void {
  if (z >= 0) {
    const ez = Math.exp(-z);
    const p0 = 1 / (1 + ez);
    out[o] = p0;
    out[o + 1] = ez * p0;
  } else {
    const ez = Math.exp(z);
    const p1 = 1 / (1 + ez);
    out[o] = ez * p1;
    out[o + 1] = p1;
  }
}

/**
 * Enclosures over x in [lo, hi] of F(x) = w L(lambda (m0 + k0 x)) + (1 - w) L(lambda (m1 + k1 x))
 * and of F'(x) = lambda sum_t w_t k_t L'(...), into e[o..o+3] (value lo, hi; derivative lo, hi).
 */
function enclose(w: number, m0: number, k0: number, m1: number, k1: number, lambda: number, lo: number, hi: number, e: Float64Array, o: number): void {
  let vLo = 0;
  let vHi = 0;
  let dLo = 0;
  let dHi = 0;
  for (let t = 0; t < 2; t++) {
    const wt = t === 0 ? w : 1 - w;
    // A type of weight 0 would add only 0 times finite numbers (solveTwoByTwo: w = 1, so t = 1).
    if (wt === 0) continue;
    const m = t === 0 ? m0 : m1;
    const k = t === 0 ? k0 : k1;
    const zLo = lambda * (m + k * lo);
    const zHi = lambda * (m + k * hi);
    const lLo = logistic(zLo);
    const lHi = logistic(zHi);
    vLo += wt * Math.min(lLo, lHi);
    vHi += wt * Math.max(lLo, lHi);
    const pLo = lLo * (1 - lLo);
    const pHi = lHi * (1 - lHi);
    const pMin = Math.min(pLo, pHi);
    const pMax = (zLo <= 0 && zHi >= 0) || (zHi <= 0 && zLo >= 0) ? 0.25 : Math.max(pLo, pHi);
    const s = wt * lambda * k;
    if (s >= 0) {
      dLo += s * pMin;
      dHi += s * pMax;
    } else {
      dLo += s * pMax;
      dHi += s * pMin;
    }
  }
  e[o] = vLo;
  e[o + 1] = vHi;
  e[o + 2] = dLo;
  e[o + 3] = dHi;
}
