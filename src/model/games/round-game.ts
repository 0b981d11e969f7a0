/**
 * One round of talks: each party at the table chooses to accept the mediator's proposal, continue, or
 * withdraw. A party whose binding condition the proposal breaks cannot accept (red-line.ts): its action set
 * is [continue, withdraw].
 *
 * Outcome of a profile: if an essential party withdraws, the talks end in withdrawal; else if every
 * essential party accepts, the proposal is agreed; else the talks go on. Party i's payoff:
 *
 *   withdraw:                                   o_i - walkout_i
 *   accept or continue, an essential party withdrew:   o_i                 + stay_i
 *   accept or continue, every essential party accepts: D_i                 + stay_i
 *   accept or continue, otherwise:                     C_i                 + stay_i
 *   ... plus accept_i on accept.
 *
 * D_i is the deal's worth if signed (deal-value.ts: its utility if implemented, implementation.ts), C_i the
 * value of keeping the talks going (continuation.ts: the deal a round later less the cost of delay, or at
 * the last round the outside option less a deadline's cost), walkout_i the audience cost of walking out (a
 * party's `walkout_cost`). stay_i is pressure and inclination toward `stay` minus the cost of every
 * exit preference of i's that the round triggers (exit.ts); accept_i is pressure and inclination toward
 * `accept`.
 *
 * Under the single negotiating text (Raiffa 1982, ch. 14; Fisher's one-text procedure at Camp David 1978)
 * a party that has accepted the text stands by it while the text stays the same: it is not a player of
 * later rounds' games (sim/run.ts), and agreement comes when the last essential party signs.
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
  walkout: Float64Array;
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
      if (a === WITHDRAW) u = t.outside[i] - t.walkout[i];
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
