/**
 * The measures of a run: ceasefires, exchanges and concessions, each among its sides (two or more; a
 * concession has one), and the implementation of a signed deal. The round loop (run.ts) calls offer() in
 * the round a measure is offered (0: before the talks), play() every round from 1 to the end of the window,
 * and implement() when a deal is signed. docs/MODEL.md §3.3-3.6 state the games; model/games/ceasefire.ts
 * their payoffs, model/games/agent-group.ts their equilibrium.
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
import { bayesTrust, monitoredLikelihood } from '../model/bayes-trust.js';
import { AgentGroup } from '../model/games/agent-group.js';
import { SINCERE } from '../model/games/bayesian-pair.js';
import { callOffProbability } from '../model/games/call-off.js';
import { complianceSurplus, setAcceptance, setCompliance, type StageTerms } from '../model/games/ceasefire.js';
import { futureWeight } from '../model/continuation.js';
import { logit2 } from '../model/logit-choice.js';
import { DEAL, type MeasureSpec, type Scenario } from '../scenario/types.js';
import { BY_BOTH, CF_BROKEN, CF_HELD, CF_NOT_OFFERED, CF_REJECTED, playedRounds, type RunRecord } from './run-record.js';
import type { RunState } from './run-state.js';
import type { TracePlayer } from './trace-event.js';

const TYPE_NAMES = ['sincere', 'buying time'];

export class MeasurePlayer {
  private readonly s: Scenario;
  private readonly group: AgentGroup;
  private readonly played: number;
  /** Per measure: the combined strength of its guarantors; and the deal's. */
  private readonly guarantee: Float64Array;
  readonly dealGuarantee: number;
  private readonly guaranteeSlots: number[][];
  private readonly dealSlots: number[];
  // per run
  private readonly active: Uint8Array;
  private readonly nextTranche: Int32Array;
  /** Per measure and side: violations that side has seen. */
  private readonly seenBy: Int32Array[];
  /** Per ceasefire and side: 1 once the side has signed it. */
  private readonly signedBy: Uint8Array[];
  /** Per ceasefire: 1 while it is offered and not yet signed by every side. */
  private readonly pending: Uint8Array;
  // scratch, sized for the largest group
  private readonly beliefs: Float64Array;
  private readonly stakes: Float64Array;
  private readonly act: Uint8Array;
  private readonly sawViolation: Uint8Array;
  private readonly value: Float64Array;
  /** The sides still to sign a ceasefire: their index among its sides, and the actor. */
  private readonly toSign: Int32Array;
  private readonly toSignActor: Int32Array;
  private readonly terms: StageTerms = { peace: 0, temptation: 0, sucker: 0, push: 0, gain: 0, future: 0, guarantee: 0 };
  private dealGuaranteeValue = 0;

  constructor(private readonly st: RunState) {
    const s = (this.s = st.scenario);
    const maxSides = Math.max(2, s.actors.length, ...s.measures.map((m) => m.sides.length));
    this.group = new AgentGroup(maxSides);
    this.played = playedRounds(s);
    this.guaranteeSlots = s.measures.map(() => []);
    this.dealSlots = [];
    for (const a of s.actors) {
      for (const g of a.guarantees) (g.of === DEAL ? this.dealSlots : this.guaranteeSlots[g.of]).push(g.strength);
    }
    this.guarantee = new Float64Array(s.measures.length);
    this.dealGuarantee = 0;
    this.active = new Uint8Array(s.measures.length);
    this.nextTranche = new Int32Array(s.measures.length);
    this.seenBy = s.measures.map((m) => new Int32Array(m.sides.length));
    this.signedBy = s.measures.map((m) => new Uint8Array(m.sides.length));
    this.pending = new Uint8Array(s.measures.length);
    this.beliefs = new Float64Array(maxSides * maxSides);
    this.stakes = new Float64Array(maxSides * 3);
    this.act = new Uint8Array(maxSides);
    this.sawViolation = new Uint8Array(maxSides);
    this.value = new Float64Array(2 * maxSides);
    this.toSign = new Int32Array(maxSides);
    this.toSignActor = new Int32Array(maxSides);
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
    for (const a of this.seenBy) a.fill(0);
    for (const a of this.signedBy) a.fill(0);
    this.pending.fill(0);
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
      if (this.pending[m] && r > ms[m].at) {
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
      if (ms[m].kind === 'ceasefire') this.ceasefireRound(m, r, rec);
      else if (ms[m].kind === 'exchange') this.tranche(m, r, rec);
    }
  }

  // -------------------------------------------------------------------------------------------------

  /** Load the sides' beliefs about each other and their stakes (scaled by the salience of the measure's issue). */
  private load(ms: MeasureSpec, peace: number, temptation: number, sucker: number): number {
    const { nA, belief } = this.st;
    const n = ms.sides.length;
    for (let i = 0; i < n; i++) {
      const a = ms.sides[i];
      for (let j = 0; j < n; j++) this.beliefs[i * n + j] = i === j ? 1 : belief[a * nA + ms.sides[j]];
      const scale = this.stakeScale(ms, a);
      this.stakes[3 * i] = peace * scale;
      this.stakes[3 * i + 1] = temptation * scale;
      this.stakes[3 * i + 2] = sucker * scale;
    }
    return n;
  }

  /** How much side `a`'s stakes in measure ms weigh: 2 x its salience of the measure's issue (1 with none). */
  private stakeScale(ms: MeasureSpec, a: number): number {
    const { sal, nI } = this.st;
    return ms.issue >= 0 && sal[a * nI + ms.issue] > 0 ? 2 * sal[a * nI + ms.issue] : 1;
  }

  private setTerms(ms: MeasureSpec, i: number, gain: number, future: number, g: number): StageTerms {
    const a = ms.sides[i];
    const t = this.terms;
    t.peace = this.stakes[3 * i];
    t.temptation = this.stakes[3 * i + 1];
    t.sucker = this.stakes[3 * i + 2];
    t.push = this.st.pushOf(a, 'comply') + (ms.offeredBy === a ? this.st.offerCost[a] : 0);
    t.gain = gain;
    t.future = future;
    t.guarantee = g;
    return t;
  }

  /**
   * The compliance equilibrium of ceasefire m this round. Each side deters with the threat of ending the
   * ceasefire (the grim trigger of Fudenberg & Maskin 1986): it expects a violation of its own, once seen
   * by another side (probability 1 - miss each), to end it, losing it the rest of the ceasefire. Whether a
   * side that sees a violation does end it is its own choice when it happens (callOff in ceasefireRound),
   * on the evidence it then has.
   */
  private complianceEquilibrium(m: number, normalForm: boolean): Float64Array {
    const st = this.st;
    const ms = this.s.measures[m];
    const v = st.values;
    const n = this.load(ms, v[ms.peace], v[ms.temptation], v[ms.sucker]);
    const miss = v[ms.miss];
    const W = futureWeight(st.delta);
    const g = this.guarantee[m];
    const seenOnce = 1 - Math.pow(miss, n - 1);
    for (let i = 0; i < n; i++) {
      const a = ms.sides[i];
      const gain = st.warGain[a];
      const stake = this.stakes[3 * i] + st.pushOf(a, 'comply') - gain;
      const future = W * Math.max(0, stake) * seenOnce;
      for (let t = 0; t < 2; t++) setCompliance(this.group, 2 * i + t, this.setTerms(ms, i, gain, future, g));
    }
    return this.group.solve(n, this.beliefs, st.lambda, normalForm, true);
  }

  /**
   * Round r's signing of ceasefire m. The sides that have not signed it play the acceptance game among
   * themselves (a side that signed stands by its signature: the single negotiating text of §3.2, Raiffa
   * 1982); those that accept sign. It is accepted when its last side signs; until then it stays on the table.
   */
  private signCeasefire(m: number, r: number, rec: RunRecord): void {
    const st = this.st;
    const { nA } = st;
    const ms = this.s.measures[m];
    const n = ms.sides.length;
    const sigma = this.complianceEquilibrium(m, false);
    const horizon = 1 / (1 - st.delta);
    for (let i = 0; i < n; i++) {
      const gain = st.warGain[ms.sides[i]];
      for (let t = 0; t < 2; t++) this.value[2 * i + t] = horizon * complianceSurplus(this.group, 2 * i + t, sigma[2 * i + t], this.group.q[i], gain);
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
      for (let p2 = 0; p2 < k; p2++) this.beliefs[p * k + p2] = p === p2 ? 1 : st.belief[a * nA + toSignActor[p2]];
      const face = ms.offeredBy === a ? st.offerCost[a] : 0;
      for (let t = 0; t < 2; t++) setAcceptance(this.group, 2 * p + t, face, this.value[2 * toSign[p] + t]);
    }
    const acc = this.group.solve(k, this.beliefs, st.lambda, st.trace !== null);
    let all = true;
    for (let p = 0; p < k; p++) {
      this.act[p] = st.rng() < acc[2 * p + st.type[toSignActor[p]]] ? 0 : 1;
      if (this.act[p] === 1) all = false;
    }
    st.decisions += k;
    if (st.trace) this.traceAgents(r, `ceasefire offer (${ms.id})`, toSignActor, k, ['accept', 'reject'], this.act);
    // every side sees who accepted
    for (let j = 0; j < n; j++) {
      const me = ms.sides[j];
      for (let p = 0; p < k; p++) {
        const other = toSignActor[p];
        if (other === me) continue;
        const before = st.belief[me * nA + other];
        const p0s = acc[2 * p], p0n = acc[2 * p + 1];
        const after = this.act[p] === 0 ? bayesTrust(before, p0s, p0n) : bayesTrust(before, 1 - p0s, 1 - p0n);
        st.belief[me * nA + other] = after;
        if (st.trace) st.trace.push({ kind: 'trust', round: r, actor: me, about: other, before, after, observed: `saw it ${this.act[p] === 0 ? 'accept' : 'reject'}` });
      }
    }
    for (let p = 0; p < k; p++) if (this.act[p] === 0) signed[toSign[p]] = 1;
    if (all) {
      this.pending[m] = 0;
      this.active[m] = 1;
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
  }

  private ceasefireRound(m: number, r: number, rec: RunRecord): void {
    const st = this.st;
    const ms = this.s.measures[m];
    const n = ms.sides.length;
    const v = st.values;
    const miss = v[ms.miss], fa = v[ms.falseAlarm];
    const sigma = this.complianceEquilibrium(m, st.trace !== null);
    let violated = false;
    for (let i = 0; i < n; i++) {
      const t = st.type[ms.sides[i]];
      this.act[i] = st.rng() < sigma[2 * i + t] ? 0 : 1;
      if (this.act[i]) violated = true;
    }
    st.decisions += n;
    if (st.trace) this.traceGroup(r, `ceasefire (${ms.id})`, ms, ['comply', 'violate']);
    const { nA } = st;
    this.sawViolation.fill(0);
    let violator = -1; // the side whose violation was seen, BY_BOTH if more than one's
    for (let j = 0; j < n; j++) {
      const me = ms.sides[j];
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const other = ms.sides[i];
        const seen = this.act[i] === 1 ? (st.rng() >= miss ? 1 : 0) : st.rng() < fa ? 1 : 0;
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
          const observed = seen ? (this.act[i] === 1 ? 'saw a violation' : 'saw a violation (a false alarm)') : this.act[i] === 1 ? 'saw nothing (a violation went unseen)' : 'saw no violation';
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
        const keep = complianceSurplus(this.group, agent, sigma[agent], q, 0);
        const pOff = callOffProbability(st.lambda, W, st.warGain[me], keep);
        off = st.rng() < pOff;
        st.decisions++;
      }
      if (off) calledOff = true;
    }
    if (calledOff) {
      this.active[m] = 0;
      rec.measureFate[m] = CF_BROKEN;
      rec.endedRound[m] = r;
      rec.brokenBy[m] = violator;
      if (st.trace) st.trace.push({ kind: 'measure', round: r, measure: m, event: 'called off after violations were seen' });
    }
  }

  /** One tranche of exchange m in round r. */
  private tranche(m: number, r: number, rec: RunRecord): void {
    const st = this.st;
    const ms = this.s.measures[m];
    const v = st.values;
    const n = this.load(ms, v[ms.peace], v[ms.temptation], v[ms.sucker]);
    const k = this.nextTranche[m];
    const remaining = ms.parts - k - 1;
    const d = st.delta;
    const W = remaining <= 0 ? 0 : d === 1 ? remaining : (d * (1 - Math.pow(d, remaining))) / (1 - d);
    const g = this.guarantee[m];
    for (let i = 0; i < n; i++) {
      const stake = Math.max(0, this.stakes[3 * i] + st.pushOf(ms.sides[i], 'comply'));
      for (let t = 0; t < 2; t++) setCompliance(this.group, 2 * i + t, this.setTerms(ms, i, 0, W * stake, g));
    }
    const sigma = this.group.solve(n, this.beliefs, st.lambda, st.trace !== null, true);
    const all = this.drawPublic(m, r, 'exchange', ['honour', 'renege'], sigma, g);
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
    const ms = this.s.measures[m];
    const v = st.values;
    const a = ms.sides[0];
    this.load(ms, v[ms.peace], v[ms.temptation], v[ms.sucker]);
    const g = this.guarantee[m];
    const scale = this.stakeScale(ms, a);
    const base = st.pushOf(a, 'comply') + (ms.offeredBy === a ? st.offerCost[a] : 0) - (1 - g) * v[ms.cost] * scale;
    const pS = logit2(st.lambda, base + this.stakes[0]);
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
    const { nA } = st;
    const g = this.dealGuaranteeValue;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) this.beliefs[i * n + j] = i === j ? 1 : st.belief[sides[i] * nA + sides[j]];
      const t = this.terms;
      t.peace = gains[i];
      t.temptation = st.betrayal;
      t.sucker = st.betrayal;
      t.push = st.pushOf(sides[i], 'comply');
      t.gain = 0;
      t.future = futureWeight(st.delta) * Math.max(0, gains[i] + t.push);
      t.guarantee = g;
      for (let ty = 0; ty < 2; ty++) setCompliance(this.group, 2 * i + ty, t);
    }
    const sigma = this.group.solve(n, this.beliefs, st.lambda, st.trace !== null, true);
    let all = true;
    for (let i = 0; i < n; i++) {
      const honours = st.rng() < sigma[2 * i + st.type[sides[i]]];
      if (!honours && !(g > 0 && st.rng() < g)) all = false;
    }
    st.decisions += n;
    if (st.trace) {
      const sideList = Array.from(sides.subarray(0, n));
      this.traceAgents(r, 'implementation', sideList, n, ['implement', 'renege']);
      st.trace.push({ kind: 'outcome', round: r, outcome: all ? 'implemented' : 'not implemented', detail: all ? 'every signatory implemented the deal' : 'a signatory reneged on the deal' });
    }
    return all;
  }

  /** Draw a public choice of every side (action 0 by all: true); beliefs updated by what each saw. */
  private drawPublic(m: number, r: number, game: string, names: string[], sigma: Float64Array, g = 0): boolean {
    const st = this.st;
    const ms = this.s.measures[m];
    const n = ms.sides.length;
    const { nA } = st;
    let all = true;
    for (let i = 0; i < n; i++) {
      this.act[i] = st.rng() < sigma[2 * i + st.type[ms.sides[i]]] ? 0 : 1;
      if (this.act[i] === 1 && !(g > 0 && st.rng() < g)) all = false;
    }
    st.decisions += n;
    if (st.trace) this.traceGroup(r, `${game} (${ms.id})`, ms, names);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const me = ms.sides[j], other = ms.sides[i];
        const before = st.belief[me * nA + other];
        const p0s = sigma[2 * i], p0n = sigma[2 * i + 1];
        const after = this.act[i] === 0 ? bayesTrust(before, p0s, p0n) : bayesTrust(before, 1 - p0s, 1 - p0n);
        st.belief[me * nA + other] = after;
        if (st.trace) st.trace.push({ kind: 'trust', round: r, actor: me, about: other, before, after, observed: `saw it ${names[this.act[i]]}` });
      }
    }
    return all;
  }

  private traceGroup(r: number, game: string, ms: MeasureSpec, names: string[]): void {
    this.traceAgents(r, game, ms.sides, ms.sides.length, names, this.act);
  }

  private traceAgents(r: number, game: string, sides: ArrayLike<number>, n: number, names: string[], acts?: Uint8Array): void {
    const st = this.st;
    const players: TracePlayer[] = [];
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < 2; t++) {
        const agent = 2 * i + t;
        const p0 = this.group.sigma[agent];
        const realised = st.type[sides[i]] === t;
        players.push({
          actor: sides[i],
          actions: [...names],
          utilities: [this.group.utility(agent, 0), this.group.utility(agent, 1)],
          probabilities: [p0, 1 - p0],
          chosen: realised && acts ? acts[i] : -1,
          type: TYPE_NAMES[t],
          realised,
        });
      }
    }
    st.trace!.push({ kind: 'game', round: r, game, lambda: st.lambda, players });
  }
}

/** The combined guarantee (model/implementation.ts) of the strengths at `slots`, without allocating an array. */
function combined(slots: readonly number[], values: Float64Array): number {
  let escape = 1;
  for (const x of slots) escape *= 1 - values[x];
  return 1 - escape;
}
