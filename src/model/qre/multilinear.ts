/**
 * Binary games evaluated as multilinear polynomials: the agent-form pair games' fast path.
 *
 * When every player has two strategies, write p_j = sigma_j(1). Player i's scaled payoff difference
 * D_i = D_i(1) (game-layout.ts) is multilinear in the others' p_j:
 *
 *     D_i = sum over subsets U of the others  c_U prod_(j in U) p_j,
 *     c_U = sum_(V subset of U) (-1)^|U \ V| E_i(V)   (Moebius inversion; E_i(V) the entry where
 *                                                      exactly the players in V play strategy 1),
 *
 * and its partial derivatives are the same sums without p_j. In an agent-form Bayesian game
 * (games/bayesian-pair.ts; Harsanyi 1967-68) an agent's payoff ignores its own side's other type-agent,
 * so every coefficient on that agent is exactly 0: each agent's D has four terms (constant, one for
 * each of the other side's agents, their product), against a contraction over 2^(N-1) entries.
 * `build` keeps the nonzero terms and says whether evaluating them is cheaper than contracting.
 *
 * Rows of the equations H_i = v_i - mu D_i (system.ts), with d sigma_j(1) / d v_j = sigma_j(0) sigma_j(1):
 *
 *     dH_i/dv_i = 1,   dH_i/dv_j = -mu sigma_j(0) sigma_j(1) dD_i/dp_j,   dH_i/dmu = -D_i.
 *
 * With players T eliminated (elimination.ts: v_t = mu D_t, T's terms have no members in T), the
 * traced rows are assembled directly, without the full-space rows (s' = sigma_j(0) sigma_j(1),
 * G(s, j) = dD_s/dp_j):
 *
 *     J(s, c)  = [s = c] - [s != c] mu s'_c G(s, c) - sum_t (mu s'_t G(s, t)) (mu s'_c G(t, c)),
 *     J(s, mu) = -D_s - sum_t mu s'_t G(s, t) D_t.
 *
 * @example
 * // A player whose D is 0.5 - 0.2 p_1 + 0.1 p_2 + 0.4 p_1 p_2 keeps four terms; at p = (., 0.5, 0.25):
 * // D = 0.5 - 0.1 + 0.025 + 0.05 = 0.475, dD/dp_1 = -0.2 + 0.1 = -0.1, dD/dp_2 = 0.1 + 0.2 = 0.3
 */
import type { GameLayout } from './game-layout.js';
import { binaryProbs } from './mixtures.js';
import type { QreSystem } from './system.js';

/** Each player's nonzero multilinear terms; term t of player i: coef[t] times the product of its members. */
export class MultilinearTerms {
  /** player i's terms are [start[i], start[i + 1]) */
  start = new Int32Array(0);
  coef = new Float64Array(0);
  /** members as a bit set: bit k = the k-th of i's others (player order, i skipped) */
  mask = new Int32Array(0);
  /** the first member (a player; -1: none), the second, and the number of members */
  first = new Int32Array(0);
  second = new Int32Array(0);
  size = new Int32Array(0);
  /** dD_i/dp_j at [i nPlayers + j], at the probabilities of the last `row` */
  grad = new Float64Array(0);

  /** Room for nPlayers players (called whenever the player capacity grows). */
  ensurePlayers(nPlayers: number): void {
    this.start = new Int32Array(nPlayers + 1);
    this.grad = new Float64Array(nPlayers * nPlayers);
  }

  /**
   * The coefficients of every player's D in a binary game. Returns whether evaluating them costs
   * less than the contraction (sum over terms of |U|^2 against about 2^N per player; measured on
   * four-agent games).
   */
  build(layout: GameLayout): boolean {
    const nPlayers = layout.nPlayers;
    const s = layout.profiles >> 1;
    const { diffStart, diff } = layout;
    if (this.coef.length < nPlayers * s) {
      this.coef = new Float64Array(nPlayers * s);
      this.mask = new Int32Array(nPlayers * s);
      this.first = new Int32Array(nPlayers * s);
      this.second = new Int32Array(nPlayers * s);
      this.size = new Int32Array(nPlayers * s);
    }
    const { start, coef, mask, first, second, size } = this;
    let nt = 0;
    let cost = 0;
    for (let i = 0; i < nPlayers; i++) {
      start[i] = nt;
      const t0 = diffStart[i];
      // Moebius inversion in place over the others' bits: c_U = sum_(V in U) (-1)^|U \ V| D(V).
      for (let r = 0; r < s; r++) coef[nt + r] = diff[t0 + r];
      for (let bit = 1; bit < s; bit <<= 1) {
        for (let r = 0; r < s; r++) if (r & bit) coef[nt + r] -= coef[nt + (r ^ bit)];
      }
      let kept = nt;
      for (let r = 0; r < s; r++) {
        const c = coef[nt + r];
        if (c === 0 && r !== 0) continue;
        coef[kept] = c;
        mask[kept] = r;
        let bits = 0;
        first[kept] = -1;
        second[kept] = -1;
        for (let m = r; m !== 0; m &= m - 1) {
          const k = 31 - Math.clz32(m & -m);
          const j = k < i ? k : k + 1;
          if (bits === 0) first[kept] = j;
          else if (bits === 1) second[kept] = j;
          bits++;
        }
        size[kept] = bits;
        cost += bits * bits;
        kept++;
      }
      nt = kept;
    }
    start[nPlayers] = nt;
    return cost <= 2 * layout.profiles;
  }

  /** D_i into d[i] and dD_i/dp_j into grad[i nPlayers + j] (j != i), at the probabilities prob. */
  row(i: number, nPlayers: number, prob: Float64Array, d: Float64Array): void {
    const { start, coef, first, second, size, grad } = this;
    const g0 = i * nPlayers;
    for (let j = 0; j < nPlayers; j++) grad[g0 + j] = 0;
    let sum = 0;
    const end = start[i + 1];
    for (let t = start[i]; t < end; t++) {
      const c = coef[t];
      const len = size[t];
      // (Terms of up to two members written out: all of an agent-form game's.)
      if (len === 0) {
        sum += c;
        continue;
      }
      const ja = first[t];
      if (len === 1) {
        sum += c * prob[2 * ja + 1];
        grad[g0 + ja] += c;
        continue;
      }
      if (len === 2) {
        const jb = second[t];
        const pa = prob[2 * ja + 1];
        const pb = prob[2 * jb + 1];
        sum += c * pa * pb;
        grad[g0 + ja] += c * pb;
        grad[g0 + jb] += c * pa;
        continue;
      }
      sum += this.longTerm(i, t, nPlayers, prob);
    }
    d[i] = sum;
  }

  /** row's terms of three or more members: adds the partials to grad, returns the term's value. */
  private longTerm(i: number, t: number, nPlayers: number, prob: Float64Array): number {
    const grad = this.grad;
    const g0 = i * nPlayers;
    const c = this.coef[t];
    // Members by bit k of the mask: the k-th of i's others, player k + (k >= i).
    const mask = this.mask[t];
    let prod = c;
    for (let m = mask; m !== 0; m &= m - 1) {
      const k = 31 - Math.clz32(m & -m);
      prod *= prob[2 * (k < i ? k : k + 1) + 1];
    }
    // d/dp_j of c prod_(l in U) p_l: the product without p_j.
    for (let m = mask; m !== 0; m &= m - 1) {
      const k = 31 - Math.clz32(m & -m);
      let part = c;
      for (let o = mask ^ (1 << k); o !== 0; o &= o - 1) {
        const l = 31 - Math.clz32(o & -o);
        part *= prob[2 * (l < i ? l : l + 1) + 1];
      }
      grad[g0 + (k < i ? k : k + 1)] += part;
    }
    return prod;
  }
}

/** Player i's row of the full system at xf (stride nF + 1), from its terms. */
export function multilinearRows(sys: QreSystem, i: number, x: Float64Array): void {
  const nPlayers = sys.layout.nPlayers;
  const n = sys.layout.nF;
  const nx = n + 1;
  const mu = x[n];
  const { prob, terms } = sys;
  const grad = terms.grad;
  const aa = sys.af;
  terms.row(i, nPlayers, prob, sys.df);
  const d = sys.df[i];
  const row = i * nx;
  const g0 = i * nPlayers;
  // d sigma_j(1) / d v_j = sigma_j(0) sigma_j(1)
  for (let j = 0; j < nPlayers; j++) aa[row + j] = j === i ? 1 : -mu * prob[2 * j] * prob[2 * j + 1] * grad[g0 + j];
  sys.hf[i] = x[i] - mu * d;
  aa[row + n] = -d;
}

/**
 * The traced system of a binary game with players eliminated (agent-form pair games), on the traced
 * unknowns directly: the same quantities as elimination.ts's general path, without the full-space rows.
 */
export function multilinearEliminated(sys: QreSystem, x: Float64Array): void {
  const nPlayers = sys.layout.nPlayers;
  const { fullOf, tPlayers, prob, terms, hh, dd, aa, df, hf, xfB: xf } = sys;
  const grad = terms.grad;
  const n = sys.n;
  const nx = n + 1;
  const nT = sys.nT;
  const mu = x[n];
  for (let r = 0; r < n; r++) binaryProbs(prob, 2 * fullOf[r], x, r);
  // (T's terms have no members in T: their rows read only S's probabilities.) v_t = mu D_t goes
  // into the full point, where binaryProbs reads it.
  for (let j = 0; j < nT; j++) {
    const t = tPlayers[j];
    terms.row(t, nPlayers, prob, df);
    xf[t] = mu * df[t];
    binaryProbs(prob, 2 * t, xf, t);
    hf[t] = 0;
  }
  for (let r = 0; r < n; r++) {
    const sp = fullOf[r];
    terms.row(sp, nPlayers, prob, df);
    const d = df[sp];
    dd[r] = d;
    const h = x[r] - mu * d;
    hh[r] = h;
    hf[sp] = h;
    const gs = sp * nPlayers;
    const row = r * nx;
    let dmu = -d;
    for (let c = 0; c < n; c++) {
      const sc = fullOf[c];
      const dc = mu * prob[2 * sc] * prob[2 * sc + 1];
      aa[row + c] = sc === sp ? 1 : -dc * grad[gs + sc];
    }
    for (let j = 0; j < nT; j++) {
      const t = tPlayers[j];
      const est = mu * prob[2 * t] * prob[2 * t + 1] * grad[gs + t]; // -dH_s/dv_t
      if (est === 0) continue;
      dmu -= est * df[t];
      const gt = t * nPlayers;
      for (let c = 0; c < n; c++) {
        const sc = fullOf[c];
        aa[row + c] -= est * mu * prob[2 * sc] * prob[2 * sc + 1] * grad[gt + sc];
      }
    }
    aa[row + n] = dmu;
  }
}
