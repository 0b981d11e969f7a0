/**
 * The fallback trace: what the solver does when its fast trace stalls or lands on a point that fails
 * the fixed-point check — every log-ratio traced, and strategies relabelled as they drop out of play.
 *
 * The fast trace (logit-qre.ts) eliminates players in closed form and keeps strategy 0 as every
 * player's reference. Both cost precision at large lambda R:
 * - Eliminating player t substitutes v_t = mu D_t(sigma_s) into s's equations, so s's equations hold
 *   the logistic of an argument scaled by mu: at mu ~ 1e4 their Newton basin is narrower than the
 *   corrector's tolerance, and a 2x3 game with a mixed equilibrium stalls. Traced in every log-ratio,
 *   each equation is only linear in mu (system.ts), and Newton converges from as far as before.
 * - Once strategy 0 drops out of play its log-ratios grow like mu, and rounding in H grows like
 *   eps |v| mu (relabelling.ts). Here each player's most probable strategy becomes its reference
 *   whenever a log-ratio exceeds RELABEL_ABOVE = 30 (strategy 0 is e^30 = 1e13 times less likely
 *   than another: out of play, yet still far from underflow), and tracing resumes from the same point
 *   in the new coordinates. The branch is the same curve; only its coordinates change.
 *
 * The result must pass the same check as the fast trace's: its residual estimate at most
 * acceptedResidual(lambda R) (fixed-point-check.ts). On random games of two to six players it found
 * every point the fast trace could not up to lambda R = MU_GUARANTEED, except in a few games with
 * payoff ties at 1e7 and beyond (docs/MODEL.md §3).
 *
 * @example
 * // random-3p-3a (test/fixtures/qre) at lambda 2000 (lambda R = 19,340): the fast trace's landing
 * // stagnates at a residual of 8e-8; this trace relabels once and lands after 20 steps (50
 * // evaluations) with a residual estimate of 4e-14.
 * new FallbackTrace(new SolveStats()).run(game, 19340, Infinity, 0, null); // true
 */
import type { NormalFormGame } from '../normal-form.js';
import { acceptedResidual } from './fixed-point-check.js';
import { polishAtTarget } from './landing.js';
import { profileProbs } from './mixtures.js';
import { LANDED, PathTraceFailure, trace, type PointRecorder } from './path-tracer.js';
import { Relabelling } from './relabelling.js';
import { QreSystem, type SolveStats } from './system.js';
import { TraceState } from './trace-state.js';

/** relabel when a log-ratio exceeds this (see above) */
const RELABEL_ABOVE = 30;
/** most relabellings in one trace (each needs a strategy to gain e^30 on the reference) */
const MAX_RELABELLINGS = 200;

export class FallbackTrace {
  readonly sys: QreSystem;
  readonly st: TraceState;
  readonly relabel = new Relabelling();
  /** why the last run failed, for the caller's message */
  failure = '';
  private work = new Float64Array(0);

  constructor(stats: SolveStats) {
    this.sys = new QreSystem(false, stats);
    this.st = new TraceState(this.sys, 1, RELABEL_ABOVE);
  }

  /**
   * Traces the game's principal branch to mu = lambda R (steps at most maxStep or maxStepPerMu mu),
   * calling record with each point. Returns whether it landed on a point that passes the check;
   * then `profile` gives it.
   */
  run(game: NormalFormGame, mu: number, maxStep: number, maxStepPerMu: number, record: PointRecorder | null): boolean {
    const { sys, st, relabel } = this;
    sys.stats.countFallback();
    sys.setup(game);
    relabel.reset(game, sys.layout);
    const nx = sys.layout.nF + 1;
    st.ensure(nx);
    st.target = mu;
    st.maxStep = maxStep;
    st.maxStepPerMu = maxStepPerMu;
    let resume = false;
    for (let k = 0; k <= MAX_RELABELLINGS; k++) {
      let status: number;
      try {
        status = trace(st, record, resume);
      } catch (e) {
        if (!(e instanceof PathTraceFailure)) throw e;
        this.failure = e.message;
        return false;
      }
      if (status === LANDED) return this.finish(mu);
      this.relabelAt();
      resume = true;
    }
    this.failure = `more than ${MAX_RELABELLINGS} relabellings`;
    return false;
  }

  /**
   * After landing at x: whether the point passes the check. A last step long enough to take a
   * strategy 0 out of play lands in poor coordinates: relabel there; and then, or if the landing
   * stopped short of the accepted residual, polish with Newton at the same lambda (landing.ts).
   */
  private finish(mu: number): boolean {
    const { sys, st } = this;
    if (outOfPlay(st.x, sys.n)) {
      this.relabelAt();
      polishAtTarget(st);
    } else if (!(sys.stats.residual <= acceptedResidual(mu))) {
      polishAtTarget(st);
    }
    const residual = sys.stats.residual;
    if (residual <= acceptedResidual(mu)) return true;
    this.failure = `the point found has a fixed-point residual of ${residual.toExponential(2)}, above the ${acceptedResidual(mu).toExponential(2)} accepted`;
    return false;
  }

  /** Relabels at st.x (each player's most probable strategy becomes its strategy 0), carrying x and t over. */
  private relabelAt(): void {
    const { sys, st, relabel } = this;
    const nx = sys.layout.nF + 1;
    sys.stats.countRelabelling();
    profileProbs(sys.layout, st.x, sys.prob);
    relabel.rebase(sys.layout, sys.prob);
    sys.setup(relabel.game);
    relabel.transform(sys.layout, st.x);
    relabel.transform(sys.layout, st.t);
    let norm = 0;
    for (let r = 0; r < nx; r++) norm += st.t[r] * st.t[r];
    norm = Math.sqrt(norm);
    for (let r = 0; r < nx; r++) st.t[r] /= norm;
    st.err *= 2; // (the change of coordinates stretches distances by at most 2)
  }

  /** The profile of the last successful run, in the game's own labels, into out. */
  profile(out: Float64Array): void {
    this.relabel.toOriginal(this.sys.layout, this.sys.prob, out);
  }

  /** sigma at the traced point x, in the game's own labels (for branch). */
  pointProbs(x: Float64Array, out: Float64Array): void {
    const m = this.sys.layout.m;
    if (this.work.length < m) this.work = new Float64Array(m);
    profileProbs(this.sys.layout, x, this.work);
    this.relabel.toOriginal(this.sys.layout, this.work, out);
  }
}

/** Whether a log-ratio of x (n of them) exceeds RELABEL_ABOVE: some player's strategy 0 is out of play. */
function outOfPlay(x: Float64Array, n: number): boolean {
  for (let r = 0; r < n; r++) if (x[r] > RELABEL_ABOVE) return true;
  return false;
}
