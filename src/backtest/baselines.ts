/**
 * The baselines a backtest's forecasts are scored against:
 *
 * - `half`: always 0.5 — no information at all. Its Brier score is 0.25 and its log loss ln 2 = 0.693 on
 *   any set of questions; a forecast that does not beat it has told us nothing.
 * - `base rate`: for each kind of question (its `ask`), the share of yes answers among all questions of
 *   that kind in the scenarios backtested together. It knows how often talks in general end in
 *   agreement, how often parties attend, and nothing about the case. It is computed from the very answers
 *   it is scored on (in-sample), which flatters it, the more so the fewer the scenarios; with one scenario
 *   it is close to an oracle.
 * - `out-of-sample base rate` (leave one case out): for a question of case c, the share of yes answers
 *   among the questions of the same kind in every case but c — what a forecaster who had seen the other
 *   cases, and not this one, would say. It is the fair baseline for a model fitted and scored out of
 *   sample (issue 15). When no other case asks this kind of question, it falls back to the share of yes
 *   answers among all questions of the other cases (the pooled rate); when there is no other case at all,
 *   to 0.5. Each forecast says which it used (`basis`).
 *
 * @example
 * baseRates([{ ask: 'attends', answer: true }, { ask: 'attends', answer: true }, { ask: 'agreement', answer: false }])
 * // Map { 'attends' => { yes: 2, n: 2, rate: 1 }, 'agreement' => { yes: 0, n: 1, rate: 0 } }
 * outOfSampleBaseRate([
 *   { case: 'a', ask: 'agreement', observed: true }, { case: 'a', ask: 'attends', observed: true },
 *   { case: 'b', ask: 'agreement', observed: false },
 *   { case: 'c', ask: 'agreement', observed: false }, { case: 'c', ask: 'held', observed: true },
 * ])
 * // [0, 0.3333333333333333, 0.5, 0.5, 0.6666666666666666]
 * // a's agreement sees b's and c's (0 of 2); b's and c's see one yes of two; nobody else asks attends or
 * // held, so those fall back to the pooled rate of the other cases (a's attends: b and c, 1 of 3 yes;
 * // c's held: a and b, 2 of 3)
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

/** Which rate an out-of-sample base-rate forecast used. */
export type BaseRateBasis = 'kind' | 'pooled' | 'half';

export interface LeaveCaseOutRate {
  /** The forecast: yes / n, or 0.5 when n = 0. */
  p: number;
  /** Yes answers and questions it was computed from (all in other cases). */
  yes: number;
  n: number;
  /** kind: same ask in the other cases; pooled: every question of the other cases; half: no other case. */
  basis: BaseRateBasis;
}

/** A question as the leave-case-out baseline sees it: its case, its kind and its answer. */
export interface CaseQuestion {
  case: string;
  ask: ObservedAsk;
  observed: boolean;
}

/**
 * The out-of-sample (leave-one-case-out) base rate of each item, with what it was computed from: the
 * totals over every case minus the item's own case's, per kind and pooled (linear in the items).
 */
export function leaveCaseOutRates(items: readonly CaseQuestion[]): LeaveCaseOutRate[] {
  const count = () => ({ yes: 0, n: 0 });
  const all = count();
  const byKind = new Map<ObservedAsk, { yes: number; n: number }>();
  const byCase = new Map<string, { yes: number; n: number }>();
  const byCaseKind = new Map<string, { yes: number; n: number }>();
  const add = <K>(m: Map<K, { yes: number; n: number }>, k: K, yes: boolean) => {
    const c = m.get(k) ?? count();
    c.n++;
    if (yes) c.yes++;
    m.set(k, c);
  };
  // a case id and an ask joined by a character neither can hold as one key
  const key = (c: string, ask: ObservedAsk) => `${c}\u0000${ask}`;
  for (const it of items) {
    all.n++;
    if (it.observed) all.yes++;
    add(byKind, it.ask, it.observed);
    add(byCase, it.case, it.observed);
    add(byCaseKind, key(it.case, it.ask), it.observed);
  }
  return items.map((it) => {
    const kind = byKind.get(it.ask)!;
    const own = byCaseKind.get(key(it.case, it.ask))!;
    const kn = kind.n - own.n;
    if (kn > 0) return { p: (kind.yes - own.yes) / kn, yes: kind.yes - own.yes, n: kn, basis: 'kind' };
    const mine = byCase.get(it.case)!;
    const pn = all.n - mine.n;
    if (pn > 0) return { p: (all.yes - mine.yes) / pn, yes: all.yes - mine.yes, n: pn, basis: 'pooled' };
    return { p: HALF, yes: 0, n: 0, basis: 'half' };
  });
}

/** The out-of-sample (leave-one-case-out) base-rate forecast of each item, in their order. */
export function outOfSampleBaseRate(items: readonly CaseQuestion[]): number[] {
  return leaveCaseOutRates(items).map((r) => r.p);
}

/**
 * The base rate learnt from `train` (questions of other cases: earlier ones, in a split by time) for a
 * question of kind `ask`: the share of yes among the training questions of that kind; when none is of
 * that kind, the share over all training questions (pooled); with no training question at all, 0.5 —
 * the same fallbacks as leaveCaseOutRates.
 *
 * @example
 * trainedBaseRate([{ case: 'a', ask: 'agreement', observed: true }, { case: 'b', ask: 'attends', observed: true },
 *   { case: 'b', ask: 'agreement', observed: false }], 'held')
 * // { p: 0.6666666666666666, yes: 2, n: 3, basis: 'pooled' }
 */
export function trainedBaseRate(train: readonly CaseQuestion[], ask: ObservedAsk): LeaveCaseOutRate {
  const kind = train.filter((q) => q.ask === ask);
  if (kind.length > 0) {
    const yes = kind.filter((q) => q.observed).length;
    return { p: yes / kind.length, yes, n: kind.length, basis: 'kind' };
  }
  if (train.length > 0) {
    const yes = train.filter((q) => q.observed).length;
    return { p: yes / train.length, yes, n: train.length, basis: 'pooled' };
  }
  return { p: HALF, yes: 0, n: 0, basis: 'half' };
}
