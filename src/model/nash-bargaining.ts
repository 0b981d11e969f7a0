/**
 * The mediator looks for what every essential party can accept: the asymmetric Nash bargaining solution
 * (Nash 1950; Kalai 1977; Binmore, Rubinstein & Wolinsky 1986 for bargaining power) inside the box the
 * binding red lines leave:
 *
 *   x* = argmax_(x in box) sum_i c_i ln(U_i(x) - d_i)
 *
 * over the essential parties at the table, with c_i the party's capability (its bargaining power) and d_i
 * its disagreement point: its outside option o_i, lowered where the starting point (the weighted median
 * in the box) already leaves the party at or below it, to U_i(start) - MARGIN, so that the product is
 * defined and the mediator never moves such a party further from what it could accept.
 *
 * It is maximised issue by issue (cyclic coordinate ascent, CYCLES passes), each issue's step exactly.
 * With the other issues held, party i's gain on issue k is G_i - v_i |x - p_i| (spatial-utility.ts: linear
 * in the distance, v_i = w_ik / 100, G_i its gain at its own position), so the objective
 *
 *   f(x) = sum_i c_i ln(G_i - v_i |x - p_i|)
 *
 * is concave, smooth between consecutive positions p_i, and its slope f'(x) = -sum_i c_i v_i s_i / gain_i
 * (s_i the sign of x - p_i) falls from left to right. The maximum is the first position where the slope
 * on its right is no longer positive, or the root of the slope inside the segment where it changes sign,
 * found by Newton's method kept inside the bracket by bisection, to the last bits of a double. A step is
 * taken only where it raises the objective by more than 1e-12, so the search keeps the weighted median
 * where nothing is better.
 *
 * @example
 * // Two parties of equal capability at 20 and 80 with outside options 0.4 and 0.6 on one issue, from 50:
 * // the solution gives each the same gain over its outside option, x = 60 (0.6 - 0.4 = 0.2 = 0.8 - 0.6).
 */
export const MARGIN = 0.05;
const CYCLES = 2;
/** Newton-bisection steps at most; from a bracket of 100 points bisection alone reaches one ulp in 60. */
const ROOT_STEPS = 80;

export class NashBargainer {
  /** Per party at the table (index j of `who`): utility, disagreement point, and on the issue being solved, */
  private readonly u: Float64Array;
  private readonly d: Float64Array;
  /** gain at its own position G_j, slope v_j, position p_j and power c_j. */
  private readonly peak: Float64Array;
  private readonly slope: Float64Array;
  private readonly at: Float64Array;
  private readonly power: Float64Array;
  /** The positions inside the interval being searched, sorted. */
  private readonly kinks: Float64Array;

  constructor(nActors: number, private readonly nIssues: number) {
    this.u = new Float64Array(nActors);
    this.d = new Float64Array(nActors);
    this.peak = new Float64Array(nActors);
    this.slope = new Float64Array(nActors);
    this.at = new Float64Array(nActors);
    this.power = new Float64Array(nActors);
    this.kinks = new Float64Array(nActors);
  }

  /**
   * Move `x` (in the box [lo, hi]) to the Nash bargaining solution of `who` (the first `count` entries);
   * positions and weights are actor-major as in spatial-utility.ts. Returns whether x moved.
   */
  solve(
    x: Float64Array,
    lo: Float64Array,
    hi: Float64Array,
    who: Int32Array,
    count: number,
    positions: Float64Array,
    weights: Float64Array,
    outside: Float64Array,
    power: Float64Array,
  ): boolean {
    if (count === 0) return false;
    const { nIssues, u, d, peak, slope, at } = this;
    for (let j = 0; j < count; j++) {
      const a = who[j];
      let loss = 0;
      for (let k = 0; k < nIssues; k++) {
        const w = weights[a * nIssues + k];
        if (w > 0) loss += w * Math.abs(x[k] - positions[a * nIssues + k]);
      }
      u[j] = 1 - loss / 100;
      d[j] = Math.min(outside[a], u[j] - MARGIN);
      this.power[j] = power[a];
    }
    let moved = false;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      for (let k = 0; k < nIssues; k++) {
        const old = x[k];
        // where every party's gain stays positive: |x - p_j| < G_j / v_j
        let a = lo[k], b = hi[k];
        let n = 0;
        for (let j = 0; j < count; j++) {
          const w = weights[who[j] * nIssues + k];
          const p = positions[who[j] * nIssues + k];
          const v = w > 0 ? w / 100 : 0;
          const g = v > 0 ? u[j] - d[j] + v * Math.abs(old - p) : u[j] - d[j];
          peak[j] = g;
          slope[j] = v;
          at[j] = p;
          if (v > 0) {
            const reach = g / v;
            a = Math.max(a, p - reach);
            b = Math.min(b, p + reach);
          }
        }
        if (!(b > a)) continue;
        for (let j = 0; j < count; j++) {
          if (slope[j] > 0 && at[j] > a && at[j] < b) n = this.insertKink(at[j], n);
        }
        const best = this.argmax(a, b, a > lo[k], b < hi[k], n, count);
        if (best === old) continue;
        if (this.objective(best, count) > this.objective(old, count) + 1e-12) {
          for (let j = 0; j < count; j++) if (slope[j] > 0) u[j] += slope[j] * (Math.abs(old - at[j]) - Math.abs(best - at[j]));
          x[k] = best;
          moved = true;
        }
      }
    }
    return moved;
  }

  private insertKink(p: number, n: number): number {
    const { kinks } = this;
    let i = n;
    while (i > 0 && kinks[i - 1] > p) {
      kinks[i] = kinks[i - 1];
      i--;
    }
    if (i > 0 && kinks[i - 1] === p) {
      // the same position twice: one kink (undo the shift)
      for (let m = i; m < n; m++) kinks[m] = kinks[m + 1];
      return n;
    }
    kinks[i] = p;
    return n + 1;
  }

  /**
   * The maximiser of f on [a, b], where f falls to -infinity at an end a gain closes (`aOpen`, `bOpen`),
   * with the first n kinks sorted inside (a, b).
   */
  private argmax(a: number, b: number, aOpen: boolean, bOpen: boolean, n: number, count: number): number {
    let left = a;
    // the slope just right of `left` is positive: +infinity at an open end, else computed
    if (!aOpen && !(this.slopeAt(a, a, count) > 0)) return a;
    for (let i = 0; i <= n; i++) {
      const right = i < n ? this.kinks[i] : b;
      // the slope just left of `right`, with the signs of the segment (left, right)
      const sRight = i === n && bOpen ? -Infinity : this.slopeAt(right, left, count);
      if (!(sRight < 0)) {
        if (i === n) return b;
        // the slope just right of the kink
        if (!(this.slopeAt(right, right, count) > 0)) return right;
        left = right;
        continue;
      }
      return this.root(left, right, count);
    }
    return b;
  }

  /** f'(t) with each party's sign s_j taken at `side` (the segment's left end, or t itself for t+). */
  private slopeAt(t: number, side: number, count: number): number {
    const { peak, slope, at, power } = this;
    let f = 0;
    for (let j = 0; j < count; j++) {
      const v = slope[j];
      if (!(v > 0)) continue;
      const gain = Math.max(0, peak[j] - v * Math.abs(t - at[j]));
      f += side >= at[j] ? (-power[j] * v) / gain : (power[j] * v) / gain;
    }
    return f;
  }

  /** The root of f' inside (l, r), where f' > 0 just right of l and < 0 just left of r, signs of the segment. */
  private root(l: number, r: number, count: number): number {
    const { peak, slope, at, power } = this;
    const side = l;
    let x = 0.5 * (l + r);
    for (let it = 0; it < ROOT_STEPS; it++) {
      let f = 0, df = 0;
      for (let j = 0; j < count; j++) {
        const v = slope[j];
        if (!(v > 0)) continue;
        // on the segment party j's gain is linear: G_j + beta_j (x - p_j)
        const beta = side >= at[j] ? -v : v;
        const q = beta / (peak[j] + beta * (x - at[j]));
        f += power[j] * q;
        df -= power[j] * q * q;
      }
      if (f > 0) l = x;
      else if (f < 0) r = x;
      else return x;
      let next = x - f / df;
      if (!(next > l && next < r)) next = 0.5 * (l + r);
      if (next === x || !(r > l) || next === l || next === r) return x;
      x = next;
    }
    return x;
  }

  /** f at t (the gains of the issue being solved); -infinity where a gain is not positive. */
  private objective(t: number, count: number): number {
    const { peak, slope, at, power } = this;
    let f = 0;
    for (let j = 0; j < count; j++) {
      const gain = slope[j] > 0 ? peak[j] - slope[j] * Math.abs(t - at[j]) : peak[j];
      if (!(gain > 0)) return -Infinity;
      f += power[j] * Math.log(gain);
    }
    return f;
  }
}
