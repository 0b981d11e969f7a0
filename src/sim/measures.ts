/**
 * The measures of a run: ceasefires, exchanges and concessions, each among its sides (two or more; a
 * concession has one), and the implementation of a signed deal. The round loop (run.ts) calls offer() in
 * the round a measure is offered (0: before the talks), play() every round from 1 to the end of the window,
 * and implement() when a deal is signed. This file decides when each measure is offered and which are in
 * force, and plays the exchanges, the concessions and the implementation; a ceasefire's signing and rounds
 * are played in ceasefire-play.ts, every game among sides in the scratch of sides-game.ts. docs/MODEL.md
 * §3.3-3.6 state the games; model/games/ceasefire.ts their payoffs, model/games/agent-group.ts their
 * equilibrium.
 *
 * - A ceasefire offered in round r is signed by each side that accepts it; a signature stands, and the
 *   offer stays on the table while the talks go on, the sides yet to sign choosing again each round. It
 *   is accepted in the round its last side signs and played from round max(1, that round), that round
 *   included; one in force when the talks open is played from round 1.
 * - An exchange is carried out in `parts` tranches, one a round from the round it is offered; a tranche
 *   is carried out when every side honours it (or a guarantor reverses the defection); a side that
 *   reneges unreversed ends the exchange.
 * - A concession is its one actor's choice; a guarantor of it enforces it when the actor does not.
 * - A measure that `requires` another is offered only once that one was carried out (or accepted).
 */
import { bayesTrust } from '../model/bayes-trust.js';
import { SINCERE } from '../model/games/bayesian-pair.js';
import { setCompliance } from '../model/games/ceasefire.js';
import { futureWeight } from '../model/continuation.js';
import { logit2 } from '../model/logit-choice.js';
import { DEAL, type Scenario } from '../scenario/types.js';
import { CeasefirePlayer } from './ceasefire-play.js';
import { CF_HELD, CF_NOT_OFFERED, type RunRecord } from './run-record.js';
import type { RunState } from './run-state.js';
import { SidesGame } from './sides-game.js';

export class MeasurePlayer {
  private readonly s: Scenario;
  private readonly game: SidesGame;
  private readonly ceasefires: CeasefirePlayer;
  /** Per measure: the combined strength of its guarantors; and the deal's. */
  private readonly guarantee: Float64Array;
  readonly dealGuarantee: number;
  private readonly guaranteeSlots: number[][];
  private readonly dealSlots: number[];
  // per run
  /** Per measure: 1 while it is in force (a ceasefire) or under way (an exchange). */
  private readonly active: Uint8Array;
  private readonly nextTranche: Int32Array;
  private dealGuaranteeValue = 0;

  constructor(private readonly st: RunState) {
    const s = (this.s = st.scenario);
    const maxSides = Math.max(2, s.actors.length, ...s.measures.map((m) => m.sides.length));
    this.game = new SidesGame(st, maxSides);
    this.ceasefires = new CeasefirePlayer(st, this.game, maxSides);
    this.guaranteeSlots = s.measures.map(() => []);
    this.dealSlots = [];
    for (const a of s.actors) {
      for (const g of a.guarantees) (g.of === DEAL ? this.dealSlots : this.guaranteeSlots[g.of]).push(g.strength);
    }
    this.guarantee = new Float64Array(s.measures.length);
    this.dealGuarantee = 0;
    this.active = new Uint8Array(s.measures.length);
    this.nextTranche = new Int32Array(s.measures.length);
  }

  /** The deal's combined guarantee this run. */
  get dealGuaranteeOf(): number {
    return this.dealGuaranteeValue;
  }

  reset(rec: RunRecord): void {
    const v = this.st.values;
    for (let m = 0; m < this.s.measures.length; m++) this.guarantee[m] = combined(this.guaranteeSlots[m], v);
    this.dealGuaranteeValue = combined(this.dealSlots, v);
    this.active.fill(0);
    this.nextTranche.fill(0);
    this.ceasefires.reset();
    const ms = this.s.measures;
    for (let m = 0; m < ms.length; m++) {
      rec.measureFate[m] = ms[m].kind === 'ceasefire' ? CF_NOT_OFFERED : -1;
      if (!ms[m].inForce) continue;
      rec.measureRound[m] = 0;
      if (ms[m].kind === 'ceasefire') {
        this.active[m] = 1;
        rec.measureFate[m] = CF_HELD;
      } else if (ms[m].kind === 'exchange') {
        this.active[m] = 1;
        rec.measureFate[m] = 0;
      } else {
        rec.measureFate[m] = 1;
        rec.tranches[m] = 1;
      }
    }
  }

  /** Whether measure m was carried out (exchange: every tranche; concession) or accepted (ceasefire). */
  satisfied(m: number, rec: RunRecord): boolean {
    const ms = this.s.measures[m];
    if (ms.kind === 'ceasefire') return rec.measureRound[m] >= 0;
    return rec.tranches[m] >= ms.parts;
  }

  /**
   * Offer every measure of round r whose prerequisite is met, and put again every ceasefire still on the
   * table to the sides yet to sign it. The round loop calls this only while the talks go on.
   */
  offer(r: number, rec: RunRecord): void {
    const ms = this.s.measures;
    for (let m = 0; m < ms.length; m++) {
      if (this.ceasefires.onTheTable(m) && r > ms[m].at) {
        this.signCeasefire(m, r, rec);
        continue;
      }
      if (ms[m].at !== r || ms[m].inForce) continue;
      if (ms[m].requires >= 0 && !this.satisfied(ms[m].requires, rec)) {
        if (this.st.trace) this.st.trace.push({ kind: 'measure', round: r, measure: m, event: `not offered: ${ms[ms[m].requires].id} was not carried out` });
        continue;
      }
      if (ms[m].kind === 'ceasefire') this.signCeasefire(m, r, rec);
      else if (ms[m].kind === 'exchange') {
        this.active[m] = 1;
        rec.measureFate[m] = 0;
        if (r === 0) this.tranche(m, 0, rec);
      } else this.concession(m, r, rec);
    }
  }

  /** Round r (>= 1) of every measure in force. */
  play(r: number, rec: RunRecord): void {
    const ms = this.s.measures;
    for (let m = 0; m < ms.length; m++) {
      if (!this.active[m]) continue;
      if (ms[m].kind === 'ceasefire') {
        if (!this.ceasefires.round(m, r, rec, this.guarantee[m])) this.active[m] = 0;
      } else if (ms[m].kind === 'exchange') this.tranche(m, r, rec);
    }
  }

  // -------------------------------------------------------------------------------------------------

  /** Put ceasefire m to the sides yet to sign it (ceasefire-play.ts); in force once the last signs. */
  private signCeasefire(m: number, r: number, rec: RunRecord): void {
    if (this.ceasefires.sign(m, r, rec, this.guarantee[m])) this.active[m] = 1;
  }

  /** One tranche of exchange m in round r. */
  private tranche(m: number, r: number, rec: RunRecord): void {
    const st = this.st;
    const game = this.game;
    const ms = this.s.measures[m];
    const v = st.values;
    const n = game.load(ms, v[ms.peace], v[ms.temptation], v[ms.sucker]);
    const k = this.nextTranche[m];
    const remaining = ms.parts - k - 1;
    const d = st.delta;
    const W = remaining <= 0 ? 0 : d === 1 ? remaining : (d * (1 - Math.pow(d, remaining))) / (1 - d);
    const g = this.guarantee[m];
    for (let i = 0; i < n; i++) {
      const stake = Math.max(0, game.stakes[3 * i] + st.pushOf(ms.sides[i], 'comply'));
      for (let t = 0; t < 2; t++) setCompliance(game.group, 2 * i + t, game.setTerms(ms, i, 0, W * stake, g));
    }
    const sigma = game.group.solve(n, game.beliefs, st.lambda, st.trace !== null, true);
    const all = game.drawPublic(ms, r, 'exchange', ['honour', 'renege'], sigma, g);
    if (all) {
      if (k === 0) rec.measureRound[m] = r;
      rec.tranches[m] = k + 1;
      this.nextTranche[m] = k + 1;
      if (k + 1 >= ms.parts) {
        this.active[m] = 0;
        rec.measureFate[m] = 1;
      }
    } else {
      this.active[m] = 0;
    }
    if (st.trace) st.trace.push({ kind: 'measure', round: r, measure: m, event: all ? `tranche ${k + 1} of ${ms.parts} carried out` : 'not carried out' });
  }

  private concession(m: number, r: number, rec: RunRecord): void {
    const st = this.st;
    const game = this.game;
    const ms = this.s.measures[m];
    const v = st.values;
    const a = ms.sides[0];
    game.load(ms, v[ms.peace], v[ms.temptation], v[ms.sucker]);
    const g = this.guarantee[m];
    const scale = game.stakeScale(ms, a);
    const base = st.pushOf(a, 'comply') + (ms.offeredBy === a ? st.offerCost[a] : 0) - (1 - g) * v[ms.cost] * scale;
    const pS = logit2(st.lambda, base + game.stakes[0]);
    const pN = logit2(st.lambda, base);
    const chose = st.rng() < (st.type[a] === SINCERE ? pS : pN);
    st.decisions++;
    const done = chose || (g > 0 && st.rng() < g);
    for (const b of ms.audience) {
      const i = b * st.nA + a;
      st.belief[i] = chose ? bayesTrust(st.belief[i], pS, pN) : bayesTrust(st.belief[i], 1 - pS, 1 - pN);
    }
    rec.measureFate[m] = done ? 1 : 0;
    if (done) {
      rec.measureRound[m] = r;
      rec.tranches[m] = 1;
    }
    if (st.trace) {
      st.trace.push({ kind: 'measure', round: r, measure: m, event: chose ? 'carried out' : done ? 'enforced by its guarantor' : 'not carried out' });
    }
  }

  /**
   * Implementation of a deal signed by `sides` (every essential party): each implements or reneges, at
   * the deal's stakes (its utility over the outside option; betrayal as temptation and sucker) under the
   * deal's guarantee, in a world that goes on: a defection, public, ends the deal, losing the defector its
   * gain from it in every round to come (continuation.ts futureWeight). Returns whether every side
   * implemented (or was made to).
   */
  implement(r: number, sides: Int32Array, n: number, gains: Float64Array): boolean {
    const st = this.st;
    const game = this.game;
    const { nA } = st;
    const g = this.dealGuaranteeValue;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) game.beliefs[i * n + j] = i === j ? 1 : st.belief[sides[i] * nA + sides[j]];
      const t = game.terms;
      t.peace = gains[i];
      t.temptation = st.betrayal;
      t.sucker = st.betrayal;
      t.push = st.pushOf(sides[i], 'comply');
      t.gain = 0;
      t.future = futureWeight(st.delta) * Math.max(0, gains[i] + t.push);
      t.guarantee = g;
      for (let ty = 0; ty < 2; ty++) setCompliance(game.group, 2 * i + ty, t);
    }
    const sigma = game.group.solve(n, game.beliefs, st.lambda, st.trace !== null, true);
    let all = true;
    for (let i = 0; i < n; i++) {
      const honours = st.rng() < sigma[2 * i + st.type[sides[i]]];
      if (!honours && !(g > 0 && st.rng() < g)) all = false;
    }
    st.decisions += n;
    if (st.trace) {
      const sideList = Array.from(sides.subarray(0, n));
      game.traceAgents(r, 'implementation', sideList, n, ['implement', 'renege']);
      st.trace.push({ kind: 'outcome', round: r, outcome: all ? 'implemented' : 'not implemented', detail: all ? 'every signatory implemented the deal' : 'a signatory reneged on the deal' });
    }
    return all;
  }
}

/** The combined guarantee (model/implementation.ts) of the strengths at `slots`, without allocating an array. */
function combined(slots: readonly number[], values: Float64Array): number {
  let escape = 1;
  for (const x of slots) escape *= 1 - values[x];
  return 1 - escape;
}
