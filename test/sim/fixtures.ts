/**
 * Small scenarios for the simulator's tests, written as YAML so they go through the real loader.
 */
import { loadScenarioText } from '../../src/scenario/load.js';
import { newRunRecord, type RunRecord } from '../../src/sim/run-record.js';
import { runRng } from '../../src/sim/rng.js';
import { RunEngine } from '../../src/sim/run.js';
import { RunState } from '../../src/sim/run-state.js';
import type { Scenario } from '../../src/scenario/types.js';

/**
 * The model's values before they were fitted to the record (lambda 60 and the judgement defaults): tests of
 * a mechanism pin them so that what they show does not move when the fitted defaults do.
 */
export const PINNED_MODEL = 'lambda: 60, audience_cost: 0.1, outside_option: 0.4, attend_alone_cost: 0.05, betrayal_cost: 0.1, flexibility: 0.15';

export function scenarioFrom(yaml: string, file = 'test.yaml'): Scenario {
  const { scenario, diagnostics } = loadScenarioText(yaml, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!scenario || errors.length > 0) throw new Error(`test scenario does not load: ${JSON.stringify(errors)}`);
  return scenario;
}

export interface TwoParties {
  redLineA?: string;
  redLineB?: string;
  exitB?: string;
  pressureOnA?: number;
  pressureOnB?: number;
  lambda?: number;
  rounds?: number;
}

/** Two essential parties on one issue, a sponsor pressing A, optional red lines and an exit preference. */
export function twoParties(o: TwoParties = {}): Scenario {
  const prefsA = o.redLineA ? `\n    preferences:\n      - red_line: "${o.redLineA}"` : '';
  const prefsB = [o.redLineB ? `      - red_line: "${o.redLineB}"` : '', o.exitB ? `      - exit: "${o.exitB}"\n        cost: 0.3` : '']
    .filter(Boolean).join('\n');
  return scenarioFrom(`
id: two-parties
title: Two parties
rounds: ${o.rounds ?? 6}
model: { ${PINNED_MODEL.replace('lambda: 60', `lambda: ${o.lambda ?? 20}`)} }
issues:
  x: { low: "nothing", high: "everything" }
actors:
  a:
    name: A
    role: party
    armed: true
    capability: 0.6
    position: { x: {uniform: [10, 30]} }
    salience: { x: 0.8 }${prefsA}
  b:
    name: B
    role: party
    armed: true
    capability: 0.5
    position: { x: {uniform: [60, 90]} }
    salience: { x: 0.8 }${prefsB ? `\n    preferences:\n${prefsB}` : ''}
  s:
    name: Sponsor
    role: sponsor
    capability: 0.8
    position: { x: 50 }
    pressure:
      - on: a
        toward: [attend]
        strength: ${o.pressureOnA ?? 0}
      - on: b
        toward: [attend]
        strength: ${o.pressureOnB ?? 0}
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: before }
`);
}

/**
 * A scenario where one uncertain input alone decides whether the talks happen: A attends only when its
 * inclination to attend (uniform on [-1, 1]) is positive, give or take the logit noise of lambda 10, and
 * B always attends; an observer's uncertain capability does nothing at all (its one position has salience 0,
 * so it weighs nothing in a proposal, and it presses no one), and B's uncertain position touches only the deal.
 */
export const DECIDED_YAML = `
id: decided
title: One input decides whether the talks happen
rounds: 3
model: { lambda: 10, audience_cost: 0.1, outside_option: 0.4, attend_alone_cost: 0.05, betrayal_cost: 0.1, flexibility: 0.15 }
issues: { x: { low: nothing, high: everything } }
actors:
  a:
    name: A
    role: party
    capability: 0.5
    position: { x: 20 }
    preferences:
      - inclination: attend
        strength: {uniform: [-1, 1]}
        source: "A will come only if it decides to"
  b:
    name: B
    role: party
    capability: 0.5
    position: { x: {uniform: [60, 80]} }
    preferences:
      - inclination: attend
        strength: 1
  observer:
    name: An observer with no say
    role: sponsor
    capability: {uniform: [0, 1]}
    position: { x: 50 }
    salience: { x: 0 }
`;

/** Share of `runs` runs (seed 1) of `s` for which `event` holds. */
export function share(s: Scenario, runs: number, event: (rec: RunRecord) => boolean): number {
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let k = 0;
  for (let r = 0; r < runs; r++) {
    engine.run(1, r, rec);
    if (event(rec)) k++;
  }
  return k / runs;
}

/** A on x and y with a hard red line on x and a soft one on y; B on x only; a framework on x. */
export function inputsScenario(sincerityB = 1): Scenario {
  return scenarioFrom(`
id: inputs
title: Run inputs
rounds: 4
framework: [x]
model: { ${PINNED_MODEL}, discount: 0.9, delay_cost: 0.02 }
issues:
  x: { low: "none", high: "all" }
  y: { low: "none", high: "all" }
actors:
  a:
    name: A
    role: party
    sincerity: 1
    capability: 0.5
    position: { x: 20, y: 80 }
    salience: { x: 0.6, y: 0.2 }
    preferences:
      - red_line: "x <= 40"
      - red_line: "y >= 90"
        firmness: 0
        penalty: 0.2
  b:
    name: B
    role: party
    sincerity: ${sincerityB}
    capability: 0.5
    position: { x: {uniform: [60, 90]} }
    salience: { x: 1 }
`);
}

/** The shared state of run `run` of seed 1, ready to sample into. */
export function stateFor(s: Scenario, run = 0): RunState {
  const st = new RunState(s);
  st.values = new Float64Array(s.params.length);
  st.rng = runRng(1, run);
  return st;
}
