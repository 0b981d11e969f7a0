/**
 * Streaming aggregation of runs: sufficient statistics only (counts, sums, histograms), so memory does not
 * grow with the number of runs and tallies of disjoint blocks of runs merge into the tally of their union.
 *
 * Counts are exact integers (well below 2^53). The two floating-point sums (deal mean and square) depend
 * on the order of addition, so the Monte Carlo merges block tallies in block order: the result is the
 * same bytes for any number of workers or shards.
 */
import type { Scenario } from '../scenario/types.js';
import {
  AGREEMENT,
  BY_BOTH,
  CF_BROKEN,
  ceasefireAccepted,
  TRIGGER_EXIT,
  WITHDRAWAL,
  playedRounds,
  type RunRecord,
} from '../sim/run-record.js';
import { questionHolds } from '../sim/question-event.js';

/** Histogram bins per issue for the deal: [0,1), [1,2), .., [99,100), {100}. */
export const DEAL_BINS = 101;

export interface Tally {
  runs: number;
  /** Choices drawn, over all runs (actor-decisions). */
  decisions: number;
  /** Per outcome (AGREEMENT, WITHDRAWAL, STALEMATE, NO_TALKS). */
  outcomes: Float64Array;
  /** Per actor: runs it attended / withdrew in / withdrew with an exit preference triggered. */
  attended: Float64Array;
  withdrew: Float64Array;
  withdrewOnExit: Float64Array;
  /** Per actor and round (a * rounds + r - 1): runs in which it withdrew in round r. */
  withdrewAt: Float64Array;
  /** Index = end round (0 .. rounds): runs whose talks ended there (no_talks at 0). */
  endRound: Float64Array;
  /** Per round (r - 1): runs that ended in agreement / in withdrawal in round r. */
  agreementsAt: Float64Array;
  withdrawalsAt: Float64Array;
  /** Per measure and fate: ceasefire fates (CF_*) or exchange carried out (index 1) / not (0). */
  fates: Float64Array;
  /** Per measure, who broke it: index = actor, nActors = both. */
  brokenBy: Float64Array;
  heldRounds: Float64Array;
  heldRoundsSq: Float64Array;
  /** Per measure and round: runs where a ceasefire was in force / in force and kept. */
  inForce: Float64Array;
  kept: Float64Array;
  /** Per issue: sum and sum of squares of the deal, and its histogram (issue * DEAL_BINS + bin), over agreements. */
  dealSum: Float64Array;
  dealSumSq: Float64Array;
  dealHist: Float64Array;
  /** Per observed question (scenario.observed.questions order): runs in which what it asks happened (sim/question-event.ts). */
  questions: Float64Array;
}

export const FATES_PER_MEASURE = 4;

export function newTally(s: Scenario): Tally {
  const nA = s.actors.length, T = s.rounds, nM = s.measures.length, nI = s.issues.length, P = playedRounds(s);
  return {
    runs: 0,
    decisions: 0,
    outcomes: new Float64Array(4),
    attended: new Float64Array(nA),
    withdrew: new Float64Array(nA),
    withdrewOnExit: new Float64Array(nA),
    withdrewAt: new Float64Array(nA * T),
    endRound: new Float64Array(T + 1),
    agreementsAt: new Float64Array(T),
    withdrawalsAt: new Float64Array(T),
    fates: new Float64Array(nM * FATES_PER_MEASURE),
    brokenBy: new Float64Array(nM * (nA + 1)),
    heldRounds: new Float64Array(nM),
    heldRoundsSq: new Float64Array(nM),
    inForce: new Float64Array(nM * P),
    kept: new Float64Array(nM * P),
    dealSum: new Float64Array(nI),
    dealSumSq: new Float64Array(nI),
    dealHist: new Float64Array(nI * DEAL_BINS),
    questions: new Float64Array(s.observed?.questions.length ?? 0),
  };
}

export function addRun(t: Tally, s: Scenario, r: RunRecord): void {
  const nA = s.actors.length, T = s.rounds, nI = s.issues.length, P = playedRounds(s);
  t.runs++;
  t.decisions += r.decisions;
  t.outcomes[r.outcome]++;
  t.endRound[r.endRound]++;
  if (r.outcome === AGREEMENT) {
    t.agreementsAt[r.endRound - 1]++;
    for (let k = 0; k < nI; k++) {
      const x = r.deal[k];
      t.dealSum[k] += x;
      t.dealSumSq[k] += x * x;
      t.dealHist[k * DEAL_BINS + Math.min(100, Math.max(0, Math.floor(x)))]++;
    }
  } else if (r.outcome === WITHDRAWAL) {
    t.withdrawalsAt[r.endRound - 1]++;
  }
  for (let a = 0; a < nA; a++) {
    t.attended[a] += r.attended[a];
    const w = r.withdrewRound[a];
    if (w > 0) {
      t.withdrew[a]++;
      t.withdrewAt[a * T + w - 1]++;
      if (r.trigger[a] === TRIGGER_EXIT) t.withdrewOnExit[a]++;
    }
  }
  for (let m = 0; m < s.measures.length; m++) {
    const fate = r.measureFate[m];
    if (fate >= 0) t.fates[m * FATES_PER_MEASURE + fate]++;
    if (s.measures[m].kind !== 'ceasefire') continue;
    if (fate === CF_BROKEN) t.brokenBy[m * (nA + 1) + (r.brokenBy[m] === BY_BOTH ? nA : r.brokenBy[m])]++;
    if (ceasefireAccepted(fate)) {
      t.heldRounds[m] += r.heldRounds[m];
      t.heldRoundsSq[m] += r.heldRounds[m] * r.heldRounds[m];
    }
    for (let i = 0; i < P; i++) {
      const c = r.ceasefireRound[m * P + i];
      if (c > 0) t.inForce[m * P + i]++;
      if (c === 1) t.kept[m * P + i]++;
    }
  }
  const qs = s.observed?.questions;
  if (qs !== undefined) for (let k = 0; k < qs.length; k++) if (questionHolds(s, r, qs[k])) t.questions[k]++;
}

const ARRAY_KEYS = [
  'outcomes', 'attended', 'withdrew', 'withdrewOnExit', 'withdrewAt', 'endRound', 'agreementsAt', 'withdrawalsAt',
  'fates', 'brokenBy', 'heldRounds', 'heldRoundsSq', 'inForce', 'kept', 'dealSum', 'dealSumSq', 'dealHist', 'questions',
] as const;

/** into += from (the tally of the union of two disjoint sets of runs). */
export function mergeTally(into: Tally, from: Tally): void {
  into.runs += from.runs;
  into.decisions += from.decisions;
  for (const k of ARRAY_KEYS) {
    const a = into[k], b = from[k];
    if (a.length !== b.length) throw new Error(`mergeTally: ${k} has ${a.length} cells here and ${b.length} there`);
    for (let i = 0; i < a.length; i++) a[i] += b[i];
  }
}
