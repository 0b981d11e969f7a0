/**
 * Calling a ceasefire off. A violation seen is not a breakdown (Fortna 2004: most ceasefires that last
 * survive isolated violations): the side that saw it chooses, as a logit choice, between keeping the
 * ceasefire with its belief revised by Bayes' rule (bayes-trust.ts) and going back to war. Keeping is worth
 * its expected utility a round at the compliance equilibrium given the revised belief; war is worth its
 * war aims, `gain` a round; both for every round to come, the same weight W (continuation.ts):
 *
 *   P(call off) = 1 / (1 + exp(-lambda W (gain - keep)))
 *
 * A file's `tolerance` (a number of violations seen at which the ceasefire collapses whatever the sides
 * choose) still caps it when set; 0 (the default) leaves it to this choice.
 *
 * @example callOffProbability(25, 9, 0, 0.2) // 3.8e-20: a side that gains nothing by war keeps a good truce
 */
import { logit2 } from '../logit-choice.js';

export function callOffProbability(lambda: number, weight: number, gain: number, keep: number): number {
  return logit2(lambda * weight, gain - keep);
}
