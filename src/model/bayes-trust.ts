/**
 * Bayes' rule for one side's belief that the other is sincere, after one observation.
 *
 *   b' = b L_s / (b L_s + (1 - b) L_n)
 *
 * where L_s and L_n are the likelihoods of what was observed if the other side is sincere and if it is
 * "buying time". In negsim both come from the equilibrium: the probability each type of the other side
 * plays the action, passed through the monitoring noise (see monitoredLikelihood). If the observation
 * is impossible under both types (L_s = L_n = 0) the belief is left as it was.
 *
 * @example bayesTrust(0.5, 0.1, 0.6) === 0.14285714285714285   // a violation seen: 0.05 / 0.35
 */
export function bayesTrust(belief: number, likelihoodSincere: number, likelihoodInsincere: number): number {
  const num = belief * likelihoodSincere;
  const den = num + (1 - belief) * likelihoodInsincere;
  return den > 0 ? num / den : belief;
}

/**
 * Probability that a violation is *seen* when the other side violates with probability `pViolate`,
 * under imperfect monitoring: a violation goes unseen with probability `miss`, compliance is taken for a
 * violation with probability `falseAlarm` (Green & Porter 1984's noisy public signal, two-sided).
 *
 * @example monitoredLikelihood(0.5, 0.2, 0.05) === 0.425   // 0.5 * 0.8 + 0.5 * 0.05
 */
export function monitoredLikelihood(pViolate: number, miss: number, falseAlarm: number): number {
  return pViolate * (1 - miss) + (1 - pViolate) * falseAlarm;
}
