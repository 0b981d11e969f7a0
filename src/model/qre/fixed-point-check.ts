/**
 * Is a profile the logit QRE it claims to be? The fixed-point residual, and how small it must be at a
 * given lambda R.
 *
 * A QRE at lambda is a fixed point of the logit response (McKelvey & Palfrey 1995),
 *
 *     response_i(a) = exp(lambda u_i(a, sigma_-i)) / sum_b exp(lambda u_i(b, sigma_-i)),
 *
 * so a candidate sigma is checked by its residual max_(i,a) |sigma_i(a) - response_i(a)|. Only payoff
 * differences enter the response, so they are computed as differences, against the player's most
 * probable strategy and over the payoff range R: u_i(a) - u_i(r) = R sum_(s_-i) sigma_-i(s_-i)
 * [U_i(a, s_-i) - U_i(r, s_-i)] / R, each bracket at most 1 in size. Payoffs of 1e14 then lose nothing
 * to their magnitude, and payoffs near the largest double do not overflow (they are halved first: the
 * response depends on lambda and the payoffs only through lambda R times the scaled differences).
 *
 * Tolerance. The residual cannot be computed, or reached, more precisely than the rounding of
 * lambda (u_i(a) - u_i(r)): about eps mu for mu = lambda R, since the scaled differences are at most 1.
 * So an answer must have a residual of at most 1e-9 + 64 eps mu (64: a margin for the sums of a few
 * terms each; the solver itself accepts at most a tenth of that, acceptedResidual). Up to
 * mu = MU_GUARANTEED = 1e8 the tolerance is at most 1.4e-6, and the solver answered every one of
 * 3,600 random games of two to six players with uniform payoffs at lambda R from 1e2 to 1e8; with payoffs
 * of 0 to 4 (ties, degenerate games) 4 solves in 25,200, all at 1e7 or 1e8, were refused (docs/MODEL.md
 * §3). Beyond, the tolerance stays at its value there: rounding then exceeds it for every profile but
 * (nearly) pure ones, so only those are answers, and anything else is refused by the solver
 * (logit-qre.ts).
 *
 * @example
 * // Prisoner's dilemma at lambda 1: gambit-logit's 10-digit point has a residual about 5e-11
 * logitResidual(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]), 1, [0.2267506448, 0.7732493552, 0.2267506448, 0.7732493552]);
 */
import type { NormalFormGame } from '../normal-form.js';
import type { SolveStats } from './system.js';
import type { TraceState } from './trace-state.js';

/** lambda R up to which the solver finds an answer within residualTolerance (see above). */
export const MU_GUARANTEED = 1e8;

/** The largest fixed-point residual an answer at mu = lambda R may have (see above). */
export function residualTolerance(mu: number): number {
  return 1e-9 + 64 * Number.EPSILON * Math.min(mu, MU_GUARANTEED);
}

/**
 * The largest first-order residual estimate (system.ts) the solver accepts: 1e-10 + 4 eps lambda R, at
 * least ten times under the tolerance, so that an independent check (logitResidual) never refuses the
 * solver's answer: above the rounding floor the estimate is within a few per cent of the residual, and
 * below it both are far under the tolerance. (1e-10 is also what a landing stagnating at the rounding
 * floor must reach, landing.ts.)
 */
export function acceptedResidual(mu: number): number {
  return ACCEPT_BASE + ACCEPT_EPS * Number.EPSILON * Math.min(mu, MU_GUARANTEED);
}

const ACCEPT_BASE = 1e-10;
const ACCEPT_EPS = 4;

/**
 * Whether a solve's residual estimate (stats) is accepted at mu = st.target: acceptedResidual, with
 * both numbers read from their typed arrays here, so that no double crosses a call that may not be
 * inlined (it would be boxed: an allocation a solve in the simulator's hot loop).
 */
export function residualAccepted(stats: SolveStats, st: TraceState): boolean {
  // (Math.min, not mu < MU_GUARANTEED ? mu : MU_GUARANTEED: merged with a module constant, mu may be
  // kept tagged, that is boxed; measured.)
  return stats.residual <= ACCEPT_BASE + ACCEPT_EPS * Number.EPSILON * Math.min(st.target, MU_GUARANTEED);
}

/**
 * lambda R, R the game's payoff range (max minus min payoff; 0 if all payoffs are equal), computed so
 * that a range beyond the largest double still gives a finite product when there is one.
 */
export function lambdaTimesRange(game: NormalFormGame, lambda: number): number {
  const { lo, hi } = payoffBounds(game.payoffs);
  if (!(hi > lo)) return 0;
  const range = hi - lo;
  return range < Infinity ? lambda * range : lambda * (hi * 0.5 - lo * 0.5) * 2;
}

/** max_(i,a) |sigma_i(a) - logit response_i(a)| at lambda (see above). */
export function logitResidual(game: NormalFormGame, lambda: number, sigma: ArrayLike<number>): number {
  const ks = game.strategies;
  const nPlayers = ks.length;
  const payoffs = game.payoffs;
  const { lo, hi } = payoffBounds(payoffs);
  if (!(hi > lo)) return centroidResidual(ks, sigma);
  // Halve when the range overflows: the scaled differences are the same.
  const half = hi - lo < Infinity ? 1 : 0.5;
  const range = hi * half - lo * half;
  const mu = (lambda * range) / half;
  let profiles = 1;
  const start: number[] = [];
  let m = 0;
  for (const k of ks) {
    start.push(m);
    m += k;
    profiles *= k;
  }
  // Reference strategy of each player: its most probable one.
  const ref = ks.map((k, i) => {
    let best = 0;
    for (let a = 1; a < k; a++) if (sigma[start[i] + a] > sigma[start[i] + best]) best = a;
    return best;
  });
  const gain = new Float64Array(m); // scaled u_i(a) - u_i(ref_i)
  const digits = new Array<number>(nPlayers).fill(0);
  for (let p = 0; p < profiles; p++) {
    let rest = p;
    for (let i = 0; i < nPlayers; i++) {
      digits[i] = rest % ks[i];
      rest = Math.floor(rest / ks[i]);
    }
    let stride = 1;
    for (let i = 0; i < nPlayers; i++) {
      const a = digits[i];
      if (a !== ref[i]) {
        let w = 1;
        for (let j = 0; j < nPlayers; j++) if (j !== i) w *= sigma[start[j] + digits[j]];
        if (w !== 0) {
          const q = p + (ref[i] - a) * stride; // the same profile with i playing its reference
          gain[start[i] + a] += (w * (payoffs[p * nPlayers + i] * half - payoffs[q * nPlayers + i] * half)) / range;
        }
      }
      stride *= ks[i];
    }
  }
  let worst = 0;
  for (let i = 0; i < nPlayers; i++) {
    const o = start[i];
    let top = -Infinity;
    for (let a = 0; a < ks[i]; a++) if (gain[o + a] > top) top = gain[o + a];
    // lambda (u(a) - u(top)) <= 0; with mu infinite, only the best strategies keep weight.
    let sum = 0;
    const z = new Float64Array(ks[i]);
    for (let a = 0; a < ks[i]; a++) {
      const d = gain[o + a] - top;
      z[a] = d === 0 ? 1 : Math.exp(mu * d);
      sum += z[a];
    }
    for (let a = 0; a < ks[i]; a++) {
      const e = Math.abs(z[a] / sum - sigma[o + a]);
      if (e !== e) return NaN;
      if (e > worst) worst = e;
    }
  }
  return worst;
}

function payoffBounds(payoffs: Float64Array): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < payoffs.length; j++) {
    if (payoffs[j] < lo) lo = payoffs[j];
    if (payoffs[j] > hi) hi = payoffs[j];
  }
  return { lo, hi };
}

/** All payoffs equal: the response is uniform. */
function centroidResidual(ks: readonly number[], sigma: ArrayLike<number>): number {
  let worst = 0;
  let o = 0;
  for (const k of ks) {
    for (let a = 0; a < k; a++) worst = Math.max(worst, Math.abs(sigma[o + a] - 1 / k));
    o += k;
  }
  return worst;
}
