/**
 * The corrector: Newton's method back onto the branch, the tangent that comes with it, and the test
 * that a step followed one smooth arc.
 *
 * From a predicted point y, Newton on the bordered system (Allgower & Georg 1990, §3.2; as Gambit's
 * path.cc and HOMPACK)
 *
 *     [J(y); t^T] dy = [-H(y); 0]
 *
 * moves y within the hyperplane through it normal to the current tangent t until the correction is
 * below 1e-2 min(1, h) (absolute: how close other branches pass does not grow with lambda; the floor
 * 1e-10 (1 + |y|) is where rounding takes over). The same factorisation gives the new tangent: the
 * solution w of [J; t^T] w = e_(n+1), normalised, is the unit null vector of J with t . w > 0, so the
 * orientation carries over; cos(turning angle) = t . tn = 1 / |w|. The sign of det [J; t^T] (from the
 * factorisation, linear-algebra.ts) is the branch's orientation (path-tracer.ts).
 *
 * A step is rejected when the first correction exceeds dMax, Newton contracts by less than 1 / K_MAX
 * a step, CORRECTOR_MAX_IT steps do not converge, or (chordConsistent) the step is not one smooth arc.
 * The corrector's loop itself sits in path-tracer.ts's step, on these pieces: a call per step there
 * cost 2-5% on three-player games.
 *
 * Smooth arc. On a plane arc the chord's angles to the two end tangents add up to exactly the turning
 * angle; a corrector that slid onto a branch passing close by leaves a chord at larger angles than the
 * tangents' own turning explains. Points off the branch by `noise` tilt the chord by up to noise /
 * chord at each end. So: a0 + a1 <= CHORD_RATIO alpha + slack + 2 noise / chord.
 *
 * @example
 * // A straight step (chord along both tangents) is smooth: a0 = a1 = 0 <= 1.1 alpha + slack.
 */
import { luFactor, luSolve } from './linear-algebra.js';
import type { TraceState } from './trace-state.js';

/** reject a step if Newton contracts worse than this */
export const K_MAX = 0.5;
/** corrector tolerance for steps h >= 1 (absolute), proportional to h below */
export const CORRECTOR_TOL = 1e-2;
export const CORRECTOR_MAX_IT = 6;
/** a step is one smooth arc if its chord's end angles add up to at most this times alpha, + slack */
const CHORD_RATIO = 1.1;

/**
 * One Newton step on [J(y); t^T] dy = [-H(y); 0], applied to y in place: the step shared by the
 * corrector and polish. Returns the sign of the bordered Jacobian's determinant, 0 if it is singular;
 * y is changed only when that sign is nonzero and, unless `want` is 0, equal to `want`. After a step
 * st.lu.det holds the determinant, st.dist the length of the correction and st.yMax the largest |y|.
 */
export function newtonStep(st: TraceState, want: number): number {
  const { y, t, w, lu } = st;
  const sys = st.sys;
  const { aa, hh } = sys;
  const n = sys.n;
  const nx = n + 1;
  sys.evaluate(y);
  const lastRow = n * nx;
  for (let c = 0; c < nx; c++) aa[lastRow + c] = t[c];
  const sign = luFactor(aa, nx, nx, lu);
  if (sign === 0 || (want !== 0 && sign !== want)) return sign;
  for (let r = 0; r < n; r++) w[r] = -hh[r];
  w[n] = 0;
  luSolve(aa, nx, nx, lu, w);
  let dist = 0;
  let ymax = 0;
  for (let r = 0; r < nx; r++) {
    dist += w[r] * w[r];
    y[r] += w[r];
    const ay = y[r] < 0 ? -y[r] : y[r];
    if (ay > ymax) ymax = ay;
  }
  st.dist = Math.sqrt(dist);
  st.yMax = ymax;
  return sign;
}

/**
 * With [J; t^T] factorised (in sys.aa): the unit tangent w / |w|, [J; t^T] w = e_(n+1), into out, and
 * cos of its angle to t, 1 / |w|, into st.cosAlpha.
 */
export function unitTangent(st: TraceState, out: Float64Array): void {
  const { w, lu } = st;
  const aa = st.sys.aa;
  const n = st.sys.n;
  const nx = n + 1;
  for (let r = 0; r < n; r++) w[r] = 0;
  w[n] = 1;
  luSolve(aa, nx, nx, lu, w);
  let wn = 0;
  for (let r = 0; r < nx; r++) wn += w[r] * w[r];
  wn = Math.sqrt(wn);
  st.cosAlpha = 1 / wn; // t . w = 1 and |t| = 1
  for (let r = 0; r < nx; r++) out[r] = w[r] / wn;
}

/**
 * Newton on [J(x); t^T] dx = [-H(x); 0] at the current point, to the corrector tolerance of a step
 * st.h, then a fresh tangent t: brings x onto the branch after rejections have shrunk the step well
 * below x's accuracy (sharp bends), so that short steps do not inherit its error. On success st.err
 * is the new distance bound of x and st.detX the determinant there; otherwise x, t and st.err are
 * left as they were. Newton steps must keep the orientation.
 */
export function polish(st: TraceState, orient: number): void {
  const { x, y, t } = st;
  const nx = st.sys.n + 1;
  const h = st.h;
  const errX = st.err;
  const tol = CORRECTOR_TOL * (h < 1 ? h : 1);
  for (let r = 0; r < nx; r++) y[r] = x[r];
  for (let it = 0; it < CORRECTOR_MAX_IT; it++) {
    if (newtonStep(st, orient) !== orient) return;
    const dist = st.dist;
    if (!(dist <= errX + st.dMax)) return;
    const floor = 1e-10 * (1 + st.yMax);
    if (dist <= (tol > floor ? tol : floor)) {
      st.detX = st.lu.det;
      unitTangent(st, t);
      for (let r = 0; r < nx; r++) x[r] = y[r];
      st.err = dist;
      return;
    }
  }
}

/**
 * Whether the step from (x, t) to (y, tn), with chord length st.chord and tangent turning angle
 * st.alpha, is one smooth arc, its points off the branch by up to st.noise (see above).
 */
export function chordConsistent(st: TraceState): boolean {
  const { x, y, t, tn } = st;
  const nx = st.sys.n + 1;
  const chord = st.chord;
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
  return a0 + a1 <= CHORD_RATIO * st.alpha + st.slack + (2 * st.noise) / chord;
}
