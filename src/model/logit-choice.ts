/**
 * The logit choice of one decision-maker between two actions: the one-player logit QRE (McKelvey & Palfrey
 * 1995), used where a choice faces no other strategic player at that moment (a ratifier's vote, calling a
 * ceasefire off after a violation is seen, carrying out a one-sided concession).
 *
 *   P(action 0) = 1 / (1 + exp(-lambda (u0 - u1)))
 *
 * Written so that it never overflows: exp of a large positive argument is never taken.
 *
 * @example logit2(25, 0.1)   // 0.9241418199787566 (1 / (1 + e^-2.5))
 * @example logit2(25, -1e9)  // 0
 */
export function logit2(lambda: number, du: number): number {
  const z = lambda * du;
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
