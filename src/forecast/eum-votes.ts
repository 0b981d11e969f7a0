/**
 * The probability that one position prevails over another in Bueno de Mesquita's expected-utility
 * model: every actor k "votes" between the two positions with its capability times salience,
 * w_k = c_k s_k, in proportion to how much more it likes one than the other,
 *
 *     v_k(i, j) = w_k (D_k(x_j) - D_k(x_i)),   D_k(x) = (|x_k - x| / d)^(r_k),
 *
 * (BDM 1994; BDM 1997, where an actor's utility for a position is 1 - 2 D_k: risk-adjusted, so the
 * vote of a risk-acceptant voter, r_k > 1, is flatter near its own position; Scholz, Calbert & Smith
 * 2011, eq. 26-31 print it with every r_k = 1). Then
 *
 *     P_ij = sum_k max(v_k(i, j), 0) / denominator,
 *
 * with one of two denominators:
 * - `dyad` (eq. 30 as printed): sum_k |v_k(i, j)|, so P_ij + P_ji = 1 (1/2 when nobody cares);
 * - `all-pairs` (Scholz et al.'s program, as J. McKibben's replication reads it, and needed to
 *   reproduce their published rounds): sum_k sum_a sum_b |v_k(a, b)| over every ordered pair of
 *   actors a, b — one number for the whole round, which makes every P small.
 * P_ii = 0 for two actors at the same position (no contest; the expected utility is 0 either way).
 *
 * Voters' exponents r_k: pass all 1 for plain distances. d is the range of the initial positions.
 *
 * @example
 * // A (c 1, s 1, x 0) and B (c 1, s 0.5, x 10), d = 10: votes for A over B are 1 and -0.5
 * const P = new Float64Array(4);
 * winProbabilities([0, 10], [1, 0.5], [1, 1], 10, 'dyad', P, new Float64Array(4));
 * P // [0, 2/3, 1/3, 0]  (row i, column j)
 * winProbabilities([0, 10], [1, 0.5], [1, 1], 10, 'all-pairs', P, new Float64Array(4));
 * P // [0, 1/3, 1/6, 0]  (denominator 1 + 1 + 0.5 + 0.5 = 3)
 */
export type ProbabilityDenominator = 'dyad' | 'all-pairs';

/**
 * Fills `P` (n x n, row i = the challenger's position) with P_ij. `scratch` holds n x n + n numbers:
 * D_k(x_a) at [a n + k] (so that a pair's votes read two rows), then one voter's sorted values.
 * O(n^3 / 2): each voter's two signs of a pair are counted in one pass.
 */
export function winProbabilities(
  x: Float64Array,
  weight: Float64Array,
  r: Float64Array,
  range: number,
  denominator: ProbabilityDenominator,
  P: Float64Array,
  scratch: Float64Array,
): void {
  const n = x.length;
  const D = scratch;
  for (let k = 0; k < n; k++) {
    const rk = r[k];
    const xk = x[k];
    // z^1 = z exactly: no pow for a risk-neutral voter (every voter, in the exposures' pass)
    if (rk === 1) for (let a = 0; a < n; a++) D[a * n + k] = Math.abs(xk - x[a]) / range;
    else for (let a = 0; a < n; a++) D[a * n + k] = Math.pow(Math.abs(xk - x[a]) / range, rk);
  }
  const all = denominator === 'all-pairs' ? allPairsVotes(D, weight, n, scratch.subarray(n * n, n * n + n)) : 0;
  for (let i = 0; i < n; i++) {
    P[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      if (x[i] === x[j]) {
        P[i * n + j] = 0;
        P[j * n + i] = 0;
        continue;
      }
      let forI = 0;
      let forJ = 0;
      const di = i * n;
      const dj = j * n;
      for (let k = 0; k < n; k++) {
        const v = weight[k] * (D[dj + k] - D[di + k]);
        if (v > 0) forI += v;
        else forJ -= v;
      }
      if (denominator === 'all-pairs') {
        P[i * n + j] = all > 0 ? forI / all : 0;
        P[j * n + i] = all > 0 ? forJ / all : 0;
      } else {
        const sum = forI + forJ;
        P[i * n + j] = sum > 0 ? forI / sum : 0.5;
        P[j * n + i] = sum > 0 ? forJ / sum : 0.5;
      }
    }
  }
}

/**
 * sum_k w_k sum_a sum_b |D_k(x_b) - D_k(x_a)|. For one voter with its values sorted ascending,
 * d_0 <= ... <= d_(n-1), the sum over ordered pairs is 2 sum_m (2m - n + 1) d_m: O(n log n) a voter
 * instead of O(n^2) (the same number up to rounding).
 */
function allPairsVotes(D: Float64Array, weight: Float64Array, n: number, sorted: Float64Array): number {
  let all = 0;
  for (let k = 0; k < n; k++) {
    if (weight[k] === 0) continue;
    for (let a = 0; a < n; a++) sorted[a] = D[a * n + k];
    sorted.sort();
    let s = 0;
    for (let m = 0; m < n; m++) s += (2 * m - n + 1) * sorted[m];
    all += 2 * weight[k] * s;
  }
  return all;
}
