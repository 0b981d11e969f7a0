/**
 * `priority: [a, b, c]` — "Syria's priority at the conference was to discuss 'combating terrorism'".
 *
 * Meaning in utilities: the issues listed first dominate. Going from the end of the list to its head,
 * each issue's weight is raised, if need be, to the sum of the weights of the issues after it:
 *
 *   w_{k_r} <- max(w_{k_r}, sum_{q > r} w_{k_q})        then all weights are renormalised to sum to 1.
 *
 * So the first issue weighs at least as much as all the others in the list together: a concession on it
 * cannot be bought back with the rest of the list (a bounded, continuous stand-in for a lexicographic
 * order, which would make every utility comparison but the first meaningless).
 *
 * `weights` holds one actor's weights from `offset`; it is modified in place.
 *
 * @example w = [0.2, 0.3, 0.5]; applyPriority(w, 0, 3, [0, 1, 2]) -> w = [1.0, 0.5, 0.5] / 2 = [0.5, 0.25, 0.25]
 */
export function applyPriority(weights: Float64Array | number[], offset: number, nIssues: number, order: readonly number[]): void {
  let after = 0;
  for (let r = order.length - 1; r >= 0; r--) {
    const k = offset + order[r];
    if (r < order.length - 1 && weights[k] < after) weights[k] = after;
    after += weights[k];
  }
  let total = 0;
  for (let k = 0; k < nIssues; k++) total += weights[offset + k];
  if (total > 0) for (let k = 0; k < nIssues; k++) weights[offset + k] /= total;
}
