/**
 * Two-player games: the QRE equations' rows as matrix-vector products, and the one-player traced
 * system left when the other player is eliminated.
 *
 * With E_0 = the row player's payoff differences (game-layout.ts: E_0[(a-1) K_1 + b]) and E_1 the
 * column player's, D_0(a) = sum_b E_0(a, b) sigma_1(b) and D_1(b) = sum_a E_1(b, a) sigma_0(a), and
 * the rows of H = v - mu D (system.ts) are, for player 0 (player 1's alike),
 *
 *     dH_0(a)/dv_0(a') = [a = a'],   dH_0(a)/dv_1(b) = -mu sigma_1(b) (E_0(a, b) - D_0(a)),   dH_0(a)/dmu = -D_0(a),
 *
 * since d sigma_1(b') / d v_1(b) = sigma_1(b) ([b = b'] - sigma_1(b')). O(K_0 K_1) per evaluation.
 *
 * Elimination (elimination.ts): the player t with more strategies (player 1 on a tie) has
 * v_t = mu D_t(sigma_s) in closed form, so the traced system is in the other player s's log-ratios:
 *
 *     D_t(b) = sum_a E_t(b, a) sigma_s(a),  v_t = mu D_t,  sigma_t = softmax(0, v_t),
 *     D_s(a) = sum_b E_s(a, b) sigma_t(b),  H_s(a) = v_s(a) - mu D_s(a),
 *     dH_s(a)/dv_s(a') = [a = a'] - mu^2 sum_(b >= 1) sigma_t(b) (E_s(a, b) - D_s(a)) sigma_s(a') (E_t(b, a') - D_t(b)),
 *     dH_s(a)/dmu = -D_s(a) - mu sum_(b >= 1) sigma_t(b) (E_s(a, b) - D_s(a)) D_t(b):
 *
 * the Schur complement J_ss - J_st J_ts of the full Jacobian (J_tt = I), written out.
 *
 * @example
 * // Prisoner's dilemma at the centroid (v = 0) and mu = 1: E_0 = [0.4, 0.2], so D_0 = 0.3, H_0 = -0.3,
 * // dH_0/dv_1 = -mu sigma_1(1) (E_0(1, 1) - D_0) = -0.5 (0.2 - 0.3) = 0.05
 */
import type { QreSystem } from './system.js';
import { playerProbs } from './mixtures.js';

/** Player i's rows of the full system at x (into df, hf, af; stride nF + 1). */
export function twoPlayerRows(sys: QreSystem, i: number, x: Float64Array): void {
  const layout = sys.layout;
  const k0 = layout.strategies[0];
  const k1 = layout.strategies[1];
  const n = layout.nF;
  const nx = n + 1;
  const n0 = k0 - 1;
  const mu = x[n];
  const base = k0 * k1;
  const prob = sys.prob;
  const dT = layout.diff;
  const dd = sys.df;
  const hh = sys.hf;
  const aa = sys.af;
  if (i === 0) {
    // Player 0's rows: D_0(a) = sum_b dA[a,b] q_b, q = prob[k0..).
    for (let r = 0; r < n0; r++) {
      const ra = r * k1;
      let d = 0;
      for (let b = 0; b < k1; b++) d += dT[ra + b] * prob[k0 + b];
      dd[r] = d;
      hh[r] = x[r] - mu * d;
      const row = r * nx;
      for (let c = 0; c < n0; c++) aa[row + c] = 0;
      aa[row + r] = 1;
      for (let b = 1; b < k1; b++) aa[row + n0 + b - 1] = -mu * prob[k0 + b] * (dT[ra + b] - d);
      aa[row + n] = -d;
    }
    return;
  }
  // Player 1's rows: D_1(b) = sum_a dB[b,a] p_a, p = prob[0..k0).
  for (let b = 1; b < k1; b++) {
    const r = n0 + b - 1;
    const rb = base + (b - 1) * k0;
    let d = 0;
    for (let a = 0; a < k0; a++) d += dT[rb + a] * prob[a];
    dd[r] = d;
    hh[r] = x[r] - mu * d;
    const row = r * nx;
    for (let a = 1; a < k0; a++) aa[row + a - 1] = -mu * prob[a] * (dT[rb + a] - d);
    for (let c = n0; c < n; c++) aa[row + c] = 0;
    aa[row + r] = 1;
    aa[row + n] = -d;
  }
}

/** The traced system with player t = tPlayers[0] eliminated, in the other player's log-ratios x. */
export function twoPlayerEliminated(sys: QreSystem, x: Float64Array): void {
  const layout = sys.layout;
  const { strategies: kk, probStart: off, ratioStart: vOff, diff: dT } = layout;
  const { prob, hh, dd, aa, xfB: xf } = sys;
  const hf = sys.hf;
  const df = sys.df;
  const t = sys.tPlayers[0];
  const sp = 1 - t;
  const kS = kk[sp];
  const kT = kk[t];
  const n = kS - 1;
  const nx = n + 1;
  const mu = x[n];
  const base = kk[0] * kk[1];
  const sBlock = sp === 0 ? 0 : base;
  const tBlock = t === 0 ? 0 : base;
  const oS = off[sp];
  const oT = off[t];
  const vS = vOff[sp];
  const vT = vOff[t];
  for (let a = 0; a < n; a++) xf[vS + a] = x[a];
  playerProbs(layout, sp, xf, prob);
  for (let b = 1; b < kT; b++) {
    const rb = tBlock + (b - 1) * kS;
    let d = 0;
    for (let a = 0; a < kS; a++) d += dT[rb + a] * prob[oS + a];
    df[vT + b - 1] = d;
    xf[vT + b - 1] = mu * d;
    hf[vT + b - 1] = 0;
  }
  playerProbs(layout, t, xf, prob);
  for (let a = 1; a < kS; a++) {
    const ra = sBlock + (a - 1) * kT;
    let d = 0;
    for (let b = 0; b < kT; b++) d += dT[ra + b] * prob[oT + b];
    const r = a - 1;
    dd[r] = d;
    const h = x[r] - mu * d;
    hh[r] = h;
    hf[vS + r] = h;
    const row = r * nx;
    let dmu = -d;
    for (let c = 0; c < n; c++) aa[row + c] = c === r ? 1 : 0;
    for (let b = 1; b < kT; b++) {
      const e = prob[oT + b] * (dT[ra + b] - d); // dD_s(a)/dv_t(b)
      const dt = df[vT + b - 1];
      dmu -= mu * e * dt;
      const rb = tBlock + (b - 1) * kS;
      const me = mu * mu * e;
      for (let c = 1; c < kS; c++) aa[row + c - 1] -= me * prob[oS + c] * (dT[rb + c] - dt);
    }
    aa[row + n] = dmu;
  }
}
