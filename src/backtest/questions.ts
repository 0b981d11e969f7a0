/**
 * The forecast of a backtest question: the share of Monte Carlo runs in which what it asks happened, with
 * its 95% Wilson interval. Which runs count is one predicate per ask (sim/question-event.ts, applied to
 * every run as the tally is built, in workers and shards alike); the tally keeps the count per question.
 * Every share is over all runs (a ceasefire the talks never reached counts as not accepted).
 *
 * The metric names say what was counted, as the summary CSV names its own metrics where they coincide:
 * `attend snc`, `withdraw snc`, `outcome.agreement`, `1 - outcome.no_talks`, `aleppo_ceasefire.accepted`,
 * `aleppo_ceasefire.held`, `aleppo_ceasefire kept >= 3 rounds`, `detainee_exchange.carried_out`, and for
 * the newer asks and options, e.g. `outcome.agreement by round 4`, `framework agreed`, `ratified`,
 * `ratified by parliament`, `implemented`, `threaten gov`, `aleppo_ceasefire.unbroken`.
 *
 * @example
 * forecastQuestion(scenario, tally, 0) // { metric: 'attend snc', count: 9997, n: 10000, p: 0.9997, lo: ..., hi: ... }
 */
import type { ObservedQuestion, Scenario } from '../scenario/types.js';
import { estimate, type Estimate } from '../stats/summary.js';
import type { Tally } from '../stats/tally.js';

export interface QuestionForecast extends Estimate {
  /** What was counted, in words close to the summary's metric names. */
  metric: string;
}

/** The forecast of question `index` of scenario.observed, from the tally of its Monte Carlo. */
export function forecastQuestion(scenario: Scenario, tally: Tally, index: number): QuestionForecast {
  const q = scenario.observed?.questions[index];
  if (q === undefined) throw new Error(`forecastQuestion: scenario ${scenario.id} has no observed question ${index}`);
  if (tally.questions.length !== scenario.observed!.questions.length) {
    throw new Error(`forecastQuestion: the tally counts ${tally.questions.length} questions and scenario ${scenario.id} has ${scenario.observed!.questions.length}`);
  }
  return { metric: questionMetric(scenario, q), ...estimate(tally.questions[index], tally.runs) };
}

/** What question q counts, in words. */
export function questionMetric(scenario: Scenario, q: ObservedQuestion): string {
  const actor = q.actor >= 0 ? scenario.actors[q.actor].id : '';
  const measure = q.measure >= 0 ? scenario.measures[q.measure].id : '';
  const by = q.byRound >= 0 ? ` by round ${q.byRound}` : '';
  switch (q.ask) {
    case 'attends': return `attend ${actor}`;
    case 'withdraws': return `withdraw ${actor}${by}`;
    case 'threatens': return `threaten ${actor}${by}`;
    case 'withdrawal': case 'agreement': case 'stalemate':
      return q.framework ? `framework agreed${by}` : `outcome.${q.ask}${by}`;
    case 'talks': return '1 - outcome.no_talks';
    case 'accepted': return `${measure}.accepted${by}`;
    case 'held': return q.rounds > 0 ? `${measure} kept >= ${q.rounds} rounds` : `${measure}.held${q.byRound >= 0 ? ` through round ${q.byRound}` : ''}`;
    case 'unbroken': return `${measure}.unbroken${q.rounds > 0 ? ` for ${q.rounds} rounds` : q.byRound >= 0 ? ` through round ${q.byRound}` : ''}`;
    case 'carried_out': return `${measure}.carried_out${q.partial ? ' (at least partly)' : ''}${by}`;
    case 'ratified': return actor ? `ratified by ${actor}` : 'ratified';
    case 'implemented': return 'implemented';
  }
}
