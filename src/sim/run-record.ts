/**
 * What one run leaves behind: its outcome and the details the summary counts. One record object is
 * allocated per engine and reused for every run (the hot loop allocates nothing per run that it can
 * allocate once).
 */
import type { Scenario } from '../scenario/types.js';

export const OUTCOMES = ['agreement', 'withdrawal', 'stalemate', 'no_talks'] as const;
export type OutcomeName = (typeof OUTCOMES)[number];
export const AGREEMENT = 0;
export const WITHDRAWAL = 1;
export const STALEMATE = 2;
export const NO_TALKS = 3;

/** Why a party withdrew: its exit preference was triggered, or it chose to with none triggered. */
export const TRIGGER_NONE = 0;
export const TRIGGER_EXIT = 1;
export const TRIGGER_CHOICE = 2;

/** A ceasefire's fate in a run. */
export const CF_NOT_OFFERED = 0; // the talks ended before the round it was to be offered in
export const CF_REJECTED = 1;
export const CF_HELD = 2; // accepted and still in force after the last round
export const CF_BROKEN = 3;
export const CF_FATES = ['not_offered', 'rejected', 'held', 'broken'] as const;
/** Whether a ceasefire of this fate was accepted: it then either held to the end or was broken. */
export function ceasefireAccepted(fate: number): boolean {
  return fate === CF_HELD || fate === CF_BROKEN;
}
/** brokenBy when both sides' violations called it off in the same round. */
export const BY_BOTH = -2;

export interface RunRecord {
  run: number;
  outcome: number;
  /** Round the talks ended in (0 for no_talks, the last round for stalemate). */
  endRound: number;
  /** Per actor: 1 if it attended (parties), 1 for sponsors and mediators. */
  attended: Uint8Array;
  /** Per actor: the round it withdrew in, 0 if it did not. */
  withdrewRound: Int32Array;
  /** Per actor: TRIGGER_* of its withdrawal. */
  trigger: Uint8Array;
  /** The deal on each issue, when the outcome is agreement. */
  deal: Float64Array;
  /** Per measure: ceasefire fate (CF_*) or, for an exchange, 1 if carried out, 0 if not, -1 if never offered. */
  measureFate: Int32Array;
  /** Per measure: rounds a ceasefire was in force without a violation actually committed. */
  heldRounds: Int32Array;
  /** Per measure: who broke a ceasefire (actor index, BY_BOTH, or -1). */
  brokenBy: Int32Array;
  /** Per measure and round (m * played + r - 1, played = rounds + window): 1 if a ceasefire was in force and kept that round, 2 if in force and violated, 0 otherwise. */
  ceasefireRound: Uint8Array;
  /** Per measure: the round a ceasefire was accepted (0: before the talks, or in force from the start), an exchange's first tranche or a concession carried out; -1 if never. */
  measureRound: Int32Array;
  /** Per measure: tranches of an exchange carried out. */
  tranches: Int32Array;
  /** Per measure: the round a ceasefire was called off (0: never). */
  endedRound: Int32Array;
  /** Per measure: the first round in which a side committed a ceasefire violation (0: none). */
  firstViolation: Int32Array;
  /** Per actor: the first round its exit trigger held while it sat at the table (0: never). */
  threatened: Int32Array;
  /** The round a framework agreement was reached (0: none, or no framework). */
  frameworkRound: number;
  /** Per actor: 1 if it ratified the deal, 0 if it rejected it, -1 if it was not asked (not a ratifier, or no deal). */
  ratified: Int8Array;
  /** 1 if a signed (and ratified) deal was implemented, 0 if a party defected from it, -1 if there was none to implement. */
  implemented: number;
  /** The run's parameter vector (every scenario number, sampled). */
  values: Float64Array;
  /** Choices drawn in this run (actor-decisions, for the benchmark's decisions per second). */
  decisions: number;
}

/** The last round of talks: the deadline's round, or the scenario's last. */
export function talkRounds(s: Scenario): number {
  return s.deadline > 0 ? Math.min(s.deadline, s.rounds) : s.rounds;
}

/** Rounds a run plays: the talks' rounds, then the window (measures and the deal's implementation go on). */
export function playedRounds(s: Scenario): number {
  return s.rounds + s.window;
}

/**
 * Start a record reused run after run afresh: the outcomes of a run in which nothing has happened yet. The
 * run sets the rest as it starts: `attended` (by role), `measureFate` (by the measures), `values`, `run`
 * and `decisions`.
 */
export function clearRunRecord(rec: RunRecord): void {
  rec.outcome = STALEMATE;
  rec.endRound = 0;
  rec.withdrewRound.fill(0);
  rec.trigger.fill(TRIGGER_NONE);
  rec.deal.fill(NaN);
  rec.heldRounds.fill(0);
  rec.brokenBy.fill(-1);
  rec.ceasefireRound.fill(0);
  rec.measureRound.fill(-1);
  rec.tranches.fill(0);
  rec.endedRound.fill(0);
  rec.firstViolation.fill(0);
  rec.threatened.fill(0);
  rec.frameworkRound = 0;
  rec.ratified.fill(-1);
  rec.implemented = -1;
}

export function newRunRecord(s: Scenario): RunRecord {
  const nA = s.actors.length;
  return {
    run: 0,
    outcome: STALEMATE,
    endRound: 0,
    attended: new Uint8Array(nA),
    withdrewRound: new Int32Array(nA),
    trigger: new Uint8Array(nA),
    deal: new Float64Array(s.issues.length),
    measureFate: new Int32Array(s.measures.length),
    heldRounds: new Int32Array(s.measures.length),
    brokenBy: new Int32Array(s.measures.length),
    ceasefireRound: new Uint8Array(s.measures.length * playedRounds(s)),
    measureRound: new Int32Array(s.measures.length),
    tranches: new Int32Array(s.measures.length),
    endedRound: new Int32Array(s.measures.length),
    firstViolation: new Int32Array(s.measures.length),
    threatened: new Int32Array(nA),
    frameworkRound: 0,
    ratified: new Int8Array(nA),
    implemented: -1,
    values: new Float64Array(s.params.length),
    decisions: 0,
  };
}
