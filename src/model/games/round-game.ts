/**
 * One round of talks: each party at the table chooses to accept the mediator's proposal, continue, or
 * withdraw. A party whose binding condition the proposal breaks cannot accept (red-line.ts): its action set
 * is [continue, withdraw].
 *
 * Outcome of a profile: if an essential party withdraws, the talks end in withdrawal; else if every
 * essential party accepts, the proposal is agreed; else the talks go on. Party i's payoff:
 *
 *   withdraw:                                   o_i - audience_i
 *   accept or continue, an essential party withdrew:   o_i                 + stay_i
 *   accept or continue, every essential party accepts: D_i                 + stay_i
 *   accept or continue, otherwise:                     C_i                 + stay_i
 *   ... plus accept_i on accept.
 *
 *   D_i = tau_i U_i(x) + (1 - tau_i)(o_i - betrayal) - soft penalties       (the deal, if signed)
 *   C_i = o_i + delta max(0, D_i - o_i)  before the last round;  o_i  at the last round (stalemate)
 *
 * U_i(x) is the spatial utility of the proposal (spatial-utility.ts), tau_i i's belief that the other
 * essential parties are sincere (a deal with a side buying time is not implemented and costs `betrayal`),
 * C_i the value of keeping the talks going: the deal on the table is still there, one round later (delta),
 * and i can always walk away to o_i. stay_i is pressure and inclination toward `stay` minus the cost of every
 * exit preference of i's that the round triggers (exit.ts); accept_i is pressure and inclination toward
 * `accept`.
 */
import type { NormalFormGame } from '../normal-form.js';

export const ACCEPT = 0;
export const CONTINUE = 1;
export const WITHDRAW = 2;
export const ACTION_NAMES = ['accept', 'continue', 'withdraw'] as const;

export interface RoundTerms {
  /** Per player: 1 if accept is available. */
  canAccept: Uint8Array;
  essential: Uint8Array;
  outside: Float64Array;
  audience: Float64Array;
  deal: Float64Array;
  cont: Float64Array;
  stay: Float64Array;
  accept: Float64Array;
}

/** The action code (ACCEPT/CONTINUE/WITHDRAW) of player i's strategy s. */
export function roundAction(canAccept: number, s: number): number {
  return canAccept ? s : s + 1;
}

export function fillRoundGame(game: NormalFormGame, n: number, t: RoundTerms, scratch: Int32Array): void {
  game.strategies.length = n;
  let profiles = 1;
  for (let i = 0; i < n; i++) {
    game.strategies[i] = t.canAccept[i] ? 3 : 2;
    profiles *= game.strategies[i];
  }
  const s = scratch; // odometer: s[i] = player i's strategy, player 0 fastest (Gambit order)
  for (let i = 0; i < n; i++) s[i] = 0;
  const p = game.payoffs;
  for (let prof = 0; prof < profiles; prof++) {
    let essentialWithdrew = false;
    let allAccept = true;
    for (let i = 0; i < n; i++) {
      const a = roundAction(t.canAccept[i], s[i]);
      if (t.essential[i]) {
        if (a === WITHDRAW) essentialWithdrew = true;
        if (a !== ACCEPT) allAccept = false;
      }
    }
    for (let i = 0; i < n; i++) {
      const a = roundAction(t.canAccept[i], s[i]);
      let u: number;
      if (a === WITHDRAW) u = t.outside[i] - t.audience[i];
      else {
        u = essentialWithdrew ? t.outside[i] : allAccept ? t.deal[i] : t.cont[i];
        u += t.stay[i];
        if (a === ACCEPT) u += t.accept[i];
      }
      p[prof * n + i] = u;
    }
    for (let i = 0; i < n; i++) {
      if (++s[i] < game.strategies[i]) break;
      s[i] = 0;
    }
  }
}
