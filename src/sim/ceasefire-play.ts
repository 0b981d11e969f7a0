/**
 * The play of a run's ceasefires (docs/MODEL.md §3.3): their signing, with signatures that stand, and each
 * round they are in force, with monitoring, Bayesian trust and the choice to call them off. The measures
 * (measures.ts) decide when a ceasefire is offered and which are in force; model/games/ceasefire.ts holds
 * the payoffs, model/games/agent-group.ts the equilibrium.
 *
 * - A ceasefire offered in round r is signed by each side that accepts it; a signature stands, and the
 *   offer stays on the table while the talks go on, the sides yet to sign choosing again each round. It
 *   is accepted in the round its last side signs.
 * - Each round in force every side complies or violates; each other side sees a violation with probability
 *   1 - miss (and one that did not happen with probability falseAlarm), updates its trust, and a side that
 *   saw one chooses to keep the ceasefire or call it off.
 */
import { bayesTrust, monitoredLikelihood } from '../model/bayes-trust.js';
import { callOffProbability } from '../model/games/call-off.js';
import { complianceSurplus, setAcceptance, setCompliance } from '../model/games/ceasefire.js';
import { futureWeight } from '../model/continuation.js';
import type { Scenario } from '../scenario/types.js';
import { BY_BOTH, CF_BROKEN, CF_HELD, CF_REJECTED, playedRounds, type RunRecord } from './run-record.js';
import type { RunState } from './run-state.js';
import type { SidesGame } from './sides-game.js';

export class CeasefirePlayer {
  private readonly s: Scenario;
  private readonly played: number;
  // per run
  /** Per ceasefire and side: violations that side has seen. */
  private readonly seenBy: Int32Array[];
  /** Per ceasefire and side: 1 once the side has signed it. */
  private readonly signedBy: Uint8Array[];
  /** Per ceasefire: 1 while it is offered and not yet signed by every side. */
  private readonly pending: Uint8Array;
  // scratch, sized for the largest group
  private readonly sawViolation: Uint8Array;
  /** Per agent (2 a side): what the ceasefire is worth to it if every side signs. */
  private readonly value: Float64Array;
  /** The sides still to sign a ceasefire: their index among its sides, and the actor. */
  private readonly toSign: Int32Array;
  private readonly toSignActor: Int32Array;

  constructor(private readonly st: RunState, private readonly game: SidesGame, maxSides: number) {
    const s = (this.s = st.scenario);
    this.played = playedRounds(s);
    this.seenBy = s.measures.map((m) => new Int32Array(m.sides.length));
    this.signedBy = s.measures.map((m) => new Uint8Array(m.sides.length));
    this.pending = new Uint8Array(s.measures.length);
    this.sawViolation = new Uint8Array(maxSides);
    this.value = new Float64Array(2 * maxSides);
    this.toSign = new Int32Array(maxSides);
    this.toSignActor = new Int32Array(maxSides);
  }

  reset(): void {
    for (const a of this.seenBy) a.fill(0);
    for (const a of this.signedBy) a.fill(0);
    this.pending.fill(0);
  }

  /** Whether ceasefire m was offered and is not yet signed by every side. */
  onTheTable(m: number): boolean {
    return this.pending[m] === 1;
  }

  /**
   * The compliance equilibrium of ceasefire m this round, under guarantee g. Each side deters with the
   * threat of ending the ceasefire (the grim trigger of Fudenberg & Maskin 1986): it expects a violation of
   * its own, once seen by another side (probability 1 - miss each), to end it, losing it the rest of the
   * ceasefire. Whether a side that sees a violation does end it is its own choice when it happens (the
   * call-off in round()), on the evidence it then has.
   */
  private complianceEquilibrium(m: number, g: number, normalForm: boolean): Float64Array {
    const st = this.st;
    const game = this.game;
    const ms = this.s.measures[m];
    const v = st.values;
    const n = game.load(ms, v[ms.peace], v[ms.temptation], v[ms.sucker]);
    const miss = v[ms.miss];
    const W = futureWeight(st.delta);
    const seenOnce = 1 - Math.pow(miss, n - 1);
    for (let i = 0; i < n; i++) {
      const a = ms.sides[i];
      const gain = st.warGain[a];
      const stake = game.stakes[3 * i] + st.pushOf(a, 'comply') - gain;
      const future = W * Math.max(0, stake) * seenOnce;
      for (let t = 0; t < 2; t++) setCompliance(game.group, 2 * i + t, game.setTerms(ms, i, gain, future, g));
    }
    return game.group.solve(n, game.beliefs, st.lambda, normalForm, true);
  }

  /**
   * Round r's signing of ceasefire m (guarantee g). The sides that have not signed it play the acceptance
   * game among themselves (a side that signed stands by its signature: the single negotiating text of §3.2,
   * Raiffa 1982); those that accept sign. It is accepted when its last side signs; until then it stays on
   * the table. Returns whether it was accepted this round (from then it is in force).
   */
  sign(m: number, r: number, rec: RunRecord, g: number): boolean {
    const st = this.st;
    const game = this.game;
    const { group, beliefs, act } = game;
    const { nA } = st;
    const ms = this.s.measures[m];
    const n = ms.sides.length;
    const sigma = this.complianceEquilibrium(m, g, false);
    const horizon = 1 / (1 - st.delta);
    for (let i = 0; i < n; i++) {
      const gain = st.warGain[ms.sides[i]];
      for (let t = 0; t < 2; t++) this.value[2 * i + t] = horizon * complianceSurplus(group, 2 * i + t, sigma[2 * i + t], group.q[i], gain);
    }
    // the acceptance game of the sides yet to sign (every other side's signature is certain)
    const signed = this.signedBy[m];
    const { toSign, toSignActor } = this;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (signed[i]) continue;
      toSign[k] = i;
      toSignActor[k++] = ms.sides[i];
    }
    for (let p = 0; p < k; p++) {
      const a = toSignActor[p];
      for (let p2 = 0; p2 < k; p2++) beliefs[p * k + p2] = p === p2 ? 1 : st.belief[a * nA + toSignActor[p2]];
      const face = ms.offeredBy === a ? st.offerCost[a] : 0;
      for (let t = 0; t < 2; t++) setAcceptance(group, 2 * p + t, face, this.value[2 * toSign[p] + t]);
    }
    const acc = group.solve(k, beliefs, st.lambda, st.trace !== null);
    let all = true;
    for (let p = 0; p < k; p++) {
      act[p] = st.rng() < acc[2 * p + st.type[toSignActor[p]]] ? 0 : 1;
      if (act[p] === 1) all = false;
    }
    st.decisions += k;
    if (st.trace) game.traceAgents(r, `ceasefire offer (${ms.id})`, toSignActor, k, ['accept', 'reject'], act);
    // every side sees who accepted
    for (let j = 0; j < n; j++) {
      const me = ms.sides[j];
      for (let p = 0; p < k; p++) {
        const other = toSignActor[p];
        if (other === me) continue;
        const before = st.belief[me * nA + other];
        const p0s = acc[2 * p], p0n = acc[2 * p + 1];
        const after = act[p] === 0 ? bayesTrust(before, p0s, p0n) : bayesTrust(before, 1 - p0s, 1 - p0n);
        st.belief[me * nA + other] = after;
        if (st.trace) st.trace.push({ kind: 'trust', round: r, actor: me, about: other, before, after, observed: `saw it ${act[p] === 0 ? 'accept' : 'reject'}` });
      }
    }
    for (let p = 0; p < k; p++) if (act[p] === 0) signed[toSign[p]] = 1;
    if (all) {
      this.pending[m] = 0;
      rec.measureFate[m] = CF_HELD;
      rec.measureRound[m] = r;
      if (st.trace) st.trace.push({ kind: 'measure', round: r, measure: m, event: `accepted, in force from round ${Math.max(1, r)}` });
    } else {
      this.pending[m] = 1;
      rec.measureFate[m] = CF_REJECTED;
      if (st.trace) {
        const names = ms.sides.filter((_, i) => signed[i]).map((a) => this.s.actors[a].name);
        st.trace.push({ kind: 'measure', round: r, measure: m, event: `not accepted by every side${names.length ? ` (signed so far: ${names.join(', ')})` : ''}; the offer stands while the talks go on` });
      }
    }
    return all;
  }

  /** Round r (>= 1) of ceasefire m in force (guarantee g). Returns whether it holds (false: called off). */
  round(m: number, r: number, rec: RunRecord, g: number): boolean {
    const st = this.st;
    const game = this.game;
    const { act } = game;
    const ms = this.s.measures[m];
    const n = ms.sides.length;
    const v = st.values;
    const miss = v[ms.miss], fa = v[ms.falseAlarm];
    const sigma = this.complianceEquilibrium(m, g, st.trace !== null);
    let violated = false;
    for (let i = 0; i < n; i++) {
      const t = st.type[ms.sides[i]];
      act[i] = st.rng() < sigma[2 * i + t] ? 0 : 1;
      if (act[i]) violated = true;
    }
    st.decisions += n;
    if (st.trace) game.traceSides(r, `ceasefire (${ms.id})`, ms, ['comply', 'violate']);
    const { nA } = st;
    this.sawViolation.fill(0);
    let violator = -1; // the side whose violation was seen, BY_BOTH if more than one's
    for (let j = 0; j < n; j++) {
      const me = ms.sides[j];
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const other = ms.sides[i];
        const seen = act[i] === 1 ? (st.rng() >= miss ? 1 : 0) : st.rng() < fa ? 1 : 0;
        const ls = monitoredLikelihood(1 - sigma[2 * i], miss, fa);
        const ln = monitoredLikelihood(1 - sigma[2 * i + 1], miss, fa);
        const before = st.belief[me * nA + other];
        const after = seen ? bayesTrust(before, ls, ln) : bayesTrust(before, 1 - ls, 1 - ln);
        st.belief[me * nA + other] = after;
        if (seen) {
          this.sawViolation[j] = 1;
          this.seenBy[m][j]++;
          st.seen[me]++;
          violator = violator === -1 || violator === other ? other : BY_BOTH;
        }
        if (st.trace) {
          const observed = seen ? (act[i] === 1 ? 'saw a violation' : 'saw a violation (a false alarm)') : act[i] === 1 ? 'saw nothing (a violation went unseen)' : 'saw no violation';
          st.trace.push({ kind: 'trust', round: r, actor: me, about: other, before, after, observed });
        }
      }
    }
    rec.ceasefireRound[m * this.played + r - 1] = violated ? 2 : 1;
    if (!violated) rec.heldRounds[m]++;
    else if (rec.firstViolation[m] === 0) rec.firstViolation[m] = r;
    // each side that saw a violation chooses to keep the ceasefire or call it off
    let calledOff = false;
    const W = futureWeight(st.delta);
    for (let j = 0; j < n; j++) {
      if (!this.sawViolation[j]) continue;
      const me = ms.sides[j];
      let off: boolean;
      if (ms.tolerance > 0 && this.seenBy[m][j] >= ms.tolerance) off = true;
      else {
        let q = 1;
        for (let i = 0; i < n; i++) {
          if (i === j) continue;
          const b = st.belief[me * nA + ms.sides[i]];
          q *= b * sigma[2 * i] + (1 - b) * sigma[2 * i + 1];
        }
        const agent = 2 * j + st.type[me];
        const keep = complianceSurplus(game.group, agent, sigma[agent], q, 0);
        const pOff = callOffProbability(st.lambda, W, st.warGain[me], keep);
        off = st.rng() < pOff;
        st.decisions++;
      }
      if (off) calledOff = true;
    }
    if (calledOff) {
      rec.measureFate[m] = CF_BROKEN;
      rec.endedRound[m] = r;
      rec.brokenBy[m] = violator;
      if (st.trace) st.trace.push({ kind: 'measure', round: r, measure: m, event: 'called off after violations were seen' });
    }
    return !calledOff;
  }
}
