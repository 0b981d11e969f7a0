import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { preferenceEntries } from '../../src/scenario/preference-entries.js';
import { switchOff } from '../../src/scenario/switch-off.js';
import type { Scenario } from '../../src/scenario/types.js';
import { AGREEMENT, newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import { pairedNewcombeDifference } from '../../src/stats/newcombe-difference.js';
import { scenarioFrom } from '../sim/fixtures.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;
const entry = (s: Scenario, path: string) => preferenceEntries(s).find((e) => e.path === path)!;

/** Runs 0..n-1 of seed 1: each run's outcome code and its parameter vector. */
function play(s: Scenario, n: number): { outcomes: number[]; values: Float64Array[] } {
  const engine = new RunEngine(s), rec = newRunRecord(s);
  const outcomes: number[] = [], values: Float64Array[] = [];
  for (let r = 0; r < n; r++) {
    engine.run(1, r, rec);
    outcomes.push(rec.outcome);
    values.push(rec.values.slice());
  }
  return { outcomes, values };
}

test('each kind, switched off as documented; the scenario itself is not changed', () => {
  const before = JSON.stringify(geneva);
  const pre = switchOff(geneva, entry(geneva, 'actors.snc.preferences.0'));
  assert.equal(pre.actors[1].conditions[0].expr, { t: 'num', v: 1 });
  const exit = switchOff(geneva, entry(geneva, 'actors.snc.preferences.1'));
  assert.equal(exit.actors[1].exits[0].expr, { t: 'num', v: 0 });
  assert.equal(exit.actors[1].exits[1], geneva.actors[1].exits[1]);
  assert.equal(switchOff(geneva, entry(geneva, 'actors.gov.preferences.1')).actors[0].priorities[0].issues, []);
  const belief = switchOff(geneva, entry(geneva, 'actors.snc.beliefs.gov'));
  assert.is(belief.actors[1].beliefs[0].sincere, geneva.actors[0].sincerity);
  const oo = switchOff(geneva, entry(geneva, 'actors.gov.preferences.2'));
  assert.is(oo.actors[0].outsideOption.value, geneva.model.outsideOption);
  const press = switchOff(geneva, entry(geneva, 'actors.russia.pressure.0'));
  const k = press.actors[2].pressure[0].strength;
  assert.is(k, geneva.params.length);
  assert.equal(press.params[k], { path: 'actors.russia.pressure.0.strength.switched_off', dist: { kind: 'fixed', value: 0 }, min: 0, max: 10 });
  assert.is(JSON.stringify(geneva), before);
});

test('common random numbers: run r of a counterfactual draws the same numbers as run r of the scenario', () => {
  for (const path of ['actors.snc.preferences.3', 'actors.russia.pressure.0', 'actors.snc.preferences.0']) {
    const off = switchOff(geneva, entry(geneva, path));
    assert.equal(off.params.slice(0, geneva.params.length), geneva.params);
    const a = play(geneva, 50), b = play(off, 50);
    for (let r = 0; r < 50; r++) assert.equal(Array.from(b.values[r].subarray(0, geneva.params.length)), Array.from(a.values[r]), `${path}, run ${r}`);
  }
});

test('counterfactual: without the coalition\'s precondition agreement becomes more likely, beyond Monte Carlo error (paired interval)', () => {
  const n = 2000;
  const base = play(geneva, n).outcomes, off = play(switchOff(geneva, entry(geneva, 'actors.snc.preferences.0')), n).outcomes;
  let e = 0, f = 0, g = 0, h = 0;
  for (let r = 0; r < n; r++) {
    const x = off[r] === AGREEMENT, y = base[r] === AGREEMENT;
    if (x && y) e++; else if (x) f++; else if (y) g++; else h++;
  }
  const d = pairedNewcombeDifference(e, f, g, h);
  assert.ok(d.lo > 0, `difference ${d.d} [${d.lo}, ${d.hi}]`);
});

test('a preference that changes nothing leaves every run as it was: the paired difference is exactly 0', () => {
  const s = scenarioFrom(`
id: idle
title: An exit that never fires
rounds: 4
issues: { x: { low: a, high: b } }
actors:
  a:
    name: A
    role: party
    capability: 0.5
    position: { x: {uniform: [10, 30]} }
    preferences:
      - exit: "round > 100"
        cost: 0.5
  b: { name: B, role: party, capability: 0.5, position: { x: {uniform: [60, 90]} } }
`);
  const off = switchOff(s, entry(s, 'actors.a.preferences.0'));
  assert.equal(play(off, 300).outcomes, play(s, 300).outcomes);
});

test.run();
