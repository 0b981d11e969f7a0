/**
 * Proper scoring rules for yes/no forecasts: how far a forecast probability p was from what happened
 * (o = 1 yes, 0 no). Lower is better for both.
 *
 * - Brier score (Brier 1950, "Verification of forecasts expressed in terms of probability", Monthly
 *   Weather Review 78(1)): (p - o)^2; its mean over questions ranges from 0 (certain and right) to 1
 *   (certain and wrong); always saying 0.5 scores 0.25.
 * - Log loss (logarithmic score, Good 1952): -ln p if yes, -ln(1 - p) if no; always saying 0.5 scores
 *   ln 2 = 0.693. It punishes confident misses without bound, so p is first clipped to
 *   [CLIP, 1 - CLIP]: a Monte Carlo that saw no run of an outcome says 0, and one such miss would make
 *   the mean infinite; clipped, it costs -ln(1e-6) = 13.8.
 *
 * @example
 * brierScore(0.8, true)  // 0.03999999999999998 ((0.8 - 1)^2 = 0.04 in exact arithmetic)
 * brierScore(0.3, false) // 0.09
 * logLoss(0.8, true)     // 0.2231435513142097 (-ln 0.8)
 * logLoss(0, false)      // 0.000001000000500029089 (-ln(1 - 1e-6))
 */

/** Forecasts are clipped to [CLIP, 1 - CLIP] before the log loss (not before the Brier score). */
export const CLIP = 1e-6;

export function brierScore(p: number, observed: boolean): number {
  const d = p - (observed ? 1 : 0);
  return d * d;
}

export function logLoss(p: number, observed: boolean): number {
  const q = p < CLIP ? CLIP : p > 1 - CLIP ? 1 - CLIP : p;
  return -Math.log(observed ? q : 1 - q);
}

export interface Scores {
  /** Questions scored. */
  n: number;
  /** Mean Brier score (NaN when n = 0). */
  brier: number;
  /** Mean log loss, p clipped (NaN when n = 0). */
  logLoss: number;
}

/** Mean Brier score and log loss of forecasts `p[i]` of questions answered `observed[i]`. */
export function meanScores(items: readonly { p: number; observed: boolean }[]): Scores {
  let b = 0;
  let l = 0;
  for (const it of items) {
    b += brierScore(it.p, it.observed);
    l += logLoss(it.p, it.observed);
  }
  const n = items.length;
  return { n, brier: n > 0 ? b / n : NaN, logLoss: n > 0 ? l / n : NaN };
}
