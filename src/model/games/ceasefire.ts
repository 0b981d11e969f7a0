/**
 * Measures between sides that each may be sincere or "buying time": a ceasefire (played round after round),
 * an exchange (one tranche at a time) and the implementation of a signed deal. Each is an agent group
 * (agent-group.ts): side i's utilities are affine in q, the chance that every other side complies.
 *
 * One round, utility per round, action 0 = comply (honour, implement), 1 = violate (renege):
 *
 *                         every other side complies (q)                 some other side violates (1 - q)
 *   comply                peace + push                                   g peace - (1 - g) sucker + push
 *   violate  sincere      (1 - g)(gain - future) - g sucker              gain
 *            buying time  (1 - g)(peace + temptation + gain - future)    gain
 *                           - g sucker
 *
 * - `peace`: what a round of mutual compliance is worth to the side; `temptation`: what a side buying time
 *   gains by violating while the others comply (it regroups, takes ground); `sucker`: what the complying
 *   side loses when another violates.
 * - `gain`: the side's war aims, what a round of fighting gains it over a round of ceasefire (its
 *   battlefield expectations: Fortna 2004 and Werner 1999 find that ceasefires fail where a side expects to
 *   gain by fighting on). A side that gains enough by fighting violates whatever its type, and no pressure
 *   smaller than its gain makes it comply.
 * - `push`: sponsors' pressure and the side's inclination toward `comply`, plus, for the side that offered
 *   the measure, its `offer_cost` (failing its own public offer costs it face): weighed against the stakes
 *   above, never in place of them.
 * - `g`: the guarantee (implementation.ts): a guarantor detects a defection against complying sides and
 *   reverses and punishes it with probability g; the violator then loses `sucker` and the others keep their
 *   peace.
 * - `future`: the shadow of the future (Axelrod 1984; Fudenberg & Maskin 1986) in a world that goes on
 *   after the simulation's last round (continuation.ts): a violation, seen with probability 1 - miss, leads
 *   another side to call the measure off with the probability of its call-off choice (callOffValue), losing
 *   the side the rest of the measure:
 *
 *     future_i = W max(0, peace_i + push_i - gain_i) (1 - prod_(j != i) (1 - (1 - miss) P(j calls off)))
 *
 *   with W = delta / (1 - delta) for a ceasefire and a signed deal, the remaining tranches' (discounted)
 *   count for an exchange. A side buying time has no stake in that future: it wants the pause to regroup
 *   and fight on (the type's definition), so the shadow of the future restrains the sincere type only.
 *
 * Accepting a ceasefire (action 0 = accept): if every side accepts, side i of type t expects
 * `horizon` = 1 / (1 - delta) rounds worth its expected stage utility at the compliance equilibrium less
 * the war it gives up (`gain` a round); otherwise the fighting goes on (0). The side that offered it also
 * gets its offer cost for accepting (turning down its own public offer costs it that).
 */
import type { AgentGroup } from './agent-group.js';

export interface StageTerms {
  peace: number;
  temptation: number;
  sucker: number;
  push: number;
  gain: number;
  future: number;
  guarantee: number;
}

/**
 * Set agent `agent` (= 2 side + type; type 1 = buying time)'s compliance utilities. A side buying time
 * has no stake in the measure's future (it wants the pause to regroup and fight on), so `future` weighs
 * with the sincere type only.
 */
export function setCompliance(group: AgentGroup, agent: number, t: StageTerms): void {
  const g = t.guarantee;
  const buyingTime = (agent & 1) === 1;
  const typeTerm = buyingTime ? t.peace + t.temptation : 0;
  const future = buyingTime ? 0 : t.future;
  group.a0[agent] = t.push + g * t.peace - (1 - g) * t.sucker;
  group.b0[agent] = (1 - g) * (t.peace + t.sucker);
  group.a1[agent] = t.gain;
  group.b1[agent] = (1 - g) * (typeTerm + t.gain - future) - g * t.sucker - t.gain;
}

/** Agent `agent`'s expected utility a round at the compliance equilibrium `sigma` with q = `q`, less war's `gain`. */
export function complianceSurplus(group: AgentGroup, agent: number, sigma: number, q: number, gain: number): number {
  const comply = group.a0[agent] + group.b0[agent] * q;
  const violate = group.a1[agent] + group.b1[agent] * q;
  return sigma * comply + (1 - sigma) * violate - gain;
}

/** Set agent `agent`'s acceptance utilities: accept = face + q value, reject = 0. */
export function setAcceptance(group: AgentGroup, agent: number, face: number, value: number): void {
  group.a0[agent] = face;
  group.b0[agent] = value;
  group.a1[agent] = 0;
  group.b1[agent] = 0;
}
