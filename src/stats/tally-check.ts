/**
 * Whether a tally read from a file (a shard's part) could have come from `runs` runs of its scenario: the
 * identities every tally built by addRun (tally.ts) satisfies, checked before anything is merged, so a
 * damaged or forged part is refused by name instead of turning into "agreement 12.8%" or a RangeError
 * deep in an interval.
 *
 * Every count is a whole number >= 0; the four outcomes and the end rounds each sum to the runs;
 * agreements and withdrawals per round sum to the agreements and withdrawals; an actor's withdrawals per
 * round sum to its withdrawals; no share exceeds its denominator; the deal histograms count the
 * agreements; a ceasefire's breakers count its broken runs; no observed question holds in more runs than
 * there are; the deal sums lie within what positions on a 0-100 scale allow.
 *
 * @example
 * tallyProblem(tallyOf(geneva, 1000 runs), geneva, 1000) // undefined
 * tallyProblem({ ...t, outcomes: [1e300, 0, 0, 0] }, geneva, 1000) // 'outcomes[0] is 1e+300, more than the 1000 runs it counts'
 */
import type { Scenario } from '../scenario/types.js';
import { AGREEMENT, CF_BROKEN, CF_HELD, NO_TALKS, playedRounds, WITHDRAWAL } from '../sim/run-record.js';
import { DEAL_BINS, FATES_PER_MEASURE, type Tally } from './tally.js';

/** The counts of a tally: every array but the deal sums, which are sums of positions. */
const COUNT_KEYS = [
  'outcomes', 'attended', 'withdrew', 'withdrewOnExit', 'withdrewAt', 'endRound', 'agreementsAt', 'withdrawalsAt',
  'fates', 'brokenBy', 'heldRounds', 'heldRoundsSq', 'inForce', 'kept', 'dealHist', 'questions',
] as const;

/** The first thing wrong with `t` as the tally of `runs` runs of `s` (a field and what is wrong), or undefined. */
export function tallyProblem(t: Tally, s: Scenario, runs: number): string | undefined {
  const nA = s.actors.length, T = s.rounds, nI = s.issues.length, P = playedRounds(s);
  if (t.runs !== runs) return `runs is ${t.runs}, but the slice holds ${runs} runs`;
  if (!(Number.isSafeInteger(t.decisions) && t.decisions >= 0)) return `decisions is ${t.decisions}, not a whole number >= 0`;
  for (const k of COUNT_KEYS) {
    const a = t[k];
    for (let i = 0; i < a.length; i++) {
      if (!(Number.isSafeInteger(a[i]) && a[i] >= 0)) return `${k}[${i}] is ${a[i]}, not a count (a whole number >= 0)`;
    }
  }
  const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
    let x = 0;
    for (let i = from; i < to; i++) x += a[i];
    return x;
  };
  const most = (k: (typeof COUNT_KEYS)[number], limit: number, what: string): string | undefined => {
    const a = t[k];
    for (let i = 0; i < a.length; i++) if (a[i] > limit) return `${k}[${i}] is ${a[i]}, more than the ${limit} ${what}`;
    return undefined;
  };
  const outcomes = sum(t.outcomes);
  if (outcomes !== runs) return `outcomes sum to ${outcomes}, not to the ${runs} runs (every run ends in exactly one outcome)`;
  const ended = sum(t.endRound);
  if (ended !== runs) return `endRound sums to ${ended}, not to the ${runs} runs`;
  if (t.endRound[0] !== t.outcomes[NO_TALKS]) return `endRound[0] is ${t.endRound[0]}, but ${t.outcomes[NO_TALKS]} runs had no talks`;
  const agreed = sum(t.agreementsAt), left = sum(t.withdrawalsAt);
  if (agreed !== t.outcomes[AGREEMENT]) return `agreementsAt sums to ${agreed}, not to the ${t.outcomes[AGREEMENT]} agreements`;
  if (left !== t.outcomes[WITHDRAWAL]) return `withdrawalsAt sums to ${left}, not to the ${t.outcomes[WITHDRAWAL]} withdrawals`;
  const limits: [(typeof COUNT_KEYS)[number], number, string][] = [
    ['attended', runs, 'runs'], ['withdrew', runs, 'runs'], ['withdrewOnExit', runs, 'runs'], ['fates', runs, 'runs'],
    ['brokenBy', runs, 'runs'], ['inForce', runs, 'runs'], ['kept', runs, 'runs'], ['questions', runs, 'runs'],
  ];
  for (const [k, limit, what] of limits) {
    const p = most(k, limit, what);
    if (p) return p;
  }
  // Runs still talking at the start of round r bound everything that happens in round r.
  let talking = runs - t.endRound[0];
  for (let r = 1; r <= T; r++) {
    if (t.agreementsAt[r - 1] + t.withdrawalsAt[r - 1] > t.endRound[r]) {
      return `round ${r}: agreementsAt and withdrawalsAt (${t.agreementsAt[r - 1]} + ${t.withdrawalsAt[r - 1]}) exceed the ${t.endRound[r]} runs that ended in it`;
    }
    for (let a = 0; a < nA; a++) {
      if (t.withdrewAt[a * T + r - 1] > talking) return `withdrewAt[${a * T + r - 1}] is ${t.withdrewAt[a * T + r - 1]}, more than the ${talking} runs talking in round ${r}`;
    }
    talking -= t.endRound[r];
  }
  for (let a = 0; a < nA; a++) {
    const w = sum(t.withdrewAt, a * T, (a + 1) * T);
    if (w !== t.withdrew[a]) return `withdrewAt of ${s.actors[a].id} sums to ${w}, not to its ${t.withdrew[a]} withdrawals`;
    if (t.withdrewOnExit[a] > t.withdrew[a]) return `withdrewOnExit[${a}] is ${t.withdrewOnExit[a]}, more than the ${t.withdrew[a]} withdrawals of ${s.actors[a].id}`;
  }
  for (let m = 0; m < s.measures.length; m++) {
    const id = s.measures[m].id;
    const fates = sum(t.fates, m * FATES_PER_MEASURE, (m + 1) * FATES_PER_MEASURE);
    if (fates > runs) return `fates of ${id} sum to ${fates}, more than the ${runs} runs`;
    if (s.measures[m].kind !== 'ceasefire') continue;
    const broken = sum(t.brokenBy, m * (nA + 1), (m + 1) * (nA + 1));
    const fb = t.fates[m * FATES_PER_MEASURE + CF_BROKEN];
    if (broken !== fb) return `brokenBy of ${id} sums to ${broken}, not to the ${fb} runs it was broken in`;
    const accepted = t.fates[m * FATES_PER_MEASURE + CF_HELD] + fb;
    if (t.heldRounds[m] > P * accepted) return `heldRounds[${m}] is ${t.heldRounds[m]}, more than ${P} rounds in each of the ${accepted} runs ${id} was accepted`;
    if (t.heldRoundsSq[m] > P * P * accepted) return `heldRoundsSq[${m}] is ${t.heldRoundsSq[m]}, more than ${P}^2 in each of the ${accepted} runs ${id} was accepted`;
    for (let r = 0; r < P; r++) {
      if (t.kept[m * P + r] > t.inForce[m * P + r]) return `kept[${m * P + r}] is ${t.kept[m * P + r]}, more than the ${t.inForce[m * P + r]} runs ${id} was in force in round ${r + 1}`;
    }
  }
  const agreements = t.outcomes[AGREEMENT];
  for (let k = 0; k < nI; k++) {
    const h = sum(t.dealHist, k * DEAL_BINS, (k + 1) * DEAL_BINS);
    if (h !== agreements) return `dealHist of ${s.issues[k].id} counts ${h} deals, not the ${agreements} agreements`;
  }
  return dealSumsProblem(t.dealSum, t.dealSumSq, agreements, 'deal');
}

/**
 * Sums of deals on 0-100 scales over `agreements` runs: finite, >= 0, at most 100 (squares: 10,000) a run.
 * `where` names the arrays in the message (`deal`, `per_block[3].deal`).
 */
export function dealSumsProblem(sum: ArrayLike<number>, sumSq: ArrayLike<number>, agreements: number, where: string): string | undefined {
  for (let k = 0; k < sum.length; k++) {
    if (!(Number.isFinite(sum[k]) && sum[k] >= 0 && sum[k] <= 100 * agreements * (1 + 1e-12))) {
      return `${where}Sum[${k}] is ${sum[k]}, outside [0, 100 x ${agreements} agreements]`;
    }
    if (!(Number.isFinite(sumSq[k]) && sumSq[k] >= 0 && sumSq[k] <= 1e4 * agreements * (1 + 1e-12))) {
      return `${where}SumSq[${k}] is ${sumSq[k]}, outside [0, 100^2 x ${agreements} agreements]`;
    }
  }
  return undefined;
}
