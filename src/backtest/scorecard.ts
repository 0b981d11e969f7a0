/**
 * A forecaster's scorecard of a list of yes/no forecasts: the mean Brier score and log loss (score.ts)
 * over all questions, over the attendance questions and over the rest, per kind of question (its `ask`)
 * and per case; and the forecasts' calibration as a reliability table with its expected calibration
 * error. Pure: it scores whatever probabilities it is given (negsim's, a baseline's, a fitted model's
 * out of sample), so every forecaster is scored by the same code.
 *
 * - Attendance apart. "Did X attend" and "did the talks take place" are mostly answered yes, and a model
 *   that says 0.99 to them scores near 0 on each; mixed in, they flatter a score (DESIGN.md section 8,
 *   "attendance nobody doubted"). `attendance` and `nonAttendance` split the questions on isAttendance.
 * - Reliability table (Murphy & Winkler 1977, "Reliability of subjective probability forecasts of
 *   precipitation and temperature", Applied Statistics 26(1)): the forecasts sorted into ten bins by
 *   decile, [0, 0.1), [0.1, 0.2), ..., [0.9, 1] (the last closed, so p = 1 has a bin); in each bin the
 *   number of questions, the mean forecast, how many were answered yes, and that share with its 95%
 *   Wilson interval (wilson-interval.ts). A calibrated forecaster's shares lie near its mean forecasts.
 *   Every bin is listed, empty ones too (n 0: meanP and freq NaN, the interval [0, 1]), so tables of
 *   different forecasters line up row for row.
 * - Expected calibration error (Naeini, Cooper & Hauskrecht 2015, "Obtaining well calibrated
 *   probabilities using Bayesian binning", AAAI): sum over bins of n_b / N * |meanP_b - freq_b|, the mean
 *   distance of a question's bin from the diagonal; 0 for a calibrated forecaster, NaN with no questions.
 *   With few questions a bin's share is noisy, so a forecaster that is calibrated still shows some ECE:
 *   read it beside the bins' intervals.
 *
 * byKind lists the kinds in the schema's order (OBSERVED_ASK_VALUES), only those present; byCase lists the
 * cases in their order of first appearance.
 *
 * @example
 * const c = scorecard([
 *   { case: 'a', question: 'q1', ask: 'attends', asOf: '2000-01-01', p: 0.9, observed: true },
 *   { case: 'a', question: 'q2', ask: 'agreement', asOf: '2000-01-01', p: 0.3, observed: false },
 * ]);
 * c.overall          // { n: 2, brier: 0.05 (0.01 + 0.09, halved), logLoss: 0.2310177297982794 ((-ln 0.9 - ln 0.7) / 2) }
 * c.attendance.n     // 1
 * c.reliability[9]   // { lo: 0.9, hi: 1, n: 1, meanP: 0.9, yes: 1, freq: 1, freqLo: 0.20654931437723745, freqHi: 1 }
 * c.ece              // 0.2 ((1 * |0.9 - 1| + 1 * |0.3 - 0|) / 2)
 */
import { OBSERVED_ASK_VALUES, type ObservedAsk } from '../scenario/schema.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { meanScores, type Scores } from './score.js';

export interface ScoredQuestion {
  /** Scenario id. */
  case: string;
  /** Question id. */
  question: string;
  /** The question's kind (src/scenario/types.ts). */
  ask: ObservedAsk;
  /** The case's as_of date, YYYY-MM-DD ('' if none). */
  asOf: string;
  /** Forecast probability of yes, in [0, 1]. */
  p: number;
  /** The answer. */
  observed: boolean;
}

export interface ReliabilityBin {
  /** The bin holds forecasts p with lo <= p < hi (p <= hi in the last bin). */
  lo: number;
  hi: number;
  /** Questions whose forecast fell in the bin. */
  n: number;
  /** Their mean forecast (NaN when n = 0). */
  meanP: number;
  /** Of them, answered yes. */
  yes: number;
  /** yes / n (NaN when n = 0). */
  freq: number;
  /** 95% Wilson interval of freq ([0, 1] when n = 0). */
  freqLo: number;
  freqHi: number;
}

export type KindScores = Scores & {
  /** Questions of this kind answered yes. */
  yes: number;
  /** Mean forecast over them. */
  meanP: number;
};

export interface Scorecard {
  overall: Scores;
  /** Asks 'attends' and 'talks' (the near-certain kind). */
  attendance: Scores;
  /** Every other ask. */
  nonAttendance: Scores;
  byKind: Record<string, KindScores>;
  byCase: Record<string, Scores>;
  /** Forecast deciles [0, 0.1), ..., [0.9, 1]: always ten bins. */
  reliability: ReliabilityBin[];
  /** Expected calibration error: sum over bins of n_b / N * |meanP_b - freq_b| (NaN when N = 0). */
  ece: number;
}

/** The asks whose answer is near-certain: did a party attend, did the talks take place at all. */
const ATTENDANCE: ReadonlySet<ObservedAsk> = new Set<ObservedAsk>(['attends', 'talks']);

export function isAttendance(ask: ObservedAsk): boolean {
  return ATTENDANCE.has(ask);
}

/** Bins of the reliability table. */
export const BINS = 10;

/**
 * The decile bin of p: the number of edges 0.1, ..., 0.9 at or below it. Compared with k / 10 (the double
 * nearest each edge) rather than floor(p * 10), so that a forecast of exactly 3/10 is in [0.3, 0.4)
 * whatever the rounding of the product.
 */
export function binOf(p: number): number {
  let b = 0;
  while (b < BINS - 1 && p >= (b + 1) / BINS) b++;
  return b;
}

/** The reliability table of `items` (ten bins) and its expected calibration error. */
export function reliability(items: readonly { p: number; observed: boolean }[]): { bins: ReliabilityBin[]; ece: number } {
  const n = new Array<number>(BINS).fill(0);
  const sumP = new Array<number>(BINS).fill(0);
  const yes = new Array<number>(BINS).fill(0);
  for (const it of items) {
    const b = binOf(it.p);
    n[b]++;
    sumP[b] += it.p;
    if (it.observed) yes[b]++;
  }
  const bins: ReliabilityBin[] = [];
  let gap = 0;
  for (let b = 0; b < BINS; b++) {
    const w = wilsonInterval(yes[b], n[b]);
    const meanP = n[b] > 0 ? sumP[b] / n[b] : NaN;
    const freq = n[b] > 0 ? yes[b] / n[b] : NaN;
    if (n[b] > 0) gap += n[b] * Math.abs(meanP - freq);
    bins.push({ lo: b / BINS, hi: (b + 1) / BINS, n: n[b], meanP, yes: yes[b], freq, freqLo: w.lo, freqHi: w.hi });
  }
  return { bins, ece: items.length > 0 ? gap / items.length : NaN };
}

function kindScores(items: readonly ScoredQuestion[]): KindScores {
  let yes = 0;
  let sumP = 0;
  for (const it of items) {
    if (it.observed) yes++;
    sumP += it.p;
  }
  return { ...meanScores(items), yes, meanP: items.length > 0 ? sumP / items.length : NaN };
}

/** Groups `items` by `key`, keys in their order of first appearance. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = out.get(k);
    if (g) g.push(it);
    else out.set(k, [it]);
  }
  return out;
}

export function scorecard(items: readonly ScoredQuestion[]): Scorecard {
  for (const it of items) {
    // a probability outside [0, 1] is a bug upstream, not a user's error
    if (!(it.p >= 0 && it.p <= 1)) throw new RangeError(`scorecard: ${it.case}/${it.question} has p = ${it.p}, not in [0, 1]`);
  }
  const kinds = groupBy(items, (it) => it.ask);
  const byKind: Record<string, KindScores> = {};
  for (const ask of OBSERVED_ASK_VALUES) {
    const g = kinds.get(ask);
    if (g) byKind[ask] = kindScores(g);
  }
  const byCase: Record<string, Scores> = {};
  for (const [c, g] of groupBy(items, (it) => it.case)) byCase[c] = meanScores(g);
  const { bins, ece } = reliability(items);
  return {
    overall: meanScores(items),
    attendance: meanScores(items.filter((it) => isAttendance(it.ask))),
    nonAttendance: meanScores(items.filter((it) => !isAttendance(it.ask))),
    byKind,
    byCase,
    reliability: bins,
    ece,
  };
}
