/**
 * The path tracer: the principal branch of the QRE equations (system.ts), followed by arc length from
 * the centroid to the first point at the target lambda.
 *
 * Arc length s of (v, mu), not lambda, parametrises the branch, so folds (where lambda runs backwards
 * for a while) are passed like any other point (Allgower & Georg 1990, ch. 2; as Gambit's tracer,
 * path.cc, and HOMPACK, Watson et al. 1987). Each step: predict (predictor.ts), correct (corrector.ts),
 * check, accept or halve.
 *
 * - Start: the centroid (v = 0, mu = 0), tangent (D(centroid), 1) normalised; orientation +1, since
 *   det [[I, -D], [D^T, 1] / |(D, 1)|] = |(D, 1)| > 0.
 * - Step control: a step is rejected (h halved) if the first correction exceeds 1, Newton contracts by
 *   less than a factor 2, 6 iterations do not converge, the tangent turns by more than 0.6 rad, or the
 *   step is not one smooth arc (corrector.ts). After an accepted step h <- h / f with
 *   f = max((d1 / 0.3)^(1/3), sqrt(kappa / 0.2), alpha / 0.3), clamped to [1/3, 2] (d1 first
 *   correction, kappa largest contraction ratio, alpha turning angle; tuned for few evaluations on
 *   random games while agreeing with a 20 times more cautious trace). If rejections shrink h below
 *   100 times the accuracy of the current point, that point is corrected again first (polish).
 * - Orientation: sign det [J; t^T] is constant along a branch. A flip means the step crossed a
 *   bifurcation point or jumped to another branch past a near-bifurcation. The tracer closes in on the
 *   point where det vanishes (interpolating det); only a clean flip over a step of at most 1e-4 is
 *   taken as a true bifurcation and crossed straight, staying on the branch whose tangent is
 *   continuous. This happens only in non-generic games (exactly symmetric ones, where the principal
 *   branch is the symmetric one); Gambit, which perturbs the equations, may follow a branch that
 *   splits off instead.
 * - Landing (landing.ts): when the predictor reaches mu* within a step, the step is cut to end on it
 *   and finished by Newton with mu fixed; when a corrected step ends beyond mu*, Newton with mu fixed
 *   starts from the crossing of the cubic Hermite arc through the two points (hermite.ts). Steps along
 *   which lambda may peak above mu* (the tangent's mu component changed sign and the arc reaches mu*)
 *   are halved, so the crossing found is the first.
 * - Limits and relabelling (for the fallback, fallback-trace.ts): at most st.maxIterations steps, and
 *   for branch a step may also be st.maxStepPerMu times mu. With st.relabelAbove > 0, the trace stops
 *   after an accepted point where some log-ratio exceeds it (a strategy 0 out of play), for the caller
 *   to relabel, and resumes from that point: the orientation is then read afresh from det [J; t^T],
 *   the first predictor is Euler's.
 *
 * @example
 * // Prisoner's dilemma at lambda 1 (mu = 5), without the 2x2 shortcut: one accepted step (h = 3), then
 * // the landing; 6 evaluations in all, P(comply) = 0.22675064483434806 (gambit-logit: 0.226750644834).
 * new LogitQreSolver({ shortcut: false }).solve(makeGame([2, 2], [3, 3, 5, 0, 0, 5, 1, 1]), 1);
 */
import { chordConsistent, CORRECTOR_MAX_IT, CORRECTOR_TOL, K_MAX, newtonStep, polish, unitTangent } from './corrector.js';
import { cubicCrossing, hermiteMax } from './hermite.js';
import { land, landingConsistent } from './landing.js';
import { luFactor } from './linear-algebra.js';
import { predict, predictCrossing } from './predictor.js';
import type { TraceState } from './trace-state.js';

const H_START = 3;
const K_NOM = 0.2;
/** h <- h (D_NOM / d1)^STEP_EXPONENT (the cubic predictor's error grows fast with h; tuned) */
const STEP_EXPONENT = 1 / 3;
const GROW_MAX = 3;
const SHRINK_MAX = 2;
/** x is corrected again when its distance bound exceeds this fraction of the step */
const POLISH_RATIO = 0.01;
/** longest step over which an orientation flip is taken as a true bifurcation point */
const H_BIFURCATION = 1e-4;
const H_MIN = 1e-12;

/** trace's outcomes: the target reached (the profile in sys.prob), or a relabelling wanted (relabelling.ts). */
export const LANDED = 0;
export const RELABEL = 1;

/** The tracer could not go on: its step size fell below its floor, or it ran out of steps. */
export class PathTraceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathTraceFailure';
  }
}

/** Called with every accepted point (branch), and with the landing point (landed = true). */
export type PointRecorder = (x: Float64Array, landed: boolean) => void;

/**
 * Traces the branch from the centroid (or, `resume`, from st.x with tangent st.t, step st.h and
 * distance bound st.err, as left by a relabelling) to the first point with mu = st.target, in steps of
 * at most st.maxStep. Returns LANDED with the profile in sys.prob and the point in st.x; or, when
 * st.relabelAbove > 0 and an accepted point has a log-ratio above it (its strategy 0 is out of play:
 * relabelling.ts), RELABEL with that point in st.x and its tangent in st.t. Throws a PathTraceFailure
 * when it cannot go on.
 */
export function trace(st: TraceState, record: PointRecorder | null, resume: boolean): number {
  const sys = st.sys;
  const stats = sys.stats;
  const n = sys.n;
  const nx = n + 1;
  const { x, y, t, tn, xp, tp, arc } = st;
  const dd = sys.dd;
  const muTarget = st.target;
  // (Read from the typed array, not passed as an argument: that keeps h a raw double.)
  const maxStep = st.maxStep;

  let orient = 1;
  let h = H_START < maxStep ? H_START : maxStep;
  let errX = 0; // bound on the distance of x from the branch (its last corrector step)
  if (!resume) {
    // Start: the centroid; tangent (D(centroid), 1) normalised.
    for (let r = 0; r < nx; r++) x[r] = 0;
    sys.evaluate(x);
    let norm = 1;
    for (let r = 0; r < n; r++) norm += dd[r] * dd[r];
    norm = 1 / Math.sqrt(norm);
    for (let r = 0; r < n; r++) t[r] = dd[r] * norm;
    t[n] = norm;
    st.detX = 1 / norm;
  } else {
    // Resume after a relabelling: the orientation in the new coordinates, from det [J(x); t^T].
    const aa = sys.aa;
    sys.evaluate(x);
    for (let c = 0; c < nx; c++) aa[n * nx + c] = t[c];
    orient = luFactor(aa, nx, nx, st.lu);
    if (orient === 0) throw new PathTraceFailure(`logit QRE: singular Jacobian at lambda = ${x[n] * sys.layout.scale} after relabelling`);
    st.detX = st.lu.det;
    h = st.h;
    errX = st.err;
  }
  st.prevChord = 0;
  let hBeforeFlip = 0; // step size when an orientation flip was first met (0: none pending)
  const maxIterations = st.maxIterations;
  for (let iter = 0; iter < maxIterations; iter++) {
    if (h < H_MIN * (1 + Math.abs(x[n]))) {
      // (h itself stays out of the message: a use as a string would box it at every update.)
      throw new PathTraceFailure(
        `logit QRE: path tracing stalled at lambda = ${x[n] * sys.layout.scale} (step size below ` +
          `${H_MIN * (1 + Math.abs(x[n]))}); the branch may pass a bifurcation`,
      );
    }
    if (errX > POLISH_RATIO * h) {
      st.h = h;
      st.err = errX;
      polish(st, orient);
      errX = st.err;
    }

    st.h = h;
    predict(st);

    // Landing: the predictor reaches the target within this step. End the step exactly on it
    // and correct with mu fixed.
    if (y[n] >= muTarget) {
      predictCrossing(st);
      const hl = st.crossing;
      st.h = hl;
      predict(st);
      y[n] = muTarget;
      st.err = errX;
      if (landed(st, true, orient, record)) return LANDED;
      stats.countRejection();
      h = hl * 0.5;
      continue;
    }

    // Corrector (corrector.ts): Newton on [J(y); t^T] dy = [-H(y); 0], the loop written here, not
    // called (a call a step cost 2-5% on three-player games), its results in locals.
    let ok = false;
    let d1 = 0;
    let dPrev = 0;
    let kappa = 0;
    let cosAlpha = 1;
    let errY = 0;
    let detY = 0;
    const tol = CORRECTOR_TOL * (h < 1 ? h : 1);
    for (let it = 0; it < CORRECTOR_MAX_IT; it++) {
      if (newtonStep(st, 0) === 0) break;
      detY = st.lu.det;
      const dist = st.dist;
      if (!(dist === dist)) break; // NaN
      if (it === 0) {
        d1 = dist;
        if (dist > st.dMax) break;
      } else {
        const k = dist / dPrev;
        if (k > K_MAX) break;
        if (k > kappa) kappa = k;
      }
      // (Short steps need accurate points; the floor is where rounding takes over.)
      const floor = 1e-10 * (1 + st.yMax);
      if (dist <= (tol > floor ? tol : floor)) {
        // Converged. The same factorisation gives the new tangent: [J; t^T] w = e_(n+1).
        unitTangent(st, tn);
        cosAlpha = st.cosAlpha;
        errY = dist;
        ok = true;
        break;
      }
      dPrev = dist;
    }
    if (!ok || y[n] < 0) {
      // (The principal branch has lambda > 0 everywhere but at the centroid.)
      stats.countRejection();
      h *= 0.5;
      continue;
    }
    const alpha = Math.acos(cosAlpha > 1 ? 1 : cosAlpha);
    let chord = 0;
    for (let r = 0; r < nx; r++) chord += (y[r] - x[r]) * (y[r] - x[r]);
    chord = Math.sqrt(chord);
    st.chord = chord;
    st.alpha = alpha;
    st.noise = errX + errY;
    // A clean step: a small turn along one smooth arc.
    const clean = alpha <= st.aMax && chordConsistent(st);
    let hRestore = 0;
    if (detY * orient < 0) {
      // Orientation flipped: the step crossed a point where det [J; t^T] vanishes (a bifurcation) or
      // slid onto another branch past a near-bifurcation. Close in on the point (det is nearly linear
      // near it: interpolating det estimates its distance); a clean flip over a step of at most
      // H_BIFURCATION is taken as a true bifurcation and crossed. Steps that short cannot jump
      // between branches that stay further apart.
      if (!(clean && h <= H_BIFURCATION)) {
        stats.countRejection();
        if (hBeforeFlip === 0) hBeforeFlip = h;
        if (clean) {
          const ax = Math.abs(st.detX);
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
    } else if (!clean || (hBeforeFlip > 0 && Math.abs(detY) < 0.05 * Math.abs(st.detX))) {
      // (While closing in on a flip, det may shrink at most twentyfold a step: stay clear of the
      // ill-conditioned neighbourhood of the point.)
      stats.countRejection();
      h *= 0.5;
      continue;
    }

    // Crossing tests on the cubic Hermite arc through (x, t) and (y, tn), in theta in [0, 1].
    arc.f0 = x[n];
    arc.m0 = chord * t[n];
    arc.f1 = y[n];
    arc.m1 = chord * tn[n];
    if (y[n] >= muTarget) {
      // The corrector carried the step past the target: land from the arc's crossing point.
      arc.target = muTarget;
      arc.lo = 0;
      arc.hi = 1;
      cubicCrossing(arc);
      const th = arc.result;
      const h00 = (2 * th - 3) * th * th + 1;
      const h10 = ((th - 2) * th + 1) * th * chord;
      const h01 = (3 - 2 * th) * th * th;
      const h11 = (th - 1) * th * th * chord;
      for (let r = 0; r < n; r++) y[r] = h00 * x[r] + h10 * t[r] + h01 * y[r] + h11 * tn[r];
      y[n] = muTarget;
      st.err = errX;
      if (landed(st, false, orient, record)) return LANDED;
      stats.countRejection();
      h *= 0.5;
      continue;
    }
    if (t[n] < 0 || tn[n] < 0) {
      hermiteMax(arc);
      if (arc.result >= muTarget) {
        // Lambda may peak above the target inside this step: look closer.
        stats.countRejection();
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
    st.prevChord = chord;
    st.detX = detY;
    errX = errY;
    stats.countStep();
    if (record !== null) record(x, false);
    let fac = Math.pow(d1 / st.dNom, STEP_EXPONENT);
    const fk = Math.sqrt(kappa / K_NOM);
    if (fk > fac) fac = fk;
    const fa = alpha / st.aNom;
    if (fa > fac) fac = fa;
    if (fac < 1 / GROW_MAX) fac = 1 / GROW_MAX;
    if (fac > SHRINK_MAX) fac = SHRINK_MAX;
    h /= fac;
    if (h < hRestore) h = hRestore;
    if (h > maxStep) {
      const relative = st.maxStepPerMu * x[n];
      h = relative <= maxStep ? maxStep : h < relative ? h : relative;
    }
    if (st.relabelAbove > 0 && outOfPlay(x, n, st.relabelAbove)) {
      st.h = h;
      st.err = errX;
      return RELABEL;
    }
  }
  throw new PathTraceFailure(`logit QRE: no convergence within ${maxIterations} path steps`);
}

/**
 * Finishes a landing from y (y[n] = mu*; st.err the distance bound of x): Newton with mu fixed, then
 * the checks that it arrived on the branch it left (landing.ts). On success x = y, the point is
 * recorded and sys.prob holds the profile.
 */
function landed(st: TraceState, guarded: boolean, orient: number, record: PointRecorder | null): boolean {
  if (!land(st, guarded) || !landingConsistent(st, orient)) return false;
  const { x, y } = st;
  for (let r = 0; r <= st.sys.n; r++) x[r] = y[r];
  if (record !== null) record(x, true);
  return true;
}

/** Whether a log-ratio of x exceeds `above`: some player's strategy 0 is that much less likely than another. */
function outOfPlay(x: Float64Array, n: number, above: number): boolean {
  for (let r = 0; r < n; r++) if (x[r] > above) return true;
  return false;
}
