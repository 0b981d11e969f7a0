/**
 * Attendance: before the first round each party chooses to attend (action 0) or boycott (action 1).
 *
 *   attend,  talks happen (every essential party attends):  V_i + push_i - unmet_i
 *   attend,  talks do not happen:                           o_i - alone_i + push_i - unmet_i
 *   boycott:                                                o_i - boycott_i
 *
 * V_i is the value of entering the talks (the continuation value of round 0, continuation.ts: the deal
 * the opening proposal promises, a round later, or the outside option; no cost of delay at entry), o_i the
 * outside option, alone_i the cost of turning up to talks another essential party boycotts, boycott_i the
 * audience cost of a boycott (the blame of the sponsors and publics that wanted the talks: a party's
 * `boycott_cost`), push_i sponsor pressure and inclination toward `attend`, unmet_i the penalty of its soft
 * preconditions for attending (`attend_if`) that are not met. Because V_i >= o_i (a party can
 * always walk out later), a party with no reason to boycott attends, and attending is a strategic
 * complement: the more likely the others attend, the more attending is worth.
 *
 * A party whose hard precondition is not met does not play: it boycotts (attendance exactly 0), and if it
 * is essential the talks cannot happen (`talksPossible` false), which the others' payoffs read.
 */
import type { NormalFormGame } from '../normal-form.js';

export interface AttendanceTerms {
  /** Per player (index into the players list): V_i, o_i, alone_i, boycott_i, push_i, unmet_i. */
  value: Float64Array;
  outside: Float64Array;
  alone: Float64Array;
  boycott: Float64Array;
  push: Float64Array;
  unmet: Float64Array;
  /** Per player: 1 if essential. */
  essential: Uint8Array;
}

export function fillAttendanceGame(game: NormalFormGame, n: number, t: AttendanceTerms, talksPossible = true): void {
  game.strategies.length = n;
  for (let i = 0; i < n; i++) game.strategies[i] = 2;
  const profiles = 1 << n;
  const p = game.payoffs;
  for (let prof = 0; prof < profiles; prof++) {
    let talks = talksPossible;
    for (let i = 0; i < n; i++) if (t.essential[i] && ((prof >> i) & 1) === 1) talks = false;
    for (let i = 0; i < n; i++) {
      const attends = ((prof >> i) & 1) === 0;
      p[prof * n + i] = attends
        ? (talks ? t.value[i] : t.outside[i] - t.alone[i]) + t.push[i] - t.unmet[i]
        : t.outside[i] - t.boycott[i];
    }
  }
}
