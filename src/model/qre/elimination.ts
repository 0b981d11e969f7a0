/**
 * Elimination of players in closed form: the branch traced in fewer unknowns.
 *
 * Let T be a set of players whose payoff differences do not depend on one another's strategies. Their
 * equations H_T = v_T - mu D_T(sigma_S) = 0 (S the other players) then say v_T = mu D_T(sigma_S)
 * outright, so the branch is the curve of
 *
 *     H_S(v_S, v_T(v_S, mu), mu) = 0   in (v_S, mu):
 *
 * the same curve without its T coordinates. Its Jacobian is the Schur complement
 *
 *     J_SS - J_ST J_TS   (J_TT = I, since T's rows do not involve T's other players),
 *
 * with the mu column J_Smu - J_ST J_Tmu likewise, and det [J; t^T] equals the full system's (det of a
 * block matrix with an identity block), so the tracer's orientation and bifurcation tests mean what
 * they meant. Only the step sequence changes (arc length is measured in (v_S, mu)); the point returned
 * agrees with a full trace to about 1e-12 (docs/MODEL.md §3, test/model/logit-qre.test.ts).
 *
 * Which players: with two players the one with more strategies (player 1 on a tie): a 3x3 game traces
 * 2 unknowns instead of 4. With more, greedily from the most strategies down, each player whose payoff
 * differences ignore every player already chosen, and theirs its (GameLayout.ignores, exact comparison
 * of entries): the structure of agent-form games, where an agent ignores its own side's other agent
 * (games/bayesian-pair.ts), so a pair game traces 2 unknowns instead of 4. At least one log-ratio is
 * left to trace.
 *
 * Two-player games and sparse binary games assemble the reduced rows directly (two-player.ts,
 * multilinear.ts); `eliminatedSystem` below is the general path: complete the full point, compute
 * the full rows, reduce.
 *
 * @example
 * // Prisoner's dilemma: player 1 is eliminated; the traced unknowns are v_0(1) and mu (n = 1, nF = 2).
 */
import { playerProbs } from './mixtures.js';
import type { QreSystem } from './system.js';

/** Chooses the eliminated players (see above); sets elim, n, the index maps and the full-space buffers. */
export function chooseEliminated(sys: QreSystem): void {
  const layout = sys.layout;
  const { strategies: kk, ratioStart: vOff } = layout;
  const { isT, tPlayers, fullOf, tUnk } = sys;
  const nPlayers = layout.nPlayers;
  let left = layout.nF;
  let nT = 0;
  isT.fill(0, 0, nPlayers);
  if (!sys.eliminate) {
    // (nothing eliminated: every log-ratio is traced)
  } else if (layout.twoPlayer) {
    const t = kk[1] >= kk[0] ? 1 : 0;
    if (kk[0] >= 2 && kk[1] >= 2) {
      isT[t] = 1;
      tPlayers[nT++] = t;
      left -= kk[t] - 1;
    }
  } else {
    let maxK = 0;
    for (let i = 0; i < nPlayers; i++) if (kk[i] > maxK) maxK = kk[i];
    for (let k = maxK; k >= 2; k--) {
      for (let c = 0; c < nPlayers; c++) {
        if (kk[c] !== k || left - (k - 1) < 1) continue;
        let free = true;
        for (let j = 0; j < nT && free; j++) {
          const t = tPlayers[j];
          free = layout.ignores(c, t) && layout.ignores(t, c);
        }
        if (!free) continue;
        isT[c] = 1;
        tPlayers[nT++] = c;
        left -= k - 1;
      }
    }
  }
  let nS = nT;
  let r = 0;
  let u = 0;
  for (let i = 0; i < nPlayers; i++) {
    if (isT[i]) {
      for (let a = 1; a < kk[i]; a++) tUnk[u++] = vOff[i] + a - 1;
    } else {
      tPlayers[nS++] = i;
      for (let a = 1; a < kk[i]; a++) fullOf[r++] = vOff[i] + a - 1;
    }
  }
  sys.nT = nT;
  sys.nTU = u;
  sys.elim = nT > 0;
  sys.n = sys.elim ? left : layout.nF;
  if (sys.elim) {
    sys.hf = sys.hfB;
    sys.df = sys.dfB;
    sys.af = sys.afB;
  } else {
    sys.hf = sys.hh;
    sys.df = sys.dd;
    sys.af = sys.aa;
  }
}

/**
 * The traced system at x (S's log-ratios, then mu), general path: the full point is completed by
 * v_T = mu D_T(sigma_S) (T's rows are computed with centroid stand-ins for each other's mixtures,
 * exactly, since they ignore one another), then S's rows are computed at it and reduced.
 */
export function eliminatedSystem(sys: QreSystem, x: Float64Array): void {
  const layout = sys.layout;
  const nPlayers = layout.nPlayers;
  const { strategies: kk, probStart: off, ratioStart: vOff } = layout;
  const { xfB: xf, fullOf, tPlayers, prob, df, hf } = sys;
  const n = sys.n;
  const nF = layout.nF;
  const nT = sys.nT;
  const mu = x[n];
  for (let r = 0; r < n; r++) xf[fullOf[r]] = x[r];
  xf[nF] = mu;
  for (let j = 0; j < nT; j++) {
    const i = tPlayers[j];
    const k = kk[i];
    for (let a = 0; a < k; a++) prob[off[i] + a] = 1 / k;
  }
  for (let j = nT; j < nPlayers; j++) playerProbs(layout, tPlayers[j], xf, prob);
  for (let j = 0; j < nT; j++) sys.rows(tPlayers[j], xf);
  for (let j = 0; j < nT; j++) {
    const i = tPlayers[j];
    const vo = vOff[i];
    for (let a = 1; a < kk[i]; a++) {
      xf[vo + a - 1] = mu * df[vo + a - 1];
      hf[vo + a - 1] = 0;
    }
    playerProbs(layout, i, xf, prob);
  }
  for (let j = nT; j < nPlayers; j++) sys.rows(tPlayers[j], xf);
  reduce(sys);
}

/** The traced system from the full one: H_S, D_S and [J_SS - J_ST J_TS | J_Smu - J_ST J_Tmu]. */
function reduce(sys: QreSystem): void {
  const { fullOf, tUnk, af, hf, df, aa, hh, dd } = sys;
  const n = sys.n;
  const nx = n + 1;
  const nF = sys.layout.nF;
  const sF = nF + 1;
  const nTU = sys.nTU;
  for (let r = 0; r < n; r++) {
    const fr = fullOf[r];
    const rowF = fr * sF;
    hh[r] = hf[fr];
    dd[r] = df[fr];
    const row = r * nx;
    for (let c = 0; c <= n; c++) {
      const fc = c < n ? fullOf[c] : nF;
      let v = af[rowF + fc];
      for (let u = 0; u < nTU; u++) {
        const ft = tUnk[u];
        v -= af[rowF + ft] * af[ft * sF + fc];
      }
      aa[row + c] = v;
    }
  }
}
