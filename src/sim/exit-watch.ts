/**
 * Each party's exit preferences (model/preferences/exit.ts), watched in every round it sits at the table.
 *
 * Two things follow from an exit condition, and they are kept apart:
 *
 * - **The walk-out commitment.** While the mediator's proposal meets the condition, staying (accept or
 *   continue) is worth the exit's cost less: the audience cost of a threat not carried out (Fearon 1994).
 *   `stayCost` returns that cost; it is the only way an exit changes what anyone does.
 * - **The threat voiced.** A threat is a conditional commitment stated *before* the act it is meant to
 *   deter, so as to change the other side's choice (Schelling 1960, The Strategy of Conflict, ch. 2 and 5:
 *   "the threat ... has to be communicated"). A party therefore voices its exit threat in the first round
 *   in which a demand on the table would meet its condition: the mediator's proposal, or the position of
 *   another party at the table (that party's demand, issue by issue; on the issues it holds no position on,
 *   the proposal's value). A voiced threat is an event for the record (`threatens` questions); it costs or
 *   gains nothing by itself, since its cost is already the walk-out commitment above. Before this, only the
 *   mediator's text could bring a threat out, and a mediator who avoids the lines never did: the record's
 *   threats were forecast at 0.33 where 12 of 13 were made (docs/MODEL.md §12).
 *
 * The state an exit condition reads (`deviation`, `breach`) is computed for the text it is tested on.
 */
import { conditionHolds, type CompiledCondition } from '../model/preferences/red-line.js';
import { bindExit, compileExit, exitTriggered, type CompiledExit, type ExitState } from '../model/preferences/exit.js';
import { weightedDistance } from '../model/spatial-utility.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from './trace-event.js';

/** The engine's arrays an exit condition's state is read from (shared, not copied). */
export interface ExitInputs {
  /** Opening positions, actor-major (a * nIssues + k); NaN where the actor holds none. */
  readonly pos0: Float64Array;
  /** Current positions, actor-major; NaN where the actor holds none. */
  readonly pos: Float64Array;
  /** Issue weights, actor-major (they sum to 1 over an actor's issues). */
  readonly weight: Float64Array;
  readonly conditions: readonly (readonly CompiledCondition[])[];
  /** Per actor and condition: 1 if the condition binds in this run. */
  readonly binding: readonly Uint8Array[];
  /** Per actor and condition: whether it counts at the framework stage. */
  readonly frameworkCondition: readonly (readonly boolean[])[];
}

/** The rest of an exit condition's state this round, the same whatever text it is tested on. */
export interface ExitRound {
  round: number;
  rounds: number;
  violations: number;
  trust: number;
  /** Whether the talks are at the framework stage (only the conditions that count then are read). */
  framework: boolean;
}

export class ExitWatch {
  private readonly exits: CompiledExit[][];
  private readonly cost: Float64Array[];
  private readonly state: ExitState = { deviation: 0, breach: 0, violations: 0, trust: 1, round: 0, rounds: 0 };
  private readonly demand: Float64Array;
  private readonly nI: number;
  /** Whether the last `stayCost` found the proposal meeting one of the actor's exit conditions. */
  hit = false;

  constructor(scenario: Scenario, private readonly at: ExitInputs) {
    const issueIds = scenario.issues.map((i) => i.id);
    this.nI = issueIds.length;
    this.exits = scenario.actors.map((a) => a.exits.map((e) => compileExit(e, issueIds)));
    this.cost = this.exits.map((e) => new Float64Array(e.length));
    this.demand = new Float64Array(this.nI);
  }

  /** Whether actor a has any exit preference. */
  has(a: number): boolean {
    return this.exits[a].length > 0;
  }

  /** Read a's exits' `with:` values and costs from this run's sampled values. */
  bind(a: number, values: Float64Array): void {
    const exits = this.exits[a];
    for (let j = 0; j < exits.length; j++) {
      bindExit(exits[j], values);
      this.cost[a][j] = values[exits[j].spec.cost];
    }
  }

  /**
   * What staying costs a this round: the summed cost of its exits whose condition the proposal meets
   * (0 if none; `hit` says whether any was met). `breach` is whether the proposal breaks one of a's binding conditions.
   */
  stayCost(a: number, proposal: Float64Array, breach: boolean, now: ExitRound, trace: TraceEvent[] | null): number {
    const exits = this.exits[a];
    const es = this.fill(a, proposal, breach ? 1 : 0, now);
    let cost = 0;
    this.hit = false;
    for (let j = 0; j < exits.length; j++) {
      if (!exitTriggered(exits[j], proposal, es)) continue;
      cost += this.cost[a][j];
      this.hit = true;
      trace?.push({
        kind: 'exit', round: now.round, actor: a, text: exits[j].spec.text, source: exits[j].spec.source,
        cost: this.cost[a][j], state: { ...es },
      });
    }
    return cost;
  }

  /**
   * The first party in `others` (the first `count` entries; a itself is skipped) whose demand meets one of
   * a's exit conditions, or -1: against whom a voices its threat this round.
   */
  threatTarget(a: number, others: ArrayLike<number>, count: number, proposal: Float64Array, now: ExitRound, trace: TraceEvent[] | null): number {
    const { nI, demand } = this;
    const pos = this.at.pos;
    const exits = this.exits[a];
    for (let i = 0; i < count; i++) {
      const b = others[i];
      if (b === a) continue;
      for (let k = 0; k < nI; k++) {
        const p = pos[b * nI + k];
        demand[k] = Number.isNaN(p) ? proposal[k] : p;
      }
      const es = this.fill(a, demand, this.breaks(a, demand, now.framework) ? 1 : 0, now);
      for (let j = 0; j < exits.length; j++) {
        if (!exitTriggered(exits[j], demand, es)) continue;
        trace?.push({
          kind: 'threat', round: now.round, actor: a, against: b, text: exits[j].spec.text, source: exits[j].spec.source,
          demand: Array.from(demand),
        });
        return b;
      }
    }
    return -1;
  }

  private fill(a: number, text: Float64Array, breach: number, now: ExitRound): ExitState {
    const es = this.state;
    es.deviation = weightedDistance(text, this.at.pos0, this.at.weight, a * this.nI, this.nI);
    es.breach = breach;
    es.violations = now.violations;
    es.trust = now.trust;
    es.round = now.round;
    es.rounds = now.rounds;
    return es;
  }

  /** Whether `text` breaks one of a's binding conditions (at the framework stage, one that counts then). */
  private breaks(a: number, text: Float64Array, framework: boolean): boolean {
    const conds = this.at.conditions[a];
    for (let j = 0; j < conds.length; j++) {
      if (!this.at.binding[a][j]) continue;
      if (framework && !this.at.frameworkCondition[a][j]) continue;
      if (!conditionHolds(conds[j], text)) return true;
    }
    return false;
  }
}
