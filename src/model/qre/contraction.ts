/**
 * Any number of players: the QRE equations' rows by tensor contraction.
 *
 * Player i's payoff differences over the others' profiles form a tensor L_0 = E_i(a; .) (game-layout.ts;
 * the others o_0 < o_1 < ... in player order, o_0's index fastest). Contracting it with one other's
 * mixture at a time,
 *
 *     L_(j+1)[rest] = sum_b L_j[b, rest] sigma_(o_j)(b),
 *
 * ends in the scalar D_i(a). The derivatives need D_i(a | o_j plays b), i's gain with o_j's mixture
 * replaced by its pure strategy b: with the weight tensors R_j = sigma_(o_(j+1)) x ... x sigma_(o_last)
 * (outer products, built from the last backwards),
 *
 *     D_i(a | o_j plays b) = sum_rest L_j[b, rest] R_j[rest],
 *     dH_i(a)/dv_(o_j)(b) = -mu sigma_(o_j)(b) [D_i(a | o_j plays b) - D_i(a)]   (system.ts).
 *
 * Cost O(N prod_i K_i) per evaluation: each level is read twice (contraction, then derivatives).
 * Binary games (agent-form Bayesian games with many agents, attendance games) have the same
 * contractions with K = 2 written out, p = sigma_j(1), and the derivative sums fused into the
 * forward pass:
 *
 *     L_(k+1)[r] = L_k[2r] (1 - p) + L_k[2r+1] p,   dD_i/dp_(o_k) = sum_r (L_k[2r+1] - L_k[2r]) R_k[r].
 *
 * The levels (`lev`) and weight tensors (`rw`, offsets `rOff` per other) are work arrays of the
 * system (system.ts), sized once per game.
 *
 * @example
 * // Three players, two strategies each, i = 0 with E_0 over (o_0 = 1, o_1 = 2) = [1, 0, 0, 1]
 * // (a coordination payoff): at sigma_1(1) = 0.2, sigma_2(1) = 0.5, L_1 = [0.8, 0.2], D_0 = 0.5.
 */
import type { QreSystem } from './system.js';

/** Player i's rows of the full system at x (into df, hf, af; stride nF + 1). */
export function contractionRows(sys: QreSystem, i: number, x: Float64Array): void {
  const layout = sys.layout;
  const nPlayers = layout.nPlayers;
  const n = layout.nF;
  const nx = n + 1;
  const mu = x[n];
  const { strategies: kk, probStart: off, ratioStart: vOff, diffStart: tOff, othersProfiles: size, diff: dT } = layout;
  const { prob, lev, rw, rOff, others } = sys;
  const dd = sys.df;
  const hh = sys.hf;
  const aa = sys.af;
  const ki = kk[i];
  if (ki === 1) return;
  // The others, and the weight tensors R_j, stored from the last (R = [1]) backwards.
  let nOth = 0;
  for (let j = 0; j < nPlayers; j++) if (j !== i) others[nOth++] = j;
  if (nOth > 0) {
    rOff[nOth - 1] = 0;
    rw[0] = 1;
    let rsz = 1;
    let ro = 1;
    for (let j = nOth - 2; j >= 0; j--) {
      const oj = others[j + 1];
      const kj = kk[oj];
      const pj = off[oj];
      const prev = rOff[j + 1];
      rOff[j] = ro;
      for (let rest = 0; rest < rsz; rest++) {
        const wv = rw[prev + rest];
        for (let b = 0; b < kj; b++) rw[ro + b + kj * rest] = prob[pj + b] * wv;
      }
      ro += kj * rsz;
      rsz *= kj;
    }
  }
  const s = size[i];
  for (let a = 1; a < ki; a++) {
    const r = vOff[i] + a - 1;
    const row = r * nx;
    for (let c = 0; c < n; c++) aa[row + c] = 0;
    aa[row + r] = 1;
    // Forward contraction; level j lives at src (L_0 in dT, the others in lev).
    let src = tOff[i] + (a - 1) * s;
    let fromT = true;
    let sz = s;
    let lo = 0;
    let d = 0;
    if (nOth === 0) d = dT[src];
    for (let j = 0; j < nOth; j++) {
      const oj = others[j];
      const kj = kk[oj];
      const pj = off[oj];
      const nsz = sz / kj;
      const data = fromT ? dT : lev;
      if (nsz === 1) {
        let acc = 0;
        for (let b = 0; b < kj; b++) acc += data[src + b] * prob[pj + b];
        lev[lo] = acc; // (still read when players with one strategy follow)
        d = acc;
      } else {
        for (let rest = 0; rest < nsz; rest++) {
          let acc = 0;
          const at = src + kj * rest;
          for (let b = 0; b < kj; b++) acc += data[at + b] * prob[pj + b];
          lev[lo + rest] = acc;
        }
      }
      src = lo;
      lo += nsz;
      fromT = false;
      sz = nsz;
    }
    dd[r] = d;
    hh[r] = x[r] - mu * d;
    aa[row + n] = -d;
    // Derivatives: replay the levels, L_0 from dT and L_j (j >= 1) from lev.
    let lsrc = tOff[i] + (a - 1) * s;
    let lFromT = true;
    let lsz = s;
    let lnext = 0;
    for (let j = 0; j < nOth; j++) {
      const oj = others[j];
      const kj = kk[oj];
      const pj = off[oj];
      const vj = vOff[oj];
      const nsz = lsz / kj;
      const data = lFromT ? dT : lev;
      const rj = rOff[j];
      for (let b = 1; b < kj; b++) {
        let e = 0;
        for (let rest = 0; rest < nsz; rest++) e += data[lsrc + b + kj * rest] * rw[rj + rest];
        aa[row + vj + b - 1] = -mu * prob[pj + b] * (e - d);
      }
      lsrc = lnext;
      lnext += nsz;
      lFromT = false;
      lsz = nsz;
    }
  }
}

/** contractionRows for games in which every player has two strategies (row i = player i). */
export function binaryContractionRows(sys: QreSystem, i: number, x: Float64Array): void {
  const layout = sys.layout;
  const nPlayers = layout.nPlayers;
  const n = layout.nF;
  const nx = n + 1;
  const mu = x[n];
  const { diffStart: tOff, othersProfiles: size, diff: dT } = layout;
  const { prob, lev, rw, rOff, others } = sys;
  const dd = sys.df;
  const hh = sys.hf;
  const aa = sys.af;
  let nOth = 0;
  for (let j = 0; j < nPlayers; j++) if (j !== i) others[nOth++] = j;
  // Weight tensors R_k = sigma_(o_(k+1)) x ... x sigma_(o_last), from the last (R = [1]) back.
  if (nOth > 0) rOff[nOth - 1] = 0;
  rw[0] = 1;
  let rs = 1;
  let ro = 1;
  for (let k = nOth - 2; k >= 0; k--) {
    const oj = others[k + 1];
    const q0 = prob[2 * oj];
    const q1 = prob[2 * oj + 1];
    const prev = rOff[k + 1];
    rOff[k] = ro;
    for (let r = 0; r < rs; r++) {
      const wv = rw[prev + r];
      rw[ro + 2 * r] = q0 * wv;
      rw[ro + 2 * r + 1] = q1 * wv;
    }
    ro += 2 * rs;
    rs *= 2;
  }
  const row = i * nx;
  for (let c = 0; c < n; c++) aa[row + c] = 0;
  aa[row + i] = 1;
  let data = dT;
  let src = tOff[i];
  let half = size[i] >> 1;
  let lo = 0;
  for (let k = 0; k < nOth; k++) {
    const oj = others[k];
    const q0 = prob[2 * oj];
    const q1 = prob[2 * oj + 1];
    const rk = rOff[k];
    let g = 0;
    for (let r = 0; r < half; r++) {
      const a0 = data[src + 2 * r];
      const a1 = data[src + 2 * r + 1];
      g += (a1 - a0) * rw[rk + r];
      lev[lo + r] = a0 * q0 + a1 * q1;
    }
    // d sigma_j(1) / d v_j = sigma_j(0) sigma_j(1)
    aa[row + oj] = -mu * q0 * q1 * g;
    data = lev;
    src = lo;
    lo += half;
    half >>= 1;
  }
  const d = data[src];
  dd[i] = d;
  hh[i] = x[i] - mu * d;
  aa[row + n] = -d;
}
