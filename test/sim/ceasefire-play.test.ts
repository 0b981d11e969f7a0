/**
 * The play of a run's ceasefires (src/sim/ceasefire-play.ts) through the engine: signatures that stand, an
 * offer that stays on the table while the talks go on, put each round to the sides yet to sign.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { Scenario } from '../../src/scenario/types.js';
import type { TraceEvent } from '../../src/sim/trace-event.js';
import { PINNED_MODEL, scenarioFrom, share } from './fixtures.js';

/**
 * Four armed sides whose war aims make a truce worth no more than fighting (each accepts it about half the
 * time), and a truce offered at round `at`. A's and D's red lines leave no deal; with no outside option and
 * a dear walk-out the talks mostly last to the end.
 */
const fourSides = (at: number | string, rounds = 6) => scenarioFrom(`
id: s
title: Signatures
rounds: ${rounds}
model: { ${PINNED_MODEL.replace('lambda: 60', 'lambda: 30').replace('outside_option: 0.4', 'outside_option: 0')}, war_gain: 0.2 }
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: 0.5, position: { x: 10 }, salience: { x: 0.5 }, sincerity: 0.6, walkout_cost: 0.5, preferences: [{ red_line: "x <= 30" }] }
  b: { name: B, role: party, armed: true, capability: 0.5, position: { x: 40 }, salience: { x: 0.5 }, sincerity: 0.6, walkout_cost: 0.5 }
  c: { name: C, role: party, armed: true, capability: 0.5, position: { x: 60 }, salience: { x: 0.5 }, sincerity: 0.6, walkout_cost: 0.5 }
  d: { name: D, role: party, armed: true, capability: 0.5, position: { x: 90 }, salience: { x: 0.5 }, sincerity: 0.6, walkout_cost: 0.5, preferences: [{ red_line: "x >= 70" }] }
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b, c, d], at: ${at} }
`);

test('a ceasefire offer stands while the talks go on: signatures accumulate, so an early offer is accepted more often', () => {
  const accepted = (sc: Scenario) => share(sc, 600, (r) => r.measureRound[0] >= 0);
  const early = accepted(fourSides(1));
  const last = accepted(fourSides(6));
  assert.ok(last > 0.02 && last < 0.5, `one chance: ${last}`);
  assert.ok(early > last + 0.2, `${early} with six rounds to sign against ${last} with one`);
});

test('a ceasefire offer: accepted no earlier than offered, and no later than the talks last', () => {
  const s = fourSides('before');
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let later = 0;
  for (let run = 0; run < 600; run++) {
    engine.run(1, run, rec);
    if (rec.measureRound[0] < 0) continue;
    if (rec.measureRound[0] > 0) later++;
    assert.ok(rec.measureRound[0] <= rec.endRound, `run ${run}: accepted in round ${rec.measureRound[0]}, talks ended in ${rec.endRound}`);
  }
  assert.ok(later > 0, 'some accepted only in a later round of the talks');
});

test('a side that signed is not asked again: each later offer is put to the sides that declined the one before', () => {
  const s = fourSides(1);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let checked = 0;
  for (let run = 0; run < 40; run++) {
    const trace: TraceEvent[] = [];
    engine.run(1, run, rec, trace);
    const offers = trace.filter((e): e is Extract<TraceEvent, { kind: 'game' }> => e.kind === 'game' && e.game === 'ceasefire offer (truce)');
    for (let i = 1; i < offers.length; i++) {
      const declined = new Set(offers[i - 1].players.filter((p) => p.realised && p.chosen === 1).map((p) => p.actor));
      const asked = new Set(offers[i].players.map((p) => p.actor));
      assert.equal([...asked].sort(), [...declined].sort(), `run ${run}, offer ${i + 1}`);
      checked++;
    }
  }
  assert.ok(checked > 5, `${checked} later offers checked`);
});

test.run();
