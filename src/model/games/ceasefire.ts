/**
 * The ceasefire (and the detainee exchange): one round of a repeated comply/violate game between two armed
 * sides, each unsure whether the other is sincere or declaring a cease-fire "only to buy time".
 *
 * Stage payoffs of one side (utility units per round; action 0 = comply, 1 = violate; the other side's
 * action second). `peace` is what a round of mutual compliance is worth, `temptation` what a side buying
 * time gains by violating while the other complies (it regroups, takes ground), `sucker` what the
 * complying side loses when the other violates:
 *
 *                        other complies            other violates
 *   sincere      comply  peace + push              -sucker + push
 *                violate -future                   0
 *   buying time  comply  peace + push              -sucker + push
 *                violate peace + temptation - future   0
 *
 * A sincere side prefers to comply if the other does (an assurance game); a side buying time prefers to
 * violate whatever the other does, unless the push or the shadow of the future outweighs `temptation`.
 * `push` is sponsor pressure and inclination toward `comply` (plus, for the side that offered the measure,
 * its audience cost: a public offer it fails to honour costs it face). `future` is the shadow of the future
 * of a repeated game (Axelrod 1984; Fudenberg & Maskin 1986): a violation against a complying side is seen
 * with probability 1 - miss and, if it reaches the other side's tolerance, calls the ceasefire off, losing
 * the peace of the remaining rounds:
 *
 *   future = [seen violations + 1 >= tolerance] (1 - miss) peace (delta + delta^2 + .. + delta^remaining)
 *
 * The same stage payoffs with future = 0 make the one-shot detainee exchange (honour = comply, renege =
 * violate).
 */
import { typePayoffIndex, SINCERE, INSINCERE } from './bayesian-pair.js';

export interface StageTerms {
  peace: number;
  temptation: number;
  sucker: number;
  push: number;
  future: number;
}

/** Fill one side's 16 type payoffs (see bayesian-pair.ts for the layout; they do not depend on the other's type). */
export function fillComplianceTypePayoffs(t: StageTerms, out: Float64Array): void {
  for (let tOther = 0; tOther < 2; tOther++) {
    out[typePayoffIndex(SINCERE, tOther, 0, 0)] = t.peace + t.push;
    out[typePayoffIndex(SINCERE, tOther, 0, 1)] = -t.sucker + t.push;
    out[typePayoffIndex(SINCERE, tOther, 1, 0)] = -t.future;
    out[typePayoffIndex(SINCERE, tOther, 1, 1)] = 0;
    out[typePayoffIndex(INSINCERE, tOther, 0, 0)] = t.peace + t.push;
    out[typePayoffIndex(INSINCERE, tOther, 0, 1)] = -t.sucker + t.push;
    out[typePayoffIndex(INSINCERE, tOther, 1, 0)] = t.peace + t.temptation - t.future;
    out[typePayoffIndex(INSINCERE, tOther, 1, 1)] = 0;
  }
}

/** delta + delta^2 + .. + delta^n: the discounted weight of n future rounds. */
export function discountedRounds(delta: number, n: number): number {
  if (n <= 0) return 0;
  if (delta === 1) return n;
  return (delta * (1 - Math.pow(delta, n))) / (1 - delta);
}

/**
 * Accepting the ceasefire, in agent form: action 0 = accept, 1 = reject. If both sides accept, side i of
 * type t facing type t' expects `horizon` rounds worth its expected stage payoff at the compliance
 * equilibrium (from `sigma`, the agents' probabilities of complying); otherwise nothing changes (0: the
 * fighting goes on). The side that offered the ceasefire also gets `face` (its audience cost) for
 * accepting: turning down its own public offer would cost it that.
 *
 *   W_i(t, t') = horizon * sum_{a,b} sigma_(i,t)(a) sigma_(j,t')(b) u_i[t](a, b)
 */
export function fillAcceptanceTypePayoffs(
  stage: Float64Array,
  own: 0 | 2,
  sigmaComply: Float64Array,
  horizon: number,
  face: number,
  out: Float64Array,
): void {
  const other = own === 0 ? 2 : 0;
  for (let t = 0; t < 2; t++) {
    for (let tOther = 0; tOther < 2; tOther++) {
      const pa = sigmaComply[own + t];
      const pb = sigmaComply[other + tOther];
      let w = 0;
      for (let a = 0; a < 2; a++) {
        for (let b = 0; b < 2; b++) {
          const prob = (a === 0 ? pa : 1 - pa) * (b === 0 ? pb : 1 - pb);
          w += prob * stage[typePayoffIndex(t, tOther, a, b)];
        }
      }
      out[typePayoffIndex(t, tOther, 0, 0)] = horizon * w + face;
      out[typePayoffIndex(t, tOther, 0, 1)] = face;
      out[typePayoffIndex(t, tOther, 1, 0)] = 0;
      out[typePayoffIndex(t, tOther, 1, 1)] = 0;
    }
  }
}
