/**
 * Mixed strategies from log-probability ratios: sigma_i = softmax(0, v_i).
 *
 * The solver's unknowns for player i are v_i(a) = ln(sigma_i(a) / sigma_i(0)), a = 1..K_i - 1
 * (logit-qre.ts), so sigma_i(0) = 1 / (1 + sum_a e^(v_i(a))) and sigma_i(a) = e^(v_i(a)) sigma_i(0):
 * positive and summing to one by construction, with no probability underflowing inside the unknowns.
 * Two strategies: the logistic, cancellation-free on either side (as unique-pair-qre.ts's logitPair).
 * More: exponentials shifted by the largest log-ratio only where one would overflow (above e^700),
 * which saves an exponential in the usual case.
 *
 * @example
 * const layout = new GameLayout(), prob = new Float64Array(3);
 * layout.load(makeGame([3], [0, 0, 0])); // one player, three strategies
 * playerProbs(layout, 0, Float64Array.of(Math.log(2), 0), prob); // prob = [0.25, 0.5, 0.25]
 */
import type { GameLayout } from './game-layout.js';

/**
 * A binary player's mixture from its log-ratio v = src[k] = ln(sigma(1) / sigma(0)) into prob[o],
 * prob[o + 1]: the logistic, written so that exp never overflows and neither probability loses digits
 * to cancellation — unique-pair-qre.ts's logitPair(-v), the same operations. v is read from an array,
 * not passed: a double passed to a call the compiler does not inline is boxed, an allocation per
 * evaluation in the hot loop (measured: about 270 bytes a solve of an agent-form game).
 */
export function binaryProbs(prob: Float64Array, o: number, src: Float64Array, k: number): void {
  const v = src[k];
  if (v <= 0) {
    const ez = Math.exp(v);
    const p0 = 1 / (1 + ez);
    prob[o] = p0;
    prob[o + 1] = ez * p0;
  } else {
    const ez = Math.exp(-v);
    const p1 = 1 / (1 + ez);
    prob[o] = ez * p1;
    prob[o + 1] = p1;
  }
}

/** Player i's mixture from its log-ratios in x (full layout) into prob. */
export function playerProbs(layout: GameLayout, i: number, x: Float64Array, prob: Float64Array): void {
  const k = layout.strategies[i];
  const o = layout.probStart[i];
  const vo = layout.ratioStart[i];
  if (k === 2) {
    binaryProbs(prob, o, x, vo);
  } else if (k === 1) {
    prob[o] = 1;
  } else {
    let mx = 0;
    for (let a = 0; a < k - 1; a++) if (x[vo + a] > mx) mx = x[vo + a];
    // Shift by the largest log-ratio only where exp would overflow (saves an exp otherwise).
    if (mx < 700) mx = 0;
    let sum = mx === 0 ? 1 : Math.exp(-mx);
    prob[o] = sum;
    for (let a = 1; a < k; a++) {
      const e = Math.exp(x[vo + a - 1] - mx);
      prob[o + a] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let a = 0; a < k; a++) prob[o + a] *= inv;
  }
}

/** Every player's mixture from the log-ratios in x (full layout) into prob. */
export function profileProbs(layout: GameLayout, x: Float64Array, prob: Float64Array): void {
  for (let i = 0; i < layout.nPlayers; i++) playerProbs(layout, i, x, prob);
}
