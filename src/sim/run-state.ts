/**
 * The state of one run that the round loop (run.ts) and the measures (measures.ts, ceasefire-play.ts)
 * share: the sampled numbers, each actor's type, beliefs, pressure and stakes. Allocated once per engine,
 * reset every run.
 */
import { N_PUSH, pushIndex } from '../model/preferences/inclination.js';
import type { PushedAction, Scenario } from '../scenario/types.js';
import type { TraceEvent } from './trace-event.js';

export class RunState {
  readonly nA: number;
  readonly nI: number;
  values: Float64Array = new Float64Array(0);
  rng: () => number = () => 0;
  trace: TraceEvent[] | null = null;
  decisions = 0;
  lambda = 0;
  delta = 0;
  betrayal = 0;
  /** Per actor: SINCERE (0) or INSINCERE (1), drawn once a run. */
  readonly type: Uint8Array;
  /** belief[a * nA + b]: a's belief that b is sincere. */
  readonly belief: Float64Array;
  readonly push: Float64Array;
  readonly outside: Float64Array;
  readonly offerCost: Float64Array;
  readonly warGain: Float64Array;
  /** Salience per actor and issue (0 where no position). */
  readonly sal: Float64Array;
  /** Per actor: violations of ceasefires it has seen (its exits read them). */
  readonly seen: Int32Array;

  constructor(readonly scenario: Scenario) {
    const nA = (this.nA = scenario.actors.length);
    this.nI = scenario.issues.length;
    this.type = new Uint8Array(nA);
    this.belief = new Float64Array(nA * nA);
    this.push = new Float64Array(nA * N_PUSH);
    this.outside = new Float64Array(nA);
    this.offerCost = new Float64Array(nA);
    this.warGain = new Float64Array(nA);
    this.sal = new Float64Array(nA * this.nI);
    this.seen = new Int32Array(nA);
  }

  pushOf(a: number, action: PushedAction): number {
    return this.push[pushIndex(a, action)];
  }
}
