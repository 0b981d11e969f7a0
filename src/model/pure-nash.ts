/**
 * Pure-strategy Nash equilibria of a finite normal-form game, by enumeration: a pure profile is an
 * equilibrium when no player has a pure deviation that pays strictly more, u_i(b, s_-i) <= u_i(s)
 * for every player i and strategy b. Mixed deviations need no check: a mixture pays a weighted
 * average of pure deviations. This is what Gambit's `gambit-enumpure` reports for a strategic game.
 *
 * Payoffs are compared exactly (no tolerance), as the file gives them: a deviation that gains 1e-15
 * is a deviation. Equilibria come out in profile-index order (player 0's strategy fastest, the
 * order of the .nfg payoff list).
 *
 * Cost: every profile is visited once and each player's sum_i (K_i - 1) deviations are read, so
 * O(P sum_i K_i) for P = prod_i K_i profiles; a 6-player game with 10 strategies each takes about
 * 6e7 payoff reads.
 *
 * @example
 * // Ceasefire prisoner's dilemma (comply, violate): the only equilibrium is mutual violation.
 * pureNashEquilibria(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1])); // [[1, 1]]
 */
import { profileCount, validateGame, type NormalFormGame } from './normal-form.js';

export function pureNashEquilibria(game: NormalFormGame): number[][] {
  validateGame(game);
  const ks = game.strategies;
  const n = ks.length;
  const pay = game.payoffs;
  const strides: number[] = [];
  let stride = 1;
  for (const k of ks) {
    strides.push(stride);
    stride *= k;
  }
  const profile = new Array<number>(n).fill(0);
  const found: number[][] = [];
  const nProfiles = profileCount(ks);
  for (let p = 0; p < nProfiles; p++) {
    let stable = true;
    for (let i = 0; i < n && stable; i++) {
      const own = pay[p * n + i];
      // the profile with player i's strategy set to 0; then step through i's strategies
      const base = p - profile[i] * strides[i];
      for (let b = 0; b < ks[i]; b++) {
        if (pay[(base + b * strides[i]) * n + i] > own) {
          stable = false;
          break;
        }
      }
    }
    if (stable) found.push(profile.slice());
    for (let i = 0; i < n; i++) {
      if (++profile[i] < ks[i]) break;
      profile[i] = 0;
    }
  }
  return found;
}
