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
 * defined and the mediator never moves such a party further from what it could accept. The spatial
 * utilities are concave in x (spatial-utility.ts), so the objective is concave in each issue, and it is
 * maximised issue by issue (cyclic coordinate ascent, CYCLES passes; golden-section search on each issue's
 * interval, GOLDEN steps). The search starts from the weighted median and keeps it where nothing is better
 * by more than 1e-12.
 *
 * @example
 * // Two parties of equal capability at 20 and 80 with outside options 0.4 and 0.6 on one issue, from 50:
 * // the solution gives each the same gain over its outside option, x = 60 (0.6 - 0.4 = 0.2 = 0.8 - 0.6).
 */
export const MARGIN = 0.05;
const CYCLES = 2;
const GOLDEN = 24;
const PHI = (Math.sqrt(5) - 1) / 2;

export class NashBargainer {
  private readonly u: Float64Array;
  private readonly d: Float64Array;

  constructor(private readonly nActors: number, private readonly nIssues: number) {
    this.u = new Float64Array(nActors);
    this.d = new Float64Array(nActors);
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
    const { nIssues } = this;
    for (let j = 0; j < count; j++) {
      const a = who[j];
      let loss = 0;
      for (let k = 0; k < nIssues; k++) {
        const w = weights[a * nIssues + k];
        if (w > 0) loss += w * Math.abs(x[k] - positions[a * nIssues + k]);
      }
      this.u[j] = 1 - loss / 100;
      this.d[j] = Math.min(outside[a], this.u[j] - MARGIN);
    }
    let moved = false;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      for (let k = 0; k < nIssues; k++) {
        const old = x[k];
        // where every party's gain stays positive: |x_k - p_j| < |old - p_j| + 100 (u_j - d_j) / w_jk
        let a = lo[k], b = hi[k];
        for (let j = 0; j < count; j++) {
          const w = weights[who[j] * nIssues + k];
          if (!(w > 0)) continue;
          const p = positions[who[j] * nIssues + k];
          const reach = Math.abs(old - p) + (100 * (this.u[j] - this.d[j])) / w;
          a = Math.max(a, p - reach);
          b = Math.min(b, p + reach);
        }
        if (!(b > a)) continue;
        const base = this.objective(k, old, old, who, count, positions, weights, power);
        let c = b - PHI * (b - a), e = a + PHI * (b - a);
        let fc = this.objective(k, old, c, who, count, positions, weights, power);
        let fe = this.objective(k, old, e, who, count, positions, weights, power);
        for (let it = 0; it < GOLDEN; it++) {
          if (fc >= fe) { b = e; e = c; fe = fc; c = b - PHI * (b - a); fc = this.objective(k, old, c, who, count, positions, weights, power); }
          else { a = c; c = e; fc = fe; e = a + PHI * (b - a); fe = this.objective(k, old, e, who, count, positions, weights, power); }
        }
        const best = fc >= fe ? c : e;
        const fBest = Math.max(fc, fe);
        if (fBest > base + 1e-12) {
          for (let j = 0; j < count; j++) this.u[j] += this.shift(who[j], k, old, best, positions, weights);
          x[k] = best;
          moved = true;
        }
      }
    }
    return moved;
  }

  /** Change in actor a's utility when issue k moves from `from` to `to`. */
  private shift(a: number, k: number, from: number, to: number, positions: Float64Array, weights: Float64Array): number {
    const w = weights[a * this.nIssues + k];
    if (!(w > 0)) return 0;
    const p = positions[a * this.nIssues + k];
    return (w * (Math.abs(from - p) - Math.abs(to - p))) / 100;
  }

  private objective(k: number, from: number, to: number, who: Int32Array, count: number, positions: Float64Array, weights: Float64Array, power: Float64Array): number {
    let f = 0;
    for (let j = 0; j < count; j++) {
      const gain = this.u[j] + this.shift(who[j], k, from, to, positions, weights) - this.d[j];
      if (!(gain > 0)) return -Infinity;
      f += power[who[j]] * Math.log(gain);
    }
    return f;
  }
}
