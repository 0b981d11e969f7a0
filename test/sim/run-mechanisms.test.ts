/**
 * The properties issue 14 asks of the model, shown through the engine (RunEngine playing whole runs of
 * scenarios loaded from YAML), at the default lambda unless a test says otherwise.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AGREEMENT, newRunRecord, type RunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { Scenario } from '../../src/scenario/types.js';
import { scenarioFrom, share } from './fixtures.js';


/** n essential parties with near-identical positions (49..51) and no red lines. */
function closeParties(n: number): Scenario {
  const actors = Array.from({ length: n }, (_, i) => `
  p${i}:
    name: P${i}
    role: party
    capability: 0.5
    position: { x: ${49 + (2 * i) / Math.max(1, n - 1)} }
    salience: { x: 0.6 }`).join('');
  return scenarioFrom(`
id: close-${n}
title: ${n} parties close together
rounds: 8
issues:
  x: { low: "none", high: "all" }
actors:${actors}
`);
}

test('near-identical positions, no red lines: two parties agree in at least 90% of runs, four at least 80% as often', () => {
  const two = share(closeParties(2), 1000, (r) => r.outcome === AGREEMENT);
  const four = share(closeParties(4), 1000, (r) => r.outcome === AGREEMENT);
  assert.ok(two >= 0.9, `two parties: ${two}`);
  assert.ok(four >= 0.8 * two, `four parties: ${four} against two: ${two}`);
});

/** Two sincere armed sides and a ceasefire before the talks, perfectly monitored. */
function sincereTruce(rounds: number, extra = ''): Scenario {
  return scenarioFrom(`
id: truce
title: A sincere truce
rounds: ${rounds}
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 20 }, salience: { x: 0.5 } }
  b: { name: B, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 80 }, salience: { x: 0.5 }${extra} }
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: before, miss: 0, false_alarm: 0 }
`);
}

test('two sincere sides with perfect monitoring keep a ceasefire to the last round in at least 90% of runs, however many rounds', () => {
  for (const rounds of [5, 40, 150]) {
    const s = sincereTruce(rounds);
    const kept = share(s, 500, (r) => r.measureRound[0] >= 0 && r.endedRound[0] === 0 && r.firstViolation[0] === 0);
    assert.ok(kept >= 0.9, `${rounds} rounds: kept to the end in ${kept}`);
  }
});

test('a side whose war aims are better served by fighting violates more as its war aims rise', () => {
  let last = -1;
  for (const gain of [0, 0.2, 0.4, 0.8]) {
    const s = sincereTruce(6, `, war_gain: ${gain}`);
    const broken = share(s, 600, (r) => r.firstViolation[0] > 0 || r.measureRound[0] < 0);
    assert.ok(broken >= last, `war_gain ${gain}: ceasefire refused or violated in ${broken}, below ${last}`);
    last = broken;
  }
  assert.ok(last > 0.5, `with war_gain 0.8 the ceasefire is refused or violated in only ${last}`);
});

test('a party with no reason to boycott attends in at least 95% of runs at the default lambda', () => {
  const s = closeParties(3);
  const a = share(s, 1000, (r) => r.attended[0] === 1);
  assert.ok(a >= 0.95, `attends in ${a}`);
});

/** An exchange between two distrustful sides, with a guarantor of given strength. */
function guaranteed(strength: number): Scenario {
  return scenarioFrom(`
id: exchange
title: An exchange under a guarantee
rounds: 4
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, sincerity: 0.4, position: { x: 30 }, salience: { x: 0.5 } }
  b: { name: B, role: party, capability: 0.5, sincerity: 0.4, position: { x: 70 }, salience: { x: 0.5 } }
  g:
    name: Guarantor
    role: sponsor
    capability: 0.5
    guarantees:
      - { of: swap, strength: ${strength} }
measures:
  swap: { kind: exchange, offered_by: g, between: [a, b], at: before }
`);
}

test("raising a guarantor's strength raises the probability that an exchange is carried out", () => {
  const p = [0, 0.1, 0.2, 0.3, 0.6].map((g) => share(guaranteed(g), 1000, (r) => r.tranches[0] >= 1));
  // rising until it is certain
  for (let i = 1; i < p.length; i++) assert.ok(p[i] > p[i - 1] || p[i - 1] === 1, `carried out: ${p.join(', ')}`);
  assert.ok(p[0] < 0.5 && p[p.length - 1] > 0.9, `carried out: ${p.join(', ')}`);
});

test('a deadline raises agreement in its round', () => {
  const base = (deadline: string) => scenarioFrom(`
id: deadline
title: Talks with and without a deadline
rounds: 6${deadline}
model: { lambda: 5 }
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 40 }, salience: { x: 0.5 }, preferences: [{ outside_option: 0.55 }] }
  b: { name: B, role: party, capability: 0.5, position: { x: 60 }, salience: { x: 0.5 }, preferences: [{ outside_option: 0.55 }] }
`);
  // P(agreement in round 4 | the talks reached round 4)
  const inRound4 = (s: Scenario) => {
    const reached = share(s, 3000, (rec) => rec.endRound >= 4);
    return share(s, 3000, (rec) => rec.outcome === AGREEMENT && rec.endRound === 4) / reached;
  };
  const without = inRound4(base(''));
  const withIt = inRound4(base('\ndeadline: { round: 4, cost: 0.1 }'));
  assert.ok(withIt > without + 0.1, `agreement in round 4 once reached: ${withIt} with the deadline, ${without} without`);
});

test('a ceasefire offered at round N is played from round N', () => {
  const s = scenarioFrom(`
id: later
title: A ceasefire offered in round 3
rounds: 6
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 20 }, salience: { x: 0.5 }, preferences: [{ outside_option: 0.1 }, { red_line: "x <= 30" }] }
  b: { name: B, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 80 }, salience: { x: 0.5 }, preferences: [{ outside_option: 0.1 }, { red_line: "x >= 70" }] }
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: 3, miss: 0, false_alarm: 0 }
`);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let checked = 0;
  const played = s.rounds + s.window;
  for (let r = 0; r < 300; r++) {
    engine.run(1, r, rec);
    if (rec.measureRound[0] !== 3) continue;
    checked++;
    // ceasefireRound[m * played + r - 1]: round r of measure m (0: not in force)
    assert.is(rec.ceasefireRound[0 * played + 2 - 1], 0, 'round 2: not yet in force');
    assert.ok(rec.ceasefireRound[0 * played + 3 - 1] > 0, 'round 3: played');
  }
  assert.ok(checked > 10, `accepted in round 3 in ${checked} runs`);
});

test('three or more sides: a ceasefire among three sincere sides holds as one between two does', () => {
  const s = scenarioFrom(`
id: three
title: Three sides
rounds: 8
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 20 }, salience: { x: 0.5 } }
  b: { name: B, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 50 }, salience: { x: 0.5 } }
  c: { name: C, role: party, armed: true, capability: 0.5, sincerity: 1, position: { x: 80 }, salience: { x: 0.5 } }
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b, c], at: before, miss: 0, false_alarm: 0 }
`);
  const kept = share(s, 500, (r) => r.measureRound[0] >= 0 && r.endedRound[0] === 0);
  assert.ok(kept >= 0.9, `kept in ${kept}`);
});

test.run();
