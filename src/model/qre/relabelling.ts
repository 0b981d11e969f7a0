/**
 * Relabelling strategies so that each player's reference strategy is its most probable one: how the
 * tracer keeps its precision at large lambda R.
 *
 * The unknowns are log-ratios against strategy 0, v_i(a) = ln(sigma_i(a) / sigma_i(0)) (mixtures.ts).
 * When strategy 0 falls out of play, v_i grows like mu = lambda R, and the mixture of the strategies
 * still in play is encoded in differences of large numbers: sigma_i is known to a relative eps |v_i|
 * only, so H = v - mu D carries an error of about eps |v| mu — 1e-7 at mu = 2e4 — and the corrector
 * and landing stall against it (path-tracer.ts). Relabelled so that strategy 0 is the most probable
 * strategy, the log-ratios of the strategies in play stay of order one, and those of strategies out of
 * play are large and negative: their probabilities underflow to 0, where they weigh nothing.
 *
 * A relabelling swaps one player's strategy 0 with its most probable strategy r (a transposition), so
 * in new labels w(a) = v(a) - v(r) for a != r and w(r) = -v(r); the same linear map carries a tangent.
 * The game itself is relabelled (its payoff table permuted), so that every evaluation of system.ts
 * works unchanged; `order` remembers, for each relabelled strategy, the original one, and a profile is
 * translated back before it leaves the solver. The branch is the same curve in other coordinates: its
 * points, turning points and end are the same.
 *
 * @example
 * // One player of three strategies with v = (3, 1) (sigma proportional to 1, e^3, e): strategy 1 is the
 * // most probable, so it becomes strategy 0 and v becomes (-3, 1 - 3) = (-3, -2).
 */
import type { NormalFormGame } from '../normal-form.js';
import type { GameLayout } from './game-layout.js';

export class Relabelling {
  /** the game as the caller gave it */
  private original: NormalFormGame | null = null;
  /** for each player's relabelled strategy a (at probStart[i] + a), the original strategy index */
  order = new Int32Array(0);
  /** for each player, the strategy swapped with 0 by the last `rebase` (0: none) */
  private swapped = new Int32Array(0);
  /** the relabelled game (its payoffs rewritten by `rebase`) */
  game: NormalFormGame = { strategies: [], payoffs: new Float64Array(0) };
  /** whether any strategy is relabelled */
  active = false;

  /** Starts from the game's own labels. */
  reset(game: NormalFormGame, layout: GameLayout): void {
    this.original = game;
    this.active = false;
    const m = layout.m;
    if (this.order.length < m) this.order = new Int32Array(m);
    if (this.swapped.length < layout.nPlayers) this.swapped = new Int32Array(layout.nPlayers);
    for (let i = 0; i < layout.nPlayers; i++) {
      for (let a = 0; a < layout.strategies[i]; a++) this.order[layout.probStart[i] + a] = a;
    }
    this.game = game;
  }

  /**
   * Makes each player's most probable strategy (prob, in the current labels) its strategy 0 where
   * that one is not already; rewrites `game`. Returns whether anything changed.
   */
  rebase(layout: GameLayout, prob: Float64Array): boolean {
    const { strategies, probStart, nPlayers } = layout;
    const { order, swapped } = this;
    let changed = false;
    for (let i = 0; i < nPlayers; i++) {
      const o = probStart[i];
      let best = 0;
      for (let a = 1; a < strategies[i]; a++) if (prob[o + a] > prob[o + best]) best = a;
      swapped[i] = best;
      if (best === 0) continue;
      const keep = order[o];
      order[o] = order[o + best];
      order[o + best] = keep;
      changed = true;
    }
    if (!changed) return false;
    this.active = true;
    this.rewrite(layout);
    return true;
  }

  /** The last rebase's change of coordinates applied to a point or tangent of the full layout, in place. */
  transform(layout: GameLayout, v: Float64Array): void {
    const { strategies, ratioStart, nPlayers } = layout;
    for (let i = 0; i < nPlayers; i++) {
      const r = this.swapped[i];
      if (r === 0) continue;
      const vo = ratioStart[i];
      const vr = v[vo + r - 1];
      for (let a = 1; a < strategies[i]; a++) v[vo + a - 1] = a === r ? -vr : v[vo + a - 1] - vr;
    }
  }

  /** A profile in relabelled strategies, written in the original labels into out. */
  toOriginal(layout: GameLayout, prob: Float64Array, out: Float64Array): void {
    const { order } = this;
    for (let j = 0; j < layout.m; j++) out[j] = prob[j];
    if (!this.active) return;
    const { strategies, probStart, nPlayers } = layout;
    for (let i = 0; i < nPlayers; i++) {
      const o = probStart[i];
      for (let a = 0; a < strategies[i]; a++) out[o + order[o + a]] = prob[o + a];
    }
  }

  /** Rewrites `game`'s payoffs: the relabelled profile s' is the original profile order(s'). */
  private rewrite(layout: GameLayout): void {
    const original = this.original!;
    const { strategies, probStart, nPlayers, profiles } = layout;
    const src = original.payoffs;
    if (this.game === original || this.game.payoffs.length !== src.length) {
      this.game = { strategies: original.strategies, payoffs: new Float64Array(src.length) };
    }
    const dst = this.game.payoffs;
    for (let p = 0; p < profiles; p++) {
      // The original profile's index: player 0's digit fastest (normal-form.ts).
      let rest = p;
      let index = 0;
      let stride = 1;
      for (let i = 0; i < nPlayers; i++) {
        const k = strategies[i];
        const a = rest % k;
        rest = (rest - a) / k;
        index += this.order[probStart[i] + a] * stride;
        stride *= k;
      }
      for (let i = 0; i < nPlayers; i++) dst[p * nPlayers + i] = src[index * nPlayers + i];
    }
  }
}
