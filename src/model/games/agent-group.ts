/**
 * A group of n sides, each sincere or "buying time" (the hidden types of bayesian-pair.ts), each choosing
 * between action 0 (comply, honour, accept, implement) and action 1, where what a side gets depends on the
 * others only through q_i, the probability that every other side plays action 0:
 *
 *   u_(i,t)(0) = a0 + b0 q_i,     u_(i,t)(1) = a1 + b1 q_i,
 *   q_i = prod_(j != i) [ b_ij sigma_(j,sincere) + (1 - b_ij) sigma_(j,buying time) ]
 *
 * with b_ij side i's belief that j is sincere and sigma_(j,t) the probability that agent (j, t) plays 0.
 * A measure kept or a deal implemented needs every side, so what one side fears is that any other defects;
 * the payoffs do not depend on the others' types, only on their actions (ceasefire.ts says why).
 *
 * Its agent logit QRE (McKelvey & Palfrey 1998): sigma_(i,t) = 1 / (1 + exp(-lambda (u(0) - u(1)))).
 * Where the QRE is unique (certified for two sides by unique-pair-qre.ts) that is the answer. Where there
 * are several, which one is played is a selection:
 * - a new decision (accepting a ceasefire): the principal branch, the QRE reached from the centroid as
 *   lambda grows (McKelvey & Palfrey 1995; Turocy 2005). Two sides: the traced branch of logit-qre.ts;
 *   more: followed in lambda (lambda/K, .., lambda, K = 16 steps) by damped fixed-point iteration at each
 *   step until no probability moves by more than 1e-12 (at most 200 iterations a step);
 * - keeping what the sides have agreed (a ceasefire in force, an exchange under way, a signed deal):
 *   `fromTop`, the greatest QRE, reached by damped iteration from "every side complies" at lambda. Where a
 *   side's gain from complying rises with the others' compliance (a supermodular game: the shadow of the
 *   future outweighs the temptation), iteration from the top converges to the greatest equilibrium
 *   (Milgrom & Roberts 1990; Vives 1990): sides that agreed coordinate on keeping the agreement where
 *   keeping it is an equilibrium, the payoff-dominant one (Harsanyi & Selten 1988), and fall to breaking
 *   it only where it is not.
 *
 * Agents are indexed 2 i + t (t: SINCERE = 0, INSINCERE = 1).
 */
import { LogitQreSolver } from '../logit-qre.js';
import { logit2 } from '../logit-choice.js';
import type { NormalFormGame } from '../normal-form.js';
import { UniquePairQre } from '../unique-pair-qre.js';
import { fillBayesianPair, newBayesianPairGame, typePayoffIndex } from './bayesian-pair.js';

const STEPS = 16;
const MAX_ITERATIONS = 200;
const DAMPING = 0.5;
const TOLERANCE = 1e-12;

export class AgentGroup {
  /** Per agent: the affine utilities of actions 0 and 1 in q. */
  readonly a0: Float64Array;
  readonly b0: Float64Array;
  readonly a1: Float64Array;
  readonly b1: Float64Array;
  /** Per agent: P(action 0) at the QRE (after solve). */
  readonly sigma: Float64Array;
  /** Per side: q_i at the QRE. */
  readonly q: Float64Array;
  /** The four-agent normal form of the last two-sided game (for traces). */
  readonly pairGame: NormalFormGame = newBayesianPairGame();
  private readonly uA = new Float64Array(16);
  private readonly uB = new Float64Array(16);
  private readonly pairOut = new Float64Array(8);
  private readonly next: Float64Array;
  private readonly unique = new UniquePairQre();
  private readonly solver = new LogitQreSolver();

  constructor(readonly maxSides: number) {
    const m = 2 * maxSides;
    this.a0 = new Float64Array(m);
    this.b0 = new Float64Array(m);
    this.a1 = new Float64Array(m);
    this.b1 = new Float64Array(m);
    this.sigma = new Float64Array(m);
    this.next = new Float64Array(m);
    this.q = new Float64Array(maxSides);
  }

  /**
   * Solve the group of n sides at `lambda`; belief(i, j) is side i's belief that side j is sincere, read
   * from `beliefs[i * n + j]`. `normalForm`: also fill pairGame for a two-sided game (traces).
   */
  solve(n: number, beliefs: Float64Array, lambda: number, normalForm = false, fromTop = false): Float64Array {
    if (n === 1) {
      for (let t = 0; t < 2; t++) {
        this.sigma[t] = logit2(lambda, this.a0[t] + this.b0[t] - this.a1[t] - this.b1[t]);
      }
      this.q[0] = 1;
      return this.sigma;
    }
    if (n === 2) this.solvePair(beliefs, lambda, normalForm, fromTop);
    else if (fromTop) this.iterate(n, beliefs, lambda, 1);
    else this.solveMany(n, beliefs, lambda);
    this.fillQ(n, beliefs);
    return this.sigma;
  }

  /** u_(i,t)(action) at the solution. */
  utility(agent: number, action: number): number {
    const q = this.q[agent >> 1];
    return action === 0 ? this.a0[agent] + this.b0[agent] * q : this.a1[agent] + this.b1[agent] * q;
  }

  private solvePair(beliefs: Float64Array, lambda: number, normalForm: boolean, fromTop: boolean): void {
    const beliefA = beliefs[1], beliefB = beliefs[2];
    this.fillTypePayoffs(0, this.uA);
    this.fillTypePayoffs(1, this.uB);
    const direct = this.unique.solve(this.uA, this.uB, beliefA, beliefB, lambda, this.pairOut);
    if (!direct || normalForm) fillBayesianPair(this.pairGame, this.uA, this.uB, beliefA, beliefB);
    if (!direct && fromTop) {
      this.iterate(2, beliefs, lambda, 1);
      return;
    }
    const out = direct ? this.pairOut : this.solver.solve(this.pairGame, lambda, this.pairOut);
    for (let k = 0; k < 4; k++) this.sigma[k] = out[2 * k];
  }

  /** Side s's type payoffs in bayesian-pair.ts's layout (the other's action 0 means q = 1). */
  private fillTypePayoffs(side: number, out: Float64Array): void {
    for (let t = 0; t < 2; t++) {
      const g = 2 * side + t;
      for (let tOther = 0; tOther < 2; tOther++) {
        out[typePayoffIndex(t, tOther, 0, 0)] = this.a0[g] + this.b0[g];
        out[typePayoffIndex(t, tOther, 0, 1)] = this.a0[g];
        out[typePayoffIndex(t, tOther, 1, 0)] = this.a1[g] + this.b1[g];
        out[typePayoffIndex(t, tOther, 1, 1)] = this.a1[g];
      }
    }
  }

  private fillQ(n: number, beliefs: Float64Array): void {
    for (let i = 0; i < n; i++) {
      let q = 1;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const b = beliefs[i * n + j];
        q *= b * this.sigma[2 * j] + (1 - b) * this.sigma[2 * j + 1];
      }
      this.q[i] = q;
    }
  }

  private solveMany(n: number, beliefs: Float64Array, lambda: number): void {
    this.sigma.fill(0.5, 0, 2 * n);
    for (let step = 1; step <= STEPS; step++) this.damped(n, beliefs, (lambda * step) / STEPS);
  }

  /** Damped iteration at lambda from every agent playing action 0 with probability `start`. */
  private iterate(n: number, beliefs: Float64Array, lambda: number, start: number): void {
    this.sigma.fill(start, 0, 2 * n);
    this.damped(n, beliefs, lambda);
  }

  private damped(n: number, beliefs: Float64Array, lam: number): void {
    const m = 2 * n;
    const s = this.sigma;
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      this.fillQ(n, beliefs);
      let moved = 0;
      for (let g = 0; g < m; g++) {
        const q = this.q[g >> 1];
        const target = logit2(lam, this.a0[g] + this.b0[g] * q - this.a1[g] - this.b1[g] * q);
        this.next[g] = s[g] + DAMPING * (target - s[g]);
        moved = Math.max(moved, Math.abs(this.next[g] - s[g]));
      }
      for (let g = 0; g < m; g++) s[g] = this.next[g];
      if (moved < TOLERANCE) break;
    }
  }
}
