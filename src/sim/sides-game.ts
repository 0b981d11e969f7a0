/**
 * The sides of a measure as the players of one stage game, and the scratch it is played in: the solver
 * (model/games/agent-group.ts, two agents a side: sincere and buying time), the sides' beliefs about each
 * other, their stakes, the terms of one agent's game and what each side chose. One per engine, sized for
 * the largest group and shared by the measures (measures.ts) and the ceasefires (ceasefire-play.ts), so
 * that a round allocates nothing.
 */
import { bayesTrust } from '../model/bayes-trust.js';
import { AgentGroup } from '../model/games/agent-group.js';
import type { StageTerms } from '../model/games/ceasefire.js';
import type { MeasureSpec } from '../scenario/types.js';
import type { RunState } from './run-state.js';
import type { TracePlayer } from './trace-event.js';

const TYPE_NAMES = ['sincere', 'buying time'];

export class SidesGame {
  readonly group: AgentGroup;
  /** beliefs[i * n + j]: side i's belief that side j is sincere (1 for itself), for the n sides loaded. */
  readonly beliefs: Float64Array;
  /** stakes[3 * i], [3 * i + 1], [3 * i + 2]: side i's peace, temptation and sucker payoffs. */
  readonly stakes: Float64Array;
  /** act[i]: side i's choice, 0 (comply, accept, honour) or 1 (violate, reject, renege). */
  readonly act: Uint8Array;
  readonly terms: StageTerms = { peace: 0, temptation: 0, sucker: 0, push: 0, gain: 0, future: 0, guarantee: 0 };

  constructor(private readonly st: RunState, maxSides: number) {
    this.group = new AgentGroup(maxSides);
    this.beliefs = new Float64Array(maxSides * maxSides);
    this.stakes = new Float64Array(maxSides * 3);
    this.act = new Uint8Array(maxSides);
  }

  /** Load the sides' beliefs about each other and their stakes (scaled by the salience of the measure's issue). */
  load(ms: MeasureSpec, peace: number, temptation: number, sucker: number): number {
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
  stakeScale(ms: MeasureSpec, a: number): number {
    const { sal, nI } = this.st;
    return ms.issue >= 0 && sal[a * nI + ms.issue] > 0 ? 2 * sal[a * nI + ms.issue] : 1;
  }

  /** The terms of side i's compliance game, from its loaded stakes. */
  setTerms(ms: MeasureSpec, i: number, gain: number, future: number, g: number): StageTerms {
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

  /** Draw a public choice of every side of ms (action 0 by all: true); beliefs updated by what each saw. */
  drawPublic(ms: MeasureSpec, r: number, game: string, names: string[], sigma: Float64Array, g = 0): boolean {
    const st = this.st;
    const n = ms.sides.length;
    const { nA } = st;
    let all = true;
    for (let i = 0; i < n; i++) {
      this.act[i] = st.rng() < sigma[2 * i + st.type[ms.sides[i]]] ? 0 : 1;
      if (this.act[i] === 1 && !(g > 0 && st.rng() < g)) all = false;
    }
    st.decisions += n;
    if (st.trace) this.traceSides(r, `${game} (${ms.id})`, ms, names);
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

  /** Trace the game just solved among the sides of ms, with what each chose (act). */
  traceSides(r: number, game: string, ms: MeasureSpec, names: string[]): void {
    this.traceAgents(r, game, ms.sides, ms.sides.length, names, this.act);
  }

  /** Trace the game just solved among the actors `sides` (the first n), with what each chose if `acts`. */
  traceAgents(r: number, game: string, sides: ArrayLike<number>, n: number, names: string[], acts?: Uint8Array): void {
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
