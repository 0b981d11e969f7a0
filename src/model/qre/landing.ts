/**
 * Landing: the last step, ending exactly at the target lambda.
 *
 * When a step reaches mu* (path-tracer.ts), the point is finished by Newton's method in v with mu held
 * at mu*, J_v dv = -H (the leading n x n block of the bordered matrix), until the first-order estimate
 * of the fixed-point residual, max_(i,a) sigma_i(a) |H_(i,a) - sum_b sigma_i(b) H_(i,b)| (system.ts),
 * is below LAND_TOL = 1e-13: the returned profile is a fixed point of the logit response to about
 * 1e-12. Rounding bounds H at about eps (|v| + mu) (|D| <= 1 in normalised units), so once lambda R
 * exceeds about 1e4 Newton stagnates above that; a stagnating Newton is accepted when the estimate is
 * below LAND_ACCEPT = 1e-10 or that rounding floor.
 *
 * A landing must also arrive on the branch it left (landingConsistent): the orientation sign det [J; t^T]
 * unchanged, the tangent turning at most aMax, mu increasing through the target (the first crossing of
 * mu* is upward), and one smooth arc from x (corrector.ts). Otherwise the step is halved and tracing
 * resumes.
 *
 * polishAtTarget, the fallback trace's last word (fallback-trace.ts), is Newton at mu* for as long as it
 * lowers the residual estimate, keeping the best point: no stopping rule measured against |v|.
 *
 * @example
 * // At a landing every H_(i,a) is within rounding of 0: for the prisoner's dilemma at lambda 1
 * // (mu = 5), v_0 = 5 D_0(sigma_1) = ln(0.7732... / 0.2267...) and stats.residual < 1e-13.
 */
import { chordConsistent, K_MAX, unitTangent } from './corrector.js';
import { luFactor, luSolve } from './linear-algebra.js';
import type { TraceState } from './trace-state.js';

const LAND_MAX_IT = 30;
/** first-order residual estimate at which the landing Newton stops */
const LAND_TOL = 1e-13;
/** residual a landing that stagnates at the rounding floor must still reach */
const LAND_ACCEPT = 1e-10;
/** Newton steps of polishAtTarget */
const POLISH_MAX_IT = 10;

/**
 * Newton's method in v with mu fixed (y[n] = mu*), from y. Returns true when the residual estimate is
 * below LAND_TOL, or when Newton stagnates at the rounding floor with an estimate below LAND_ACCEPT
 * (or the floor itself, at extreme lambda); false if the iteration does not behave like Newton
 * converging near the branch (first step longer than dMax when `guarded`, poor contraction), and the
 * caller then retries with a shorter step. On success sys.prob holds sigma at y and rows 0..n-1 of
 * sys.aa the Jacobian at y.
 */
export function land(st: TraceState, guarded: boolean): boolean {
  const sys = st.sys;
  const n = sys.n;
  const nx = n + 1;
  const { y, w, lu } = st;
  const { aa, hh, stats } = sys;
  const mu = y[n];
  let dPrev = Infinity;
  let ymax = 0;
  let stagnating = false;
  for (let it = 0; it < LAND_MAX_IT; it++) {
    sys.evaluate(y);
    sys.residualEstimate();
    const res = stats.residual;
    if (res <= LAND_TOL) return true;
    if (stagnating) {
      // Rounding bounds H at about eps (|v| + mu) (|D| <= 1 in normalised units); accept that.
      const floor = 1e4 * Number.EPSILON * (1 + ymax + mu);
      return res <= (floor > LAND_ACCEPT ? floor : LAND_ACCEPT);
    }
    if (luFactor(aa, n, nx, lu) === 0) return false;
    for (let r = 0; r < n; r++) w[r] = -hh[r];
    luSolve(aa, n, nx, lu, w);
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
    if (it === 0 && guarded && dist > st.dMax) return false;
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

/**
 * After a landing at y (rows 0..n-1 of sys.aa hold J(y)): the tangent tn at y, and whether the step
 * from x (distance bound st.err) arrived on the same branch (see above).
 */
export function landingConsistent(st: TraceState, orient: number): boolean {
  const { x, y, t, tn, lu } = st;
  const aa = st.sys.aa;
  const n = st.sys.n;
  const nx = n + 1;
  const rows = n * nx;
  for (let c = 0; c < nx; c++) aa[rows + c] = t[c];
  if (luFactor(aa, nx, nx, lu) !== orient) return false;
  unitTangent(st, tn);
  const cosAlpha = st.cosAlpha;
  const alpha = Math.acos(cosAlpha > 1 ? 1 : cosAlpha);
  if (!(alpha <= st.aMax) || !(tn[n] > 0)) return false;
  let chord = 0;
  for (let r = 0; r < nx; r++) chord += (y[r] - x[r]) * (y[r] - x[r]);
  st.chord = Math.sqrt(chord);
  st.alpha = alpha;
  st.noise = st.err;
  return chordConsistent(st);
}

/**
 * Newton at the target lambda from x, for as long as it lowers the residual estimate (at most
 * POLISH_MAX_IT steps); x becomes the best point met, sys.prob its profile and stats.residual its
 * estimate. The fallback trace's last word (fallback-trace.ts): land's stopping rule measures steps
 * against the largest |v|, which out-of-play strategies make huge in relabelled coordinates, so it may
 * stop early; the residual itself knows no such scale.
 */
export function polishAtTarget(st: TraceState): void {
  const sys = st.sys;
  const n = sys.n;
  const nx = n + 1;
  const { x, y, xp, w, lu } = st;
  const { aa, hh, stats } = sys;
  for (let r = 0; r < nx; r++) y[r] = x[r];
  sys.evaluate(y);
  sys.residualEstimate();
  let best = stats.residual;
  for (let r = 0; r < nx; r++) xp[r] = y[r];
  for (let it = 0; it < POLISH_MAX_IT && best > LAND_TOL; it++) {
    if (luFactor(aa, n, nx, lu) === 0) break;
    for (let r = 0; r < n; r++) w[r] = -hh[r];
    luSolve(aa, n, nx, lu, w);
    for (let r = 0; r < n; r++) y[r] += w[r];
    sys.evaluate(y);
    sys.residualEstimate();
    const res = stats.residual;
    if (!(res < best)) break;
    best = res;
    for (let r = 0; r < nx; r++) xp[r] = y[r];
  }
  for (let r = 0; r < nx; r++) x[r] = xp[r];
  sys.evaluate(x);
  sys.residualEstimate();
}
