/**
 * The two baselines a backtest's forecasts are scored against:
 *
 * - `half`: always 0.5 — no information at all. Its Brier score is 0.25 and its log loss ln 2 = 0.693 on
 *   any set of questions; a forecast that does not beat it has told us nothing.
 * - `base rate`: for each kind of question (its `ask`), the share of yes answers among all questions of
 *   that kind in the scenarios backtested together. It knows how often talks in general end in
 *   agreement, how often parties attend, and nothing about the case. It is computed from the very answers
 *   it is scored on (in-sample), which flatters it, the more so the fewer the scenarios; with one scenario
 *   it is close to an oracle.
 *
 * @example
 * baseRates([{ ask: 'attends', answer: true }, { ask: 'attends', answer: true }, { ask: 'agreement', answer: false }])
 * // Map { 'attends' => { yes: 2, n: 2, rate: 1 }, 'agreement' => { yes: 0, n: 1, rate: 0 } }
 */
import type { ObservedAsk } from '../scenario/types.js';

export const HALF = 0.5;

export interface BaseRate {
  /** Questions of this ask answered yes. */
  yes: number;
  /** Questions of this ask. */
  n: number;
  /** yes / n. */
  rate: number;
}

/** The share of yes answers per ask, over `questions` (in their order of first appearance). */
export function baseRates(questions: readonly { ask: ObservedAsk; answer: boolean }[]): Map<ObservedAsk, BaseRate> {
  const out = new Map<ObservedAsk, BaseRate>();
  for (const q of questions) {
    const r = out.get(q.ask) ?? { yes: 0, n: 0, rate: 0 };
    r.n++;
    if (q.answer) r.yes++;
    r.rate = r.yes / r.n;
    out.set(q.ask, r);
  }
  return out;
}
