/**
 * A two-sided game of incomplete information in agent form (Harsanyi 1967-68; Selten 1975): each side is
 * either *sincere* or *buying time*, knows its own type, and holds a belief that the other is sincere. Each
 * (side, type) is an "agent" that chooses for that type, so the game becomes a four-player normal-form game
 * whose logit QRE is the agent QRE of the Bayesian game (McKelvey & Palfrey 1998). Beliefs need not be a
 * common prior: agent (i, t) weighs the other side's two type-agents by i's own belief.
 *
 * Agents: 0 = (A, sincere), 1 = (A, buying time), 2 = (B, sincere), 3 = (B, buying time); two actions
 * each. Agent (i, t) gets
 *   b_i u_i[t][sincere][a][b_s] + (1 - b_i) u_i[t][insincere][a][b_n]
 * where b_s, b_n are the actions of the other side's agents and b_i is i's belief that the other is sincere.
 *
 * Type payoffs are flat arrays of 16: index ((t * 2 + tOther) * 2 + a) * 2 + b, with t, tOther 0 = sincere,
 * 1 = buying time, and a, b the own and other side's action.
 */
import type { NormalFormGame } from '../normal-form.js';

export const SINCERE = 0;
export const INSINCERE = 1;

export function typePayoffIndex(t: number, tOther: number, a: number, b: number): number {
  return ((t * 2 + tOther) * 2 + a) * 2 + b;
}

export function newBayesianPairGame(): NormalFormGame {
  return { strategies: [2, 2, 2, 2], payoffs: new Float64Array(16 * 4) };
}

export function fillBayesianPair(
  game: NormalFormGame,
  uA: Float64Array,
  uB: Float64Array,
  beliefA: number,
  beliefB: number,
): void {
  const p = game.payoffs;
  for (let prof = 0; prof < 16; prof++) {
    const a0 = prof & 1, a1 = (prof >> 1) & 1, a2 = (prof >> 2) & 1, a3 = (prof >> 3) & 1;
    const o = prof * 4;
    p[o] = beliefA * uA[typePayoffIndex(0, 0, a0, a2)] + (1 - beliefA) * uA[typePayoffIndex(0, 1, a0, a3)];
    p[o + 1] = beliefA * uA[typePayoffIndex(1, 0, a1, a2)] + (1 - beliefA) * uA[typePayoffIndex(1, 1, a1, a3)];
    p[o + 2] = beliefB * uB[typePayoffIndex(0, 0, a2, a0)] + (1 - beliefB) * uB[typePayoffIndex(0, 1, a2, a1)];
    p[o + 3] = beliefB * uB[typePayoffIndex(1, 0, a3, a0)] + (1 - beliefB) * uB[typePayoffIndex(1, 1, a3, a1)];
  }
}
