/**
 * The summary of a Monte Carlo: every probability with its 95% Wilson interval, built from a Tally alone
 * (so a merged tally of shards gives the same summary as one machine). This object is what `--json`
 * prints, what the CSV rows list and what the terminal table shows.
 */
import { basename } from 'node:path';
import type { Scenario } from '../scenario/types.js';
import { CF_BROKEN, CF_FATES, CF_HELD, OUTCOMES, playedRounds, type OutcomeName } from '../sim/run-record.js';
import { DEAL_BINS, FATES_PER_MEASURE, type Tally } from './tally.js';
import { wilsonInterval, Z95 } from './wilson-interval.js';

export interface Estimate {
  /** Share of the denominator: the point estimate. */
  p: number;
  /** 95% Wilson score interval. */
  lo: number;
  hi: number;
  /** Runs counted. */
  count: number;
  /** The denominator. */
  n: number;
}

export interface MeanEstimate {
  mean: number;
  /** 95% normal-approximation interval of the mean (mean +- 1.96 sd / sqrt(n)). */
  lo: number;
  hi: number;
  sd: number;
  n: number;
}

export interface ActorSummary {
  name: string;
  role: string;
  essential: boolean;
  /** Parties only: attended the talks. */
  attend: Estimate | null;
  /** Parties only: withdrew (in any round). */
  withdraw: Estimate | null;
  /** Parties only: withdrew with one of its exit preferences triggered. */
  withdraw_on_exit: Estimate | null;
}

export interface CeasefireSummary {
  kind: 'ceasefire';
  between: string[];
  offered_by: string;
  fate: Record<(typeof CF_FATES)[number], Estimate>;
  accepted: Estimate;
  /** Per side (and `both`): runs in which its seen violations called the ceasefire off. */
  broken_by: Record<string, Estimate>;
  /** Mean rounds in force without a violation, over runs where it was accepted. */
  rounds_kept: MeanEstimate;
}

/** An exchange (between two or more sides) or a concession (one side, in `between`), carried out or not. */
export interface ExchangeSummary {
  kind: 'exchange' | 'concession';
  between: string[];
  offered_by: string;
  carried_out: Estimate;
  /** Runs in which it was offered (the talks lasted to its round). */
  offered: number;
}

export interface RoundSummary {
  round: number;
  /** Runs still talking at the start of the round, over all runs (survival). */
  talking: Estimate;
  /** Runs ending in withdrawal this round, over the runs talking at its start (hazard). */
  withdrawal_hazard: Estimate;
  /** Runs ending in agreement this round, over the runs talking at its start. */
  agreement_hazard: Estimate;
  /** Per actor: withdrew this round, over the runs talking at its start. */
  withdrawal_by: Record<string, Estimate>;
  /** Per ceasefire: in force and kept this round, over all runs. */
  ceasefire_kept: Record<string, Estimate>;
}

export interface DealSummary extends MeanEstimate {
  median: number;
  q05: number;
  q95: number;
}

export interface Summary {
  negsim: string;
  /**
   * `file`: the scenario file's name without its folder, so the output is the same bytes from any working
   * directory (with `hash`, it names the scenario). `overrides` (path -> value as given to `--set`) appears
   * only when there are any.
   */
  scenario: { id: string; title: string; file: string; hash: string; overrides?: Record<string, unknown> };
  seed: number;
  runs: number;
  rng: string;
  outcomes: Record<OutcomeName, Estimate>;
  actors: Record<string, ActorSummary>;
  measures: Record<string, CeasefireSummary | ExchangeSummary>;
  rounds: RoundSummary[];
  /** Round the talks ended in, over runs where they began. */
  end_round: { median: number; mean: number; n: number };
  /** The deal on each issue, over runs ending in agreement. */
  deal: Record<string, DealSummary>;
}

/** The share count / n (0 when n = 0) with its 95% Wilson interval. */
export function estimate(count: number, n: number): Estimate {
  const w = wilsonInterval(count, n);
  return { p: n > 0 ? count / n : 0, lo: w.lo, hi: w.hi, count, n };
}

function meanEstimate(sum: number, sumSq: number, n: number): MeanEstimate {
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, sd: NaN, n };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
  const sd = Math.sqrt(variance);
  const half = (Z95 * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, sd, n };
}

/**
 * The q-quantile of a histogram of unit-width bins (bin b holds values in [b, b+1); the last bin the value
 * 100), taking values as spread evenly within a bin.
 */
export function histogramQuantile(hist: ArrayLike<number>, offset: number, bins: number, q: number): number {
  let total = 0;
  for (let b = 0; b < bins; b++) total += hist[offset + b];
  if (total === 0) return NaN;
  const target = q * total;
  let cum = 0;
  for (let b = 0; b < bins; b++) {
    const c = hist[offset + b];
    if (c > 0 && cum + c >= target) {
      if (b === bins - 1) return b;
      return b + (target - cum) / c;
    }
    cum += c;
  }
  return bins - 1;
}

export function summarise(
  s: Scenario, t: Tally, seed: number, version: string, rng: string, overrides?: Record<string, unknown>,
): Summary {
  const n = t.runs;
  const nA = s.actors.length, T = s.rounds, P = playedRounds(s);
  const outcomes = {} as Record<OutcomeName, Estimate>;
  OUTCOMES.forEach((name, i) => (outcomes[name] = estimate(t.outcomes[i], n)));

  const actors: Record<string, ActorSummary> = {};
  s.actors.forEach((a, i) => {
    const party = a.role === 'party';
    actors[a.id] = {
      name: a.name,
      role: a.role,
      essential: a.essential,
      attend: party ? estimate(t.attended[i], n) : null,
      withdraw: party ? estimate(t.withdrew[i], n) : null,
      withdraw_on_exit: party ? estimate(t.withdrewOnExit[i], n) : null,
    };
  });

  const measures: Record<string, CeasefireSummary | ExchangeSummary> = {};
  s.measures.forEach((m, i) => {
    const between = m.sides.map((a) => s.actors[a].id);
    const fates = t.fates.subarray(i * FATES_PER_MEASURE, (i + 1) * FATES_PER_MEASURE);
    if (m.kind === 'ceasefire') {
      const fate = {} as Record<(typeof CF_FATES)[number], Estimate>;
      CF_FATES.forEach((f, k) => (fate[f] = estimate(fates[k], n)));
      const accepted = fates[CF_HELD] + fates[CF_BROKEN];
      const brokenBy: Record<string, Estimate> = {};
      for (const side of m.sides) brokenBy[s.actors[side].id] = estimate(t.brokenBy[i * (nA + 1) + side], n);
      brokenBy.both = estimate(t.brokenBy[i * (nA + 1) + nA], n);
      measures[m.id] = {
        kind: 'ceasefire', between, offered_by: s.actors[m.offeredBy].id, fate, accepted: estimate(accepted, n),
        broken_by: brokenBy, rounds_kept: meanEstimate(t.heldRounds[i], t.heldRoundsSq[i], accepted),
      };
    } else {
      const offered = fates[0] + fates[1];
      measures[m.id] = {
        kind: m.kind, between, offered_by: s.actors[m.offeredBy].id, carried_out: estimate(fates[1], n), offered,
      };
    }
  });

  const rounds: RoundSummary[] = [];
  let talking = 0;
  for (let e = 1; e <= T; e++) talking += t.endRound[e];
  let endSum = 0;
  for (let e = 1; e <= T; e++) endSum += e * t.endRound[e];
  const began = talking;
  for (let r = 1; r <= T; r++) {
    const withdrawalBy: Record<string, Estimate> = {};
    s.actors.forEach((a, i) => {
      if (a.role === 'party') withdrawalBy[a.id] = estimate(t.withdrewAt[i * T + r - 1], talking);
    });
    const kept: Record<string, Estimate> = {};
    s.measures.forEach((m, i) => {
      if (m.kind === 'ceasefire') kept[m.id] = estimate(t.kept[i * P + r - 1], n);
    });
    rounds.push({
      round: r,
      talking: estimate(talking, n),
      withdrawal_hazard: estimate(t.withdrawalsAt[r - 1], talking),
      agreement_hazard: estimate(t.agreementsAt[r - 1], talking),
      withdrawal_by: withdrawalBy,
      ceasefire_kept: kept,
    });
    talking -= t.endRound[r];
  }
  const endHist = new Float64Array(T + 1);
  for (let e = 1; e <= T; e++) endHist[e] = t.endRound[e];
  const medianEnd = began > 0 ? discreteMedian(endHist) : NaN;

  const deal: Record<string, DealSummary> = {};
  const agreements = t.outcomes[0];
  s.issues.forEach((iss, k) => {
    deal[iss.id] = {
      ...meanEstimate(t.dealSum[k], t.dealSumSq[k], agreements),
      median: histogramQuantile(t.dealHist, k * DEAL_BINS, DEAL_BINS, 0.5),
      q05: histogramQuantile(t.dealHist, k * DEAL_BINS, DEAL_BINS, 0.05),
      q95: histogramQuantile(t.dealHist, k * DEAL_BINS, DEAL_BINS, 0.95),
    };
  });

  const scenario: Summary['scenario'] = { id: s.id, title: s.title, file: basename(s.file), hash: s.hash };
  if (overrides && Object.keys(overrides).length > 0) scenario.overrides = overrides;
  return {
    negsim: version,
    scenario,
    seed,
    runs: n,
    rng,
    outcomes,
    actors,
    measures,
    rounds,
    end_round: { median: medianEnd, mean: began > 0 ? endSum / began : NaN, n: began },
    deal,
  };
}

/** The smallest value whose cumulative count reaches half the total (the lower median). */
function discreteMedian(hist: Float64Array): number {
  let total = 0;
  for (const c of hist) total += c;
  let cum = 0;
  for (let v = 0; v < hist.length; v++) {
    cum += hist[v];
    if (cum >= total / 2) return v;
  }
  return hist.length - 1;
}
