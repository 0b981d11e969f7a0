/**
 * Logit quantal response equilibrium (QRE) on the principal branch, by predictor-corrector path
 * following.
 *
 * A logit QRE at precision lambda >= 0 is a mixed profile sigma with, for every player i and pure
 * strategy a,
 *
 *     sigma_i(a) = exp(lambda u_i(a, sigma_-i)) / sum_b exp(lambda u_i(b, sigma_-i)),
 *
 * u_i(a, sigma_-i) being i's expected payoff from a against the others' mixtures (McKelvey & Palfrey
 * 1995). At lambda = 0 the only QRE is the centroid; the QRE connected to it form one smooth curve,
 * the principal branch, which runs to a Nash equilibrium as lambda -> infinity (the logit tracing
 * procedure). "The" QRE at lambda is the first point of that curve, traced from the centroid, whose
 * lambda equals the target: what Gambit's `gambit-logit -l` reports (Turocy 2005).
 *
 * Variables. Each mixture is written by log-probability ratios against the player's first
 * strategy, v_i(a) = ln(sigma_i(a) / sigma_i(0)), a = 1..K_i-1, so sigma_i = softmax(0, v_i) is
 * positive and sums to one by construction, and no probability underflows inside the unknowns. With
 * n = sum_i (K_i - 1) ratios and mu = lambda R (R = max minus min payoff of the game, so that the
 * step-size constants below do not depend on the payoff unit) the branch is the zero set of
 *
 *     H_(i,a)(v, mu) = v_i(a) - mu D_i(a) = 0,   D_i(a) = [u_i(a, sigma_-i) - u_i(0, sigma_-i)] / R,
 *
 * n equations in the n + 1 unknowns x = (v, mu): a curve through (0, 0). Its Jacobian J is
 *
 *     dH_(i,a)/dv_(i,b) = [a == b],
 *     dH_(i,a)/dv_(j,b) = -mu sigma_j(b) [D_i(a | j plays b) - D_i(a)]   (j != i),
 *     dH_(i,a)/dmu      = -D_i(a),
 *
 * D_i(a | j plays b) being D_i(a) with player j's mixture replaced by its pure strategy b.
 *
 * Path following (Allgower & Georg 1990; as Gambit's tracer, path.cc). The curve is followed in arc
 * length s of (v, mu), so turning points (folds, where lambda runs backwards for a while) are passed
 * like any other point.
 * - Tangent: the unit null vector t of J, oriented by solving [J; t_prev^T] w = e_(n+1) and
 *   normalising w (so t . t_prev > 0). At the centroid t is (D(centroid), 1) normalised.
 * - Predictor: cubic Hermite extrapolation through the last two points and their tangents (as
 *   HOMPACK's); the Euler step x + h t for the first step, of length 3.
 * - Corrector: Newton on [J(y); t^T] dy = [-H(y); 0] (the hyperplane through the predicted point
 *   normal to t) until the correction is below 1e-2 min(1, h) (absolute: how close other branches
 *   pass does not grow with lambda). The same factorisation then gives the new tangent. If
 *   rejections shrink h below 100 times the accuracy of the current point, that point is corrected
 *   again first (sharp bends).
 * - Step control: a step is rejected (h halved) if the first correction exceeds 1, Newton contracts
 *   by less than a factor 2, 6 iterations do not converge, the tangent turns by more than 0.6 rad,
 *   or the step is not one smooth arc (the chord's angles to the two end tangents add up to more
 *   than 1.1 times the tangents' turning angle plus 0.002 rad: the corrector slid onto another
 *   branch that passes close by). After an accepted step h <- h / f with
 *   f = max((d1 / 0.3)^(1/3), sqrt(kappa / 0.2), alpha / 0.3), clamped to [1/3, 2] (d1 first
 *   correction, kappa largest contraction ratio, alpha turning angle; constants tuned for few
 *   evaluations on random games while agreeing with a 20 times more cautious trace).
 * - Orientation: sign det [J; t^T] is constant along a branch. A flip means the step crossed a
 *   bifurcation point or jumped to another branch past a near-bifurcation. The tracer then closes
 *   in on the point where det vanishes (interpolating det); only a clean flip over a step of at
 *   most 1e-4 (normalised units) is accepted as a true bifurcation, which is crossed straight,
 *   staying on the branch whose tangent is continuous. This happens only in non-generic games (e.g.
 *   exactly symmetric ones, where the principal branch is the symmetric one); there Gambit, which
 *   perturbs the equations, may follow one of the branches that split off instead.
 * - Landing: when the predictor reaches the target mu* within a step, the step is shortened to end
 *   exactly on mu* and the corrector becomes Newton in v with mu fixed at mu*. When a corrected
 *   step ends beyond mu*, Newton with mu fixed starts from the crossing of the cubic Hermite arc
 *   through the two points. A landing must pass the same checks (first correction, contraction,
 *   turning angle, smooth arc, orientation, and lambda increasing through the target); else h is
 *   halved and tracing resumes. Steps along which lambda may peak above mu* (the tangent's lambda
 *   component changed sign and the Hermite arc reaches mu*) are halved too, so the crossing found
 *   is the first.
 * - Accuracy: the landing Newton stops when the first-order estimate of the fixed-point residual,
 *   max_(i,a) sigma_i(a) |H_(i,a) - sum_b sigma_i(b) H_(i,b)|, is below 1e-13, so the returned
 *   profile is a fixed point of the logit response to about 1e-12. Rounding limits this once
 *   lambda R exceeds about 1e4 (the residual is then about 1e-12 lambda R at worst).
 *
 * Elimination. A set T of players whose payoff differences do not depend on one another's
 * strategies (in a two-player game the player with more strategies, the second on a tie; in an
 * agent-form pair game side A's two type-agents, which weigh only side B's; found by exact comparison
 * of payoff entries) is solved in closed form: their equations
 * H_T = 0 say v_T = mu D_T(sigma_S), S being the other players, so the branch is the curve of
 * H_S(v_S, v_T(v_S, mu), mu) = 0 in (v_S, mu) — the same curve, projected, without its T
 * coordinates. Its Jacobian is the Schur complement J_SS - J_ST J_TS (J_TT = I), whose determinant
 * equals the full system's, so orientation and bifurcation tests keep their meaning. Arc length is
 * measured in (v_S, mu), so steps differ from the full trace; the point returned agrees with it to
 * about 1e-12 (tested on the fixtures and on 90,000 random and simulator games against a trace 20
 * times as cautious, docs/MODEL.md). Two players: unknowns min(K_0, K_1) - 1 instead of K_0 + K_1 -
 * 2; the four-agent pair games: 2 instead of 4.
 *
 * Unique QRE. A 2x2 game whose QRE at lambda is certified unique (interval arithmetic on its scalar
 * fixed-point form, unique-pair-qre.ts) is solved without tracing: the branch must end there. Only a
 * solver with the constructor's defaults (shortcut and elimination on, caution 1) does this.
 *
 * Cost: each Newton iteration evaluates D and J (two players: O(K_0 K_1); N players: tensor
 * contractions, O(N prod_i K_i), written out for all-binary games; binary games whose D are sparse
 * multilinear polynomials in the others' probabilities — agent-form games — by those polynomials'
 * few terms) and solves with an (n+1) x (n+1) matrix: by its explicit inverse up to 4 x 4, by LU
 * with partial pivoting beyond. Typically 4-14 evaluations per solve.
 * All work arrays live in the solver object and grow as needed; in steady state a solve allocates
 * nothing (numbers passed between the helpers go through typed arrays: doubles passed to or
 * returned from calls, or kept in object fields, may be boxed on the heap).
 *
 * References: R. D. McKelvey & T. R. Palfrey (1995), Quantal response equilibria for normal form
 * games, Games Econ. Behav. 10:6-38. T. L. Turocy (2005), A dynamic homotopy interpretation of the
 * logistic quantal response equilibrium correspondence, Games Econ. Behav. 51:243-263. E. L.
 * Allgower & K. Georg (1990), Numerical Continuation Methods, Springer. L. T. Watson et al. (1987),
 * HOMPACK, ACM TOMS 13:281-310. The Gambit Project, gambit-logit (src/solvers/logit/path.cc,
 * nfglogit.cc).
 *
 * @example
 * // Ceasefire prisoner's dilemma (comply, violate); gambit-logit at lambda = 1 gives 0.226750644834
 * const pd = makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]);
 * logitQre(pd, 1); // [[0.22675064483..., 0.77324935516...], [0.22675064483..., 0.77324935516...]]
 */
import { validateGame, type NormalFormGame } from './normal-form.js';
import { logitPair, UniquePairQre } from './unique-pair-qre.js';

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
}

/** Stats kept in typed arrays: updating them in the hot loop never allocates. */
class SolveStats implements QreSolveStats {
  readonly counts = new Int32Array(3);
  readonly values = new Float64Array(1);
  get steps(): number {
    return this.counts[0];
  }
  get rejected(): number {
    return this.counts[1];
  }
  get evaluations(): number {
    return this.counts[2];
  }
  get residual(): number {
    return this.values[0];
  }
}

export interface BranchPoint {
  lambda: number;
  probs: Float64Array;
}

// Step control, in the normalised units of (v, mu = lambda R). See the doc comment.
const H_START = 3;
const D_MAX = 1; // reject if the first corrector step is longer
const D_NOM = 0.3; // aim for first corrector steps this long
const K_MAX = 0.5; // reject if Newton contracts worse than this
const K_NOM = 0.2;
const A_MAX = 0.6; // reject if the tangent turns more than this (radians)
const A_NOM = 0.3;
/** h <- h (D_NOM / d1)^STEP_EXPONENT (the cubic predictor's error grows fast with h; tuned) */
const STEP_EXPONENT = 1 / 3;
const GROW_MAX = 3;
const SHRINK_MAX = 2;
/** a step is one smooth arc if its chord's end angles add up to at most this times alpha, + slack */
const CHORD_RATIO = 1.1;
const CHORD_SLACK = 0.002; // radians
/** corrector tolerance for steps h >= 1 (absolute), proportional to h below */
const CORRECTOR_TOL = 1e-2;
const CORRECTOR_MAX_IT = 6;
/** x is corrected again when its distance bound exceeds this fraction of the step */
const POLISH_RATIO = 0.01;
/** longest step over which an orientation flip is taken as a true bifurcation point */
const H_BIFURCATION = 1e-4;
const H_MIN = 1e-12;
const MAX_STEPS = 100_000;
const LAND_MAX_IT = 30;
/** first-order residual estimate at which the landing Newton stops */
const LAND_TOL = 1e-13;
/** residual a landing that stagnates at the rounding floor must still reach */
const LAND_ACCEPT = 1e-10;

// Slots of the solver's scalar register file `f` (a Float64Array): doubles written to object fields
// or passed to non-inlined calls may be boxed on the heap, doubles in a typed array never are.
const F_SPREV = 0; // chord length from xp to x; 0 when there is no previous point
const F_DETX = 1; // det [J(x); t_prev^T] at the current point
const F_SCALE = 2; // 1 / payoff range (0 if all payoffs are equal)
const F_TARGET = 3; // mu* of the current trace
const F_H = 4; // step length argument of predict / predictCrossing / polish
const F_ERR = 5; // distance bound of x (in and out of polish)
const F_OUT = 6; // scalar results of helpers (crossing arc length, determinant)
const F_CHORD = 7; // chordConsistent arguments
const F_ALPHA = 8;
const F_NOISE = 9;
const F_MAXSTEP = 10; // longest step allowed (branch); Infinity for solve
const F_DIST = 11; // newtonStep: length of the correction
const F_YMAX = 12; // newtonStep: largest |y| after it
const F_SIZE = 13;
// Slots of the cubic-helper argument array `q`: l0, m0, l1, m1 (Hermite data), target, lo, hi, out.
const Q_SIZE = 8;

/**
 * Reusable logit-QRE solver. Keep one per worker and call `solve` in the hot loop: the work arrays
 * are allocated once and grown on demand, so steady-state solves allocate nothing.
 */
export class LogitQreSolver {
  /** Counters of the most recent solve or branch (overwritten by each call). */
  readonly stats: QreSolveStats;
  private readonly counts: Int32Array; // stats: steps, rejected, evaluations
  private readonly statVals: Float64Array; // stats: residual

  private readonly dMax: number;
  private readonly dNom: number;
  private readonly aMax: number;
  private readonly aNom: number;
  private readonly slack: number;
  /** whether to eliminate players in closed form (the default); false traces every log-ratio */
  private readonly eliminate: boolean;
  /** The certified shortcut for 2x2 games with one QRE (null: always trace; see the constructor). */
  private readonly unique: UniquePairQre | null;

  private readonly f = new Float64Array(F_SIZE);
  private readonly q = new Float64Array(Q_SIZE);

  // Game layout of the current solve.
  private nPlayers = 0;
  /** total pure strategies (length of a mixed profile) */
  private m = 0;
  /** number of log-ratio unknowns; a point x has n + 1 entries, x[n] = mu */
  private n = 0;
  private twoPlayer = false;
  /** every player has two strategies (and there are not two players) */
  private binary = false;
  /**
   * Elimination (see the doc comment): players T whose payoffs do not depend on one another's
   * strategies have their log-ratios solved in closed form, v_T = mu D_T(sigma_S), so the path is
   * followed in the others' unknowns only. nF is the full number of log-ratios; n the traced ones.
   */
  private elim = false;
  /**
   * Binary games: D_i as a multilinear polynomial in the others' p_j = sigma_j(1), sum over subsets U
   * of c_U prod_(j in U) p_j, nonzero terms only (coefficients c by Moebius inversion of i's tensor;
   * an agent that ignores a player has exactly zero coefficients on it). Used when it is cheaper
   * than the contraction (few players, or sparse: agent-form games).
   */
  private sparse = false;
  private termStart = new Int32Array(0); // per player; terms of player i at [termStart[i], termStart[i + 1])
  private termCoef = new Float64Array(0);
  private termMask = new Int32Array(0); // bit k: the k-th of i's others (player order, i skipped)
  private termA = new Int32Array(0); // the first member (a player) of a term (-1: none), the second, and the count
  private termB = new Int32Array(0);
  private termLen = new Int32Array(0);
  private grad = new Float64Array(0); // dD_i/dp_j at [i nPlayers + j] (capacity capPlayers^2)
  private nF = 0;
  private isT = new Uint8Array(0); // per player: 1 if eliminated
  private tPlayers = new Int32Array(0); // the eliminated players, then (from nT on) the others
  private nT = 0;
  private fullOf = new Int32Array(0); // traced unknown -> index among the nF log-ratios
  private tUnk = new Int32Array(0); // the eliminated players' log-ratio indices
  private nTU = 0;

  // Per-player tables (capacity capPlayers).
  private capPlayers = 0;
  private kk = new Int32Array(0); // strategies
  private off = new Int32Array(0); // offset of player i's probabilities
  private vOff = new Int32Array(0); // offset of player i's log-ratios
  private tOff = new Int32Array(0); // offset of player i's payoff-difference tensor in dT
  private size = new Int32Array(0); // number of profiles of the others, prod_(k != i) K_k

  // Per-unknown arrays (capacity capN >= n + 1), and probabilities (capacity capM >= m).
  private capN = 0;
  private capM = 0;
  private prob = new Float64Array(0);
  private dd = new Float64Array(0); // D
  private hh = new Float64Array(0); // H
  private aa = new Float64Array(0); // [J; t^T], row-major, stride n + 1
  private piv = new Int32Array(0);
  private di = new Float64Array(0); // reciprocals of the LU pivots
  private x = new Float64Array(0); // current point
  private y = new Float64Array(0); // trial point
  private t = new Float64Array(0); // tangent at x
  private tn = new Float64Array(0); // tangent at y
  private w = new Float64Array(0);
  private xp = new Float64Array(0); // previous point and its tangent (for the cubic predictor)
  private tp = new Float64Array(0);
  // Full-space point, H, D and Jacobian rows (stride nF + 1) that the evaluation writes: the path's
  // own x, hh, dd, aa when nothing is eliminated, separate buffers (capacity capN) otherwise.
  private xfB = new Float64Array(0);
  private hfB = new Float64Array(0);
  private dfB = new Float64Array(0);
  private afB = new Float64Array(0);
  private hf = new Float64Array(0);
  private df = new Float64Array(0);
  private af = new Float64Array(0);

  // Payoff differences, scaled by 1 / R (capacity capT). Two players: dT holds
  // dA[(a-1) K1 + b] = A[a,b] - A[0,b], and from K0 K1 on dB[(b-1) K0 + a] = B[a,b] - B[a,0].
  // N players: player i's tensor at tOff[i], [(a-1) size_i + index of the others' profile], the
  // others' strategies in player order, lowest player fastest.
  private capT = 0;
  private dT = new Float64Array(0);
  // N players: contraction levels and weight tensors (capacity capL).
  private capL = 0;
  private lev = new Float64Array(0);
  private rw = new Float64Array(0);
  private rOff = new Int32Array(0); // offsets in rw, per other player (capacity capPlayers)
  private others = new Int32Array(0);

  /**
   * `caution` in (0, 1] (default 1) scales the step-control limits (first correction, turning
   * angle, arc slack) down: smaller values take shorter steps. Tests trace reference branches with
   * it. `eliminate` (default true) solves players in closed form where it can (see the doc comment).
   * `shortcut` (default true) lets `solve` skip tracing a 2x2 game whose QRE is certified unique
   * (unique-pair-qre.ts); it is used only when `shortcut`, `eliminate` and `caution` = 1 all hold, so a
   * cautious or non-eliminating solver (a reference in tests) always traces.
   */
  constructor(opts?: { caution?: number; eliminate?: boolean; shortcut?: boolean }) {
    const c = opts?.caution ?? 1;
    this.eliminate = opts?.eliminate ?? true;
    this.unique = (opts?.shortcut ?? true) && c === 1 && this.eliminate ? new UniquePairQre() : null;
    if (!(c > 0 && c <= 1)) throw new Error(`logit QRE: caution must be in (0, 1], got ${c}`);
    this.dMax = D_MAX * c;
    this.dNom = D_NOM * c;
    this.aMax = A_MAX * c;
    this.aNom = A_NOM * c;
    this.slack = CHORD_SLACK * c;
    const stats = new SolveStats();
    this.stats = stats;
    this.counts = stats.counts;
    this.statVals = stats.values;
  }

  /**
   * Writes the principal-branch logit QRE at `lambda` into `out` (player 0's probabilities, then
   * player 1's, ...; length = sum of strategies) and returns it.
   */
  solve(game: NormalFormGame, lambda: number, out?: Float64Array): Float64Array {
    checkLambda(lambda);
    const ks = game.strategies;
    if (this.unique !== null && ks.length === 2 && ks[0] === 2 && ks[1] === 2 && game.payoffs.length === 8 && game.payoffs instanceof Float64Array) {
      // A 2x2 game whose QRE at lambda is certified unique needs no tracing (unique-pair-qre.ts).
      if (out === undefined) out = new Float64Array(4);
      if (out.length >= 4 && this.unique.solveTwoByTwo(game.payoffs, lambda, out)) {
        this.counts.fill(0);
        this.statVals[0] = this.unique.residual;
        return out;
      }
    }
    this.setup(game);
    this.counts.fill(0);
    this.statVals[0] = 0;
    const m = this.m;
    if (out === undefined) out = new Float64Array(m);
    else if (out.length < m) throw new Error(`logit QRE: out has length ${out.length}; needs ${m}`);
    const scale = this.f[F_SCALE];
    if (lambda === 0 || this.n === 0 || scale === 0) {
      this.centroid(out);
      return out;
    }
    this.f[F_TARGET] = lambda / scale;
    this.f[F_MAXSTEP] = Infinity;
    this.trace(null);
    const prob = this.prob;
    for (let j = 0; j < m; j++) out[j] = prob[j];
    return out;
  }

  /**
   * Points along the principal branch from lambda = 0 up to lambdaMax (the last point exactly at
   * lambdaMax), {lambda, probs}[], for `negsim solve --branch`. `maxStep` bounds the arc-length
   * step (normalised units; default 0.25) so that the points draw a smooth curve; if more than
   * `maxPoints` (default 2000) would be recorded, every other interior point is dropped as needed.
   */
  branch(
    game: NormalFormGame,
    lambdaMax: number,
    opts?: { maxPoints?: number; maxStep?: number },
  ): BranchPoint[] {
    checkLambda(lambdaMax);
    const maxPoints = Math.max(2, Math.floor(opts?.maxPoints ?? 2000));
    const maxStep = opts?.maxStep ?? 0.25;
    if (!(maxStep > 0)) throw new Error(`logit QRE branch: maxStep must be positive, got ${maxStep}`);
    this.setup(game);
    this.counts.fill(0);
    this.statVals[0] = 0;
    const first = new Float64Array(this.m);
    this.centroid(first);
    const points: BranchPoint[] = [{ lambda: 0, probs: first }];
    const scale = this.f[F_SCALE];
    if (lambdaMax === 0 || this.n === 0 || scale === 0) {
      if (lambdaMax > 0) points.push({ lambda: lambdaMax, probs: first.slice() });
      return points;
    }
    let keepEvery = 1;
    let seen = 0;
    const record = (x: Float64Array, landed: boolean): void => {
      if (!landed && ++seen % keepEvery !== 0) return;
      const probs = new Float64Array(this.m);
      this.pointProbs(x, probs);
      points.push({ lambda: landed ? lambdaMax : x[this.n] * scale, probs });
      if (points.length > maxPoints) {
        // Thin: keep the centroid and every other point after it (and the landing point).
        const last = points[points.length - 1];
        let j = 1;
        for (let i = 2; i < points.length; i += 2) points[j++] = points[i];
        points.length = j;
        if (landed && points[j - 1] !== last) points[j - 1] = last;
        keepEvery *= 2;
      }
    };
    this.f[F_TARGET] = lambdaMax / scale;
    this.f[F_MAXSTEP] = maxStep;
    this.trace(record);
    return points;
  }

  // ---------------------------------------------------------------------------------------------
  // Setup

  private setup(game: NormalFormGame): void {
    const ks = game.strategies;
    const nPlayers = ks.length;
    const payoffs = game.payoffs;
    // Cheap shape checks here; validateGame (which throws with the reason) only on failure.
    if (nPlayers === 0 || !(payoffs instanceof Float64Array)) validateGame(game);
    let m = 0;
    let nProfiles = 1;
    for (let i = 0; i < nPlayers; i++) {
      const k = ks[i];
      if (!(k >= 1) || k !== Math.floor(k)) validateGame(game);
      m += k;
      nProfiles *= k;
    }
    if (payoffs.length !== nProfiles * nPlayers) validateGame(game);
    let lo = Infinity;
    let hi = -Infinity;
    let finite = true;
    for (let j = 0; j < payoffs.length; j++) {
      const p = payoffs[j];
      if (!(p - p === 0)) finite = false;
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    if (!finite) validateGame(game);

    const n = m - nPlayers;
    const twoPlayer = nPlayers === 2;
    const tensor = twoPlayer ? 2 * nProfiles : nPlayers * nProfiles;
    // (Contraction levels and weight tensors: at most one of at most nProfiles entries per player.)
    this.ensure(nPlayers, m, n + 1, tensor, twoPlayer ? 0 : nPlayers * nProfiles);
    this.nPlayers = nPlayers;
    this.m = m;
    this.nF = n;
    this.twoPlayer = twoPlayer;
    let binary = !twoPlayer;
    for (let i = 0; i < nPlayers; i++) if (ks[i] !== 2) binary = false;
    this.binary = binary;
    const scale = hi > lo ? 1 / (hi - lo) : 0;
    this.f[F_SCALE] = scale;
    const { kk, off, vOff, tOff, size, dT } = this;
    let o = 0;
    let vo = 0;
    let to = 0;
    for (let i = 0; i < nPlayers; i++) {
      const k = ks[i];
      kk[i] = k;
      off[i] = o;
      vOff[i] = vo;
      tOff[i] = to;
      size[i] = nProfiles / k;
      o += k;
      vo += k - 1;
      to += (k - 1) * (nProfiles / k);
    }
    if (twoPlayer) {
      const k0 = kk[0];
      const k1 = kk[1];
      const base = k0 * k1;
      for (let a = 1; a < k0; a++) {
        for (let b = 0; b < k1; b++) {
          dT[(a - 1) * k1 + b] = (payoffs[2 * (a + k0 * b)] - payoffs[2 * (k0 * b)]) * scale;
        }
      }
      for (let b = 1; b < k1; b++) {
        for (let a = 0; a < k0; a++) {
          dT[base + (b - 1) * k0 + a] = (payoffs[2 * (a + k0 * b) + 1] - payoffs[2 * a + 1]) * scale;
        }
      }
    } else if (binary) {
      // (The loop below with K = 2, in bit operations.)
      for (let i = 0; i < nPlayers; i++) {
        const t0 = tOff[i];
        const bit = 1 << i;
        const low = bit - 1;
        for (let p = bit; p < nProfiles; p = (p + 1) | bit) {
          const rest = (p & low) | ((p >> (i + 1)) << i);
          dT[t0 + rest] = (payoffs[p * nPlayers + i] - payoffs[(p ^ bit) * nPlayers + i]) * scale;
        }
      }
    } else {
      let stride = 1;
      for (let i = 0; i < nPlayers; i++) {
        const k = kk[i];
        const s = size[i];
        const t0 = tOff[i];
        for (let p = 0; p < nProfiles; p++) {
          const a = Math.floor(p / stride) % k;
          if (a === 0) continue;
          // The others' profile index: the digits below i, then those above i shifted down.
          const rest = (p % stride) + Math.floor(p / (stride * k)) * stride;
          dT[t0 + (a - 1) * s + rest] =
            (payoffs[p * nPlayers + i] - payoffs[(p - a * stride) * nPlayers + i]) * scale;
        }
        stride *= k;
      }
    }
    this.sparse = binary && this.buildTerms(nProfiles);
    this.chooseEliminated();
  }

  /**
   * Binary games: the multilinear coefficients of every player's D (see `sparse`). Returns whether
   * evaluating them costs less than the contraction (sum over terms of |U|^2 against about
   * 2^N per player; measured on four-agent games).
   */
  private buildTerms(nProfiles: number): boolean {
    const nPlayers = this.nPlayers;
    const s = nProfiles >> 1;
    const { tOff, dT } = this;
    if (this.termCoef.length < nPlayers * s) {
      this.termCoef = new Float64Array(nPlayers * s);
      this.termMask = new Int32Array(nPlayers * s);
      this.termA = new Int32Array(nPlayers * s);
      this.termB = new Int32Array(nPlayers * s);
      this.termLen = new Int32Array(nPlayers * s);
    }
    const { termStart, termCoef, termMask, termA, termB, termLen } = this;
    let nt = 0;
    let cost = 0;
    for (let i = 0; i < nPlayers; i++) {
      termStart[i] = nt;
      const t0 = tOff[i];
      // Moebius inversion in place over the others' bits: c_U = sum_(V in U) (-1)^|U \ V| D(V).
      for (let r = 0; r < s; r++) termCoef[nt + r] = dT[t0 + r];
      for (let bit = 1; bit < s; bit <<= 1) {
        for (let r = 0; r < s; r++) if (r & bit) termCoef[nt + r] -= termCoef[nt + (r ^ bit)];
      }
      let kept = nt;
      for (let r = 0; r < s; r++) {
        const c = termCoef[nt + r];
        if (c === 0 && r !== 0) continue;
        termCoef[kept] = c;
        termMask[kept] = r;
        let bits = 0;
        termA[kept] = -1;
        termB[kept] = -1;
        for (let m = r; m !== 0; m &= m - 1) {
          const k = 31 - Math.clz32(m & -m);
          const j = k < i ? k : k + 1;
          if (bits === 0) termA[kept] = j;
          else if (bits === 1) termB[kept] = j;
          bits++;
        }
        termLen[kept] = bits;
        cost += bits * bits;
        kept++;
      }
      nt = kept;
    }
    termStart[nPlayers] = nt;
    return cost <= 2 * nProfiles;
  }

  /**
   * Chooses the players whose log-ratios are eliminated (see evaluate): with two players, the one
   * with more strategies (player 1 on a tie); with more, greedily from the most strategies down,
   * each player whose payoff differences do not depend on the strategy of any player already
   * chosen, nor theirs on its (exact comparison of entries: the structure of agent-form games, where
   * an agent's payoff ignores its own side's other agents). At least one log-ratio is left to trace.
   * Sets elim, n, the index maps and the full-space buffers.
   */
  private chooseEliminated(): void {
    const { kk, vOff, isT, tPlayers, fullOf, tUnk } = this;
    const nPlayers = this.nPlayers;
    let left = this.nF;
    let nT = 0;
    isT.fill(0, 0, nPlayers);
    if (!this.eliminate) {
      // (nothing eliminated: every log-ratio is traced)
    } else if (this.twoPlayer) {
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
            free = this.ignores(c, t) && this.ignores(t, c);
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
    this.nT = nT;
    this.nTU = u;
    this.elim = nT > 0;
    this.n = this.elim ? left : this.nF;
    if (this.elim) {
      this.hf = this.hfB;
      this.df = this.dfB;
      this.af = this.afB;
    } else {
      this.hf = this.hh;
      this.df = this.dd;
      this.af = this.aa;
    }
  }

  /**
   * Whether player i's payoff differences D_i ignore player j's strategy: every entry of i's tensor
   * equals the one with j playing its strategy 0 (exactly).
   */
  private ignores(i: number, j: number): boolean {
    const { kk, tOff, size, dT } = this;
    const s = size[i];
    const kj = kk[j];
    const t0 = tOff[i];
    if (this.binary) {
      // (The loop below with K = 2: j's digit of an entry is one bit.)
      const bit = 1 << (j < i ? j : j - 1);
      for (let e = bit; e < s; e = (e + 1) | bit) if (dT[t0 + e] !== dT[t0 + e - bit]) return false;
      return true;
    }
    let stride = 1;
    for (let l = 0; l < j; l++) if (l !== i) stride *= kk[l];
    const len = (kk[i] - 1) * s;
    for (let e = 0; e < len; e++) {
      const sj = Math.floor((e % s) / stride) % kj;
      if (sj !== 0 && dT[t0 + e] !== dT[t0 + e - sj * stride]) return false;
    }
    return true;
  }

  /** sigma of every player at the traced point x (for branch: off the hot path). */
  private pointProbs(x: Float64Array, out: Float64Array): void {
    if (!this.elim) {
      this.probsAt(x, out);
      return;
    }
    const evaluations = this.counts[2];
    this.evaluate(x);
    this.counts[2] = evaluations;
    for (let j = 0; j < this.m; j++) out[j] = this.prob[j];
  }

  private ensure(nPlayers: number, m: number, nx: number, tensor: number, levels: number): void {
    if (nPlayers > this.capPlayers) {
      const c = nPlayers;
      this.capPlayers = c;
      this.kk = new Int32Array(c);
      this.off = new Int32Array(c);
      this.vOff = new Int32Array(c);
      this.tOff = new Int32Array(c);
      this.size = new Int32Array(c);
      this.rOff = new Int32Array(c);
      this.others = new Int32Array(c);
      this.isT = new Uint8Array(c);
      this.tPlayers = new Int32Array(c);
      this.termStart = new Int32Array(c + 1);
      this.grad = new Float64Array(c * c);
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
      this.piv = new Int32Array(c);
      this.di = new Float64Array(c);
      this.x = new Float64Array(c);
      this.y = new Float64Array(c);
      this.t = new Float64Array(c);
      this.tn = new Float64Array(c);
      this.w = new Float64Array(c);
      this.xp = new Float64Array(c);
      this.tp = new Float64Array(c);
      this.xfB = new Float64Array(c);
      this.hfB = new Float64Array(c);
      this.dfB = new Float64Array(c);
      this.afB = new Float64Array(c * c);
      this.fullOf = new Int32Array(c);
      this.tUnk = new Int32Array(c);
    }
    if (tensor > this.capT) {
      this.capT = tensor;
      this.dT = new Float64Array(tensor);
    }
    if (levels > this.capL) {
      this.capL = levels;
      this.lev = new Float64Array(levels);
      this.rw = new Float64Array(levels);
    }
  }

  private centroid(out: Float64Array): void {
    const { kk, off } = this;
    for (let i = 0; i < this.nPlayers; i++) {
      const k = kk[i];
      for (let a = 0; a < k; a++) out[off[i] + a] = 1 / k;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation of H and its Jacobian

  /** sigma = softmax(0, v_i) per player, from the log-ratios in x (full layout). */
  private probsAt(x: Float64Array, prob: Float64Array): void {
    for (let i = 0; i < this.nPlayers; i++) this.playerProbs(i, x, prob);
  }

  private playerProbs(i: number, x: Float64Array, prob: Float64Array): void {
    const k = this.kk[i];
    const o = this.off[i];
    const vo = this.vOff[i];
    if (k === 2) {
      binaryProbs(prob, o, x[vo]);
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

  /**
   * At the traced point x (mu = x[n]): sigma (every player's), D, H = v - mu D, and in rows
   * 0..n-1 of aa (stride n + 1) the Jacobian [dH/dv | dH/dmu] of the traced system.
   *
   * With players T eliminated, x holds the others' (S) log-ratios. The full point is completed by
   * v_T = mu D_T(sigma_S) (T's payoffs do not depend on one another's strategies, so their rows are
   * computed with centroid stand-ins for each other's mixtures, exactly), then S's rows are
   * computed at it and reduced: H_S, D_S and J_SS - J_ST J_TS (the Schur complement; J_TT = I),
   * with the mu column likewise. det [J; t^T] equals the full system's (Schur), so orientation and
   * bifurcation tests mean the same in both.
   */
  private evaluate(x: Float64Array): void {
    this.counts[2]++;
    const nPlayers = this.nPlayers;
    if (!this.elim) {
      this.probsAt(x, this.prob);
      for (let i = 0; i < nPlayers; i++) this.rows(i, x);
      return;
    }
    if (this.twoPlayer) {
      this.evaluate2Elim(x);
      return;
    }
    if (this.sparse) {
      this.evaluateSparseElim(x);
      return;
    }
    const { xfB: xf, fullOf, tPlayers, kk, off, vOff, prob, df, hf } = this;
    const n = this.n;
    const nF = this.nF;
    const nT = this.nT;
    const mu = x[n];
    for (let r = 0; r < n; r++) xf[fullOf[r]] = x[r];
    xf[nF] = mu;
    for (let j = 0; j < nT; j++) {
      const i = tPlayers[j];
      const k = kk[i];
      for (let a = 0; a < k; a++) prob[off[i] + a] = 1 / k;
    }
    for (let j = nT; j < nPlayers; j++) this.playerProbs(tPlayers[j], xf, prob);
    for (let j = 0; j < nT; j++) this.rows(tPlayers[j], xf);
    for (let j = 0; j < nT; j++) {
      const i = tPlayers[j];
      const vo = vOff[i];
      for (let a = 1; a < kk[i]; a++) {
        xf[vo + a - 1] = mu * df[vo + a - 1];
        hf[vo + a - 1] = 0;
      }
      this.playerProbs(i, xf, prob);
    }
    for (let j = nT; j < nPlayers; j++) this.rows(tPlayers[j], xf);
    this.reduce();
  }

  /**
   * Two players, player t = 1 - s eliminated: the traced system in s's log-ratios directly. With
   * E_s(a, b) = D_s(a | t plays b) and E_t(b, a) likewise (player i's block of dT at 0 or K0 K1,
   * row stride the other's K),
   *   D_t(b) = sum_a E_t(b, a) sigma_s(a),  v_t = mu D_t,  sigma_t = softmax(0, v_t),
   *   D_s(a) = sum_b E_s(a, b) sigma_t(b),  H_s(a) = v_s(a) - mu D_s(a),
   *   dH_s(a)/dv_s(a') = [a = a'] - mu^2 sum_(b >= 1) sigma_t(b) (E_s(a, b) - D_s(a)) sigma_s(a') (E_t(b, a') - D_t(b)),
   *   dH_s(a)/dmu = -D_s(a) - mu sum_(b >= 1) sigma_t(b) (E_s(a, b) - D_s(a)) D_t(b).
   */
  private evaluate2Elim(x: Float64Array): void {
    const { kk, off, vOff, prob, dT, hh, dd, aa, xfB: xf } = this;
    const hf = this.hf;
    const df = this.df;
    const t = this.tPlayers[0];
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
    this.playerProbs(sp, xf, prob);
    for (let b = 1; b < kT; b++) {
      const rb = tBlock + (b - 1) * kS;
      let d = 0;
      for (let a = 0; a < kS; a++) d += dT[rb + a] * prob[oS + a];
      df[vT + b - 1] = d;
      xf[vT + b - 1] = mu * d;
      hf[vT + b - 1] = 0;
    }
    this.playerProbs(t, xf, prob);
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

  /** Player i's rows of the full system at xf (into df, hf, af; stride nF + 1). */
  private rows(i: number, xf: Float64Array): void {
    if (this.twoPlayer) this.rows2(i, xf);
    else if (this.sparse) this.rowsSparse(i, xf);
    else if (this.binary) this.rowsBinary(i, xf);
    else this.rowsN(i, xf);
  }

  /** The traced system from the full one: H_S, D_S and [J_SS - J_ST J_TS | J_Smu - J_ST J_Tmu]. */
  private reduce(): void {
    const { fullOf, tUnk, af, hf, df, aa, hh, dd } = this;
    const n = this.n;
    const nx = n + 1;
    const nF = this.nF;
    const sF = nF + 1;
    const nTU = this.nTU;
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

  /** Two players: player i's rows. */
  private rows2(i: number, x: Float64Array): void {
    const k0 = this.kk[0];
    const k1 = this.kk[1];
    const n = this.nF;
    const nx = n + 1;
    const n0 = k0 - 1;
    const mu = x[n];
    const base = k0 * k1;
    const { prob, dT } = this;
    const dd = this.df;
    const hh = this.hf;
    const aa = this.af;
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

  /**
   * Any number of players, by tensor contraction: player i's rows. The block T of i's payoff
   * differences over the others' profiles (others o_0 < o_1 < ..., o_0 fastest) is contracted one
   * player at a time, L_0 = T, L_(j+1) = sum_b L_j[b, ...] sigma_(o_j)(b), down to the scalar
   * D_i(a). With R_j = sigma_(o_(j+1)) x ... x sigma_(o_last) (outer product), D_i(a | o_j plays b)
   * = sum_rest L_j[b, rest] R_j[rest].
   */
  private rowsN(i: number, x: Float64Array): void {
    const nPlayers = this.nPlayers;
    const n = this.nF;
    const nx = n + 1;
    const mu = x[n];
    const { prob, dT, kk, off, vOff, tOff, size, lev, rw, rOff, others } = this;
    const dd = this.df;
    const hh = this.hf;
    const aa = this.af;
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

  /**
   * Binary games with few multilinear terms (see `sparse`): D_i into df[i] and dD_i/dp_j into
   * grad[i nPlayers + j] (j != i), at the current probabilities.
   */
  private termRow(i: number): void {
    const nPlayers = this.nPlayers;
    const { prob, termStart, termCoef, termA, termB, termLen, grad } = this;
    const g0 = i * nPlayers;
    for (let j = 0; j < nPlayers; j++) grad[g0 + j] = 0;
    let d = 0;
    const end = termStart[i + 1];
    for (let t = termStart[i]; t < end; t++) {
      const c = termCoef[t];
      const len = termLen[t];
      // (Terms of up to two members written out: all of an agent-form game's.)
      if (len === 0) {
        d += c;
        continue;
      }
      const ja = termA[t];
      if (len === 1) {
        d += c * prob[2 * ja + 1];
        grad[g0 + ja] += c;
        continue;
      }
      if (len === 2) {
        const jb = termB[t];
        const pa = prob[2 * ja + 1];
        const pb = prob[2 * jb + 1];
        d += c * pa * pb;
        grad[g0 + ja] += c * pb;
        grad[g0 + jb] += c * pa;
        continue;
      }
      d += this.longTerm(i, t);
    }
    this.df[i] = d;
  }

  /** termRow's terms of three or more members: adds the partials to grad, returns the term's value. */
  private longTerm(i: number, t: number): number {
    const { prob, grad } = this;
    const g0 = i * this.nPlayers;
    const c = this.termCoef[t];
    // Members by bit k of the mask: the k-th of i's others, player k + (k >= i).
    const mask = this.termMask[t];
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

  /** Player i's row of the full system from termRow. */
  private rowsSparse(i: number, x: Float64Array): void {
    const nPlayers = this.nPlayers;
    const n = this.nF;
    const nx = n + 1;
    const mu = x[n];
    const { prob, grad } = this;
    const aa = this.af;
    this.termRow(i);
    const d = this.df[i];
    const row = i * nx;
    const g0 = i * nPlayers;
    // d sigma_j(1) / d v_j = sigma_j(0) sigma_j(1)
    for (let j = 0; j < nPlayers; j++) aa[row + j] = j === i ? 1 : -mu * prob[2 * j] * prob[2 * j + 1] * grad[g0 + j];
    this.hf[i] = x[i] - mu * d;
    aa[row + n] = -d;
  }

  /**
   * evaluate for sparse binary games with players eliminated (agent-form pair games), on the traced
   * unknowns directly: the same quantities as the generic path, without the full-space rows. With
   * s' = sigma_j(0) sigma_j(1) and G = grad,
   *   J(s, c) = [s = c] - [s != c] mu s'_c G(s, c) - sum_t (mu s'_t G(s, t)) (mu s'_c G(t, c)),
   *   J(s, mu) = -D_s - sum_t mu s'_t G(s, t) D_t.
   */
  private evaluateSparseElim(x: Float64Array): void {
    const nPlayers = this.nPlayers;
    const { fullOf, tPlayers, prob, grad, hh, dd, aa, df, hf } = this;
    const n = this.n;
    const nx = n + 1;
    const nT = this.nT;
    const mu = x[n];
    for (let r = 0; r < n; r++) binaryProbs(prob, 2 * fullOf[r], x[r]);
    // (T's terms have no members in T: their rows read only S's probabilities.)
    for (let j = 0; j < nT; j++) {
      const t = tPlayers[j];
      this.termRow(t);
      binaryProbs(prob, 2 * t, mu * df[t]);
      hf[t] = 0;
    }
    for (let r = 0; r < n; r++) {
      const sp = fullOf[r];
      this.termRow(sp);
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

  /**
   * rowsN for games in which every player has two strategies (agent-form Bayesian games,
   * attendance games): the same contractions with K = 2 written out, the derivative sums fused into
   * the forward pass. With p = sigma_j(1), L_(k+1)[r] = L_k[2r] (1 - p) + L_k[2r+1] p and
   * dD_i/dp_(o_k) = sum_r (L_k[2r+1] - L_k[2r]) R_k[r].
   */
  private rowsBinary(i: number, x: Float64Array): void {
    const nPlayers = this.nPlayers;
    const n = this.nF;
    const nx = n + 1;
    const mu = x[n];
    const { prob, dT, tOff, size, lev, rw, rOff, others } = this;
    const dd = this.df;
    const hh = this.hf;
    const aa = this.af;
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

  /**
   * First-order estimate of max |sigma - logit response(sigma)| from H and sigma (see the doc
   * comment), written to the residual statistic.
   */
  private residualEstimate(): void {
    const { kk, off, vOff, prob } = this;
    const hh = this.hf; // (eliminated players' entries are 0: their v_T is exact)
    let worst = 0;
    for (let i = 0; i < this.nPlayers; i++) {
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
    this.statVals[0] = worst;
  }

  // ---------------------------------------------------------------------------------------------
  // Path following

  /**
   * Predictor: the point at arc length h = f[F_H] beyond x, into y. With a previous point, the
   * cubic Hermite arc through (xp, tp) and (x, t), extrapolated; else the Euler step x + h t.
   */
  private predict(): void {
    const { x, y, t, xp, tp, f } = this;
    const nx = this.n + 1;
    const h = f[F_H];
    const s = f[F_SPREV];
    if (s > 0) {
      const th = 1 + h / s;
      const h00 = (2 * th - 3) * th * th + 1;
      const h10 = ((th - 2) * th + 1) * th * s;
      const h01 = (3 - 2 * th) * th * th;
      const h11 = (th - 1) * th * th * s;
      for (let r = 0; r < nx; r++) y[r] = h00 * xp[r] + h10 * tp[r] + h01 * x[r] + h11 * t[r];
    } else {
      for (let r = 0; r < nx; r++) y[r] = x[r] + h * t[r];
    }
  }

  /**
   * The arc length in (0, h] (h = f[F_H]) at which the predictor's mu first reaches the target,
   * given that it does by h; into f[F_OUT].
   */
  private predictCrossing(): void {
    const { x, t, xp, tp, f, q } = this;
    const n = this.n;
    const s = f[F_SPREV];
    const target = f[F_TARGET];
    if (!(s > 0)) {
      f[F_OUT] = (target - x[n]) / t[n];
      return;
    }
    // mu(theta) on theta = 1 + sigma / s: the cubic through (xp, tp) and (x, t).
    q[0] = xp[n];
    q[1] = s * tp[n];
    q[2] = x[n];
    q[3] = s * t[n];
    q[4] = target;
    q[5] = 1;
    q[6] = 1 + f[F_H] / s;
    cubicCrossing(q);
    f[F_OUT] = (q[7] - 1) * s;
  }

  /**
   * Traces the branch from the centroid to the first point with mu = f[F_TARGET], in steps of at
   * most f[F_MAXSTEP]; on return the profile is in this.prob. `record` (for branch) is called with
   * every accepted point.
   */
  private trace(record: ((x: Float64Array, landed: boolean) => void) | null): void {
    const n = this.n;
    const nx = n + 1;
    const { x, y, t, tn, xp, tp, w, aa, piv, di, hh, dd, f, q, counts } = this;
    const muTarget = f[F_TARGET];
    // (Read from the typed array, not passed as an argument: that keeps h a raw double.)
    const maxStep = f[F_MAXSTEP];

    // Start: the centroid; tangent (D(centroid), 1) normalised.
    for (let r = 0; r < nx; r++) x[r] = 0;
    this.evaluate(x);
    let norm = 1;
    for (let r = 0; r < n; r++) norm += dd[r] * dd[r];
    norm = 1 / Math.sqrt(norm);
    for (let r = 0; r < n; r++) t[r] = dd[r] * norm;
    t[n] = norm;
    f[F_SPREV] = 0;
    // Orientation: sign det [J(x); t^T], constant along a branch; positive at the centroid, where
    // det [[I, -D], [D^T, 1] / |(D, 1)|] = |(D, 1)|.
    let orient = 1;
    f[F_DETX] = 1 / norm;

    let h = H_START < maxStep ? H_START : maxStep;
    let errX = 0; // bound on the distance of x from the branch (its last corrector step)
    let hBeforeFlip = 0; // step size when an orientation flip was first met (0: none pending)
    for (let iter = 0; iter < MAX_STEPS; iter++) {
      if (h < H_MIN * (1 + Math.abs(x[n]))) {
        // (h itself stays out of the message: a use as a string would box it at every update.)
        throw new Error(
          `logit QRE: path tracing stalled at lambda = ${x[n] * f[F_SCALE]} (step size below ` +
            `${H_MIN * (1 + Math.abs(x[n]))}); the branch may pass a bifurcation`,
        );
      }
      // After rejections shrink h well below the accuracy of x (sharp bends), bring x onto the
      // branch to match, or every short step inherits its error.
      if (errX > POLISH_RATIO * h) {
        f[F_H] = h;
        f[F_ERR] = errX;
        this.polish(orient);
        errX = f[F_ERR];
      }

      f[F_H] = h;
      this.predict();

      // Landing: the predictor reaches the target within this step. End the step exactly on it
      // and correct with mu fixed.
      if (y[n] >= muTarget) {
        this.predictCrossing();
        const hl = f[F_OUT];
        f[F_H] = hl;
        this.predict();
        y[n] = muTarget;
        if (this.land(true)) {
          f[F_ERR] = errX;
          if (this.landingConsistent(orient)) {
            for (let r = 0; r < nx; r++) x[r] = y[r];
            if (record !== null) record(x, true);
            return;
          }
        }
        counts[1]++;
        h = hl * 0.5;
        continue;
      }

      // Corrector: Newton on [J(y); t^T] dy = [-H(y); 0].
      let ok = false;
      let d1 = 0;
      let dPrev = 0;
      let kappa = 0;
      let cosAlpha = 1;
      let errY = 0;
      let detY = 0;
      const tol = CORRECTOR_TOL * (h < 1 ? h : 1);
      for (let it = 0; it < CORRECTOR_MAX_IT; it++) {
        if (this.newtonStep(0) === 0) break;
        detY = f[F_OUT];
        const dist = f[F_DIST];
        const ymax = f[F_YMAX];
        if (!(dist === dist)) break; // NaN
        if (it === 0) {
          d1 = dist;
          if (dist > this.dMax) break;
        } else {
          const k = dist / dPrev;
          if (k > K_MAX) break;
          if (k > kappa) kappa = k;
        }
        // (Short steps need accurate points; the floor is where rounding takes over.)
        const floor = 1e-10 * (1 + ymax);
        if (dist <= (tol > floor ? tol : floor)) {
          // Converged. The same factorisation gives the new tangent: [J; t^T] w = e_(n+1).
          for (let r = 0; r < n; r++) w[r] = 0;
          w[n] = 1;
          luSolve(aa, nx, nx, piv, di, w);
          let wn = 0;
          for (let r = 0; r < nx; r++) wn += w[r] * w[r];
          wn = Math.sqrt(wn);
          cosAlpha = 1 / wn; // t . w = 1 and |t| = 1
          for (let r = 0; r < nx; r++) tn[r] = w[r] / wn;
          errY = dist;
          ok = true;
          break;
        }
        dPrev = dist;
      }
      if (!ok || y[n] < 0) {
        // (The principal branch has lambda > 0 everywhere but at the centroid.)
        counts[1]++;
        h *= 0.5;
        continue;
      }
      const alpha = Math.acos(cosAlpha > 1 ? 1 : cosAlpha);
      let chord = 0;
      for (let r = 0; r < nx; r++) chord += (y[r] - x[r]) * (y[r] - x[r]);
      chord = Math.sqrt(chord);
      f[F_CHORD] = chord;
      f[F_ALPHA] = alpha;
      f[F_NOISE] = errX + errY;
      // A clean step: a small turn along one smooth arc.
      const clean = alpha <= this.aMax && this.chordConsistent();
      let hRestore = 0;
      if (detY * orient < 0) {
        // Orientation flipped: the step crossed a point where det [J; t^T] vanishes (a
        // bifurcation) or slid onto another branch past a near-bifurcation. Close in on the point
        // (det is nearly linear near it: interpolating det estimates its distance); a clean flip
        // over a step of at most H_BIFURCATION is taken as a true bifurcation and crossed. Steps
        // that short cannot jump between branches that stay further apart.
        if (!(clean && h <= H_BIFURCATION)) {
          counts[1]++;
          if (hBeforeFlip === 0) hBeforeFlip = h;
          if (clean) {
            const ax = Math.abs(f[F_DETX]);
            const dEst = (h * ax) / (ax + Math.abs(detY));
            h = Math.max(Math.min(0.5 * h, 0.9 * dEst), H_BIFURCATION);
          } else {
            h *= 0.5;
          }
          continue;
        }
        // Cross, and carry on at the step size used before closing in.
        orient = -orient;
        hRestore = hBeforeFlip;
        hBeforeFlip = 0;
      } else if (!clean || (hBeforeFlip > 0 && Math.abs(detY) < 0.05 * Math.abs(f[F_DETX]))) {
        // (While closing in on a flip, det may shrink at most twentyfold a step: stay clear of
        // the ill-conditioned neighbourhood of the point.)
        counts[1]++;
        h *= 0.5;
        continue;
      }

      // Crossing tests on the cubic Hermite arc through (x, t) and (y, tn), in theta in [0, 1].
      q[0] = x[n];
      q[1] = chord * t[n];
      q[2] = y[n];
      q[3] = chord * tn[n];
      if (y[n] >= muTarget) {
        // The corrector carried the step past the target: land from the arc's crossing point.
        q[4] = muTarget;
        q[5] = 0;
        q[6] = 1;
        cubicCrossing(q);
        const th = q[7];
        const h00 = (2 * th - 3) * th * th + 1;
        const h10 = ((th - 2) * th + 1) * th * chord;
        const h01 = (3 - 2 * th) * th * th;
        const h11 = (th - 1) * th * th * chord;
        for (let r = 0; r < n; r++) y[r] = h00 * x[r] + h10 * t[r] + h01 * y[r] + h11 * tn[r];
        y[n] = muTarget;
        if (this.land(false)) {
          f[F_ERR] = errX;
          if (this.landingConsistent(orient)) {
            for (let r = 0; r < nx; r++) x[r] = y[r];
            if (record !== null) record(x, true);
            return;
          }
        }
        counts[1]++;
        h *= 0.5;
        continue;
      }
      if (t[n] < 0 || tn[n] < 0) {
        hermiteMax(q);
        if (q[7] >= muTarget) {
          // Lambda may peak above the target inside this step: look closer.
          counts[1]++;
          h *= 0.5;
          continue;
        }
      }

      // Accept.
      for (let r = 0; r < nx; r++) {
        xp[r] = x[r];
        tp[r] = t[r];
        x[r] = y[r];
        t[r] = tn[r];
      }
      f[F_SPREV] = chord;
      f[F_DETX] = detY;
      errX = errY;
      counts[0]++;
      if (record !== null) record(x, false);
      let fac = Math.pow(d1 / this.dNom, STEP_EXPONENT);
      const fk = Math.sqrt(kappa / K_NOM);
      if (fk > fac) fac = fk;
      const fa = alpha / this.aNom;
      if (fa > fac) fac = fa;
      if (fac < 1 / GROW_MAX) fac = 1 / GROW_MAX;
      if (fac > SHRINK_MAX) fac = SHRINK_MAX;
      h /= fac;
      if (h < hRestore) h = hRestore;
      if (h > maxStep) h = maxStep;
    }
    throw new Error(`logit QRE: no convergence within ${MAX_STEPS} path steps`);
  }

  /**
   * One Newton step on [J(y); t^T] dy = [-H(y); 0], applied to y in place: the step shared by the path
   * corrector and polish. Returns the sign of the bordered Jacobian's determinant, 0 if it is singular;
   * y is changed only when that sign is nonzero and, unless `want` is 0, equal to `want`. After a step
   * f[F_OUT] holds the determinant, f[F_DIST] the length of the correction and f[F_YMAX] the largest |y|.
   */
  private newtonStep(want: number): number {
    const { y, t, w, aa, piv, di, hh, f } = this;
    const n = this.n;
    const nx = n + 1;
    this.evaluate(y);
    const lastRow = n * nx;
    for (let c = 0; c < nx; c++) aa[lastRow + c] = t[c];
    const sign = luFactor(aa, nx, nx, piv, di, f);
    if (sign === 0 || (want !== 0 && sign !== want)) return sign;
    const det = f[F_OUT];
    for (let r = 0; r < n; r++) w[r] = -hh[r];
    w[n] = 0;
    luSolve(aa, nx, nx, piv, di, w);
    let dist = 0;
    let ymax = 0;
    for (let r = 0; r < nx; r++) {
      dist += w[r] * w[r];
      y[r] += w[r];
      const ay = y[r] < 0 ? -y[r] : y[r];
      if (ay > ymax) ymax = ay;
    }
    f[F_OUT] = det;
    f[F_DIST] = Math.sqrt(dist);
    f[F_YMAX] = ymax;
    return sign;
  }

  /**
   * Newton on [J(x); t^T] dx = [-H(x); 0] at the current point, to the corrector tolerance of a
   * step f[F_H], then a fresh tangent t. On success f[F_ERR] is the new distance bound of x;
   * otherwise x, t and f[F_ERR] are left as they were.
   */
  private polish(orient: number): void {
    const { x, y, t, w, aa, piv, di, hh, f } = this;
    const n = this.n;
    const nx = n + 1;
    const h = f[F_H];
    const errX = f[F_ERR];
    const tol = CORRECTOR_TOL * (h < 1 ? h : 1);
    for (let r = 0; r < nx; r++) y[r] = x[r];
    for (let it = 0; it < CORRECTOR_MAX_IT; it++) {
      if (this.newtonStep(orient) !== orient) return;
      const det = f[F_OUT];
      const dist = f[F_DIST];
      const ymax = f[F_YMAX];
      if (!(dist <= errX + this.dMax)) return;
      const floor = 1e-10 * (1 + ymax);
      if (dist <= (tol > floor ? tol : floor)) {
        for (let r = 0; r < n; r++) w[r] = 0;
        w[n] = 1;
        luSolve(aa, nx, nx, piv, di, w);
        let wn = 0;
        for (let r = 0; r < nx; r++) wn += w[r] * w[r];
        wn = Math.sqrt(wn);
        for (let r = 0; r < nx; r++) {
          x[r] = y[r];
          t[r] = w[r] / wn;
        }
        f[F_DETX] = det;
        f[F_ERR] = dist;
        return;
      }
    }
  }

  /**
   * Whether the step from (x, t) to (y, tn), with chord length f[F_CHORD] and tangent turning angle
   * f[F_ALPHA], is one smooth arc. On a plane arc the chord's angles to the two end tangents add up
   * to exactly the turning angle; a corrector that slid onto a nearby branch leaves a chord at
   * larger angles than the tangents' own turning explains. Points off the branch by f[F_NOISE]
   * tilt the chord by up to noise / chord at each end.
   */
  private chordConsistent(): boolean {
    const { x, y, t, tn, f } = this;
    const nx = this.n + 1;
    const chord = f[F_CHORD];
    if (!(chord > 0)) return true;
    let ct = 0;
    let ctn = 0;
    for (let r = 0; r < nx; r++) {
      const dr = y[r] - x[r];
      ct += dr * t[r];
      ctn += dr * tn[r];
    }
    const c0 = ct / chord;
    const c1 = ctn / chord;
    const a0 = Math.acos(c0 > 1 ? 1 : c0 < -1 ? -1 : c0);
    const a1 = Math.acos(c1 > 1 ? 1 : c1 < -1 ? -1 : c1);
    return a0 + a1 <= CHORD_RATIO * f[F_ALPHA] + this.slack + (2 * f[F_NOISE]) / chord;
  }

  /**
   * After a landing at y (rows 0..n-1 of aa hold J(y)): the tangent tn at y, and whether the step
   * from x (distance bound f[F_ERR]) arrived on the same branch: orientation unchanged, turning
   * angle within the limit, mu increasing through the target (a first crossing is upward), one
   * smooth arc.
   */
  private landingConsistent(orient: number): boolean {
    const { x, y, t, tn, w, aa, piv, di, f } = this;
    const n = this.n;
    const nx = n + 1;
    const rows = n * nx;
    for (let c = 0; c < nx; c++) aa[rows + c] = t[c];
    if (luFactor(aa, nx, nx, piv, di, f) !== orient) return false;
    for (let r = 0; r < n; r++) w[r] = 0;
    w[n] = 1;
    luSolve(aa, nx, nx, piv, di, w);
    let wn = 0;
    for (let r = 0; r < nx; r++) wn += w[r] * w[r];
    wn = Math.sqrt(wn);
    const cosAlpha = 1 / wn;
    const alpha = Math.acos(cosAlpha > 1 ? 1 : cosAlpha);
    if (!(alpha <= this.aMax) || !(w[n] > 0)) return false;
    for (let r = 0; r < nx; r++) tn[r] = w[r] / wn;
    let chord = 0;
    for (let r = 0; r < nx; r++) chord += (y[r] - x[r]) * (y[r] - x[r]);
    f[F_CHORD] = Math.sqrt(chord);
    f[F_ALPHA] = alpha;
    f[F_NOISE] = f[F_ERR];
    return this.chordConsistent();
  }

  /**
   * Newton's method in v with mu fixed (y[n] = mu*), from y. Returns true when the residual
   * estimate is below LAND_TOL, or when Newton stagnates at the rounding floor with an estimate
   * below LAND_ACCEPT (or the floor itself, at extreme lambda); false if the iteration does not
   * behave like Newton converging near the branch (first step longer than dMax when `guarded`,
   * poor contraction), and the caller then retries with a shorter step. On success prob holds sigma
   * at y and rows 0..n-1 of aa the Jacobian at y.
   */
  private land(guarded: boolean): boolean {
    const n = this.n;
    const nx = n + 1;
    const { y, aa, piv, di, hh, w, f, statVals } = this;
    const mu = y[n];
    let dPrev = Infinity;
    let ymax = 0;
    let stagnating = false;
    for (let it = 0; it < LAND_MAX_IT; it++) {
      this.evaluate(y);
      this.residualEstimate();
      const res = statVals[0];
      if (res <= LAND_TOL) return true;
      if (stagnating) {
        // Rounding bounds H at about eps (|v| + mu) (|D| <= 1 in normalised units); accept that.
        const floor = 1e4 * Number.EPSILON * (1 + ymax + mu);
        return res <= (floor > LAND_ACCEPT ? floor : LAND_ACCEPT);
      }
      if (luFactor(aa, n, nx, piv, di, f) === 0) return false;
      for (let r = 0; r < n; r++) w[r] = -hh[r];
      luSolve(aa, n, nx, piv, di, w);
      let dist = 0;
      ymax = 0;
      for (let r = 0; r < n; r++) {
        const d = w[r] < 0 ? -w[r] : w[r];
        if (d > dist) dist = d;
        y[r] += w[r];
        const ay = y[r] < 0 ? -y[r] : y[r];
        if (ay > ymax) ymax = ay;
      }
      if (!(dist === dist)) return false;
      if (it === 0 && guarded && dist > this.dMax) return false;
      // Newton converges quadratically; a step that shrinks less than fourfold while already
      // tiny means rounding noise dominates: evaluate once more and decide.
      const tinyRel = 1e-9 * (1 + ymax);
      const tinyRound = 1e4 * Number.EPSILON * (1 + ymax + mu);
      const tiny = dist <= (tinyRel > tinyRound ? tinyRel : tinyRound);
      if (!tiny && dist > K_MAX * dPrev) return false;
      if (tiny && dist > 0.25 * dPrev) stagnating = true;
      dPrev = dist;
    }
    return false;
  }
}

/**
 * A binary player's mixture from its log-ratio v = ln(sigma(1) / sigma(0)) into prob[o], prob[o + 1]:
 * the logistic, written so that exp never overflows.
 */
function binaryProbs(prob: Float64Array, o: number, v: number): void {
  logitPair(-v, prob, o);
}

function checkLambda(lambda: number): void {
  if (typeof lambda !== 'number' || !(lambda >= 0) || lambda === Infinity) {
    throw new Error(`logit QRE: lambda must be a finite number >= 0, got ${lambda}`);
  }
}

/**
 * Maximum over theta in [0, 1] of the cubic Hermite f with f(0) = q[0], f'(0) = q[1], f(1) = q[2],
 * f'(1) = q[3]; into q[7].
 */
function hermiteMax(q: Float64Array): void {
  const l0 = q[0];
  const m0 = q[1];
  const l1 = q[2];
  const m1 = q[3];
  const c1 = m0;
  const c2 = -3 * l0 - 2 * m0 + 3 * l1 - m1;
  const c3 = 2 * l0 + m0 - 2 * l1 + m1;
  let best = l0 > l1 ? l0 : l1;
  // Stationary points: roots of c1 + 2 c2 th + 3 c3 th^2 in (0, 1).
  let r0 = -1;
  let r1 = -1;
  if (Math.abs(c3) < 1e-300) {
    if (c2 !== 0) r0 = -c1 / (2 * c2);
  } else {
    const disc = c2 * c2 - 3 * c3 * c1;
    if (disc >= 0) {
      const sq = Math.sqrt(disc);
      r0 = (-c2 + sq) / (3 * c3);
      r1 = (-c2 - sq) / (3 * c3);
    }
  }
  if (r0 > 0 && r0 < 1) {
    const v = l0 + r0 * (c1 + r0 * (c2 + r0 * c3));
    if (v > best) best = v;
  }
  if (r1 > 0 && r1 < 1) {
    const v = l0 + r1 * (c1 + r1 * (c2 + r1 * c3));
    if (v > best) best = v;
  }
  q[7] = best;
}

/**
 * theta in (lo, hi] (q[5], q[6]) where the cubic Hermite f of hermiteMax reaches the target q[4],
 * given f(lo) < target <= f(hi): safeguarded Newton on the bracket; into q[7].
 */
function cubicCrossing(q: Float64Array): void {
  const l0 = q[0];
  const m0 = q[1];
  const l1 = q[2];
  const m1 = q[3];
  const target = q[4];
  let lo = q[5];
  let hi = q[6];
  const c1 = m0;
  const c2 = -3 * l0 - 2 * m0 + 3 * l1 - m1;
  const c3 = 2 * l0 + m0 - 2 * l1 + m1;
  const c0 = l0 - target;
  const flo = c0 + lo * (c1 + lo * (c2 + lo * c3));
  const fhi = c0 + hi * (c1 + hi * (c2 + hi * c3));
  let th = lo + ((hi - lo) * -flo) / (fhi - flo);
  if (!(th > lo && th <= hi)) th = hi;
  for (let it = 0; it < 40; it++) {
    const fv = c0 + th * (c1 + th * (c2 + th * c3));
    if (Math.abs(fv) <= 1e-13 * (1 + Math.abs(target))) break;
    if (fv < 0) lo = th;
    else hi = th;
    const df = c1 + th * (2 * c2 + 3 * c3 * th);
    let next = df > 0 ? th - fv / df : -1;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    th = next;
  }
  q[7] = th;
}

/**
 * Factorises the leading m x m block of a (row stride s) in place: the explicit inverse for m <= 4
 * (closed form, no loops: these small systems are all the linear algebra of 2x2, 2x3, 3x3 and
 * four-agent binary games), LU with partial pivoting otherwise (di receives the pivots'
 * reciprocals). Returns the sign of the determinant (+1 or -1; 0 if the matrix is numerically
 * singular) and writes the determinant to f[F_OUT]. luSolve then solves with it.
 */
function luFactor(
  a: Float64Array,
  m: number,
  s: number,
  piv: Int32Array,
  di: Float64Array,
  f: Float64Array,
): number {
  if (m <= 4) return invertSmall(a, m, s, piv, f);
  let det = 1;
  for (let k = 0; k < m; k++) {
    const rk = k * s;
    let p = k;
    let big = Math.abs(a[rk + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[i * s + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    piv[k] = p;
    if (!(big > 1e-300)) {
      f[F_OUT] = 0;
      return 0;
    }
    if (p !== k) {
      det = -det;
      const rp = p * s;
      for (let j = 0; j < m; j++) {
        const tmp = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = tmp;
      }
    }
    const pivot = a[rk + k];
    det *= pivot;
    const inv = 1 / pivot;
    di[k] = inv;
    for (let i = k + 1; i < m; i++) {
      const ri = i * s;
      const fi = a[ri + k] * inv;
      a[ri + k] = fi;
      if (fi !== 0) for (let j = k + 1; j < m; j++) a[ri + j] -= fi * a[rk + j];
    }
  }
  f[F_OUT] = det;
  return det > 0 ? 1 : -1;
}

/**
 * In-place inverse of a 1x1 to 4x4 block by cofactors (4x4: Laplace expansion in 2x2 minors);
 * piv[0] = -1 marks it for luSolve.
 */
function invertSmall(a: Float64Array, m: number, s: number, piv: Int32Array, f: Float64Array): number {
  piv[0] = -1;
  let det: number;
  if (m === 4) {
    const s2 = 2 * s;
    const s3 = 3 * s;
    const a00 = a[0];
    const a01 = a[1];
    const a02 = a[2];
    const a03 = a[3];
    const a10 = a[s];
    const a11 = a[s + 1];
    const a12 = a[s + 2];
    const a13 = a[s + 3];
    const a20 = a[s2];
    const a21 = a[s2 + 1];
    const a22 = a[s2 + 2];
    const a23 = a[s2 + 3];
    const a30 = a[s3];
    const a31 = a[s3 + 1];
    const a32 = a[s3 + 2];
    const a33 = a[s3 + 3];
    const b00 = a00 * a11 - a01 * a10;
    const b01 = a00 * a12 - a02 * a10;
    const b02 = a00 * a13 - a03 * a10;
    const b03 = a01 * a12 - a02 * a11;
    const b04 = a01 * a13 - a03 * a11;
    const b05 = a02 * a13 - a03 * a12;
    const b06 = a20 * a31 - a21 * a30;
    const b07 = a20 * a32 - a22 * a30;
    const b08 = a20 * a33 - a23 * a30;
    const b09 = a21 * a32 - a22 * a31;
    const b10 = a21 * a33 - a23 * a31;
    const b11 = a22 * a33 - a23 * a32;
    det = b00 * b11 - b01 * b10 + b02 * b09 + b03 * b08 - b04 * b07 + b05 * b06;
    f[F_OUT] = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    const r = 1 / det;
    a[0] = (a11 * b11 - a12 * b10 + a13 * b09) * r;
    a[1] = (a02 * b10 - a01 * b11 - a03 * b09) * r;
    a[2] = (a31 * b05 - a32 * b04 + a33 * b03) * r;
    a[3] = (a22 * b04 - a21 * b05 - a23 * b03) * r;
    a[s] = (a12 * b08 - a10 * b11 - a13 * b07) * r;
    a[s + 1] = (a00 * b11 - a02 * b08 + a03 * b07) * r;
    a[s + 2] = (a32 * b02 - a30 * b05 - a33 * b01) * r;
    a[s + 3] = (a20 * b05 - a22 * b02 + a23 * b01) * r;
    a[s2] = (a10 * b10 - a11 * b08 + a13 * b06) * r;
    a[s2 + 1] = (a01 * b08 - a00 * b10 - a03 * b06) * r;
    a[s2 + 2] = (a30 * b04 - a31 * b02 + a33 * b00) * r;
    a[s2 + 3] = (a21 * b02 - a20 * b04 - a23 * b00) * r;
    a[s3] = (a11 * b07 - a10 * b09 - a12 * b06) * r;
    a[s3 + 1] = (a00 * b09 - a01 * b07 + a02 * b06) * r;
    a[s3 + 2] = (a31 * b01 - a30 * b03 - a32 * b00) * r;
    a[s3 + 3] = (a20 * b03 - a21 * b01 + a22 * b00) * r;
  } else if (m === 3) {
    const s2 = 2 * s;
    const a00 = a[0];
    const a01 = a[1];
    const a02 = a[2];
    const a10 = a[s];
    const a11 = a[s + 1];
    const a12 = a[s + 2];
    const a20 = a[s2];
    const a21 = a[s2 + 1];
    const a22 = a[s2 + 2];
    const c00 = a11 * a22 - a12 * a21;
    const c01 = a12 * a20 - a10 * a22;
    const c02 = a10 * a21 - a11 * a20;
    det = a00 * c00 + a01 * c01 + a02 * c02;
    f[F_OUT] = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    const r = 1 / det;
    a[0] = c00 * r;
    a[1] = (a02 * a21 - a01 * a22) * r;
    a[2] = (a01 * a12 - a02 * a11) * r;
    a[s] = c01 * r;
    a[s + 1] = (a00 * a22 - a02 * a20) * r;
    a[s + 2] = (a02 * a10 - a00 * a12) * r;
    a[s2] = c02 * r;
    a[s2 + 1] = (a01 * a20 - a00 * a21) * r;
    a[s2 + 2] = (a00 * a11 - a01 * a10) * r;
  } else if (m === 2) {
    const a00 = a[0];
    const a01 = a[1];
    const a10 = a[s];
    const a11 = a[s + 1];
    det = a00 * a11 - a01 * a10;
    f[F_OUT] = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    const r = 1 / det;
    a[0] = a11 * r;
    a[1] = -a01 * r;
    a[s] = -a10 * r;
    a[s + 1] = a00 * r;
  } else {
    det = a[0];
    f[F_OUT] = det;
    if (!(det !== 0 && det - det === 0)) return 0;
    a[0] = 1 / det;
  }
  return det > 0 ? 1 : -1;
}

/** Solves for z with (the factorised) a z = b, in place, for a factorised by luFactor. */
function luSolve(a: Float64Array, m: number, s: number, piv: Int32Array, di: Float64Array, b: Float64Array): void {
  if (piv[0] < 0) {
    // Explicit inverse (m <= 4): b <- a b.
    const b0 = b[0];
    if (m === 1) {
      b[0] = a[0] * b0;
      return;
    }
    const b1 = b[1];
    if (m === 2) {
      b[0] = a[0] * b0 + a[1] * b1;
      b[1] = a[s] * b0 + a[s + 1] * b1;
      return;
    }
    const b2 = b[2];
    const s2 = 2 * s;
    if (m === 3) {
      b[0] = a[0] * b0 + a[1] * b1 + a[2] * b2;
      b[1] = a[s] * b0 + a[s + 1] * b1 + a[s + 2] * b2;
      b[2] = a[s2] * b0 + a[s2 + 1] * b1 + a[s2 + 2] * b2;
      return;
    }
    const b3 = b[3];
    const s3 = 3 * s;
    b[0] = a[0] * b0 + a[1] * b1 + a[2] * b2 + a[3] * b3;
    b[1] = a[s] * b0 + a[s + 1] * b1 + a[s + 2] * b2 + a[s + 3] * b3;
    b[2] = a[s2] * b0 + a[s2 + 1] * b1 + a[s2 + 2] * b2 + a[s2 + 3] * b3;
    b[3] = a[s3] * b0 + a[s3 + 1] * b1 + a[s3 + 2] * b2 + a[s3 + 3] * b3;
    return;
  }
  // Forward substitution with the row interchanges applied on the way, then back substitution.
  for (let i = 0; i < m; i++) {
    const p = piv[i];
    let sum = b[p];
    if (p !== i) b[p] = b[i];
    const ri = i * s;
    for (let j = 0; j < i; j++) sum -= a[ri + j] * b[j];
    b[i] = sum;
  }
  for (let i = m - 1; i >= 0; i--) {
    const ri = i * s;
    let sum = b[i];
    for (let j = i + 1; j < m; j++) sum -= a[ri + j] * b[j];
    b[i] = sum * di[i];
  }
}

let shared: LogitQreSolver | null = null;

/**
 * Convenience: the principal-branch logit QRE at lambda, one probability array per player. Uses a
 * solver shared by the module; the hot loop should own a LogitQreSolver and call solve.
 */
export function logitQre(game: NormalFormGame, lambda: number): number[][] {
  if (shared === null) shared = new LogitQreSolver();
  const flat = shared.solve(game, lambda);
  const result: number[][] = [];
  let o = 0;
  for (const k of game.strategies) {
    result.push(Array.from(flat.subarray(o, o + k)));
    o += k;
  }
  return result;
}
