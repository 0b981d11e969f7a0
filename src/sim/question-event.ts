/**
 * What an observed question asks of one run (docs/SCENARIO.md, "observed"): whether the event it names
 * happened in that run. A question's forecast is the share of runs in which it did; the tally counts them
 * run by run (stats/tally.ts), in workers and shards alike, so every kind of question — dated ("by"),
 * staged, partial, per ratifier — is one predicate here and needs no summary metric of its own.
 *
 * | ask          | yes in a run when                                                                       |
 * | ------------ | --------------------------------------------------------------------------------------- |
 * | attends      | the party attended                                                                      |
 * | withdraws    | the party withdrew (by round B)                                                         |
 * | threatens    | the party voiced its exit threat at the table (by round B; sim/exit-watch.ts)           |
 * | withdrawal   | the talks ended in a withdrawal (by round B)                                            |
 * | agreement    | the talks ended in agreement (by round B); stage framework: a framework (or the deal)   |
 * | stalemate    | no deal by the last round of talks, nobody left                                         |
 * | talks        | no essential party boycotted                                                            |
 * | accepted     | the ceasefire was accepted (in round B or before)                                       |
 * | held         | accepted and never called off; rounds N: kept (no violation) in N rounds or more;       |
 * |              | by B: in force from round B or before, and not called off before the end of round B     |
 * | unbroken     | accepted and no violation committed (in its first N rounds / through round B)           |
 * | carried_out  | every tranche carried out (partial: at least one) (the last one by round B)              |
 * | ratified     | a deal was signed and every ratifier (or the one asked about) approved it               |
 * | implemented  | a signed, ratified deal was implemented by every essential party                        |
 *
 * A ceasefire accepted in round r is in force from round max(1, r) (docs/MODEL.md).
 *
 * @example questionHolds(scenario, rec, { ask: 'agreement', byRound: 3, ... }) // rec.outcome === AGREEMENT && rec.endRound <= 3
 */
import type { ObservedQuestion, Scenario } from '../scenario/types.js';
import { AGREEMENT, NO_TALKS, STALEMATE, WITHDRAWAL, type RunRecord } from './run-record.js';

/** Round r is within the question's limit (no limit: byRound < 0). */
function within(r: number, byRound: number): boolean {
  return byRound < 0 || r <= byRound;
}

export function questionHolds(s: Scenario, rec: RunRecord, q: ObservedQuestion): boolean {
  const B = q.byRound;
  const a = q.actor;
  const m = q.measure;
  switch (q.ask) {
    case 'attends': return rec.attended[a] === 1;
    case 'withdraws': return rec.withdrewRound[a] > 0 && within(rec.withdrewRound[a], B);
    case 'threatens': return rec.threatened[a] > 0 && within(rec.threatened[a], B);
    case 'withdrawal': return rec.outcome === WITHDRAWAL && within(rec.endRound, B);
    case 'agreement': {
      if (q.framework && rec.frameworkRound > 0) return within(rec.frameworkRound, B);
      return rec.outcome === AGREEMENT && within(rec.endRound, B);
    }
    case 'stalemate': return rec.outcome === STALEMATE;
    case 'talks': return rec.outcome !== NO_TALKS;
    case 'accepted': return rec.measureRound[m] >= 0 && within(rec.measureRound[m], B);
    case 'held': {
      const at = rec.measureRound[m];
      if (at < 0) return false;
      if (q.rounds > 0) return rec.heldRounds[m] >= q.rounds;
      const ended = rec.endedRound[m];
      if (B < 0) return ended === 0;
      return Math.max(1, at) <= B && (ended === 0 || ended > B);
    }
    case 'unbroken': {
      const at = rec.measureRound[m];
      if (at < 0) return false;
      const v = rec.firstViolation[m];
      if (v === 0) return true;
      if (q.rounds > 0) return v >= Math.max(1, at) + q.rounds;
      return B >= 0 && v > B;
    }
    case 'carried_out': {
      const spec = s.measures[m];
      if (q.partial) return rec.tranches[m] >= 1 && within(rec.measureRound[m], B);
      return rec.tranches[m] >= spec.parts && within(rec.measureRound[m] + spec.parts - 1, B);
    }
    case 'ratified': {
      if (rec.outcome !== AGREEMENT) return false;
      if (a >= 0) return rec.ratified[a] === 1;
      for (let i = 0; i < s.actors.length; i++) if (s.actors[i].role === 'ratifier' && rec.ratified[i] !== 1) return false;
      return true;
    }
    case 'implemented': return rec.implemented === 1;
  }
}
