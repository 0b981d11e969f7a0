/**
 * One run of the conference: the round loop.
 *
 * Round 0 (the run-up): the measures offered "before" (a detainee exchange, a ceasefire offer) are played,
 * then each party chooses to attend or boycott. Rounds 1..T: a ceasefire in force is played (comply or
 * violate, seen through noisy monitoring, beliefs updated by Bayes' rule); measures offered this round are
 * played; the mediator proposes; each party at the table accepts, continues or withdraws; positions move.
 * Every choice is drawn from the logit QRE of its stage game (model/games/*, model/logit-qre.ts) with this
 * run's generator, so the run depends on (scenario, seed, run index) only.
 *
 * docs/MODEL.md states every equation; the stage games' comments state their payoffs.
 */
import { bayesTrust, monitoredLikelihood } from '../model/bayes-trust.js';
import { fillAttendanceGame, type AttendanceTerms } from '../model/games/attendance.js';
import { fillBayesianPair, newBayesianPairGame, INSINCERE, SINCERE } from '../model/games/bayesian-pair.js';
import {
  discountedRounds,
  fillAcceptanceTypePayoffs,
  fillComplianceTypePayoffs,
  type StageTerms,
} from '../model/games/ceasefire.js';
import { ACCEPT, ACTION_NAMES, fillRoundGame, roundAction, WITHDRAW, type RoundTerms } from '../model/games/round-game.js';
import { LogitQreSolver } from '../model/logit-qre.js';
import { UniquePairQre } from '../model/unique-pair-qre.js';
import { expectedPayoffs, type NormalFormGame } from '../model/normal-form.js';
import { bindCondition, compileCondition, conditionBox, conditionHolds, type CompiledCondition } from '../model/preferences/red-line.js';
import { bindExit, compileExit, exitTriggered, type CompiledExit, type ExitState } from '../model/preferences/exit.js';
import { N_PUSH, pushIndex } from '../model/preferences/inclination.js';
import { applyPriority } from '../model/preferences/priority.js';
import { Mediator } from '../model/proposal.js';
import { spatialUtility, weightedDistance } from '../model/spatial-utility.js';
import { sampleParams } from '../scenario/sample.js';
import type { Scenario } from '../scenario/types.js';
import { runRng } from './rng.js';
import {
  AGREEMENT,
  BY_BOTH,
  CF_BROKEN,
  CF_HELD,
  CF_NOT_OFFERED,
  CF_REJECTED,
  NO_TALKS,
  STALEMATE,
  TRIGGER_CHOICE,
  TRIGGER_EXIT,
  TRIGGER_NONE,
  WITHDRAWAL,
  type RunRecord,
} from './run-record.js';
import type { TraceEvent, TracePlayer } from './trace-event.js';

const TYPE_NAMES = ['sincere', 'buying time'];
const EXCHANGE_ACTIONS = ['honour', 'renege'] as const;
const OFFER_ACTIONS = ['accept', 'reject'] as const;
const CEASEFIRE_ACTIONS = ['comply', 'violate'] as const;

export class RunEngine {
  readonly scenario: Scenario;
  private readonly nA: number;
  private readonly nI: number;
  private readonly T: number;
  /** Indexes of the parties, in actor order. */
  private readonly parties: number[];
  private readonly essential: Uint8Array;
  private readonly conditions: CompiledCondition[][];
  private readonly exits: CompiledExit[][];
  private readonly solver = new LogitQreSolver();
  private readonly uniquePair = new UniquePairQre();
  private readonly mediator: Mediator;

  // per-run state, allocated once
  private values: Float64Array = new Float64Array(0);
  private rng: () => number = () => 0;
  private lambda = 0;
  private delta = 0;
  private betrayal = 0;
  private readonly type: Uint8Array;
  private readonly outside: Float64Array;
  private readonly audience: Float64Array;
  private readonly flex: Float64Array;
  private readonly pos0: Float64Array;
  private readonly pos: Float64Array;
  private readonly sal: Float64Array;
  private readonly weight: Float64Array;
  private readonly csWeight: Float64Array;
  private readonly belief: Float64Array;
  private readonly push: Float64Array;
  private readonly binding: Uint8Array[];
  private readonly penalty: Float64Array[];
  private readonly exitCost: Float64Array[];
  private readonly ownLo: Float64Array;
  private readonly ownHi: Float64Array;
  /** Each actor's slice of ownLo and ownHi (views made once, not every run). */
  private readonly ownLoOf: Float64Array[];
  private readonly ownHiOf: Float64Array[];
  private readonly seen: Int32Array;
  private readonly present: Uint8Array;
  private readonly atTable: Uint8Array;
  private readonly proposal: Float64Array;
  private readonly lastProposal: Float64Array;
  private readonly canAccept: Uint8Array;
  private readonly dealValue: Float64Array;
  private readonly exitHit: Uint8Array;
  // measures
  private readonly cfActive: Uint8Array;
  private readonly cfSeen: Int32Array;
  // games
  private readonly pairGame: NormalFormGame = newBayesianPairGame();
  private readonly pairOut = new Float64Array(8);
  private readonly sigmaComply = new Float64Array(4);
  private readonly pairAct = new Int32Array(2);
  private readonly pairSeen = new Int32Array(2);
  private readonly stageA = new Float64Array(16);
  private readonly stageB = new Float64Array(16);
  private readonly accA = new Float64Array(16);
  private readonly accB = new Float64Array(16);
  private readonly stage: StageTerms = { peace: 0, temptation: 0, sucker: 0, push: 0, future: 0 };
  private readonly playersGame: NormalFormGame;
  /** One buffer for the players' games, and a view of it per payoff-vector length (the solver wants exact lengths). */
  private readonly payoffBuffer: Float64Array;
  private readonly payoffViews = new Map<number, Float64Array>();
  private readonly playersOut: Float64Array;
  private readonly odometer: Int32Array;
  private readonly players: Int32Array;
  private readonly attendTerms: AttendanceTerms;
  private readonly roundTerms: RoundTerms;
  private readonly exitState: ExitState = { deviation: 0, breach: 0, violations: 0, trust: 1, round: 0, rounds: 0 };
  /** The binding conditions of the parties at the table this round, as many as propose counts (arrays sized once). */
  private readonly bindingConds: CompiledCondition[];
  private readonly bindingHolders: number[];
  private trace: TraceEvent[] | null = null;
  private decisions = 0;

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    const s = scenario;
    const nA = (this.nA = s.actors.length);
    const nI = (this.nI = s.issues.length);
    this.T = s.rounds;
    this.parties = s.actors.flatMap((a, i) => (a.role === 'party' ? [i] : []));
    this.essential = Uint8Array.from(s.actors, (a) => (a.role === 'party' && a.essential ? 1 : 0));
    const issueIds = s.issues.map((i) => i.id);
    this.conditions = s.actors.map((a) => a.conditions.map((c) => compileCondition(c, issueIds)));
    this.exits = s.actors.map((a) => a.exits.map((e) => compileExit(e, issueIds)));
    this.bindingConds = this.conditions.flat();
    this.bindingHolders = this.bindingConds.map(() => -1);
    this.mediator = new Mediator(nA, nI);

    this.type = new Uint8Array(nA);
    this.outside = new Float64Array(nA);
    this.audience = new Float64Array(nA);
    this.flex = new Float64Array(nA);
    this.pos0 = new Float64Array(nA * nI);
    this.pos = new Float64Array(nA * nI);
    this.sal = new Float64Array(nA * nI);
    this.weight = new Float64Array(nA * nI);
    this.csWeight = new Float64Array(nA * nI);
    this.belief = new Float64Array(nA * nA);
    this.push = new Float64Array(nA * N_PUSH);
    this.binding = this.conditions.map((c) => new Uint8Array(c.length));
    this.penalty = this.conditions.map((c) => new Float64Array(c.length));
    this.exitCost = this.exits.map((e) => new Float64Array(e.length));
    this.ownLo = new Float64Array(nA * nI);
    this.ownHi = new Float64Array(nA * nI);
    this.ownLoOf = Array.from({ length: nA }, (_, a) => this.ownLo.subarray(a * nI, a * nI + nI));
    this.ownHiOf = Array.from({ length: nA }, (_, a) => this.ownHi.subarray(a * nI, a * nI + nI));
    this.seen = new Int32Array(nA);
    this.present = new Uint8Array(nA);
    this.atTable = new Uint8Array(nA);
    this.proposal = new Float64Array(nI);
    this.lastProposal = new Float64Array(nI);
    this.canAccept = new Uint8Array(nA);
    this.dealValue = new Float64Array(nA);
    this.exitHit = new Uint8Array(nA);
    this.cfActive = new Uint8Array(s.measures.length);
    this.cfSeen = new Int32Array(s.measures.length * 2);

    const P = this.parties.length;
    this.payoffBuffer = new Float64Array(Math.pow(3, P) * P);
    this.playersGame = { strategies: [], payoffs: this.payoffBuffer };
    this.playersOut = new Float64Array(3 * P);
    this.odometer = new Int32Array(P);
    this.players = new Int32Array(P);
    this.attendTerms = {
      value: new Float64Array(P), outside: new Float64Array(P), alone: new Float64Array(P),
      audience: new Float64Array(P), push: new Float64Array(P), essential: new Uint8Array(P),
    };
    this.roundTerms = {
      canAccept: new Uint8Array(P), essential: new Uint8Array(P), outside: new Float64Array(P),
      audience: new Float64Array(P), deal: new Float64Array(P), cont: new Float64Array(P),
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

  /** Play run `run` of master seed `seed` into `rec` (and, if given, narrate it into `trace`). */
  run(seed: number, run: number, rec: RunRecord, trace: TraceEvent[] | null = null): void {
    this.trace = trace;
    this.rng = runRng(seed, run);
    this.values = rec.values;
    rec.run = run;
    this.decisions = 0;
    this.setUp(rec);
    this.play(rec);
    rec.decisions = this.decisions;
    this.trace = null;
  }

  // ---------------------------------------------------------------------------------------------------
  // set-up: sample the scenario's numbers and derive the run's arrays

  private setUp(rec: RunRecord): void {
    const s = this.scenario;
    const { nA, nI } = this;
    const v = this.values;
    const rng = this.rng;
    sampleParams(s.params, rng, v);
    if (this.trace) {
      this.trace.push({
        kind: 'sampled',
        values: s.params.flatMap((p, i) => (p.dist.kind === 'fixed' ? [] : [{ path: p.path, value: v[i] }])),
      });
    }
    this.lambda = v[s.model.lambda];
    this.delta = v[s.model.discount];
    this.betrayal = v[s.model.betrayalCost];

    for (let a = 0; a < nA; a++) {
      const actor = s.actors[a];
      this.type[a] = rng() < v[actor.sincerity] ? SINCERE : INSINCERE;
      this.outside[a] = v[actor.outsideOption.value];
      this.audience[a] = v[actor.audienceCost];
      this.flex[a] = v[actor.flexibility];
      const cap = v[actor.capability];
      const o = a * nI;
      let total = 0;
      for (let k = 0; k < nI; k++) {
        const has = actor.position[k] >= 0;
        this.pos0[o + k] = this.pos[o + k] = has ? v[actor.position[k]] : NaN;
        this.sal[o + k] = has && actor.salience[k] >= 0 ? v[actor.salience[k]] : 0;
        this.weight[o + k] = this.sal[o + k];
        total += this.sal[o + k];
      }
      for (let k = 0; k < nI; k++) {
        if (total > 0) this.weight[o + k] /= total;
        this.csWeight[o + k] = cap * this.sal[o + k];
      }
      for (const p of actor.priorities) applyPriority(this.weight, o, nI, p.issues);
    }
    if (this.trace) this.trace.push({ kind: 'types', sincere: Array.from(this.type, (t) => t === SINCERE) });

    // beliefs: the common prior (the other's own sincerity) unless the scenario says otherwise
    for (let a = 0; a < nA; a++) {
      for (let b = 0; b < nA; b++) this.belief[a * nA + b] = a === b ? 1 : v[s.actors[b].sincerity];
      for (const bel of s.actors[a].beliefs) this.belief[a * nA + bel.about] = v[bel.sincere];
    }
    this.push.fill(0);
    for (let a = 0; a < nA; a++) {
      for (const inc of s.actors[a].inclinations) this.push[pushIndex(a, inc.toward)] += v[inc.strength];
      for (const pr of s.actors[a].pressure) {
        for (const t of pr.toward) this.push[pushIndex(pr.on, t)] += v[pr.strength];
      }
    }
    this.ownLo.fill(0);
    this.ownHi.fill(100);
    for (let a = 0; a < nA; a++) {
      const conds = this.conditions[a];
      for (let j = 0; j < conds.length; j++) {
        const c = conds[j];
        bindCondition(c, v);
        this.binding[a][j] = rng() < v[c.spec.firmness] ? 1 : 0;
        this.penalty[a][j] = v[c.spec.penalty];
        if (this.binding[a][j]) conditionBox(c, this.ownLoOf[a], this.ownHiOf[a]);
        if (this.trace) {
          this.trace.push({
            kind: 'condition', actor: a, condition: j, binding: this.binding[a][j] === 1, text: c.spec.text,
            source: c.spec.source, penalty: this.penalty[a][j],
          });
        }
      }
      const exits = this.exits[a];
      for (let j = 0; j < exits.length; j++) {
        bindExit(exits[j], v);
        this.exitCost[a][j] = v[exits[j].spec.cost];
      }
    }

    this.seen.fill(0);
    this.cfActive.fill(0);
    this.cfSeen.fill(0);
    rec.outcome = STALEMATE;
    rec.endRound = 0;
    rec.withdrewRound.fill(0);
    rec.trigger.fill(TRIGGER_NONE);
    rec.deal.fill(NaN);
    rec.heldRounds.fill(0);
    rec.brokenBy.fill(-1);
    rec.ceasefireRound.fill(0);
    rec.measureRound.fill(-1);
    rec.tranches.fill(0);
    rec.endedRound.fill(0);
    rec.firstViolation.fill(0);
    rec.threatened.fill(0);
    rec.frameworkRound = 0;
    rec.ratified.fill(-1);
    rec.implemented = -1;
    for (let m = 0; m < s.measures.length; m++) rec.measureFate[m] = s.measures[m].kind === 'ceasefire' ? CF_NOT_OFFERED : -1;
    for (let a = 0; a < nA; a++) {
      const party = s.actors[a].role === 'party';
      rec.attended[a] = party ? 0 : 1;
      this.atTable[a] = 0;
      this.present[a] = party ? 0 : 1; // sponsors and mediators count in the median throughout
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // the round loop

  private play(rec: RunRecord): void {
    const T = this.T;
    this.offerMeasures(0, rec);

    // attendance, judged on the opening proposal with every party present
    for (const a of this.parties) this.present[a] = 1;
    this.lastProposal.fill(50);
    this.propose(0);
    this.valueDeals(0);
    if (!this.attend(rec)) {
      rec.outcome = NO_TALKS;
      rec.endRound = 0;
      this.narrate(0, 'no_talks', 'an essential party boycotted the talks');
      this.playCeasefiresTo(1, T, rec);
      return;
    }

    let talking = true;
    for (let r = 1; r <= T; r++) {
      this.playCeasefires(r, rec);
      if (!talking) continue;
      this.offerMeasures(r, rec);
      this.propose(r);
      this.valueDeals(r);
      const ended = this.roundChoice(r, rec);
      if (ended) {
        talking = false;
        rec.endRound = r;
      } else {
        this.movePositions(r);
      }
    }
    if (talking) {
      rec.outcome = STALEMATE;
      rec.endRound = T;
      if (this.trace) this.narrate(T, 'stalemate', `no agreement by the last round (${T})`);
    }
    // a ceasefire still in force at the end keeps the fate CF_HELD it got when accepted
  }

  private narrate(round: number, outcome: string, detail: string): void {
    if (this.trace) this.trace.push({ kind: 'outcome', round, outcome, detail });
  }

  /** The proposal of round r from the actors present, moved to meet the binding conditions at the table. */
  private propose(r: number): void {
    const { nA } = this;
    let count = 0;
    for (let a = 0; a < nA; a++) {
      if (!this.present[a] || this.scenario.actors[a].role !== 'party') continue;
      const conds = this.conditions[a];
      for (let j = 0; j < conds.length; j++) {
        if (this.binding[a][j]) {
          this.bindingConds[count] = conds[j];
          this.bindingHolders[count++] = a;
        }
      }
    }
    const res = this.mediator.propose(this.present, this.pos, this.csWeight, this.bindingConds, this.bindingHolders, this.lastProposal, this.proposal, count);
    this.lastProposal.set(this.proposal);
    if (this.trace) this.trace.push({ kind: 'proposal', round: r, values: Array.from(this.proposal), moved: res.moved, feasible: res.feasible });
  }

  /** D_i (the deal's worth, if signed) and whether i can accept it, for every party present. */
  private valueDeals(r: number): void {
    const { nA, nI } = this;
    for (let a = 0; a < nA; a++) {
      if (!this.present[a] || this.scenario.actors[a].role !== 'party') continue;
      let ok = 1;
      let soft = 0;
      const conds = this.conditions[a];
      const broken: string[] | null = this.trace ? [] : null;
      for (let j = 0; j < conds.length; j++) {
        if (conditionHolds(conds[j], this.proposal)) continue;
        if (this.binding[a][j]) ok = 0;
        else soft += this.penalty[a][j];
        if (broken) broken.push(conds[j].spec.text);
      }
      const u = spatialUtility(this.proposal, this.pos, this.weight, a * nI, nI);
      const tau = this.trustOf(a, false);
      const o = this.outside[a];
      this.canAccept[a] = ok;
      this.dealValue[a] = tau * u + (1 - tau) * (o - this.betrayal) - soft;
      if (this.trace) {
        this.trace.push({
          kind: 'deal-value', round: r, actor: a, utility: u, trust: tau, deal: this.dealValue[a],
          cont: this.continuation(a, r), canAccept: ok === 1, brokenBy: broken ?? [],
        });
      }
    }
  }

  /** Product (forMin = false) or minimum (forMin = true) of a's beliefs that the other essential parties present are sincere. */
  private trustOf(a: number, forMin: boolean): number {
    const { nA } = this;
    let t = 1;
    for (let b = 0; b < nA; b++) {
      if (b === a || !this.essential[b] || !this.present[b]) continue;
      const x = this.belief[a * nA + b];
      t = forMin ? Math.min(t, x) : t * x;
    }
    return t;
  }

  /** C_i: keeping the talks going (before the last round) is worth the deal on the table a round later, or the outside option. */
  private continuation(a: number, r: number): number {
    const o = this.outside[a];
    if (r >= this.T) return o;
    const d = this.canAccept[a] ? this.dealValue[a] : -Infinity;
    return o + this.delta * Math.max(0, d - o);
  }

  private attend(rec: RunRecord): boolean {
    const P = this.parties.length;
    const t = this.attendTerms;
    const alone = this.values[this.scenario.model.attendAloneCost];
    for (let i = 0; i < P; i++) {
      const a = this.parties[i];
      t.value[i] = this.continuation(a, 0);
      t.outside[i] = this.outside[a];
      t.alone[i] = alone;
      t.audience[i] = this.audience[a];
      t.push[i] = this.push[pushIndex(a, 'attend')];
      t.essential[i] = this.essential[a];
    }
    this.playersGame.payoffs = this.payoffView((1 << P) * P);
    fillAttendanceGame(this.playersGame, P, t);
    const sigma = this.solver.solve(this.playersGame, this.lambda, this.playersOut);
    let talks = true;
    this.decisions += P;
    const chosen: number[] | null = this.trace ? [] : null;
    for (let i = 0; i < P; i++) {
      const a = this.parties[i];
      const attends = this.rng() < sigma[2 * i] ? 1 : 0;
      chosen?.push(attends ? 0 : 1);
      rec.attended[a] = attends;
      this.atTable[a] = attends;
      this.present[a] = attends;
      if (!attends && this.essential[a]) talks = false;
    }
    if (this.trace) this.traceGame(0, 'attendance', this.playersGame, sigma, this.parties, chosen!, () => ['attend', 'boycott']);
    return talks;
  }

  /** Round r's accept/continue/withdraw game. Returns true if the talks ended this round. */
  private roundChoice(r: number, rec: RunRecord): boolean {
    const { nI } = this;
    const t = this.roundTerms;
    const pl = this.players;
    let n = 0;
    for (const a of this.parties) if (this.atTable[a]) pl[n++] = a;
    for (let i = 0; i < n; i++) {
      const a = pl[i];
      let stay = this.push[pushIndex(a, 'stay')];
      this.exitHit[a] = 0;
      const exits = this.exits[a];
      if (exits.length > 0) {
        const st = this.exitState;
        st.deviation = weightedDistance(this.proposal, this.pos0, this.weight, a * nI, nI);
        st.breach = this.canAccept[a] ? 0 : 1;
        st.violations = this.seen[a];
        st.trust = this.trustOf(a, true);
        st.round = r;
        st.rounds = this.T;
        for (let j = 0; j < exits.length; j++) {
          if (exitTriggered(exits[j], this.proposal, st)) {
            stay -= this.exitCost[a][j];
            this.exitHit[a] = 1;
            if (rec.threatened[a] === 0) rec.threatened[a] = r;
            if (this.trace) {
              this.trace.push({
                kind: 'exit', round: r, actor: a, text: exits[j].spec.text, source: exits[j].spec.source,
                cost: this.exitCost[a][j], state: { ...st },
              });
            }
          }
        }
      }
      t.canAccept[i] = this.canAccept[a];
      t.essential[i] = this.essential[a];
      t.outside[i] = this.outside[a];
      t.audience[i] = this.audience[a];
      t.deal[i] = this.dealValue[a];
      t.cont[i] = this.continuation(a, r);
      t.stay[i] = stay;
      t.accept[i] = this.push[pushIndex(a, 'accept')];
    }
    let profiles = 1;
    for (let i = 0; i < n; i++) profiles *= t.canAccept[i] ? 3 : 2;
    this.playersGame.payoffs = this.payoffView(profiles * n);
    fillRoundGame(this.playersGame, n, t, this.odometer);
    const sigma = this.solver.solve(this.playersGame, this.lambda, this.playersOut);

    this.decisions += n;
    let off = 0;
    let essentialWithdrew = false;
    let allAccept = true;
    const chosen: number[] | null = this.trace ? [] : null;
    for (let i = 0; i < n; i++) {
      const a = pl[i];
      const m = this.playersGame.strategies[i];
      const u = this.rng();
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
      }
      if (this.essential[a] && act !== ACCEPT) allAccept = false;
    }
    if (this.trace) {
      const cans = Array.from(t.canAccept.subarray(0, n));
      this.traceGame(r, 'round', this.playersGame, sigma, Array.from(pl.subarray(0, n)), chosen!, (i) =>
        cans[i] ? [...ACTION_NAMES] : ACTION_NAMES.slice(1),
      );
    }
    if (essentialWithdrew) {
      rec.outcome = WITHDRAWAL;
      if (this.trace) {
        // (Only when tracing: the hot loop builds no strings.)
        const who = this.scenario.actors.filter((_, a) => rec.withdrewRound[a] === r).map((x) => x.name);
        this.narrate(r, 'withdrawal', `${who.join(' and ')} withdrew`);
      }
      return true;
    }
    if (allAccept) {
      rec.outcome = AGREEMENT;
      rec.deal.set(this.proposal);
      this.narrate(r, 'agreement', 'every essential party accepted the proposal');
      return true;
    }
    return false;
  }

  /** Positions move toward the proposal, less the more salient the issue, never across the actor's own binding bounds. */
  private movePositions(r: number): void {
    const { nI } = this;
    for (const a of this.parties) {
      if (!this.atTable[a]) continue;
      const o = a * nI;
      const before = this.trace ? Array.from(this.pos.subarray(o, o + nI)) : null;
      for (let k = 0; k < nI; k++) {
        const p = this.pos[o + k];
        if (Number.isNaN(p)) continue;
        let q = p + this.flex[a] * (1 - this.sal[o + k]) * (this.proposal[k] - p);
        const lo = this.ownLo[o + k], hi = this.ownHi[o + k];
        if (p >= lo && p <= hi) q = Math.min(hi, Math.max(lo, q));
        this.pos[o + k] = q;
      }
      if (this.trace && before) this.trace.push({ kind: 'positions', round: r, actor: a, before, after: Array.from(this.pos.subarray(o, o + nI)) });
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // measures: the detainee exchange and the ceasefire

  private offerMeasures(r: number, rec: RunRecord): void {
    const ms = this.scenario.measures;
    for (let m = 0; m < ms.length; m++) {
      if (ms[m].at !== r) continue;
      // concessions and measures among more than two sides are played by the model of docs/MODEL.md §3.5-3.6
      if (ms[m].kind === 'concession' || ms[m].sides.length !== 2) continue;
      if (ms[m].kind === 'exchange') this.exchange(m, r, rec);
      else this.offerCeasefire(m, r, rec);
    }
  }

  /** Stage terms of side `a` of measure m in round r (future: the shadow of the future, 0 for one-shot). */
  private stageTerms(m: number, a: number, future: number): StageTerms {
    const ms = this.scenario.measures[m];
    const v = this.values;
    const st = this.stage;
    st.peace = v[ms.peace];
    st.temptation = v[ms.temptation];
    st.sucker = v[ms.sucker];
    st.push = this.push[pushIndex(a, 'comply')] + (ms.offeredBy === a ? this.audience[a] : 0);
    st.future = future;
    return st;
  }

  /**
   * Solve the agent-form pair game with type payoffs uA, uB (into pairOut; pairGame holds its normal
   * form when tracing or when traced); returns each agent's probability of action 0. A game whose
   * payoffs ignore the other's type and whose QRE is certified unique skips path following
   * (unique-pair-qre.ts): the same point.
   */
  private solvePair(beliefA: number, beliefB: number, uA: Float64Array, uB: Float64Array): Float64Array {
    const direct = this.uniquePair.solve(uA, uB, beliefA, beliefB, this.lambda, this.pairOut);
    if (!direct || this.trace) fillBayesianPair(this.pairGame, uA, uB, beliefA, beliefB);
    const sigma = direct ? this.pairOut : this.solver.solve(this.pairGame, this.lambda, this.pairOut);
    for (let k = 0; k < 4; k++) this.sigmaComply[k] = sigma[2 * k];
    return this.sigmaComply;
  }

  /**
   * Draw the realised types' actions (0 or 1) into pairAct and update each side's belief about the other
   * from what it saw (into pairSeen: 1 if it saw action 1). Public play (exchange, acceptance) is seen as
   * it is; ceasefire play (monitored) is seen through the noise: action 1 unseen with probability `miss`,
   * action 0 taken for 1 with probability `falseAlarm`.
   */
  private drawPair(m: number, r: number, game: string, actionNames: readonly string[], monitored: boolean, miss: number, falseAlarm: number): void {
    const [A, B] = this.scenario.measures[m].sides;
    const { nA } = this;
    const sigma = this.sigmaComply;
    const tA = this.type[A], tB = this.type[B];
    const actA = this.rng() < sigma[tA] ? 0 : 1;
    const actB = this.rng() < sigma[2 + tB] ? 0 : 1;
    this.pairAct[0] = actA;
    this.pairAct[1] = actB;
    this.decisions += 2;
    if (this.trace) {
      this.traceGame(r, `${game} (${this.scenario.measures[m].id})`, this.pairGame, this.pairOut, [A, A, B, B],
        [tA === 0 ? actA : -1, tA === 1 ? actA : -1, tB === 0 ? actB : -1, tB === 1 ? actB : -1], () => [...actionNames], true);
    }
    for (let side = 0; side < 2; side++) {
      const me = side === 0 ? A : B;
      const other = side === 0 ? B : A;
      const act = side === 0 ? actB : actA;
      const seen = !monitored ? act : act === 1 ? (this.rng() >= miss ? 1 : 0) : this.rng() < falseAlarm ? 1 : 0;
      this.pairSeen[side] = seen;
      const base = side === 0 ? 2 : 0; // the other side's agents: sincere, buying time
      // P(what was seen | type): the type's equilibrium probability of the action, through the noise
      let ls = 1 - sigma[base], ln = 1 - sigma[base + 1];
      if (monitored) {
        ls = monitoredLikelihood(ls, miss, falseAlarm);
        ln = monitoredLikelihood(ln, miss, falseAlarm);
      }
      if (seen === 0) {
        ls = 1 - ls;
        ln = 1 - ln;
      }
      const before = this.belief[me * nA + other];
      const after = bayesTrust(before, ls, ln);
      this.belief[me * nA + other] = after;
      if (this.trace) {
        const observed = !monitored
          ? `saw it ${actionNames[act] === 'honour' ? 'honour the exchange' : actionNames[act] === 'renege' ? 'renege on the exchange' : actionNames[act]}`
          : seen ? (act === 1 ? 'saw a violation' : 'saw a violation (a false alarm)') : act === 1 ? 'saw nothing (a violation went unseen)' : 'saw no violation';
        this.trace.push({ kind: 'trust', round: r, actor: me, about: other, before, after, observed });
      }
    }
  }

  private exchange(m: number, r: number, rec: RunRecord): void {
    const ms = this.scenario.measures[m];
    const [A, B] = ms.sides;
    const { nA } = this;
    fillComplianceTypePayoffs(this.stageTerms(m, A, 0), this.stageA);
    fillComplianceTypePayoffs(this.stageTerms(m, B, 0), this.stageB);
    this.solvePair(this.belief[A * nA + B], this.belief[B * nA + A], this.stageA, this.stageB);
    // public and seen by both: the likelihood of what the other did is its type's probability of doing it
    this.drawPair(m, r, 'exchange', EXCHANGE_ACTIONS, false, 0, 0);
    rec.measureFate[m] = this.pairAct[0] === 0 && this.pairAct[1] === 0 ? 1 : 0;
    if (rec.measureFate[m] === 1) {
      rec.tranches[m] = 1;
      rec.measureRound[m] = r;
    }
    if (this.trace) this.trace.push({ kind: 'measure', round: r, measure: m, event: rec.measureFate[m] ? 'carried out' : 'not carried out' });
  }

  private offerCeasefire(m: number, r: number, rec: RunRecord): void {
    const ms = this.scenario.measures[m];
    const [A, B] = ms.sides;
    const { nA } = this;
    const first = Math.max(r, 1);
    const n = this.T - first + 1;
    // the compliance equilibrium of its first round, as both sides foresee it
    const sigma = this.complianceEquilibrium(m, first);
    const horizon = 1 + discountedRounds(this.delta, n - 1);
    fillAcceptanceTypePayoffs(this.stageA, 0, sigma, horizon, ms.offeredBy === A ? this.audience[A] : 0, this.accA);
    fillAcceptanceTypePayoffs(this.stageB, 2, sigma, horizon, ms.offeredBy === B ? this.audience[B] : 0, this.accB);
    this.solvePair(this.belief[A * nA + B], this.belief[B * nA + A], this.accA, this.accB);
    this.drawPair(m, r, 'ceasefire offer', OFFER_ACTIONS, false, 0, 0);
    if (this.pairAct[0] === 0 && this.pairAct[1] === 0) {
      this.cfActive[m] = 1;
      rec.measureFate[m] = CF_HELD;
      rec.measureRound[m] = r;
      if (this.trace) this.trace.push({ kind: 'measure', round: r, measure: m, event: `accepted, in force from round ${first}` });
    } else {
      rec.measureFate[m] = CF_REJECTED;
      if (this.trace) this.trace.push({ kind: 'measure', round: r, measure: m, event: 'rejected' });
    }
  }

  /** Fill stageA/stageB for round r of ceasefire m and solve its compliance game (agents' P(comply)). */
  private complianceEquilibrium(m: number, r: number): Float64Array {
    const ms = this.scenario.measures[m];
    const [A, B] = ms.sides;
    const { nA } = this;
    const v = this.values;
    const miss = v[ms.miss];
    const remaining = discountedRounds(this.delta, this.T - r);
    const peace = v[ms.peace];
    // side A's violation calls the ceasefire off if B sees it and it reaches B's tolerance
    const futureA = this.cfSeen[2 * m] + 1 >= ms.tolerance ? (1 - miss) * peace * remaining : 0;
    const futureB = this.cfSeen[2 * m + 1] + 1 >= ms.tolerance ? (1 - miss) * peace * remaining : 0;
    fillComplianceTypePayoffs(this.stageTerms(m, A, futureA), this.stageA);
    fillComplianceTypePayoffs(this.stageTerms(m, B, futureB), this.stageB);
    return this.solvePair(this.belief[A * nA + B], this.belief[B * nA + A], this.stageA, this.stageB);
  }

  private playCeasefires(r: number, rec: RunRecord): void {
    const ms = this.scenario.measures;
    for (let m = 0; m < ms.length; m++) if (this.cfActive[m]) this.ceasefireRound(m, r, rec);
  }

  private playCeasefiresTo(from: number, to: number, rec: RunRecord): void {
    for (let r = from; r <= to; r++) this.playCeasefires(r, rec);
  }

  private ceasefireRound(m: number, r: number, rec: RunRecord): void {
    const ms = this.scenario.measures[m];
    const [A, B] = ms.sides;
    const v = this.values;
    const miss = v[ms.miss];
    const fa = v[ms.falseAlarm];
    this.complianceEquilibrium(m, r);
    this.drawPair(m, r, 'ceasefire', CEASEFIRE_ACTIONS, true, miss, fa);
    const seenB = this.pairSeen[0]; // A saw B violate
    const seenA = this.pairSeen[1]; // B saw A violate
    const violated = this.pairAct[0] === 1 || this.pairAct[1] === 1;
    rec.ceasefireRound[m * this.T + r - 1] = violated ? 2 : 1;
    if (!violated) rec.heldRounds[m]++;
    else if (rec.firstViolation[m] === 0) rec.firstViolation[m] = r;
    this.cfSeen[2 * m] += seenA;
    this.cfSeen[2 * m + 1] += seenB;
    this.seen[B] += seenA;
    this.seen[A] += seenB;
    const offA = this.cfSeen[2 * m] >= ms.tolerance;
    const offB = this.cfSeen[2 * m + 1] >= ms.tolerance;
    if (offA || offB) {
      this.cfActive[m] = 0;
      rec.measureFate[m] = CF_BROKEN;
      rec.endedRound[m] = r;
      rec.brokenBy[m] = offA && offB ? BY_BOTH : offA ? A : B;
      if (this.trace) {
        const who = offA && offB ? 'both sides' : this.scenario.actors[offA ? A : B].name;
        this.trace.push({ kind: 'measure', round: r, measure: m, event: `called off: violations by ${who} reached the tolerance (${ms.tolerance})` });
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------

  private traceGame(
    round: number,
    game: string,
    g: NormalFormGame,
    sigma: Float64Array,
    actors: ArrayLike<number>,
    chosen: number[],
    names: (i: number) => string[],
    agentForm = false,
  ): void {
    const n = g.strategies.length;
    const utilities = expectedUtilities(g, sigma);
    const players: TracePlayer[] = [];
    let off = 0;
    for (let i = 0; i < n; i++) {
      const m = g.strategies[i];
      const p: TracePlayer = {
        actor: actors[i],
        actions: names(i),
        utilities: utilities[i],
        probabilities: Array.from(sigma.subarray(off, off + m)),
        chosen: chosen[i],
      };
      if (agentForm) {
        p.type = TYPE_NAMES[i % 2];
        p.realised = this.type[actors[i]] === i % 2;
      }
      players.push(p);
      off += m;
    }
    this.trace!.push({ kind: 'game', round, game, lambda: this.lambda, players });
  }
}

/** u_i(a, sigma_-i) for every player and action, per player (for traces; not on the hot path). */
export function expectedUtilities(g: NormalFormGame, sigma: Float64Array): number[][] {
  const flat = expectedPayoffs(g, sigma);
  let o = 0;
  return g.strategies.map((m) => flat.slice(o, (o += m)));
}
