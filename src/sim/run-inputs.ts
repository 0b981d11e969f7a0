/**
 * A run's inputs: the scenario's numbers sampled for one run and what the round loop (run.ts) derives from
 * them before round 0 — each actor's positions, issue weights, capability, flexibility and costs, which of
 * its conditions bind and the box they leave it, and (into the shared RunState) its type, beliefs, pressure
 * and stakes. Allocated once per engine, refilled by `sample` every run.
 *
 * `sample` draws in a fixed order — the scenario's numbers, then each actor's type, then whether each
 * condition binds, actor by actor — so a run depends on (scenario, seed, run index) only. Change the order
 * and every run's draws change. docs/MODEL.md §1 (step 1, set-up) and §2 state what the numbers mean.
 */
import { INSINCERE, SINCERE } from '../model/games/bayesian-pair.js';
import { pushIndex } from '../model/preferences/inclination.js';
import { applyPriority } from '../model/preferences/priority.js';
import { bindCondition, compileCondition, conditionBox, type CompiledCondition } from '../model/preferences/red-line.js';
import { sampleParams } from '../scenario/sample.js';
import type { Scenario } from '../scenario/types.js';
import type { ExitInputs } from './exit-watch.js';
import type { RunState } from './run-state.js';

/** A caller's hook to overwrite sampled values (negsim explain sets inputs per run). */
export type InputHook = (values: Float64Array) => void;

/** Per-actor arrays are indexed by actor; per-actor-and-issue arrays actor-major (a * nIssues + k). */
export class RunInputs implements ExitInputs {
  /** Each actor's conditions, compiled once per engine; `sample` binds their numbers every run. */
  readonly conditions: CompiledCondition[][];
  /** Per actor and condition: whether it counts at the framework stage (not a box on non-framework issues only). */
  readonly frameworkCondition: boolean[][];
  /** The issues of the framework, if one is to be agreed first. */
  readonly inFramework: Set<number>;

  /** The cost of a round of delay (continuation.ts). */
  delay = 0;
  /** The cost of reaching the deadline without a deal (0 if the scenario has no deadline). */
  deadlineCost = 0;

  readonly flex: Float64Array;
  readonly walkout: Float64Array;
  readonly boycott: Float64Array;
  readonly capability: Float64Array;
  /** Opening positions; NaN where the actor holds none. */
  readonly pos0: Float64Array;
  /** Current positions: the opening ones at the start of a run, moved by the round loop. */
  readonly pos: Float64Array;
  /** Issue weights: salience normalised to sum 1 over the actor's issues, then its priorities applied. */
  readonly weight: Float64Array;
  /** Issue weights over the framework's issues only (framework stage). */
  readonly fwWeight: Float64Array;
  /** Capability times salience: the actor's clout on an issue with the mediator. */
  readonly csWeight: Float64Array;
  /** Per actor and condition: 1 if the condition binds in this run. */
  readonly binding: Uint8Array[];
  /** Per actor and condition: the utility lost if a non-binding condition is broken. */
  readonly penalty: Float64Array[];
  /** The box the actor's own binding conditions leave each issue (0..100 where none binds). */
  readonly ownLo: Float64Array;
  readonly ownHi: Float64Array;
  /** Per actor: its row of ownLo / ownHi. */
  private readonly ownLoOf: Float64Array[];
  private readonly ownHiOf: Float64Array[];

  constructor(
    private readonly scenario: Scenario,
    private readonly st: RunState,
  ) {
    const s = scenario;
    const nA = s.actors.length;
    const nI = s.issues.length;
    const issueIds = s.issues.map((i) => i.id);
    this.conditions = s.actors.map((a) => a.conditions.map((c) => compileCondition(c, issueIds)));
    const inFramework = (this.inFramework = new Set(s.framework));
    this.frameworkCondition = this.conditions.map((cs) => cs.map((c) => c.bounds === null || c.bounds.some((b) => inFramework.has(b.issue))));
    this.flex = new Float64Array(nA);
    this.walkout = new Float64Array(nA);
    this.boycott = new Float64Array(nA);
    this.capability = new Float64Array(nA);
    this.pos0 = new Float64Array(nA * nI);
    this.pos = new Float64Array(nA * nI);
    this.weight = new Float64Array(nA * nI);
    this.fwWeight = new Float64Array(nA * nI);
    this.csWeight = new Float64Array(nA * nI);
    this.binding = this.conditions.map((c) => new Uint8Array(c.length));
    this.penalty = this.conditions.map((c) => new Float64Array(c.length));
    this.ownLo = new Float64Array(nA * nI);
    this.ownHi = new Float64Array(nA * nI);
    this.ownLoOf = Array.from({ length: nA }, (_, a) => this.ownLo.subarray(a * nI, a * nI + nI));
    this.ownHiOf = Array.from({ length: nA }, (_, a) => this.ownHi.subarray(a * nI, a * nI + nI));
  }

  /**
   * Sample this run's numbers into `st.values` with `st.rng` (then let `hook`, if given, overwrite them)
   * and derive every array above from them, narrating into `st.trace` if set.
   */
  sample(hook: InputHook | null): void {
    const s = this.scenario;
    const st = this.st;
    const nA = s.actors.length;
    const nI = s.issues.length;
    const v = st.values;
    const rng = st.rng;
    sampleParams(s.params, rng, v);
    if (hook) hook(v);
    if (st.trace) {
      st.trace.push({
        kind: 'sampled',
        values: s.params.flatMap((p, i) => (p.dist.kind === 'fixed' ? [] : [{ path: p.path, value: v[i] }])),
      });
    }
    st.lambda = v[s.model.lambda];
    st.delta = v[s.model.discount];
    st.betrayal = v[s.model.betrayalCost];
    this.delay = v[s.model.delayCost];
    this.deadlineCost = s.deadlineCost >= 0 ? v[s.deadlineCost] : 0;
    const inFramework = this.inFramework;

    for (let a = 0; a < nA; a++) {
      const actor = s.actors[a];
      st.type[a] = rng() < v[actor.sincerity] ? SINCERE : INSINCERE;
      st.outside[a] = v[actor.outsideOption.value];
      st.offerCost[a] = v[actor.offerCost];
      st.warGain[a] = v[actor.warGain];
      this.walkout[a] = v[actor.walkoutCost];
      this.boycott[a] = v[actor.boycottCost];
      this.flex[a] = v[actor.flexibility];
      const cap = (this.capability[a] = v[actor.capability]);
      const o = a * nI;
      let total = 0;
      let fwTotal = 0;
      for (let k = 0; k < nI; k++) {
        const has = actor.position[k] >= 0;
        this.pos0[o + k] = this.pos[o + k] = has ? v[actor.position[k]] : NaN;
        st.sal[o + k] = has && actor.salience[k] >= 0 ? v[actor.salience[k]] : 0;
        this.weight[o + k] = st.sal[o + k];
        total += st.sal[o + k];
        if (inFramework.has(k)) fwTotal += st.sal[o + k];
      }
      for (let k = 0; k < nI; k++) {
        this.fwWeight[o + k] = inFramework.has(k) && fwTotal > 0 ? this.weight[o + k] / fwTotal : 0;
        if (total > 0) this.weight[o + k] /= total;
        this.csWeight[o + k] = cap * st.sal[o + k];
      }
      for (const p of actor.priorities) applyPriority(this.weight, o, nI, p.issues);
    }
    if (st.trace) st.trace.push({ kind: 'types', sincere: Array.from(st.type, (t) => t === SINCERE) });

    // beliefs: the common prior (the other's own sincerity) unless the scenario says otherwise
    for (let a = 0; a < nA; a++) {
      for (let b = 0; b < nA; b++) st.belief[a * nA + b] = a === b ? 1 : v[s.actors[b].sincerity];
      for (const bel of s.actors[a].beliefs) st.belief[a * nA + bel.about] = v[bel.sincere];
    }
    st.push.fill(0);
    for (let a = 0; a < nA; a++) {
      for (const inc of s.actors[a].inclinations) st.push[pushIndex(a, inc.toward)] += v[inc.strength];
      for (const pr of s.actors[a].pressure) {
        for (const t of pr.toward) st.push[pushIndex(pr.on, t)] += v[pr.strength];
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
        if (st.trace) {
          st.trace.push({
            kind: 'condition', actor: a, condition: j, binding: this.binding[a][j] === 1, text: c.spec.text,
            source: c.spec.source, penalty: this.penalty[a][j],
          });
        }
      }
    }
  }
}
