/**
 * The logit-QRE equations and their Jacobian at a point: what the path tracer follows.
 *
 * In the log-ratio unknowns v_i(a) = ln(sigma_i(a) / sigma_i(0)) (mixtures.ts) and mu = lambda R
 * (R the payoff range, game-layout.ts), the QRE at lambda are the zeros of
 *
 *     H_(i,a)(v, mu) = v_i(a) - mu D_i(a),   a = 1..K_i - 1,
 *
 * D_i(a) the scaled expected gain of a over strategy 0 against the others' mixtures: n equations in
 * n + 1 unknowns, a curve through (0, 0), the principal branch (McKelvey & Palfrey 1995; Turocy 2005).
 * Its Jacobian,
 *
 *     dH_(i,a)/dv_(i,b) = [a == b],
 *     dH_(i,a)/dv_(j,b) = -mu sigma_j(b) [D_i(a | j plays b) - D_i(a)]   (j != i),
 *     dH_(i,a)/dmu      = -D_i(a),
 *
 * is written into rows 0..n-1 of the bordered matrix `aa` (stride n + 1); the tracer fills row n with
 * the tangent. Who computes the rows depends on the game: two players (two-player.ts), binary games
 * with few multilinear terms (multilinear.ts), binary games (contraction.ts, written out for K = 2),
 * any game (contraction.ts); with players eliminated in closed form, the traced system is the reduced
 * one (elimination.ts). Every evaluation also leaves sigma (every player's) in `prob`.
 *
 * Residual. At a point of the branch sigma is a fixed point of the logit response; off it, to first
 * order, |sigma_i(a) - response_i(a)| = sigma_i(a) |H_(i,a) - sum_b sigma_i(b) H_(i,b)| (H_(i,0) = 0),
 * the estimate the landing Newton stops on (path-tracer.ts) and `stats.residual` reports.
 *
 * All arrays grow as needed and are reused: in steady state an evaluation allocates nothing.
 *
 * @example
 * // Prisoner's dilemma, nothing eliminated: at the centroid (v = 0) and mu = 1, D_i = (2 + 1) / 2 / R = 0.3
 * const sys = new QreSystem(false); sys.setup(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]));
 * sys.n; // 2
 * sys.evaluate(Float64Array.of(0, 0, 1)); // sys.hh = [-0.30000000000000004, -0.30000000000000004]
 */
import type { NormalFormGame } from '../normal-form.js';
import { binaryContractionRows, contractionRows } from './contraction.js';
import { chooseEliminated, eliminatedSystem } from './elimination.js';
import { GameLayout } from './game-layout.js';
import { profileProbs } from './mixtures.js';
import { MultilinearTerms, multilinearEliminated, multilinearRows } from './multilinear.js';
import { twoPlayerEliminated, twoPlayerRows } from './two-player.js';

/** Counters of the last solve, for benchmarks and tests. */
export interface QreSolveStats {
  /** accepted predictor-corrector steps */
  readonly steps: number;
  /** rejected steps (step size cut) */
  readonly rejected: number;
  /** evaluations of H and its Jacobian */
  readonly evaluations: number;
  /** first-order estimate of max_(i,a) |sigma_i(a) - logit response_i(a)| at the returned profile */
  readonly residual: number;
  /** 1 if the fast trace failed and the fallback trace (qre/fallback-trace.ts) found the point, else 0 */
  readonly fallbacks: number;
  /** relabellings by the fallback trace (qre/relabelling.ts) */
  readonly relabellings: number;
}

/** The counters, kept in typed arrays: updating them in the hot loop never allocates. */
export class SolveStats implements QreSolveStats {
  private readonly counts = new Int32Array(5);
  private readonly values = new Float64Array(1);

  get steps(): number {
    return this.counts[0];
  }

  get rejected(): number {
    return this.counts[1];
  }

  get evaluations(): number {
    return this.counts[2];
  }

  set evaluations(count: number) {
    this.counts[2] = count;
  }

  get residual(): number {
    return this.values[0];
  }

  get fallbacks(): number {
    return this.counts[3];
  }

  get relabellings(): number {
    return this.counts[4];
  }

  countFallback(): void {
    this.counts[3]++;
  }

  countRelabelling(): void {
    this.counts[4]++;
  }

  set residual(r: number) {
    this.values[0] = r;
  }

  countStep(): void {
    this.counts[0]++;
  }

  countRejection(): void {
    this.counts[1]++;
  }

  countEvaluation(): void {
    this.counts[2]++;
  }

  reset(): void {
    this.counts.fill(0);
    this.values[0] = 0;
  }
}

export class QreSystem {
  readonly layout = new GameLayout();
  readonly terms = new MultilinearTerms();
  readonly stats: SolveStats;
  /** whether to eliminate players in closed form (elimination.ts); false traces every log-ratio */
  readonly eliminate: boolean;

  /** number of traced log-ratios; a point x has n + 1 entries, x[n] = mu */
  n = 0;
  /** binary game evaluated by its multilinear terms (multilinear.ts) */
  sparse = false;

  // Elimination (elimination.ts): nT players T, nTU of their log-ratios.
  elim = false;
  nT = 0;
  nTU = 0;
  /** per player: 1 if eliminated */
  isT = new Uint8Array(0);
  /** the eliminated players, then (from nT on) the others */
  tPlayers = new Int32Array(0);
  /** traced unknown -> index among the full system's log-ratios */
  fullOf = new Int32Array(0);
  /** the eliminated players' log-ratio indices */
  tUnk = new Int32Array(0);

  /** every player's mixture at the last evaluation */
  prob = new Float64Array(0);
  /** D, H and the Jacobian rows of the traced system (rows 0..n-1 of [J; t^T], stride n + 1) */
  dd = new Float64Array(0);
  hh = new Float64Array(0);
  aa = new Float64Array(0);
  // Full-space point, H, D and Jacobian rows (stride nF + 1) that the row functions write: the traced
  // system's own hh, dd, aa when nothing is eliminated, separate buffers otherwise.
  xfB = new Float64Array(0);
  hfB = new Float64Array(0);
  dfB = new Float64Array(0);
  afB = new Float64Array(0);
  hf = new Float64Array(0);
  df = new Float64Array(0);
  af = new Float64Array(0);

  // Contraction work arrays (contraction.ts): levels and weight tensors, offsets and others per player.
  lev = new Float64Array(0);
  rw = new Float64Array(0);
  rOff = new Int32Array(0);
  others = new Int32Array(0);

  private capPlayers = 0;
  private capM = 0;
  private capN = 0;
  private capL = 0;

  /** `stats` may be shared with another system (the solver's fallback, logit-qre.ts). */
  constructor(eliminate: boolean, stats = new SolveStats()) {
    this.eliminate = eliminate;
    this.stats = stats;
  }

  /** Reads a game (GameLayout.load checks it) and prepares its evaluation. */
  setup(game: NormalFormGame): void {
    const layout = this.layout;
    layout.load(game);
    const nPlayers = layout.nPlayers;
    // (Contraction levels and weight tensors: at most one of at most nProfiles entries per player.)
    this.ensure(nPlayers, layout.m, layout.nF + 1, layout.twoPlayer ? 0 : nPlayers * layout.profiles);
    this.sparse = layout.binary && this.terms.build(layout);
    chooseEliminated(this);
  }

  /**
   * At the traced point x (mu = x[n]): sigma (every player's), D, H and in rows 0..n-1 of aa the
   * Jacobian [dH/dv | dH/dmu] of the traced system.
   */
  evaluate(x: Float64Array): void {
    this.stats.countEvaluation();
    const layout = this.layout;
    if (!this.elim) {
      profileProbs(layout, x, this.prob);
      for (let i = 0; i < layout.nPlayers; i++) this.rows(i, x);
      return;
    }
    if (layout.twoPlayer) twoPlayerEliminated(this, x);
    else if (this.sparse) multilinearEliminated(this, x);
    else eliminatedSystem(this, x);
  }

  /** Player i's rows of the full system at xf (into df, hf, af; stride nF + 1). */
  rows(i: number, xf: Float64Array): void {
    const layout = this.layout;
    if (layout.twoPlayer) twoPlayerRows(this, i, xf);
    else if (this.sparse) multilinearRows(this, i, xf);
    else if (layout.binary) binaryContractionRows(this, i, xf);
    else contractionRows(this, i, xf);
  }

  /**
   * First-order estimate of max |sigma - logit response(sigma)| from H and sigma of the last
   * evaluation (see above), into stats.residual.
   */
  residualEstimate(): void {
    const { strategies: kk, probStart: off, ratioStart: vOff } = this.layout;
    const prob = this.prob;
    const hh = this.hf; // (eliminated players' entries are 0: their v_T is exact)
    let worst = 0;
    for (let i = 0; i < this.layout.nPlayers; i++) {
      const k = kk[i];
      const o = off[i];
      const vo = vOff[i];
      let mean = 0;
      for (let a = 1; a < k; a++) mean += prob[o + a] * hh[vo + a - 1];
      let e = prob[o] * Math.abs(mean);
      if (e > worst) worst = e;
      for (let a = 1; a < k; a++) {
        e = prob[o + a] * Math.abs(hh[vo + a - 1] - mean);
        if (e > worst) worst = e;
      }
    }
    this.stats.residual = worst;
  }

  /** sigma of every player at the traced point x, into out (for branch: off the hot path). */
  pointProbs(x: Float64Array, out: Float64Array): void {
    if (!this.elim) {
      profileProbs(this.layout, x, out);
      return;
    }
    const evaluations = this.stats.evaluations;
    this.evaluate(x);
    this.stats.evaluations = evaluations;
    for (let j = 0; j < this.layout.m; j++) out[j] = this.prob[j];
  }

  private ensure(nPlayers: number, m: number, nx: number, levels: number): void {
    if (nPlayers > this.capPlayers) {
      const c = nPlayers;
      this.capPlayers = c;
      this.rOff = new Int32Array(c);
      this.others = new Int32Array(c);
      this.isT = new Uint8Array(c);
      this.tPlayers = new Int32Array(c);
      this.terms.ensurePlayers(c);
    }
    if (m > this.capM) {
      this.capM = m;
      this.prob = new Float64Array(m);
    }
    if (nx > this.capN) {
      const c = nx;
      this.capN = c;
      this.dd = new Float64Array(c);
      this.hh = new Float64Array(c);
      this.aa = new Float64Array(c * c);
      this.xfB = new Float64Array(c);
      this.hfB = new Float64Array(c);
      this.dfB = new Float64Array(c);
      this.afB = new Float64Array(c * c);
      this.fullOf = new Int32Array(c);
      this.tUnk = new Int32Array(c);
    }
    if (levels > this.capL) {
      this.capL = levels;
      this.lev = new Float64Array(levels);
      this.rw = new Float64Array(levels);
    }
  }
}
