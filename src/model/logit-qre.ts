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
 * - trace-state.ts: the tracer's points, tangents and scalars by name;
 * - fixed-point-check.ts: the residual every answer must pass, scaled to lambda R;
 * - fallback-trace.ts with relabelling.ts: when the fast trace stalls or lands above that residual
 *   (lambda R beyond about 1e4), the same branch traced in every log-ratio, each player's most
 *   probable strategy as its reference.
 * And unique-pair-qre.ts: a 2x2 game whose QRE at lambda is certified unique needs no tracing, nor does
 * a two-player game where one player has two strategies, certified by unique-binary-qre.ts, nor a game of
 * one player, whose only QRE is its logit choice (oneChooser); only a solver with the constructor's
 * defaults (shortcut and elimination on, caution 1) takes those shortcuts.
 *
 * Accuracy: the returned profile is a fixed point of the logit response to about 1e-12 (the landing
 * stops on a first-order residual estimate below 1e-13), and never worse than acceptedResidual(lambda R)
 * = 1e-10 + 4 eps lambda R: a point above that goes to the fallback, and if that fails too, solve throws
 * a QreLimitError rather than return it (on the games tried: beyond lambda R = 1e8, and rarely from 1e7
 * on in games with payoff ties). Cost: each
 * Newton iteration evaluates D and J and solves an (n+1) x (n+1) system; typically 4-14 evaluations per
 * solve (a fallback 100 to 700). All work arrays live in the solver object and grow as needed; in
 * steady state a traced solve allocates nothing (numbers passed between the helpers go through typed
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
import { FallbackTrace } from './qre/fallback-trace.js';
import { acceptedResidual, lambdaTimesRange, MU_GUARANTEED, residualAccepted } from './qre/fixed-point-check.js';
import { PathTraceFailure, trace, type PointRecorder } from './qre/path-tracer.js';
import { QreSystem, type QreSolveStats } from './qre/system.js';
import { MAX_STEPS, TraceState } from './qre/trace-state.js';
import { UniqueBinaryQre } from './unique-binary-qre.js';
import { UniquePairQre } from './unique-pair-qre.js';

export type { QreSolveStats } from './qre/system.js';
export { MU_GUARANTEED } from './qre/fixed-point-check.js';

export interface BranchPoint {
  lambda: number;
  probs: Float64Array;
}

/**
 * No answer: neither trace reached a point that passes the fixed-point check (fixed-point-check.ts),
 * or lambda R is beyond MU_TRACED. On the games tried this happens beyond lambda R = MU_GUARANTEED,
 * where rounding swamps every profile but nearly pure ones, and, rarely, from lambda R = 1e7 on in games
 * with payoff ties. The message says why, with lambda R.
 */
export class QreLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QreLimitError';
  }
}

/**
 * lambda R beyond which nothing is traced (a judgement): rounding in H, about eps lambda R, is then 0.2,
 * twenty times the corrector's tolerance, so no trace could tell the branch from its surroundings; below
 * it, pure answers (best replies decided by payoff differences far above the rounding) still come through.
 */
const MU_TRACED = 1e15;
/**
 * Steps (accepted or rejected) after which solve's fast trace hands over to the fallback: a sound
 * trace takes 5 to 50 (folds included); one that needs hundreds is creeping along a branch its
 * coordinates describe badly (qre/fallback-trace.ts: a 2x1x3 game at lambda R = 720 took 846 steps,
 * the fallback 14).
 */
const FAST_STEPS = 300;
/** branch: a step may be this fraction of mu (at least; the points are thinned anyway) */
const BRANCH_STEP_PER_MU = 1 / 500;

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
  /** The certified shortcut for two-player games where one has two strategies (null: always trace). */
  private readonly binary: UniqueBinaryQre | null;
  /** made on first need: the trace without elimination, with relabelling (qre/fallback-trace.ts) */
  private fallback: FallbackTrace | null = null;

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
    this.binary = this.unique !== null ? new UniqueBinaryQre() : null;
    if (!(c > 0 && c <= 1)) throw new Error(`logit QRE: caution must be in (0, 1], got ${c}`);
    this.sys = new QreSystem(eliminate);
    this.st = new TraceState(this.sys, c);
    this.stats = this.sys.stats;
  }

  /**
   * Writes the principal-branch logit QRE at `lambda` into `out` (player 0's probabilities, then
   * player 1's, ...; length = sum of strategies) and returns it. The point is checked: its first-order
   * fixed-point residual is at most acceptedResidual(lambda R) (qre/fixed-point-check.ts), else the
   * fallback trace tries, else a QreLimitError says why there is no answer (see QreLimitError).
   */
  solve(game: NormalFormGame, lambda: number, out?: Float64Array): Float64Array {
    checkLambda(lambda);
    const ks = game.strategies;
    const stats = this.sys.stats;
    if (this.unique !== null && ks.length === 1 && game.payoffs.length === ks[0]) {
      // One player: the logit choice is the only QRE (a round game where one party is left to decide).
      if (out === undefined) out = new Float64Array(ks[0]);
      if (out.length >= ks[0] && oneChooser(game.payoffs, ks[0], lambda, out)) {
        stats.reset();
        return out;
      }
    }
    if (this.binary !== null && ks.length === 2 && (ks[0] === 2) !== (ks[1] === 2)) {
      // One player of two strategies against one of more, certified unique (unique-binary-qre.ts).
      const m = ks[0] + ks[1];
      if (out === undefined) out = new Float64Array(m);
      if (out.length >= m && this.binary.solve(ks, game.payoffs, lambda, out)) {
        const residual = this.binary.residual;
        if (residual <= 1e-10 || residual <= acceptedResidual(lambdaTimesRange(game, lambda))) {
          stats.reset();
          stats.residual = residual;
          return out;
        }
      }
    }
    if (this.unique !== null && ks.length === 2 && ks[0] === 2 && ks[1] === 2 && game.payoffs.length === 8 && game.payoffs instanceof Float64Array) {
      // A 2x2 game whose QRE at lambda is certified unique needs no tracing (unique-pair-qre.ts).
      if (out === undefined) out = new Float64Array(4);
      if (out.length >= 4 && this.unique.solveTwoByTwo(game.payoffs, lambda, out)) {
        const residual = this.unique.residual;
        if (residual <= 1e-10 || residual <= acceptedResidual(lambdaTimesRange(game, lambda))) {
          stats.reset();
          stats.residual = residual;
          return out;
        }
      }
    }
    const sys = this.sys;
    sys.setup(game);
    stats.reset();
    const layout = sys.layout;
    const m = layout.m;
    if (out === undefined) out = new Float64Array(m);
    else if (out.length < m) throw new Error(`logit QRE: out has length ${out.length}; needs ${m}`);
    if (lambda === 0 || sys.n === 0 || !layout.varies) {
      layout.centroid(out);
      return out;
    }
    const st = this.st;
    st.ensure(layout.nF + 1);
    st.target = lambda / layout.scale;
    st.maxStep = Infinity;
    st.maxStepPerMu = 0;
    st.maxIterations = FAST_STEPS;
    if (this.fastTrace(null)) {
      const prob = sys.prob;
      for (let j = 0; j < m; j++) out[j] = prob[j];
      return out;
    }
    this.runFallback(game, lambda, st.target, Infinity, 0, null);
    this.fallbackTrace().profile(out);
    return out;
  }

  /**
   * Points along the principal branch from lambda = 0 up to lambdaMax (the last point exactly at
   * lambdaMax, checked as solve's), {lambda, probs}[], for `negsim solve --branch`. `maxStep` bounds
   * the arc-length step (normalised units; default 0.25, or 1/500 of lambda R where that is more) so
   * that the points draw a smooth curve; if more than `maxPoints` (default 2000) would be recorded,
   * every other interior point is dropped as needed.
   */
  branch(game: NormalFormGame, lambdaMax: number, opts?: { maxPoints?: number; maxStep?: number }): BranchPoint[] {
    checkLambda(lambdaMax);
    const maxPoints = Math.max(2, Math.floor(opts?.maxPoints ?? 2000));
    const maxStep = opts?.maxStep ?? 0.25;
    if (!(maxStep > 0)) throw new Error(`logit QRE branch: maxStep must be positive, got ${maxStep}`);
    const sys = this.sys;
    sys.setup(game);
    sys.stats.reset();
    const layout = sys.layout;
    const m = layout.m;
    const first = new Float64Array(m);
    layout.centroid(first);
    const points: BranchPoint[] = [{ lambda: 0, probs: first }];
    const scale = layout.scale;
    if (lambdaMax === 0 || sys.n === 0 || !layout.varies) {
      if (lambdaMax > 0) points.push({ lambda: lambdaMax, probs: first.slice() });
      return points;
    }
    // Each trace records from scratch (a failed fast trace's points are dropped); n: its unknowns.
    const recorder = (n: number, probsAt: (x: Float64Array, out: Float64Array) => void): PointRecorder => {
      points.length = 1;
      let keepEvery = 1;
      let seen = 0;
      return (x, landed) => {
        if (!landed && ++seen % keepEvery !== 0) return;
        const probs = new Float64Array(m);
        probsAt(x, probs);
        points.push({ lambda: landed ? lambdaMax : x[n] * scale, probs });
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
    };
    const st = this.st;
    const mu = lambdaMax / scale;
    st.ensure(layout.nF + 1);
    st.target = mu;
    st.maxStep = maxStep;
    st.maxStepPerMu = BRANCH_STEP_PER_MU;
    st.maxIterations = MAX_STEPS;
    if (this.fastTrace(recorder(sys.n, (x, out) => sys.pointProbs(x, out)))) return points;
    const fallback = this.fallbackTrace();
    const record = recorder(layout.nF, (x, out) => fallback.pointProbs(x, out));
    this.runFallback(game, lambdaMax, mu, maxStep, BRANCH_STEP_PER_MU, record);
    return points;
  }

  /** The fast trace (st set up by the caller): whether it landed on a point that passes the check. */
  private fastTrace(record: PointRecorder | null): boolean {
    const st = this.st;
    if (!(st.target <= MU_TRACED)) return false;
    try {
      trace(st, record, false);
    } catch (e) {
      if (e instanceof PathTraceFailure) return false;
      throw e;
    }
    return residualAccepted(this.sys.stats, st);
  }

  private fallbackTrace(): FallbackTrace {
    if (this.fallback === null) this.fallback = new FallbackTrace(this.sys.stats);
    return this.fallback;
  }

  /** The fallback trace, after the fast one failed; a QreLimitError if it fails too. */
  private runFallback(
    game: NormalFormGame,
    lambda: number,
    mu: number,
    maxStep: number,
    maxStepPerMu: number,
    record: PointRecorder | null,
  ): void {
    const where = `at lambda = ${lambda} (lambda x payoff range = ${describeMu(game, lambda, mu)})`;
    if (!(mu <= MU_TRACED)) {
      throw new QreLimitError(
        `logit QRE: no answer ${where}: beyond ${sci(MU_TRACED)} nothing is traced, and above ${sci(MU_GUARANTEED)} only nearly ` +
          'pure profiles pass the fixed-point check. The QRE depends on lambda only through lambda x payoff range ' +
          '(payoffs divided by s and lambda multiplied by s give the same QRE): lower lambda.',
      );
    }
    const fallback = this.fallbackTrace();
    if (fallback.run(game, mu, maxStep, maxStepPerMu, record)) return;
    const why = fallback.failure.replace(/^logit QRE: /, '');
    throw new QreLimitError(
      `logit QRE: no answer ${where}: ${why}. ` +
        (mu > MU_GUARANTEED
          ? `Above lambda x payoff range = ${sci(MU_GUARANTEED)} rounding leaves only nearly pure profiles that pass the fixed-point check: lower lambda.`
          : `Up to lambda x payoff range = ${sci(MU_GUARANTEED)} this has happened only in games with payoff ties (degenerate ` +
            'games, whose QRE is ill-conditioned near the limit), and from 1e7 on: lower lambda.'),
    );
  }
}

/**
 * The QRE of a one-player game with payoffs u: its logit choice, sigma(a) = exp(lambda (u(a) - max u)) /
 * sum_b exp(lambda (u(b) - max u)), written to out. Declines (false, out left alone) where a payoff is
 * not finite or lambda R is beyond MU_GUARANTEED, which the tracer answers or refuses as it always has.
 */
function oneChooser(u: ArrayLike<number>, k: number, lambda: number, out: Float64Array): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let a = 0; a < k; a++) {
    const v = u[a];
    if (!(v > -Infinity && v < Infinity)) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lambda * (hi - lo) <= MU_GUARANTEED)) return false;
  let sum = 0;
  for (let a = 0; a < k; a++) sum += Math.exp(lambda * (u[a] - hi));
  for (let a = 0; a < k; a++) out[a] = Math.exp(lambda * (u[a] - hi)) / sum;
  return true;
}

/** 1e8 rather than 100000000 */
function sci(x: number): string {
  return x.toExponential().replace('e+', 'e');
}

/** lambda R for a message: the product, or its factors when it overflows. */
function describeMu(game: NormalFormGame, lambda: number, mu: number): string {
  if (mu < Infinity) return mu.toPrecision(4);
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of game.payoffs) {
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  const range = hi * 0.5 - lo * 0.5 < Infinity ? 2 * (hi * 0.5 - lo * 0.5) : Infinity;
  return `${lambda} x ${range.toPrecision(4)}, more than the largest double`;
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
