/**
 * Weighted median of positions on one issue: the point x minimising sum_i w_i |x - p_i|, i.e. the
 * position of the "median voter" once each actor counts with its weight (capability x salience in
 * Black's median voter reading of Bueno de Mesquita's and KTAB's spatial models). Where the weights
 * split exactly in two halves the median is the midpoint of the two middle positions (the usual
 * convention, so that the result does not depend on the order actors are listed in).
 *
 * Actors with zero weight do not count; if every weight is zero the result is NaN.
 *
 * Sorting is done in place on the `order` scratch array (indexes), so nothing is allocated.
 *
 * @example weightedMedian([10, 50, 90], [1, 1, 3], 3, new Int32Array(3)) === 90
 *          weightedMedian([10, 50, 90], [1, 1, 1], 3, new Int32Array(3)) === 50
 *          weightedMedian([10, 90], [1, 1], 2, new Int32Array(2)) === 50
 */
export function weightedMedian(
  positions: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  order: Int32Array,
): number {
  let total = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] > 0) {
      total += weights[i];
      // insertion sort by position: n is small (the actors at the table)
      let j = m++;
      while (j > 0 && positions[order[j - 1]] > positions[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
  }
  if (m === 0) return NaN;
  const half = total / 2;
  let cum = 0;
  for (let k = 0; k < m; k++) {
    cum += weights[order[k]];
    // relative tolerance: sums of weights are not exact in floating point
    if (Math.abs(cum - half) <= 1e-12 * total) {
      return k + 1 < m ? (positions[order[k]] + positions[order[k + 1]]) / 2 : positions[order[k]];
    }
    if (cum > half) return positions[order[k]];
  }
  return positions[order[m - 1]];
}
