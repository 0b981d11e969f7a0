/**
 * One run of the conference: the round loop. It orchestrates; the equations live in src/model/.
 *
 * Round 0 (the run-up): the measures in force start, those offered "before" are played (measures.ts), then
 * each party chooses to attend or boycott (model/games/attendance.ts). Rounds 1..T (T: the last round of
 * talks, the deadline's if earlier): the measures offered this round are played, then every measure in
 * force plays its round; the mediator proposes (model/proposal.ts, model/nash-bargaining.ts); each party
 * at the table that has not yet signed the text accepts, continues or withdraws
 * (model/games/round-game.ts); positions move. A signed deal goes to the ratifiers and is implemented or
 * not (measures.ts implement). Measures in force go on through the window after the talks.
 * Every choice is drawn from the logit QRE of its stage game with this run's generator, so the run depends
 * on (scenario, seed, run index) only.
 *
 * The run's set-up (sampling its numbers and deriving each actor's arrays) is run-inputs.ts; what the
 * text on the table is worth to each party, party-values.ts.
 *
 * docs/MODEL.md states every equation; the stage games' comments state their payoffs.
 */
import { fillAttendanceGame, type AttendanceTerms } from '../model/games/attendance.js';
import { ACCEPT, ACTION_NAMES, fillRoundGame, roundAction, WITHDRAW, type RoundTerms } from '../model/games/round-game.js';
import { logit2 } from '../model/logit-choice.js';
import { LogitQreSolver } from '../model/logit-qre.js';
import { NashBargainer } from '../model/nash-bargaining.js';
import type { NormalFormGame } from '../model/normal-form.js';
import { conditionBox, conditionHolds, type CompiledCondition } from '../model/preferences/red-line.js';
import { Mediator } from '../model/proposal.js';
import { ExitWatch, type ExitRound } from './exit-watch.js';
import { spatialUtility } from '../model/spatial-utility.js';
import type { Scenario } from '../scenario/types.js';
import { MeasurePlayer } from './measures.js';
import { PartyValues } from './party-values.js';
import { runRng } from './rng.js';
import {
  AGREEMENT,
  clearRunRecord,
  NO_TALKS,
  playedRounds,
  STALEMATE,
  talkRounds,
  TRIGGER_CHOICE,
  TRIGGER_EXIT,
  WITHDRAWAL,
  type RunRecord,
} from './run-record.js';
import { RunInputs, type InputHook } from './run-inputs.js';
import { RunState } from './run-state.js';
import { gameEvent, type TraceEvent } from './trace-event.js';

/**
 * The text stays the same while no issue of the proposal moves by more than this (0..100 scale): half a
 * point, below the resolution at which analysts state positions (docs/MODEL.md §4).
 */
export const SAME_TEXT = 0.5;

export type { InputHook } from './run-inputs.js';

export class RunEngine {
  readonly scenario: Scenario;
  private readonly st: RunState;
  private readonly measures: MeasurePlayer;
  private readonly nA: number;
  private readonly nI: number;
  /** The last round of talks. */
  private readonly T: number;
  private readonly played: number;
  private readonly parties: number[];
  private readonly essential: Uint8Array;
  /** This run's sampled numbers and each actor's positions, weights, costs and binding conditions. */
  private readonly inputs: RunInputs;
  /** D_i, C_i and V_i of each party present, this round. */
  private readonly values: PartyValues;
  private readonly exitWatch: ExitWatch;
  private readonly ratifiers: number[];
  private readonly solver = new LogitQreSolver();
  private readonly mediator: Mediator;
  private readonly bargainer: NashBargainer;

  private readonly present: Uint8Array;
  private readonly atTable: Uint8Array;
  private readonly signed: Uint8Array;
  private readonly signedText: Float64Array;
  private readonly proposal: Float64Array;
  private readonly lastProposal: Float64Array;
  private readonly boxLo: Float64Array;
  private readonly boxHi: Float64Array;
  private readonly exitHit: Uint8Array;
  private readonly signatories: Int32Array;
  private readonly dealGains: Float64Array;
  private readonly who: Int32Array;
  /** At the framework stage (a framework is to be agreed first and has not been). */
  private framework = false;
  private frameworkAgreed = false;
  private readonly frameworkDeal: Float64Array;

  private readonly playersGame: NormalFormGame;
  private readonly payoffBuffer: Float64Array;
  private readonly payoffViews = new Map<number, Float64Array>();
  private readonly playersOut: Float64Array;
  private readonly odometer: Int32Array;
  private readonly players: Int32Array;
  private readonly attendTerms: AttendanceTerms;
  private readonly roundTerms: RoundTerms;
  private readonly exitRound: ExitRound = { round: 0, rounds: 0, violations: 0, trust: 1, framework: false };
  private readonly bindingConds: CompiledCondition[];
  private readonly bindingHolders: number[];

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    const s = scenario;
    this.st = new RunState(s);
    this.measures = new MeasurePlayer(this.st);
    const nA = (this.nA = s.actors.length);
    const nI = (this.nI = s.issues.length);
    this.T = talkRounds(s);
    this.played = playedRounds(s);
    this.parties = s.actors.flatMap((a, i) => (a.role === 'party' && a.atTable ? [i] : []));
    this.ratifiers = s.actors.flatMap((a, i) => (a.role === 'ratifier' ? [i] : []));
    this.essential = Uint8Array.from(s.actors, (a) => (a.role === 'party' && a.essential ? 1 : 0));
    const inp = (this.inputs = new RunInputs(s, this.st));
    this.bindingConds = inp.conditions.flat();
    this.bindingHolders = this.bindingConds.map(() => -1);
    this.mediator = new Mediator(nA, nI);
    this.bargainer = new NashBargainer(nA, nI);

    this.present = new Uint8Array(nA);
    this.atTable = new Uint8Array(nA);
    this.signed = new Uint8Array(nA);
    this.signedText = new Float64Array(nI);
    this.proposal = new Float64Array(nI);
    this.lastProposal = new Float64Array(nI);
    this.boxLo = new Float64Array(nI);
    this.boxHi = new Float64Array(nI);
    this.exitHit = new Uint8Array(nA);
    this.signatories = new Int32Array(nA);
    this.dealGains = new Float64Array(nA);
    this.who = new Int32Array(nA);
    this.frameworkDeal = new Float64Array(nI);
    this.exitWatch = new ExitWatch(s, inp);
    this.values = new PartyValues(s, this.st, inp, this.measures, this.present, this.essential);

    const P = this.parties.length;
    this.payoffBuffer = new Float64Array(Math.pow(3, P) * P);
    this.playersGame = { strategies: [], payoffs: this.payoffBuffer };
    this.playersOut = new Float64Array(3 * P);
    this.odometer = new Int32Array(P);
    this.players = new Int32Array(P);
    this.attendTerms = {
      value: new Float64Array(P), outside: new Float64Array(P), alone: new Float64Array(P),
      boycott: new Float64Array(P), push: new Float64Array(P), unmet: new Float64Array(P), essential: new Uint8Array(P),
    };
    this.roundTerms = {
      canAccept: new Uint8Array(P), essential: new Uint8Array(P), outside: new Float64Array(P),
      walkout: new Float64Array(P), deal: new Float64Array(P), cont: new Float64Array(P),
      stay: new Float64Array(P), accept: new Float64Array(P),
    };
  }

  private payoffView(length: number): Float64Array {
    let v = this.payoffViews.get(length);
    if (!v) {
      v = this.payoffBuffer.subarray(0, length);
      this.payoffViews.set(length, v);
    }
    return v;
  }

  /**
   * Play run `run` of master seed `seed` into `rec` (and, if given, narrate it into `trace`). `inputs`, if
   * given, may overwrite the sampled values before anything reads them.
   */
  run(seed: number, run: number, rec: RunRecord, trace: TraceEvent[] | null = null, inputs: InputHook | null = null): void {
    const st = this.st;
    st.trace = trace;
    st.rng = runRng(seed, run);
    st.values = rec.values;
    rec.run = run;
    st.decisions = 0;
    this.setUp(rec, inputs);
    this.play(rec);
    rec.decisions = st.decisions;
    st.trace = null;
  }

  // ---------------------------------------------------------------------------------------------------
  // set-up: sample the run's inputs (run-inputs.ts), then start every flag of the talks and the record afresh

  private setUp(rec: RunRecord, inputs: InputHook | null): void {
    const s = this.scenario;
    const st = this.st;
    const { nA } = this;
    this.inputs.sample(inputs);
    for (let a = 0; a < nA; a++) this.exitWatch.bind(a, st.values);
    st.seen.fill(0);
    this.signed.fill(0);
    this.framework = s.framework.length > 0;
    this.frameworkAgreed = false;
    clearRunRecord(rec);
    this.measures.reset(rec);
    for (let a = 0; a < nA; a++) {
      const actor = s.actors[a];
      const party = actor.role === 'party';
      rec.attended[a] = party ? 0 : 1;
      this.atTable[a] = 0;
      // mediators (and sponsors seated at the table) count in the proposal throughout; parties once they attend
      this.present[a] = !party && actor.atTable && actor.role !== 'ratifier' ? 1 : 0;
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // the round loop

  private play(rec: RunRecord): void {
    const { T, played } = this;
    this.measures.offer(0, rec);

    // attendance, judged on the opening proposal with every party present
    for (const a of this.parties) this.present[a] = 1;
    this.lastProposal.fill(50);
    this.propose(0);
    this.values.valueDeals(0, this.proposal, this.framework);
    if (!this.attend(rec)) {
      rec.outcome = NO_TALKS;
      rec.endRound = 0;
      this.narrate(0, 'no_talks', 'an essential party boycotted the talks');
      for (let r = 1; r <= played; r++) this.measures.play(r, rec);
      return;
    }

    let talking = true;
    for (let r = 1; r <= played; r++) {
      if (talking) this.measures.offer(r, rec);
      this.measures.play(r, rec);
      if (!talking) continue;
      this.propose(r);
      this.values.valueDeals(r, this.proposal, this.framework);
      const ended = this.roundChoice(r, rec);
      if (ended) {
        talking = false;
        rec.endRound = r;
        if (rec.outcome === AGREEMENT) this.afterAgreement(r, rec);
      } else {
        this.movePositions(r);
        if (r >= T) {
          talking = false;
          rec.outcome = STALEMATE;
          rec.endRound = T;
          this.narrate(T, 'stalemate', `no agreement by the last round of talks (${T})`);
        }
      }
    }
  }

  private narrate(round: number, outcome: string, detail: string): void {
    if (this.st.trace) this.st.trace.push({ kind: 'outcome', round, outcome, detail });
  }

  /**
   * The proposal of round r: the weighted median of those at the table, moved to meet the binding
   * conditions of the essential parties there (proposal.ts), then to the Nash bargaining solution of
   * the essential parties inside the box those conditions leave (nash-bargaining.ts).
   */
  private propose(r: number): void {
    const { nA, nI } = this;
    const { conditions, binding, frameworkCondition, pos } = this.inputs;
    let count = 0;
    for (let a = 0; a < nA; a++) {
      if (!this.present[a] || !this.essential[a]) continue;
      const conds = conditions[a];
      for (let j = 0; j < conds.length; j++) {
        if (binding[a][j] && (!this.framework || frameworkCondition[a][j])) {
          this.bindingConds[count] = conds[j];
          this.bindingHolders[count++] = a;
        }
      }
    }
    const res = this.mediator.propose(this.present, pos, this.inputs.csWeight, this.bindingConds, this.bindingHolders, this.lastProposal, this.proposal, count);
    let bargained = false;
    if (res.feasible) {
      this.boxLo.fill(0);
      this.boxHi.fill(100);
      for (let j = 0; j < count; j++) conditionBox(this.bindingConds[j], this.boxLo, this.boxHi);
      // the essential parties, and the sponsors and mediators seated at the table (their interests weigh
      // with the mediator; they need not accept)
      let n = 0;
      for (let a = 0; a < nA; a++) if (this.present[a] && (this.essential[a] || this.scenario.actors[a].role !== 'party')) this.who[n++] = a;
      let inBox = true;
      for (let k = 0; k < nI; k++) if (!(this.boxLo[k] <= this.boxHi[k]) || this.proposal[k] < this.boxLo[k] || this.proposal[k] > this.boxHi[k]) inBox = false;
      if (inBox && n > 0) {
        this.lastProposal.set(this.proposal);
        const w = this.framework ? this.inputs.fwWeight : this.inputs.weight;
        bargained = this.bargainer.solve(this.proposal, this.boxLo, this.boxHi, this.who, n, pos, w, this.st.outside, this.inputs.capability);
        if (bargained) {
          for (let j = 0; j < count; j++) {
            if (!conditionHolds(this.bindingConds[j], this.proposal)) {
              this.proposal.set(this.lastProposal);
              bargained = false;
              break;
            }
          }
        }
      }
    }
    // once a framework is agreed its issues stay where they were agreed
    if (this.frameworkAgreed) for (const k of this.scenario.framework) this.proposal[k] = this.frameworkDeal[k];
    this.lastProposal.set(this.proposal);
    // a text moved by more than SAME_TEXT on any issue is a new text: its signatures start again
    for (let k = 0; k < nI; k++) {
      if (Math.abs(this.proposal[k] - this.signedText[k]) > SAME_TEXT) {
        this.signed.fill(0);
        break;
      }
    }
    if (this.st.trace) {
      this.st.trace.push({ kind: 'proposal', round: r, values: Array.from(this.proposal), moved: res.moved || bargained, feasible: res.feasible });
    }
  }

  private attend(rec: RunRecord): boolean {
    const st = this.st;
    const s = this.scenario;
    const t = this.attendTerms;
    const alone = st.values[s.model.attendAloneCost];
    let talksPossible = true;
    let P = 0;
    const pl = this.players;
    for (const a of this.parties) {
      let blocked = false;
      let unmet = 0;
      for (const pre of s.actors[a].attendIf) {
        if (this.measures.satisfied(pre.measure, rec)) continue;
        if (st.rng() < st.values[pre.firmness]) blocked = true;
        else unmet += st.values[pre.penalty];
      }
      if (blocked) {
        rec.attended[a] = 0;
        this.present[a] = 0;
        if (this.essential[a]) talksPossible = false;
        if (st.trace) st.trace.push({ kind: 'outcome', round: 0, outcome: 'boycott', detail: `${s.actors[a].name} boycotts: its precondition for attending was not met` });
        continue;
      }
      pl[P] = a;
      t.value[P] = this.values.entryValue(a);
      t.outside[P] = st.outside[a];
      t.alone[P] = alone;
      t.boycott[P] = this.inputs.boycott[a];
      t.push[P] = st.pushOf(a, 'attend');
      t.unmet[P] = unmet;
      t.essential[P] = this.essential[a];
      P++;
    }
    let talks = talksPossible;
    if (P > 0) {
      this.playersGame.payoffs = this.payoffView((1 << P) * P);
      fillAttendanceGame(this.playersGame, P, t, talksPossible);
      const sigma = this.solver.solve(this.playersGame, st.lambda, this.playersOut);
      st.decisions += P;
      const chosen: number[] | null = st.trace ? [] : null;
      for (let i = 0; i < P; i++) {
        const a = pl[i];
        const attends = st.rng() < sigma[2 * i] ? 1 : 0;
        chosen?.push(attends ? 0 : 1);
        rec.attended[a] = attends;
        this.atTable[a] = attends;
        this.present[a] = attends;
        if (!attends && this.essential[a]) talks = false;
      }
      if (st.trace) st.trace.push(gameEvent(0, 'attendance', st.lambda, this.playersGame, sigma, Array.from(pl.subarray(0, P)), chosen!, () => ['attend', 'boycott']));
    }
    return talks;
  }

  /** Round r's accept/continue/withdraw game among those at the table who have not signed. Returns true if the talks ended. */
  private roundChoice(r: number, rec: RunRecord): boolean {
    const { nI } = this;
    const st = this.st;
    const t = this.roundTerms;
    const pl = this.players;
    let n = 0;
    for (const a of this.parties) if (this.atTable[a] && !this.signed[a]) pl[n++] = a;
    for (let i = 0; i < n; i++) {
      const a = pl[i];
      let stay = st.pushOf(a, 'stay');
      this.exitHit[a] = 0;
      if (this.exitWatch.has(a)) {
        const now = this.exitRound;
        now.round = r;
        now.rounds = this.T;
        now.violations = st.seen[a];
        now.trust = this.values.minTrust(a);
        now.framework = this.framework;
        stay -= this.exitWatch.stayCost(a, this.proposal, this.values.canAccept[a] === 0, now, st.trace);
        if (this.exitWatch.hit) {
          this.exitHit[a] = 1;
          if (rec.threatened[a] === 0) rec.threatened[a] = r;
        } else if (rec.threatened[a] === 0 && this.exitWatch.threatTarget(a, pl, n, this.proposal, now, st.trace) >= 0) {
          rec.threatened[a] = r;
        }
      }
      t.canAccept[i] = this.values.canAccept[a];
      t.essential[i] = this.essential[a];
      t.outside[i] = st.outside[a];
      t.walkout[i] = this.inputs.walkout[a];
      t.deal[i] = this.values.deal[a];
      t.cont[i] = this.values.continuation(a, r);
      t.stay[i] = stay;
      t.accept[i] = st.pushOf(a, 'accept');
    }
    let essentialWithdrew = false;
    if (n > 0) {
      let profiles = 1;
      for (let i = 0; i < n; i++) profiles *= t.canAccept[i] ? 3 : 2;
      this.playersGame.payoffs = this.payoffView(profiles * n);
      fillRoundGame(this.playersGame, n, t, this.odometer);
      const sigma = this.solver.solve(this.playersGame, st.lambda, this.playersOut);
      st.decisions += n;
      let off = 0;
      const chosen: number[] | null = st.trace ? [] : null;
      for (let i = 0; i < n; i++) {
        const a = pl[i];
        const m = this.playersGame.strategies[i];
        const u = st.rng();
        let cum = 0;
        let s = m - 1;
        for (let k = 0; k < m; k++) {
          cum += sigma[off + k];
          if (u < cum) { s = k; break; }
        }
        off += m;
        chosen?.push(s);
        const act = roundAction(t.canAccept[i], s);
        if (act === WITHDRAW) {
          rec.withdrewRound[a] = r;
          rec.trigger[a] = this.exitHit[a] ? TRIGGER_EXIT : TRIGGER_CHOICE;
          this.atTable[a] = 0;
          this.present[a] = 0;
          if (this.essential[a]) essentialWithdrew = true;
        } else if (act === ACCEPT) {
          if (this.signed.indexOf(1) < 0) this.signedText.set(this.proposal);
          this.signed[a] = 1;
        }
      }
      if (st.trace) {
        const cans = Array.from(t.canAccept.subarray(0, n));
        st.trace.push(gameEvent(r, 'round', st.lambda, this.playersGame, sigma, Array.from(pl.subarray(0, n)), chosen!, (i) =>
          cans[i] ? [...ACTION_NAMES] : ACTION_NAMES.slice(1),
        ));
      }
    }
    if (essentialWithdrew) {
      rec.outcome = WITHDRAWAL;
      if (st.trace) {
        // (Only when tracing: the hot loop builds no strings.)
        const who = this.scenario.actors.filter((_, a) => rec.withdrewRound[a] === r).map((x) => x.name);
        this.narrate(r, 'withdrawal', `${who.join(' and ')} withdrew`);
      }
      return true;
    }
    let allSigned = true;
    for (const a of this.parties) if (this.essential[a] && !this.signed[a]) allSigned = false;
    if (!allSigned) return false;
    if (this.framework) {
      this.framework = false;
      this.frameworkAgreed = true;
      this.frameworkDeal.set(this.proposal);
      rec.frameworkRound = r;
      this.signed.fill(0);
      this.narrate(r, 'framework', 'every essential party accepted the framework; the talks go on to the full deal');
      return false;
    }
    rec.outcome = AGREEMENT;
    rec.deal.set(this.proposal);
    this.narrate(r, 'agreement', 'every essential party accepted the proposal');
    return true;
  }

  /** A signed deal: each ratifier approves or rejects it; a ratified deal is implemented or not. */
  private afterAgreement(r: number, rec: RunRecord): void {
    const st = this.st;
    const { nI } = this;
    const { pos, weight } = this.inputs;
    let ratified = true;
    for (const a of this.ratifiers) {
      const u = spatialUtility(this.proposal, pos, weight, a * nI, nI);
      const p = logit2(st.lambda, u - st.outside[a] + st.pushOf(a, 'accept'));
      const yes = st.rng() < p;
      st.decisions++;
      rec.ratified[a] = yes ? 1 : 0;
      if (!yes) ratified = false;
      if (st.trace) st.trace.push({ kind: 'outcome', round: r, outcome: yes ? 'ratified' : 'not ratified', detail: `${this.scenario.actors[a].name} ${yes ? 'approved' : 'rejected'} the deal (P = ${p.toFixed(3)})` });
    }
    if (!ratified) {
      rec.implemented = 0;
      return;
    }
    let n = 0;
    for (const a of this.parties) {
      if (!this.essential[a] || !this.present[a]) continue;
      this.signatories[n] = a;
      this.dealGains[n] = spatialUtility(this.proposal, pos, weight, a * nI, nI) - st.outside[a];
      n++;
    }
    rec.implemented = n === 0 || this.measures.implement(r, this.signatories, n, this.dealGains) ? 1 : 0;
  }

  /** Positions move toward the proposal, less the more salient the issue, never across the actor's own binding bounds. */
  private movePositions(r: number): void {
    const { nI } = this;
    const st = this.st;
    const { pos, flex, ownLo, ownHi } = this.inputs;
    for (const a of this.parties) {
      if (!this.atTable[a]) continue;
      const o = a * nI;
      const before = st.trace ? Array.from(pos.subarray(o, o + nI)) : null;
      for (let k = 0; k < nI; k++) {
        const p = pos[o + k];
        if (Number.isNaN(p)) continue;
        let q = p + flex[a] * (1 - st.sal[o + k]) * (this.proposal[k] - p);
        const lo = ownLo[o + k], hi = ownHi[o + k];
        if (p >= lo && p <= hi) q = Math.min(hi, Math.max(lo, q));
        pos[o + k] = q;
      }
      if (st.trace && before) st.trace.push({ kind: 'positions', round: r, actor: a, before, after: Array.from(pos.subarray(o, o + nI)) });
    }
  }
}
