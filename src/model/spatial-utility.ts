/**
 * An actor's utility for a deal on the issues, the spatial ("city block") utility of Bueno de Mesquita's
 * expected-utility model and KTAB's spatial model, on negsim's 0..1 scale:
 *
 *   U_i(x) = 1 - sum_k w_ik |x_k - p_ik| / 100
 *
 * p_ik is the actor's position on issue k (0..100) and w_ik its issue weight, the salience normalised to
 * sum to 1 over the issues it holds a position on (issueWeights). U = 1 at the actor's ideal point and
 * 0 at the far end of every scale. Linear loss keeps the utility scale-free across issues and gives the
 * weighted median its "median voter" meaning.
 *
 * @example spatialUtility([50, 80], [20, 80], [0.5, 0.5], 0, 2) === 0.85   // 1 - (0.5*30 + 0)/100
 */
export function spatialUtility(
  deal: ArrayLike<number>,
  positions: ArrayLike<number>,
  weights: ArrayLike<number>,
  offset: number,
  nIssues: number,
): number {
  let loss = 0;
  for (let k = 0; k < nIssues; k++) {
    const w = weights[offset + k];
    if (w > 0) loss += w * Math.abs(deal[k] - positions[offset + k]);
  }
  return 1 - loss / 100;
}

/**
 * Salience-weighted mean distance (0..100) between a deal and a set of positions: what negsim calls the
 * `deviation` of the talks from an actor's opening stance (exit preferences read it).
 *
 * @example weightedDistance([50, 80], [20, 80], [0.5, 0.5], 0, 2) === 15
 */
export function weightedDistance(
  deal: ArrayLike<number>,
  positions: ArrayLike<number>,
  weights: ArrayLike<number>,
  offset: number,
  nIssues: number,
): number {
  return (1 - spatialUtility(deal, positions, weights, offset, nIssues)) * 100;
}
