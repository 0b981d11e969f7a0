/**
 * Attendance: before the first round each party chooses to attend (action 0) or boycott (action 1).
 *
 *   attend,  talks happen (every essential party attends):  V_i + push_i
 *   attend,  talks do not happen:                           o_i - alone_i + push_i
 *   boycott:                                                o_i - audience_i
 *
 * V_i is the value of entering the talks, o_i the outside option, alone_i the cost of turning up to talks
 * the other side boycotts, audience_i the audience cost of a boycott (sponsors and publics that wanted the
 * talks), push_i sponsor pressure and inclination toward `attend`. Because V_i >= o_i (a party can always
 * walk out later: see roundGame's continuation value), attending is a strategic complement: the more likely
 * the others attend, the more attending is worth.
 */
import type { NormalFormGame } from '../normal-form.js';

export interface AttendanceTerms {
  /** Per player (index into the players list): V_i, o_i, alone_i, audience_i, push_i. */
  value: Float64Array;
  outside: Float64Array;
  alone: Float64Array;
  audience: Float64Array;
  push: Float64Array;
  /** Per player: 1 if essential. */
  essential: Uint8Array;
}

export function fillAttendanceGame(game: NormalFormGame, n: number, t: AttendanceTerms): void {
  game.strategies.length = n;
  for (let i = 0; i < n; i++) game.strategies[i] = 2;
  const profiles = 1 << n;
  const p = game.payoffs;
  for (let prof = 0; prof < profiles; prof++) {
    let talks = true;
    for (let i = 0; i < n; i++) if (t.essential[i] && ((prof >> i) & 1) === 1) talks = false;
    for (let i = 0; i < n; i++) {
      const attends = ((prof >> i) & 1) === 0;
      p[prof * n + i] = attends
        ? (talks ? t.value[i] : t.outside[i] - t.alone[i]) + t.push[i]
        : t.outside[i] - t.audience[i];
    }
  }
}
