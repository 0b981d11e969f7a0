/**
 * Cubic Hermite arcs: the tracer's predictor, and where lambda peaks or reaches the target on a step.
 *
 * Between two points of the branch with unit tangents, the cubic Hermite interpolant through both
 * points with the tangents scaled by the chord is the arc the tracer assumes (HOMPACK's predictor,
 * Watson et al. 1987; Allgower & Georg 1990, §6.1). On theta in [0, 1], with values f0, f1 and
 * slopes m0, m1 (in theta),
 *
 *     f(theta) = h00 f0 + h10 m0 + h01 f1 + h11 m1,
 *     h00 = 2 th^3 - 3 th^2 + 1,  h10 = th^3 - 2 th^2 + th,  h01 = 3 th^2 - 2 th^3,  h11 = th^3 - th^2,
 *
 * or in powers, f = f0 + c1 th + c2 th^2 + c3 th^3 with c1 = m0, c2 = -3 f0 - 2 m0 + 3 f1 - m1,
 * c3 = 2 f0 + m0 - 2 f1 + m1. theta > 1 extrapolates (the predictor). The tracer needs two facts about
 * the mu coordinate of such an arc: its maximum on [0, 1] (lambda may peak above the target inside a
 * step and come back: then the first crossing is inside it) and the theta where it first reaches the
 * target (where a step is cut to land).
 *
 * The arguments and the result travel in a `HermiteCubic` (a Float64Array with named fields): doubles
 * passed to or returned from a call that the compiler does not inline would be boxed on the heap.
 *
 * @example
 * const arc = new HermiteCubic();
 * arc.f0 = 0; arc.m0 = 1; arc.f1 = 1; arc.m1 = 1; // f = theta
 * hermiteMax(arc); // arc.result === 1
 * arc.target = 0.25; arc.lo = 0; arc.hi = 1; cubicCrossing(arc); // arc.result === 0.25
 */

/** A cubic Hermite on theta in [0, 1] and the arguments and result of the helpers below. */
export class HermiteCubic {
  private readonly r = new Float64Array(8);

  /** f(0), f'(0), f(1), f'(1) */
  get f0(): number {
    return this.r[0];
  }

  set f0(v: number) {
    this.r[0] = v;
  }

  get m0(): number {
    return this.r[1];
  }

  set m0(v: number) {
    this.r[1] = v;
  }

  get f1(): number {
    return this.r[2];
  }

  set f1(v: number) {
    this.r[2] = v;
  }

  get m1(): number {
    return this.r[3];
  }

  set m1(v: number) {
    this.r[3] = v;
  }

  /** cubicCrossing: the value to reach */
  get target(): number {
    return this.r[4];
  }

  set target(v: number) {
    this.r[4] = v;
  }

  /** cubicCrossing: the bracket (lo, hi] in theta, f(lo) < target <= f(hi) */
  get lo(): number {
    return this.r[5];
  }

  set lo(v: number) {
    this.r[5] = v;
  }

  get hi(): number {
    return this.r[6];
  }

  set hi(v: number) {
    this.r[6] = v;
  }

  /** what the last helper computed: the maximum (hermiteMax) or the crossing theta (cubicCrossing) */
  get result(): number {
    return this.r[7];
  }

  set result(v: number) {
    this.r[7] = v;
  }
}

/** Maximum over theta in [0, 1] of the cubic; into arc.result. */
export function hermiteMax(arc: HermiteCubic): void {
  const l0 = arc.f0;
  const m0 = arc.m0;
  const l1 = arc.f1;
  const m1 = arc.m1;
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
  arc.result = best;
}

/**
 * theta in (lo, hi] where the cubic reaches the target, given f(lo) < target <= f(hi): safeguarded
 * Newton on the bracket (a Newton step that would leave it bisects instead); into arc.result.
 */
export function cubicCrossing(arc: HermiteCubic): void {
  const l0 = arc.f0;
  const m0 = arc.m0;
  const l1 = arc.f1;
  const m1 = arc.m1;
  const target = arc.target;
  let lo = arc.lo;
  let hi = arc.hi;
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
  arc.result = th;
}
