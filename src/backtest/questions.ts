/**
 * The forecast of a backtest question: the share of Monte Carlo runs in which what it asks happened,
 * with its 95% Wilson interval, read off the run summary (and, for `held` with `rounds`, the histogram
 * of rounds kept, held-rounds.ts). Every share is over all runs:
 *
 * | ask                    | metric                                                    |
 * | ---------------------- | --------------------------------------------------------- |
 * | attends (actor)        | attend[actor]: the party attended the talks               |
 * | withdraws (actor)      | withdraw[actor]: the party withdrew in some round         |
 * | withdrawal             | outcome.withdrawal: the talks ended in a withdrawal        |
 * | agreement              | outcome.agreement                                         |
 * | stalemate              | outcome.stalemate: no deal by the last round              |
 * | talks                  | 1 - outcome.no_talks: no essential party boycotted        |
 * | accepted (ceasefire)   | <measure>.accepted: both sides accepted it                |
 * | held (ceasefire)       | <measure>.held: accepted and never called off             |
 * | held, rounds N         | accepted and kept (no violation) in at least N rounds     |
 * | carried_out (exchange) | <measure>.carried_out                                     |
 *
 * @example
 * forecastQuestion(scenario, summary, { id: 'deal', ask: 'agreement', actor: -1, measure: -1, rounds: 0, answer: false }, null)
 * // { metric: 'outcome.agreement', count: 25, n: 10000, p: 0.0025, lo: 0.00169..., hi: 0.00368... } for Geneva II, seed 1
 */
import type { ObservedQuestion, Scenario } from '../scenario/types.js';
import { estimate, type CeasefireSummary, type Estimate, type ExchangeSummary, type Summary } from '../stats/summary.js';
import { heldAtLeast, type HeldRounds } from './held-rounds.js';

export interface QuestionForecast extends Estimate {
  /** The summary metric it reads, as the summary CSV names it (`outcome.agreement`, `attend gov`, ...). */
  metric: string;
}

/** Whether a question needs the histogram of rounds kept (and so the run columns of every block). */
export function needsHeldRounds(q: ObservedQuestion): boolean {
  return q.ask === 'held' && q.rounds > 0;
}

/**
 * The forecast of question `q` of `scenario` from its Monte Carlo `summary`; `held` must be given when
 * needsHeldRounds(q). A question that does not fit the scenario (the loader refuses those) is a bug and throws.
 */
export function forecastQuestion(scenario: Scenario, summary: Summary, q: ObservedQuestion, held: HeldRounds | null): QuestionForecast {
  const actor = q.actor >= 0 ? scenario.actors[q.actor].id : '';
  const measure = q.measure >= 0 ? scenario.measures[q.measure].id : '';
  const with_ = (metric: string, e: Estimate | null | undefined): QuestionForecast => {
    if (!e) throw new Error(`forecastQuestion: no ${metric} in the summary for question ${q.id}`);
    return { metric, p: e.p, lo: e.lo, hi: e.hi, count: e.count, n: e.n };
  };
  const ceasefire = (): CeasefireSummary => {
    const m = summary.measures[measure];
    if (m?.kind !== 'ceasefire') throw new Error(`forecastQuestion: ${measure} is not a ceasefire (question ${q.id})`);
    return m;
  };
  switch (q.ask) {
    case 'attends': return with_(`attend ${actor}`, summary.actors[actor]?.attend);
    case 'withdraws': return with_(`withdraw ${actor}`, summary.actors[actor]?.withdraw);
    case 'withdrawal': return with_('outcome.withdrawal', summary.outcomes.withdrawal);
    case 'agreement': return with_('outcome.agreement', summary.outcomes.agreement);
    case 'stalemate': return with_('outcome.stalemate', summary.outcomes.stalemate);
    case 'talks': {
      const nt = summary.outcomes.no_talks;
      return with_('1 - outcome.no_talks', estimate(nt.n - nt.count, nt.n));
    }
    case 'accepted': return with_(`${measure}.accepted`, ceasefire().accepted);
    case 'held': {
      const cf = ceasefire();
      if (q.rounds === 0) return with_(`${measure}.held`, cf.fate.held);
      if (!held) throw new Error(`forecastQuestion: question ${q.id} needs the rounds-kept histogram`);
      return with_(`${measure} kept >= ${q.rounds} rounds`, estimate(heldAtLeast(held, q.measure, q.rounds), summary.runs));
    }
    case 'carried_out': {
      const m = summary.measures[measure] as ExchangeSummary | CeasefireSummary | undefined;
      if (m?.kind !== 'exchange') throw new Error(`forecastQuestion: ${measure} is not an exchange (question ${q.id})`);
      return with_(`${measure}.carried_out`, m.carried_out);
    }
  }
}
