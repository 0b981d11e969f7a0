/**
 * D_i, what a deal is worth to a party if it is signed: its spatial utility if the deal is implemented,
 * its outside option less the cost of being betrayed if not, less the penalties of its soft conditions
 * the deal breaks:
 *
 *   D_i = pi_i U_i(x) + (1 - pi_i)(o_i - betrayal) - soft_i
 *
 * pi_i is the probability of implementation (implementation.ts), U_i the spatial utility
 * (spatial-utility.ts).
 *
 * @example dealValue(0.9, 0.7, 0.4, 0.3, 0) // 0.66 (0.7 * 0.9 + 0.3 * 0.1)
 */
export function dealValue(utility: number, implementation: number, outside: number, betrayal: number, soft: number): number {
  return implementation * utility + (1 - implementation) * (outside - betrayal) - soft;
}
