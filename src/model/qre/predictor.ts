/**
 * The predictor: where the branch is expected one step of arc length h beyond the current point.
 *
 * With a previous point, the cubic Hermite arc through (xp, tp) and (x, t) (hermite.ts), parametrised
 * by theta = 1 + sigma / s over arc length sigma past x (s the chord from xp to x, so the tangents
 * scale by s), extrapolated to theta = 1 + h / s (HOMPACK's predictor, Watson et al. 1987). Without
 * one (the first step from the centroid), the Euler step x + h t. The cubic's error grows like h^4,
 * Euler's like h^2: the step-size rule in path-tracer.ts reflects the cubic's.
 *
 * predictCrossing finds the arc length at which the predicted mu first reaches the target, so that a
 * step can be cut to end exactly on it (path-tracer.ts, "landing").
 *
 * @example
 * // Euler (no previous point): x = (0, 0), t = (0.6, 0.8), h = 0.5 gives y = (0.3, 0.4).
 */
import { cubicCrossing } from './hermite.js';
import type { TraceState } from './trace-state.js';

/** The point at arc length st.h beyond x, into y. */
export function predict(st: TraceState): void {
  const { x, y, t, xp, tp } = st;
  const nx = st.sys.n + 1;
  const h = st.h;
  const s = st.prevChord;
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
 * The arc length in (0, st.h] at which the predictor's mu first reaches the target, given that it
 * does by st.h; into st.crossing.
 */
export function predictCrossing(st: TraceState): void {
  const { x, t, xp, tp, arc } = st;
  const n = st.sys.n;
  const s = st.prevChord;
  const target = st.target;
  if (!(s > 0)) {
    st.crossing = (target - x[n]) / t[n];
    return;
  }
  // mu(theta) on theta = 1 + sigma / s: the cubic through (xp, tp) and (x, t).
  arc.f0 = xp[n];
  arc.m0 = s * tp[n];
  arc.f1 = x[n];
  arc.m1 = s * t[n];
  arc.target = target;
  arc.lo = 1;
  arc.hi = 1 + st.h / s;
  cubicCrossing(arc);
  st.crossing = (arc.result - 1) * s;
}
