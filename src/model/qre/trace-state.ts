/**
 * What the path tracer carries from step to step: the points and tangents, the step-control limits,
 * and its scalars by name.
 *
 * Points live in the traced unknowns x = (v_S, mu) (system.ts, elimination.ts), n + 1 numbers:
 *
 *     x, t    the current point of the branch and its unit tangent (oriented: lambda increasing at 0)
 *     xp, tp  the previous point and tangent (the cubic predictor's second node; hermite.ts)
 *     y, tn   the trial point (predicted, then corrected) and its tangent
 *     w       right-hand sides and solutions of the bordered systems [J; t^T] w = b
 *
 * Scalars (the chord of the last step, the determinant at x, the step being tried, ...) are fields of
 * a Float64Array behind getters and setters: a double written to an object field or passed to a call
 * the compiler does not inline may be boxed on the heap, one in a typed array never is, and a solve
 * in the simulator's hot loop must allocate nothing.
 *
 * Step-control limits in normalised units of (v, mu): a step is rejected when its first correction
 * exceeds dMax or its tangent turns more than aMax radians, and aims for dNom and aNom (Allgower &
 * Georg 1990, §6.1: the step-length adaptation; Gambit's path.cc). `caution` in (0, 1] scales them
 * down (tests trace reference branches 20 times as cautiously). The values were tuned for few
 * evaluations on random games while agreeing with a 20 times more cautious trace.
 *
 * @example
 * const st = new TraceState(new QreSystem(true), 1);
 * st.h = 3; st.h; // 3
 */
import { HermiteCubic } from './hermite.js';
import { LuFactors } from './linear-algebra.js';
import type { QreSystem } from './system.js';

/** reject a step if its first corrector step is longer */
const D_MAX = 1;
/** aim for first corrector steps this long */
const D_NOM = 0.3;
/** reject a step if the tangent turns more than this (radians) */
const A_MAX = 0.6;
const A_NOM = 0.3;
/** the most steps any trace takes (a bound on pathological cases, never reached by a sound trace) */
export const MAX_STEPS = 100_000;
/** slack of the smooth-arc test (corrector.ts, chordConsistent), radians */
const CHORD_SLACK = 0.002;

export class TraceState {
  readonly sys: QreSystem;
  readonly dMax: number;
  readonly dNom: number;
  readonly aMax: number;
  readonly aNom: number;
  readonly slack: number;
  /** relabel (path-tracer.ts, relabelling.ts) when a log-ratio exceeds this; 0: never */
  readonly relabelAbove: number;
  /** most predictor-corrector steps (accepted or not) before the trace gives up */
  maxIterations = MAX_STEPS;

  x = new Float64Array(0);
  y = new Float64Array(0);
  t = new Float64Array(0);
  tn = new Float64Array(0);
  w = new Float64Array(0);
  xp = new Float64Array(0);
  tp = new Float64Array(0);
  lu = new LuFactors(0);
  /** Hermite data and results (predictor, crossing and peak tests) */
  readonly arc = new HermiteCubic();

  private readonly s = new Float64Array(14);
  private cap = 0;

  constructor(sys: QreSystem, caution: number, relabelAbove = 0) {
    this.sys = sys;
    this.relabelAbove = relabelAbove;
    this.dMax = D_MAX * caution;
    this.dNom = D_NOM * caution;
    this.aMax = A_MAX * caution;
    this.aNom = A_NOM * caution;
    this.slack = CHORD_SLACK * caution;
  }

  /** Room for points of nx numbers. */
  ensure(nx: number): void {
    if (nx <= this.cap) return;
    this.cap = nx;
    this.x = new Float64Array(nx);
    this.y = new Float64Array(nx);
    this.t = new Float64Array(nx);
    this.tn = new Float64Array(nx);
    this.w = new Float64Array(nx);
    this.xp = new Float64Array(nx);
    this.tp = new Float64Array(nx);
    this.lu = new LuFactors(nx);
  }

  /** mu* = lambda* R, where the trace ends */
  get target(): number {
    return this.s[0];
  }

  set target(v: number) {
    this.s[0] = v;
  }

  /** longest step allowed (branch: the points must draw a smooth curve); Infinity for solve */
  get maxStep(): number {
    return this.s[1];
  }

  set maxStep(v: number) {
    this.s[1] = v;
  }

  /** chord length from xp to x; 0 when there is no previous point */
  get prevChord(): number {
    return this.s[2];
  }

  set prevChord(v: number) {
    this.s[2] = v;
  }

  /** det [J(x); t_prev^T] at the current point */
  get detX(): number {
    return this.s[3];
  }

  set detX(v: number) {
    this.s[3] = v;
  }

  /** the step length being tried (predict, predictCrossing, polish) */
  get h(): number {
    return this.s[4];
  }

  set h(v: number) {
    this.s[4] = v;
  }

  /** bound on the distance of x from the branch (its last correction); in and out of polish */
  get err(): number {
    return this.s[5];
  }

  set err(v: number) {
    this.s[5] = v;
  }

  /** predictCrossing: the arc length at which the predictor reaches the target */
  get crossing(): number {
    return this.s[6];
  }

  set crossing(v: number) {
    this.s[6] = v;
  }

  /** chordConsistent's arguments: the step's chord, the tangent's turn, the points' distance bounds */
  get chord(): number {
    return this.s[7];
  }

  set chord(v: number) {
    this.s[7] = v;
  }

  get alpha(): number {
    return this.s[8];
  }

  set alpha(v: number) {
    this.s[8] = v;
  }

  get noise(): number {
    return this.s[9];
  }

  set noise(v: number) {
    this.s[9] = v;
  }

  /** newtonStep: the length of the correction, and the largest |y| after it */
  get dist(): number {
    return this.s[10];
  }

  set dist(v: number) {
    this.s[10] = v;
  }

  get yMax(): number {
    return this.s[11];
  }

  set yMax(v: number) {
    this.s[11] = v;
  }

  /** unitTangent (corrector.ts): cos of the tangent's turn */
  get cosAlpha(): number {
    return this.s[12];
  }

  set cosAlpha(v: number) {
    this.s[12] = v;
  }

  /** branch: steps may also be this fraction of mu (so that a branch to a large lambda is finite); 0 for solve */
  get maxStepPerMu(): number {
    return this.s[13];
  }

  set maxStepPerMu(v: number) {
    this.s[13] = v;
  }
}
