/**
 * Whether a signed deal (or a measure) is carried out: the credible-commitment problem (Walter 2002,
 * "Committing to Peace"; Fearon 1995). A party signs knowing that another may renege once it has what it
 * wanted. Third parties change that: a guarantor that detects a defection and reverses and punishes it
 * (Walter 2002: third-party security guarantees; Hartzell & Hoddie 2003: power-sharing and third-party
 * enforcement; Fortna 2004: peacekeepers and monitors make ceasefires last).
 *
 * Several guarantors act independently: the defection escapes all of them with probability
 * prod (1 - s_k), so
 *
 *   g = 1 - prod_k (1 - s_k)
 *
 * A party expects the deal to be implemented with probability
 *
 *   pi_i = g + (1 - g) tau_i,    tau_i = min over the other essential parties j of b_ij
 *
 * where b_ij is i's belief that j is sincere. The commitment problem a party weighs is posed by the party it
 * trusts least (Walter 2002 ch. 2: it is the most vulnerable side's fear of the strongest would-be
 * defector that blocks settlements). The product of beliefs (every other party independently sincere) made
 * a deal among n parties worth ever less as n grew, and three mutually trusting guarantors never sign; the
 * minimum does not fall with the number of parties that share one level of trust. Realised defection is
 * decided separately, by each party's own choice in the implementation game (games/compliance-group.ts).
 *
 * @example combinedGuarantee([0.5, 0.5]) // 0.75
 * @example implementationProbability(0.4, 0.5) // 0.7
 */
export function combinedGuarantee(strengths: ArrayLike<number>): number {
  let escape = 1;
  for (let k = 0; k < strengths.length; k++) escape *= 1 - strengths[k];
  return 1 - escape;
}

export function implementationProbability(minBelief: number, guarantee: number): number {
  return guarantee + (1 - guarantee) * minBelief;
}
