/**
 * Bueno de Mesquita's expected-utility model of group decisions (BDM 1994, "Political forecasting:
 * an expected utility method", in European Community Decision Making, Yale UP; BDM 1997, Int.
 * Interactions 23:235-266), as specified by Scholz, Calbert & Smith (2011), "Unravelling Bueno de
 * Mesquita's group decision model", J. Theor. Politics 23(4):510-531. Where the published text
 * leaves a choice open, the reading taken here is marked READING and listed in docs/MODEL.md
 * ("Forecasts").
 *
 * Actors i = 1..n hold positions x_i, saliences s_i in [0, 1] and capabilities c_i >= 0. d is the
 * range of the initial positions (max - min), fixed for the whole run. Each round:
 *
 * 1. Risk attitudes. With every r = 1, the expected utility EU_ji of each actor j challenging each
 *    actor i (step 3) gives i's exposure S_i = sum_(j != i) EU_ji. Then
 *        R_i = (2 S_i - max_k S_k - min_k S_k) / (max_k S_k - min_k S_k)   (0 if all S_k are equal),
 *        r_i = (1 - R_i / 3) / (1 + R_i / 3)   in [1/2, 2].
 * 2. Probability that i prevails over j, from every actor's "vote" between the two positions,
 *        v_k = c_k s_k (|x_k - x_j| - |x_k - x_i|) / d,   P_ij = sum_k max(v_k, 0) / sum_k |v_k|
 *    (1/2 if no actor cares; so P_ij + P_ji = 1).
 * 3. Utilities of i, with its own risk exponent r = r_i, against j (mu: the weighted median):
 *        U^s = 2 - 4 (1/2 - |x_i - x_j| / (2d))^r        success
 *        U^f = 2 - 4 (1/2 + |x_i - x_j| / (2d))^r        failure
 *        U^b = 2 - 4 (1/2 - (|x_i - mu| + |x_i - x_j|) / (4d))^r   things get better anyway
 *        U^w = 2 - 4 (1/2 + (|x_i - mu| + |x_i - x_j|) / (4d))^r   things get worse anyway
 *        U^sq = 2 - 4 (1/2)^r                             status quo
 *    and the expected utility of i challenging j,
 *        EU_ij = s_j [P_ij U^s + (1 - P_ij) U^f] + (1 - s_j) U^s - Q U^sq - (1 - Q)[T U^b + (1 - T) U^w],
 *    j resisting with probability s_j; Q (probability that nothing moves absent a challenge) and T
 *    (that a move would favour i) default to 1, as in BDM 1994 and Scholz et al.
 * 4. Offers. READING: each actor i judges every dyad from its own perspective — both EU_ij and EU_ji
 *    computed with i's risk exponent r_i (BDM's EU^i_ij, EU^i_ji). For each j with x_j != x_i:
 *        EU_ji > EU_ij > 0                        confrontation, i expects to lose: i moves to x_j;
 *        EU_ji > 0 > EU_ij, EU_ji > |EU_ij|       compromise: x_i + (x_j - x_i) |EU_ij / EU_ji|;
 *        EU_ji > 0 > EU_ij, EU_ji <= |EU_ij|      capitulation: i moves to x_j;
 *    otherwise j has no credible offer for i. READING: of its offers, i takes the one that moves it
 *    least (ties: the larger EU_ji, then the lower actor index). All actors move at once.
 *
 * The forecast after each round is the weighted median (the Condorcet winner of the c s weighted
 * vote, what BDM reports) and the weighted mean of the positions. The run stops after `rounds`
 * rounds or when no actor moves (the positions are then a fixed point of the process).
 *
 * @example
 * // EU car emissions 1994 (scenarios/eu-car-emissions.csv): round 0 median 7, mean 7.38996
 * expectedUtilityModel(EU_CAR_EMISSIONS, { rounds: 5 })[0] // { round: 0, median: 7, mean: 7.3899..., ... }
 */
import { weightedMedian } from '../model/weighted-median.js';
import type { ForecastActor } from './actor-data.js';
import { compromisePosition } from './compromise.js';

export interface EumOptions {
  /** most rounds played (default 10) */
  rounds?: number;
  /** probability that nothing changes absent a challenge (default 1) */
  q?: number;
  /** probability that a change absent a challenge favours the challenger (default 1) */
  t?: number;
}

export type OfferKind = 'confrontation' | 'compromise' | 'capitulation';

export interface EumMove {
  /** index of the actor that moved */
  actor: number;
  /** index of the actor whose offer it took */
  from: number;
  kind: OfferKind;
  before: number;
  after: number;
}

export interface EumRound {
  /** 0 = the starting positions */
  round: number;
  median: number;
  mean: number;
  positions: number[];
  /** risk exponents used in this round (round 0: all 1) */
  risk: number[];
  moves: EumMove[];
}

export const DEFAULT_EUM_ROUNDS = 10;

/** P_ij: probability that position xi prevails over xj in the c s weighted vote of all actors. */
export function winProbability(actors: readonly ForecastActor[], positions: readonly number[], xi: number, xj: number, range: number): number {
  let pro = 0;
  let all = 0;
  for (let k = 0; k < actors.length; k++) {
    const v = (actors[k].capability * actors[k].salience * (Math.abs(positions[k] - xj) - Math.abs(positions[k] - xi))) / range;
    if (v > 0) pro += v;
    all += Math.abs(v);
  }
  return all > 0 ? pro / all : 0.5;
}

interface Dyad {
  xi: number;
  xj: number;
  /** salience of the challenged side j */
  sj: number;
  pij: number;
  r: number;
}

/** EU of the actor at xi challenging the actor at xj, with risk exponent r (step 3). */
export function challengeUtility(dy: Dyad, mu: number, range: number, q: number, t: number): number {
  const dist = Math.abs(dy.xi - dy.xj) / range;
  const toMedian = Math.abs(dy.xi - mu) / range;
  const u = (z: number): number => 2 - 4 * Math.pow(z, dy.r);
  const us = u(0.5 - 0.5 * dist);
  const uf = u(0.5 + 0.5 * dist);
  const ub = u(0.5 - 0.25 * (toMedian + dist));
  const uw = u(0.5 + 0.25 * (toMedian + dist));
  const usq = u(0.5);
  return dy.sj * (dy.pij * us + (1 - dy.pij) * uf) + (1 - dy.sj) * us - q * usq - (1 - q) * (t * ub + (1 - t) * uw);
}

/** r_i from the exposures S_i (step 1). */
export function riskExponents(exposure: readonly number[]): number[] {
  const hi = Math.max(...exposure);
  const lo = Math.min(...exposure);
  return exposure.map((s) => {
    const big = hi > lo ? (2 * s - hi - lo) / (hi - lo) : 0;
    return (1 - big / 3) / (1 + big / 3);
  });
}

export function expectedUtilityModel(actors: readonly ForecastActor[], opts: EumOptions = {}): EumRound[] {
  const rounds = opts.rounds ?? DEFAULT_EUM_ROUNDS;
  const q = opts.q ?? 1;
  const t = opts.t ?? 1;
  const n = actors.length;
  const weights = actors.map((a) => a.capability * a.salience);
  const order = new Int32Array(n);
  let x = actors.map((a) => a.position);
  const range = Math.max(...x) - Math.min(...x);
  const snapshot = (round: number, risk: number[], moves: EumMove[]): EumRound => ({
    round,
    median: weightedMedian(x, weights, n, order),
    mean: compromisePosition(actors.map((a, i) => ({ ...a, position: x[i] }))),
    positions: x.slice(),
    risk,
    moves,
  });
  const out: EumRound[] = [snapshot(0, new Array<number>(n).fill(1), [])];
  if (n < 2 || !(range > 0)) return out;

  for (let round = 1; round <= rounds; round++) {
    const mu = weightedMedian(x, weights, n, order);
    const eu = (i: number, j: number, r: number): number =>
      challengeUtility({ xi: x[i], xj: x[j], sj: actors[j].salience, pij: winProbability(actors, x, x[i], x[j], range), r }, mu, range, q, t);
    // 1. exposures with r = 1, then risk exponents
    const exposure = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) exposure[i] += eu(j, i, 1);
    const risk = riskExponents(exposure);
    // 4. offers, each judged by its receiver with its own r
    const next = x.slice();
    const moves: EumMove[] = [];
    for (let i = 0; i < n; i++) {
      let best: EumMove | null = null;
      let bestEu = -Infinity;
      for (let j = 0; j < n; j++) {
        if (j === i || x[j] === x[i]) continue;
        const euij = eu(i, j, risk[i]);
        const euji = eu(j, i, risk[i]);
        let kind: OfferKind;
        let to: number;
        if (euji > euij && euij > 0) {
          kind = 'confrontation';
          to = x[j];
        } else if (euji > 0 && euij < 0 && euji > -euij) {
          kind = 'compromise';
          to = x[i] + (x[j] - x[i]) * Math.abs(euij / euji);
        } else if (euji > 0 && euij < 0) {
          kind = 'capitulation';
          to = x[j];
        } else {
          continue;
        }
        const shift = Math.abs(to - x[i]);
        const bestShift = best ? Math.abs(best.after - x[i]) : Infinity;
        if (shift < bestShift || (shift === bestShift && euji > bestEu)) {
          best = { actor: i, from: j, kind, before: x[i], after: to };
          bestEu = euji;
        }
      }
      if (best) {
        next[i] = best.after;
        moves.push(best);
      }
    }
    const moved = moves.some((m) => m.after !== m.before);
    x = next;
    out.push(snapshot(round, risk, moves));
    if (!moved) break;
  }
  return out;
}
