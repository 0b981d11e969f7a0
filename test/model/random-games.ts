/** Shared by the solver tests: deterministic test numbers, a distance between profiles and the QRE residual. */
import { expectedPayoffs, type NormalFormGame } from '../../src/model/normal-form.js';

/** Deterministic uniform numbers in [0, 1) for test games (a linear congruential generator). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** max_i |a_i - b_i| */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** max |sigma - logit response(sigma)|, the fixed-point residual of a QRE candidate. */
export function residual(game: NormalFormGame, lambda: number, sigma: ArrayLike<number>): number {
  const u = expectedPayoffs(game, sigma);
  let worst = 0;
  let o = 0;
  for (const k of game.strategies) {
    const top = Math.max(...u.slice(o, o + k).map((x) => lambda * x));
    const e = u.slice(o, o + k).map((x) => Math.exp(lambda * x - top));
    const sum = e.reduce((a, b) => a + b, 0);
    for (let a = 0; a < k; a++) worst = Math.max(worst, Math.abs(e[a] / sum - sigma[o + a]));
    o += k;
  }
  return worst;
}
