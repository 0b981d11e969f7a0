/**
 * The value of going on: what a party expects from keeping the talks (or a measure) going.
 *
 * Talks (Rubinstein 1982's alternating offers with a discount factor, and a cost of delay as in his
 * fixed-cost variant): before the last round, a party that does not settle keeps the deal on the table a
 * round later (delta) and can always walk away to its outside option o, and pays the cost of a round
 * without a deal:
 *
 *   C_i = o_i + delta max(0, D_i - o_i) - delay                 before the talks' last round
 *   C_i = o_i - deadline                                        at the last round (with a deadline: its cost)
 *
 * A deadline (Fershtman & Seidmann 1993; the "deadline effect" of Roth, Murnighan & Schoumaker 1988) makes
 * the last round's continuation the outside option less what missing it costs, so settling in that round
 * is worth more than in any other.
 *
 * Measures (a ceasefire, an exchange in tranches) are played in a world that goes on after the last round
 * of the simulation (an infinite-horizon repeated game: Fudenberg & Maskin 1986): the weight of the
 * future is delta + delta^2 + ... = delta / (1 - delta), the same in every round, so no side treats the
 * simulation's end as the end of the world.
 *
 * @example talksContinuation(0.4, 0.6, true, 0.9, 0.01, false, 0) // 0.57 (0.4 + 0.9 * 0.2 - 0.01)
 * @example futureWeight(0.9) // 9.000000000000002
 */

/** C_i; `canAccept` false: the deal on the table is not one the party can sign (it counts as o). */
export function talksContinuation(
  outside: number,
  deal: number,
  canAccept: boolean,
  delta: number,
  delay: number,
  lastRound: boolean,
  deadlineCost: number,
): number {
  if (lastRound) return outside - deadlineCost;
  const gain = canAccept && deal > outside ? deal - outside : 0;
  return outside + delta * gain - delay;
}

/** delta / (1 - delta): the discounted weight of every round after this one, the world going on. */
export function futureWeight(delta: number): number {
  if (delta >= 1) return Infinity;
  return delta / (1 - delta);
}
