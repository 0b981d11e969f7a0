/**
 * The mediator's proposal for a round.
 *
 * 1. On each issue, the capability x salience weighted median of the positions of the actors at the table
 *    (weighted-median.ts): the point a coalition weighted by power and interest cannot be moved from
 *    (Black 1948; the "median voter" forecast of Bueno de Mesquita's and KTAB's spatial models).
 * 2. Moved, when any point can, to meet every binding hard condition of the essential parties at the table:
 *    - the conditions that are boxes of per-issue bounds are intersected; if the box is non-empty the
 *      proposal is the median clipped into it (the nearest point of the box, issue by issue);
 *    - otherwise, or if a condition that is not a box still fails, points on the segment from the median
 *      toward each condition holder's position are tried (t = 0.1, 0.2, .., 1, in that order, holders in
 *      actor order), and the first that meets every condition is taken. None is tried where the
 *      conditions are all boxes whose bounds leave no point (noPoint).
 *    If no point is found the median stands: no deal can then satisfy everyone, and the party whose
 *    condition it breaks cannot accept it (red-line.ts), so agreement is impossible that round.
 */
import { conditionBox, conditionHolds, type CompiledCondition } from './preferences/red-line.js';
import { weightedMedian } from './weighted-median.js';

export interface ProposalResult {
  /** Whether the proposal meets every binding condition passed in. */
  readonly feasible: boolean;
  /** Whether it had to be moved away from the weighted median to do so. */
  readonly moved: boolean;
}

// The three results, shared: propose runs every round of every run and allocates nothing.
const AT_MEDIAN: ProposalResult = Object.freeze({ feasible: true, moved: false });
const MOVED: ProposalResult = Object.freeze({ feasible: true, moved: true });
const INFEASIBLE: ProposalResult = Object.freeze({ feasible: false, moved: false });

export class Mediator {
  private readonly col: Float64Array;
  private readonly w: Float64Array;
  private readonly order: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly median: Float64Array;
  private readonly trial: Float64Array;

  constructor(private readonly nActors: number, private readonly nIssues: number) {
    this.col = new Float64Array(nActors);
    this.w = new Float64Array(nActors);
    this.order = new Int32Array(nActors);
    this.lo = new Float64Array(nIssues);
    this.hi = new Float64Array(nIssues);
    this.median = new Float64Array(nIssues);
    this.trial = new Float64Array(nIssues);
  }

  /**
   * @param present   1 for actors whose positions count this round
   * @param positions actor-major (a * nIssues + k); ignored where weight is 0
   * @param weight    capability x salience, actor-major; 0 where the actor holds no position
   * @param conditions binding hard conditions to meet, with `holders[j]` the actor holding conditions[j]
   * @param fallback  the value of an issue no actor at the table holds a position on (the previous proposal)
   * @param count     how many of `conditions` (and `holders`) count, from the first (so the caller can reuse
   *                  its arrays without reallocating them every round)
   */
  propose(
    present: Uint8Array,
    positions: Float64Array,
    weight: Float64Array,
    conditions: readonly CompiledCondition[],
    holders: readonly number[],
    fallback: Float64Array,
    out: Float64Array,
    count = conditions.length,
  ): ProposalResult {
    const { nActors, nIssues, col, w } = this;
    for (let k = 0; k < nIssues; k++) {
      for (let a = 0; a < nActors; a++) {
        col[a] = positions[a * nIssues + k];
        w[a] = present[a] ? weight[a * nIssues + k] : 0;
      }
      const m = weightedMedian(col, w, nActors, this.order);
      this.median[k] = Number.isNaN(m) ? fallback[k] : m;
      out[k] = this.median[k];
    }
    if (count === 0) return AT_MEDIAN;
    if (allHold(conditions, count, out)) return AT_MEDIAN;

    // 1. the box of the box-shaped conditions
    this.lo.fill(0);
    this.hi.fill(100);
    for (let j = 0; j < count; j++) conditionBox(conditions[j], this.lo, this.hi);
    let boxOk = true;
    for (let k = 0; k < nIssues; k++) if (this.lo[k] > this.hi[k]) boxOk = false;
    if (boxOk) {
      for (let k = 0; k < nIssues; k++) out[k] = Math.min(this.hi[k], Math.max(this.lo[k], this.median[k]));
      if (allHold(conditions, count, out)) return MOVED;
    }
    // 2. toward each holder's position, unless the box-shaped conditions leave no point at all
    if (noPoint(conditions, count, this.lo, this.hi)) {
      out.set(this.median);
      return INFEASIBLE;
    }
    for (let step = 1; step <= 10; step++) {
      const t = step / 10;
      for (let j = 0; j < count; j++) {
        if (j > 0 && holders[j] === holders[j - 1]) continue;
        const a = holders[j];
        for (let k = 0; k < nIssues; k++) {
          const target = weight[a * nIssues + k] > 0 ? positions[a * nIssues + k] : this.median[k];
          this.trial[k] = this.median[k] + t * (target - this.median[k]);
        }
        if (allHold(conditions, count, this.trial)) {
          out.set(this.trial);
          return MOVED;
        }
      }
    }
    out.set(this.median);
    return INFEASIBLE;
  }
}

/**
 * Whether no point meets every condition, known from their bounds: every condition is box-shaped, and on
 * some issue its lower bounds pass its upper bounds by more than the 1e-9 by which conditionBox moves a
 * strict bound inward (twice, and rounding). A point that breaks a bound breaks its condition, so no point
 * tried toward the holders could be found (and a red line no proposal can meet is found without trying
 * twenty). Overwrites lo and hi.
 */
export function noPoint(conditions: readonly CompiledCondition[], count: number, lo: Float64Array, hi: Float64Array): boolean {
  lo.fill(-Infinity);
  hi.fill(Infinity);
  for (let j = 0; j < count; j++) if (!conditionBox(conditions[j], lo, hi)) return false;
  for (let k = 0; k < lo.length; k++) if (lo[k] - hi[k] > 3e-9) return true;
  return false;
}

function allHold(conditions: readonly CompiledCondition[], count: number, deal: Float64Array): boolean {
  for (let j = 0; j < count; j++) if (!conditionHolds(conditions[j], deal)) return false;
  return true;
}
