/**
 * Bueno de Mesquita's expected-utility model of group decisions (BDM 1994, "Political forecasting:
 * an expected utility method", in European Community Decision Making, Yale UP; BDM 1997, Int.
 * Interactions 23:235-266), as Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's
 * group decision model", J. Theor. Politics 23(4):510-531, reconstruct it. Two readings, which
 * differ where the paper's printed equations and its published rounds disagree (docs/MODEL.md §9):
 *
 * - `published` (the default): the reading that reproduces Scholz et al.'s published rounds of the
 *   EU car-emissions example (their table 2), which is J. McKibben's Python replication
 *   (github jmckib/bdm-scholz-expected-utility-model, 55f63e9): votes with each voter's risk
 *   exponent, P over the votes of all pairs, offers ranked confrontation, compromise, capitulation;
 * - `printed`: the equations as the paper prints them: plain distances in the votes, P_ij + P_ji = 1,
 *   the offer that moves the actor least.
 *
 * Actors i = 1..n hold positions x_i, saliences s_i in [0, 1] and capabilities c_i >= 0. d is the
 * range of the initial positions (max - min), fixed for the whole run. Each round:
 *
 * 1. Risk attitudes. With every r = 1 (votes too), the expected utility EU_ji of each actor j
 *    challenging each actor i (step 3) gives i's exposure S_i = sum_(j != i) EU_ji. Then
 *        R_i = (2 S_i - max_k S_k - min_k S_k) / (max_k S_k - min_k S_k)   (0 if all S_k are equal),
 *        r_i = (1 - R_i / 3) / (1 + R_i / 3)   in [1/2, 2].
 * 2. Probability P_ij that i prevails over j, from every actor's vote (eum-votes.ts), with the r_i.
 * 3. Utilities of i, with its own risk exponent r = r_i, against j (mu: the weighted median):
 *        U^s = 2 - 4 (1/2 - |x_i - x_j| / (2d))^r        success
 *        U^f = 2 - 4 (1/2 + |x_i - x_j| / (2d))^r        failure
 *        U^b = 2 - 4 (1/2 - (|x_i - mu| + |x_i - x_j|) / (4d))^r   things get better anyway
 *        U^w = 2 - 4 (1/2 + (|x_i - mu| + |x_i - x_j|) / (4d))^r   things get worse anyway
 *        U^sq = 2 - 4 (1/2)^r                             status quo
 *    and the expected utility of i challenging j,
 *        EU_ij = s_j [P_ij U^s + (1 - P_ij) U^f] + (1 - s_j) U^s - Q U^sq - (1 - Q)[T U^b + (1 - T) U^w],
 *    j resisting with probability s_j; Q (probability that nothing moves absent a challenge) and T
 *    (that a move would favour i) default to 1, as in Scholz et al.'s run of the EU example.
 * 4. Offers (eum-offers.ts). Each actor i judges every dyad from its own perspective — both EU_ij and
 *    EU_ji computed with i's risk exponent r_i (BDM's EU^i_ij, EU^i_ji; both readings) — and takes one
 *    of the confrontations, compromises and capitulations it is offered. All actors move at once.
 *
 * The forecast after each round is the weighted median (the Condorcet winner of the c s weighted
 * vote, what BDM reports) and the weighted mean of the positions. The run stops after `rounds`
 * rounds, when no actor moves (the positions are then a fixed point of the process), and by default
 * after the first round whose median repeats the previous one's (EumStop).
 *
 * @example
 * // EU car emissions 1994 (scenarios/eu-car-emissions.csv): Scholz et al.'s table 2 reads median
 * // 8.4, 9.9, 9.9 and mean 7.4, 7.5, 7.6 in rounds 1-3
 * expectedUtilityModel(EU_CAR_EMISSIONS, { rounds: 3 }).map((r) => [r.median, r.mean])
 * // [[7, 7.38996], [8.41593, 7.46131], [9.61086, 7.5525], [9.96198, 7.59014]] (to 6 digits)
 */
import { weightedMedian } from '../model/weighted-median.js';
import type { ForecastActor } from './actor-data.js';
import { BestOffer, type OfferChoice, type OfferKind } from './eum-offers.js';
import { winProbabilities, type ProbabilityDenominator } from './eum-votes.js';

export type { OfferKind } from './eum-offers.js';

export type EumReadingName = 'published' | 'printed';
export const EUM_READINGS: readonly EumReadingName[] = ['published', 'printed'];

/** The three choices on which the paper's text and its published results part. */
export interface EumReading {
  /** voters' distances raised to their own risk exponents (true), or plain distances */
  riskInVotes: boolean;
  denominator: ProbabilityDenominator;
  offerChoice: OfferChoice;
}

export const EUM_READING: Record<EumReadingName, EumReading> = {
  published: { riskInVotes: true, denominator: 'all-pairs', offerChoice: 'confrontation-first' },
  printed: { riskInVotes: false, denominator: 'dyad', offerChoice: 'least-move' },
};

export interface EumOptions {
  /** most rounds played (default DEFAULT_EUM_ROUNDS) */
  rounds?: number;
  /** probability that nothing changes absent a challenge (default 1) */
  q?: number;
  /** probability that a change absent a challenge favours the challenger (default 1) */
  t?: number;
  /** default `published` */
  reading?: EumReadingName;
  /** when to stop before `rounds`: default `stable-median` (see DEFAULT_EUM_STOP) */
  stop?: EumStop;
}

/**
 * `stable-median`: after the first round whose weighted median equals the previous round's — BDM's
 * forecast is the outcome at which the process settles ("the above steps are repeated sequentially
 * until the issue is resolved", BDM 1997 p. 238; on the EU example BDM reports the dominant outcome
 * "rising to 9.05 and stabilising", BDM 1994 p. 98, both as Scholz et al. quote them), and in Scholz
 * et al.'s reconstruction the positions never stop moving: the median of their EU example sits at
 * 9.9 for rounds 2-5, then falls to 7.4 and climbs again (their table 2), so a fixed round count
 * picks an arbitrary phase of that cycle. `rounds`: play every round (stopping only when no actor
 * moves, a fixed point).
 */
export type EumStop = 'stable-median' | 'rounds';
export const EUM_STOPS: readonly EumStop[] = ['stable-median', 'rounds'];

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

/** BDM's risk-adjusted utility 2 - 4 z^r of a normalised outcome z in [0, 1] (z^1 = z exactly, no pow). */
function utility(z: number, r: number): number {
  return r === 1 ? 2 - 4 * z : 2 - 4 * Math.pow(z, r);
}

/** U^s and U^f of a challenge across `dist` = |x_i - x_j| / d, judged with risk exponent r. */
function successUtility(dist: number, r: number): number {
  return utility(0.5 - 0.5 * dist, r);
}
function failureUtility(dist: number, r: number): number {
  return utility(0.5 + 0.5 * dist, r);
}

/**
 * EU_ij from its parts: s_j [P U^s + (1 - P) U^f] + (1 - s_j) U^s - Q U^sq - (1 - Q)[T U^b + (1 - T) U^w],
 * the last term only when Q < 1 (`toMedian` = |x_i - mu| / d).
 */
function expectedUtility(us: number, uf: number, usq: number, sj: number, pij: number, dist: number, toMedian: number, r: number, q: number, t: number): number {
  const eu = sj * (pij * us + (1 - pij) * uf) + (1 - sj) * us - q * usq;
  if (q === 1) return eu;
  return eu - (1 - q) * (t * utility(0.5 - 0.25 * (toMedian + dist), r) + (1 - t) * utility(0.5 + 0.25 * (toMedian + dist), r));
}

/**
 * EU of the actor at xi challenging the actor at xj (step 3): `dist` = |x_i - x_j| / d, `toMedian`
 * = |x_i - mu| / d, `sj` the challenged side's salience, `pij` its probability of prevailing, `r`
 * the risk exponent of whoever judges.
 */
export function challengeUtility(dist: number, toMedian: number, sj: number, pij: number, r: number, q: number, t: number): number {
  return expectedUtility(successUtility(dist, r), failureUtility(dist, r), utility(0.5, r), sj, pij, dist, toMedian, r, q, t);
}

/** r_i from the exposures S_i (step 1). */
export function riskExponents(exposure: ArrayLike<number>): Float64Array {
  let hi = -Infinity;
  let lo = Infinity;
  for (let i = 0; i < exposure.length; i++) {
    hi = Math.max(hi, exposure[i]);
    lo = Math.min(lo, exposure[i]);
  }
  return Float64Array.from(exposure, (s) => {
    const big = hi > lo ? (2 * s - hi - lo) / (hi - lo) : 0;
    return (1 - big / 3) / (1 + big / 3);
  });
}

export function expectedUtilityModel(actors: readonly ForecastActor[], opts: EumOptions = {}): EumRound[] {
  const rounds = opts.rounds ?? DEFAULT_EUM_ROUNDS;
  const q = opts.q ?? 1;
  const t = opts.t ?? 1;
  const reading = EUM_READING[opts.reading ?? 'published'];
  const stop = opts.stop ?? 'stable-median';
  const n = actors.length;
  const weights = Float64Array.from(actors, (a) => a.capability * a.salience);
  const salience = Float64Array.from(actors, (a) => a.salience);
  const order = new Int32Array(n);
  let x = Float64Array.from(actors, (a) => a.position);
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of x) {
    lo = Math.min(lo, p);
    hi = Math.max(hi, p);
  }
  const range = hi - lo;
  let weightSum = 0;
  for (const w of weights) weightSum += w;
  const snapshot = (round: number, risk: number[], moves: EumMove[]): EumRound => {
    let num = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0) num += weights[i] * x[i];
    return { round, median: weightedMedian(x, weights, n, order), mean: weightSum > 0 ? num / weightSum : NaN, positions: Array.from(x), risk, moves };
  };
  const out: EumRound[] = [snapshot(0, new Array<number>(n).fill(1), [])];
  if (n < 2 || !(range > 0)) return out;

  const ones = new Float64Array(n).fill(1);
  const P = new Float64Array(n * n);
  const scratch = new Float64Array(n * n + n);
  const exposure = new Float64Array(n);
  for (let round = 1; round <= rounds; round++) {
    const mu = weightedMedian(x, weights, n, order);
    // 1. exposures with every r = 1, then risk exponents
    winProbabilities(x, weights, ones, range, reading.denominator, P, scratch);
    exposure.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j !== i) exposure[i] += challengeUtility(Math.abs(x[j] - x[i]) / range, Math.abs(x[j] - mu) / range, salience[i], P[j * n + i], 1, q, t);
      }
    }
    const risk = riskExponents(exposure);
    // 2. probabilities with the voters' new exponents, when the reading puts them in the votes
    if (reading.riskInVotes) winProbabilities(x, weights, risk, range, reading.denominator, P, scratch);
    // 4. offers, each judged by its receiver with its own r: EU_ij and EU_ji share U^s, U^f and U^sq
    const next = Float64Array.from(x);
    const moves: EumMove[] = [];
    const best = new BestOffer(reading.offerChoice);
    for (let i = 0; i < n; i++) {
      const r = risk[i];
      const usq = utility(0.5, r);
      best.reset(x[i]);
      for (let j = 0; j < n; j++) {
        if (j === i || x[j] === x[i]) continue;
        const dist = Math.abs(x[i] - x[j]) / range;
        const us = successUtility(dist, r);
        const uf = failureUtility(dist, r);
        const euij = expectedUtility(us, uf, usq, salience[j], P[i * n + j], dist, Math.abs(x[i] - mu) / range, r, q, t);
        const euji = expectedUtility(us, uf, usq, salience[i], P[j * n + i], dist, Math.abs(x[j] - mu) / range, r, q, t);
        best.consider(j, x[j], euij, euji);
      }
      if (best.from >= 0) {
        next[i] = best.to;
        moves.push({ actor: i, from: best.from, kind: best.kind, before: x[i], after: best.to });
      }
    }
    const moved = moves.some((m) => m.after !== m.before);
    x = next;
    out.push(snapshot(round, Array.from(risk), moves));
    if (!moved || (stop === 'stable-median' && out[round].median === out[round - 1].median)) break;
  }
  return out;
}
