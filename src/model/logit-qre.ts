/**
 * Logit quantal response equilibrium (QRE) on the principal branch, by predictor-corrector path
 * following: the solver of every stage game of the simulator, and of `negsim solve`.
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
 * How, file by file (src/model/qre/):
 * - game-layout.ts: the game's shape and its payoff differences against strategy 0, over the payoff
 *   range R, so that mu = lambda R (not lambda) sets the scale;
 * - system.ts: the equations H(v, mu) = v - mu D(sigma(v)) = 0 in log-probability ratios v
 *   (mixtures.ts) and their Jacobian, evaluated by two-player.ts (two players), contraction.ts
 *   (any number, tensor contraction) or multilinear.ts (binary agent-form games, by their few
 *   multilinear terms);
 * - elimination.ts: players solved in closed form, the branch traced in the others' unknowns only;
 * - path-tracer.ts: arc-length continuation from the centroid, with predictor.ts (cubic Hermite,
 *   hermite.ts), corrector.ts (Newton on the bordered system, tangent, smooth-arc test), landing.ts
 *   (Newton at the target lambda) and linear-algebra.ts (factorisation, determinant sign);
 * - trace-state.ts: the tracer's points, tangents and scalars by name.
 * And unique-pair-qre.ts: a 2x2 game whose QRE at lambda is certified unique needs no tracing; only a
 * solver with the constructor's defaults (shortcut and elimination on, caution 1) takes that shortcut.
 *
 * Accuracy: the returned profile is a fixed point of the logit response to about 1e-12 (the landing
 * stops on a first-order residual estimate below 1e-13; rounding limits this once lambda R exceeds
 * about 1e4). Cost: each Newton iteration evaluates D and J and solves an (n+1) x (n+1) system;
 * typically 4-14 evaluations per solve. All work arrays live in the solver object and grow as needed;
 * in steady state a solve allocates nothing (numbers passed between the helpers go through typed
 * arrays: doubles passed to or returned from calls, or kept in object fields, may be boxed on the heap).
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
import type { NormalFormGame } from './normal-form.js';
import { trace, type PointRecorder } from './qre/path-tracer.js';
import { QreSystem, type QreSolveStats } from './qre/system.js';
import { TraceState } from './qre/trace-state.js';
import { UniquePairQre } from './unique-pair-qre.js';

export type { QreSolveStats } from './qre/system.js';

export interface BranchPoint {
  lambda: number;
  probs: Float64Array;
}

/**
 * Reusable logit-QRE solver. Keep one per worker and call `solve` in the hot loop: the work arrays
 * are allocated once and grown on demand, so steady-state solves allocate nothing.
 */
export class LogitQreSolver {
  /** Counters of the most recent solve or branch (overwritten by each call). */
  readonly stats: QreSolveStats;
  private readonly sys: QreSystem;
  private readonly st: TraceState;
  /** The certified shortcut for 2x2 games with one QRE (null: always trace; see the constructor). */
  private readonly unique: UniquePairQre | null;

  /**
   * `caution` in (0, 1] (default 1) scales the step-control limits (first correction, turning
   * angle, arc slack) down: smaller values take shorter steps. Tests trace reference branches with
   * it. `eliminate` (default true) solves players in closed form where it can (qre/elimination.ts).
   * `shortcut` (default true) lets `solve` skip tracing a 2x2 game whose QRE is certified unique
   * (unique-pair-qre.ts); it is used only when `shortcut`, `eliminate` and `caution` = 1 all hold, so a
   * cautious or non-eliminating solver (a reference in tests) always traces.
   */
  constructor(opts?: { caution?: number; eliminate?: boolean; shortcut?: boolean }) {
    const c = opts?.caution ?? 1;
    const eliminate = opts?.eliminate ?? true;
    this.unique = (opts?.shortcut ?? true) && c === 1 && eliminate ? new UniquePairQre() : null;
    if (!(c > 0 && c <= 1)) throw new Error(`logit QRE: caution must be in (0, 1], got ${c}`);
    this.sys = new QreSystem(eliminate);
    this.st = new TraceState(this.sys, c);
    this.stats = this.sys.stats;
  }

  /**
   * Writes the principal-branch logit QRE at `lambda` into `out` (player 0's probabilities, then
   * player 1's, ...; length = sum of strategies) and returns it.
   */
  solve(game: NormalFormGame, lambda: number, out?: Float64Array): Float64Array {
    checkLambda(lambda);
    const ks = game.strategies;
    const stats = this.sys.stats;
    if (this.unique !== null && ks.length === 2 && ks[0] === 2 && ks[1] === 2 && game.payoffs.length === 8 && game.payoffs instanceof Float64Array) {
      // A 2x2 game whose QRE at lambda is certified unique needs no tracing (unique-pair-qre.ts).
      if (out === undefined) out = new Float64Array(4);
      if (out.length >= 4 && this.unique.solveTwoByTwo(game.payoffs, lambda, out)) {
        stats.reset();
        stats.residual = this.unique.residual;
        return out;
      }
    }
    const sys = this.sys;
    sys.setup(game);
    stats.reset();
    const m = sys.layout.m;
    if (out === undefined) out = new Float64Array(m);
    else if (out.length < m) throw new Error(`logit QRE: out has length ${out.length}; needs ${m}`);
    const scale = sys.layout.scale;
    if (lambda === 0 || sys.n === 0 || scale === 0) {
      sys.layout.centroid(out);
      return out;
    }
    const st = this.st;
    st.ensure(sys.layout.nF + 1);
    st.target = lambda / scale;
    st.maxStep = Infinity;
    trace(st, null);
    const prob = sys.prob;
    for (let j = 0; j < m; j++) out[j] = prob[j];
    return out;
  }

  /**
   * Points along the principal branch from lambda = 0 up to lambdaMax (the last point exactly at
   * lambdaMax), {lambda, probs}[], for `negsim solve --branch`. `maxStep` bounds the arc-length
   * step (normalised units; default 0.25) so that the points draw a smooth curve; if more than
   * `maxPoints` (default 2000) would be recorded, every other interior point is dropped as needed.
   */
  branch(game: NormalFormGame, lambdaMax: number, opts?: { maxPoints?: number; maxStep?: number }): BranchPoint[] {
    checkLambda(lambdaMax);
    const maxPoints = Math.max(2, Math.floor(opts?.maxPoints ?? 2000));
    const maxStep = opts?.maxStep ?? 0.25;
    if (!(maxStep > 0)) throw new Error(`logit QRE branch: maxStep must be positive, got ${maxStep}`);
    const sys = this.sys;
    sys.setup(game);
    sys.stats.reset();
    const m = sys.layout.m;
    const first = new Float64Array(m);
    sys.layout.centroid(first);
    const points: BranchPoint[] = [{ lambda: 0, probs: first }];
    const scale = sys.layout.scale;
    if (lambdaMax === 0 || sys.n === 0 || scale === 0) {
      if (lambdaMax > 0) points.push({ lambda: lambdaMax, probs: first.slice() });
      return points;
    }
    let keepEvery = 1;
    let seen = 0;
    const record: PointRecorder = (x, landed) => {
      if (!landed && ++seen % keepEvery !== 0) return;
      const probs = new Float64Array(m);
      sys.pointProbs(x, probs);
      points.push({ lambda: landed ? lambdaMax : x[sys.n] * scale, probs });
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
    const st = this.st;
    st.ensure(sys.layout.nF + 1);
    st.target = lambdaMax / scale;
    st.maxStep = maxStep;
    trace(st, record);
    return points;
  }
}

function checkLambda(lambda: number): void {
  if (typeof lambda !== 'number' || !(lambda >= 0) || lambda === Infinity) {
    throw new Error(`logit QRE: lambda must be a finite number >= 0, got ${lambda}`);
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
