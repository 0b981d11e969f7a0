/**
 * What the talks are worth to each party present, round by round (docs/MODEL.md §2): D_i, the text on the
 * table if signed (model/deal-value.ts: its utility, the chance the others implement it, the penalties of
 * the soft conditions it breaks), and whether i's binding conditions let it sign at all; C_i, going on
 * to the next round (model/continuation.ts); V_i, entering the talks. The round loop (run.ts) calls
 * `valueDeals` once the mediator has proposed and reads the rest from the stage games' terms.
 * Allocated once per engine; it draws nothing.
 */
import { talksContinuation } from '../model/continuation.js';
import { dealValue } from '../model/deal-value.js';
import { implementationProbability } from '../model/implementation.js';
import { conditionHolds } from '../model/preferences/red-line.js';
import { spatialUtility } from '../model/spatial-utility.js';
import type { Scenario } from '../scenario/types.js';
import type { MeasurePlayer } from './measures.js';
import { talkRounds } from './run-record.js';
import type { RunInputs } from './run-inputs.js';
import type { RunState } from './run-state.js';

export class PartyValues {
  /** Per actor: 1 if its binding conditions allow the text (valueDeals' last text). */
  readonly canAccept: Uint8Array;
  /** Per actor: D_i of valueDeals' last text. */
  readonly deal: Float64Array;
  private readonly nA: number;
  private readonly nI: number;
  /** The last round of talks. */
  private readonly T: number;

  /**
   * `present` and `essential` are the engine's per-actor flags (shared, not copied): who is at the talks
   * and whose signature a deal needs.
   */
  constructor(
    private readonly scenario: Scenario,
    private readonly st: RunState,
    private readonly inputs: RunInputs,
    private readonly measures: MeasurePlayer,
    private readonly present: Uint8Array,
    private readonly essential: Uint8Array,
  ) {
    this.nA = scenario.actors.length;
    this.nI = scenario.issues.length;
    this.T = talkRounds(scenario);
    this.canAccept = new Uint8Array(this.nA);
    this.deal = new Float64Array(this.nA);
  }

  /** D_i of `text` and whether i can accept it, for every party present (at the framework stage, on its issues). */
  valueDeals(r: number, text: Float64Array, framework: boolean): void {
    const { nA, nI } = this;
    const st = this.st;
    const { conditions, binding, penalty, frameworkCondition, pos } = this.inputs;
    const w = framework ? this.inputs.fwWeight : this.inputs.weight;
    for (let a = 0; a < nA; a++) {
      if (!this.present[a] || this.scenario.actors[a].role !== 'party') continue;
      let ok = 1;
      let soft = 0;
      const conds = conditions[a];
      const broken: string[] | null = st.trace ? [] : null;
      for (let j = 0; j < conds.length; j++) {
        // at the framework stage only the conditions on the framework's issues count
        if ((framework && !frameworkCondition[a][j]) || conditionHolds(conds[j], text)) continue;
        if (binding[a][j]) ok = 0;
        else soft += penalty[a][j];
        if (broken) broken.push(conds[j].spec.text);
      }
      const u = spatialUtility(text, pos, w, a * nI, nI);
      const tau = this.minTrust(a);
      const pi = implementationProbability(tau, this.measures.dealGuaranteeOf);
      this.canAccept[a] = ok;
      this.deal[a] = dealValue(u, pi, st.outside[a], st.betrayal, soft);
      if (st.trace) {
        st.trace.push({
          kind: 'deal-value', round: r, actor: a, utility: u, trust: pi, deal: this.deal[a],
          cont: this.continuation(a, r), canAccept: ok === 1, brokenBy: broken ?? [],
        });
      }
    }
  }

  /** The lowest of a's beliefs that the other essential parties present are sincere (1 if none). */
  minTrust(a: number): number {
    const { nA } = this;
    let t = 1;
    for (let b = 0; b < nA; b++) {
      if (b === a || !this.essential[b] || !this.present[b]) continue;
      t = Math.min(t, this.st.belief[a * nA + b]);
    }
    return t;
  }

  /**
   * V_i, what entering the talks is worth: the deal a round later, or walking away to the outside option
   * (continuation.ts without the cost of delay, which is paid by rounds of talks, not by turning up: so
   * V_i >= o_i >= o_i - alone and attending stays a strategic complement).
   */
  entryValue(a: number): number {
    return talksContinuation(this.st.outside[a], this.deal[a], this.canAccept[a] === 1, this.st.delta, 0, false, 0);
  }

  /** C_i of round r (continuation.ts). */
  continuation(a: number, r: number): number {
    const last = r >= this.T;
    const deadline = last && this.scenario.deadline > 0 ? this.inputs.deadlineCost : 0;
    return talksContinuation(this.st.outside[a], this.deal[a], this.canAccept[a] === 1, this.st.delta, this.inputs.delay, last, deadline);
  }
}
