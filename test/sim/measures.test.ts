/**
 * The measures of a run (src/sim/measures.ts) through the engine: concessions and who they persuade,
 * measures that require another, measures in force, exchanges in tranches, a deal's ratification and
 * implementation. A ceasefire's signing and rounds: ceasefire-play.test.ts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AGREEMENT, newRunRecord, type RunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { Scenario } from '../../src/scenario/types.js';
import { PINNED_MODEL, scenarioFrom, share } from './fixtures.js';


const TWO = (extraA = '', extraB = '') => `
model: { ${PINNED_MODEL} }
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: 0.5, position: { x: 40 }, salience: { x: 0.5 }${extraA} }
  b: { name: B, role: party, armed: true, capability: 0.5, position: { x: 60 }, salience: { x: 0.5 }${extraB} }
`;

test('a concession is carried out more by a sincere actor, less the more it costs', () => {
  const s = (cost: number, sincerity: number) => scenarioFrom(`
id: c
title: A concession
rounds: 3
${TWO(`, sincerity: ${sincerity}`)}
measures:
  release: { kind: concession, by: a, at: before, cost: ${cost}, peace: 0.3 }
`);
  const done = (sc: Scenario) => share(sc, 800, (r) => r.tranches[0] === 1);
  assert.ok(done(s(0.1, 1)) > done(s(0.1, 0)) + 0.3, 'sincere carries it out more');
  assert.ok(done(s(0.5, 1)) < done(s(0.1, 1)), 'a dearer concession is carried out less');
});

test('a measure that requires another is offered only once that one is carried out', () => {
  const s = scenarioFrom(`
id: r
title: Requires
rounds: 4
${TWO(', sincerity: 0.5')}
measures:
  first: { kind: concession, by: a, at: before, cost: 0.25 }
  second: { kind: exchange, offered_by: a, between: [a, b], at: 1, requires: first }
`);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let both = 0, neither = 0;
  for (let r = 0; r < 600; r++) {
    engine.run(1, r, rec);
    if (rec.tranches[0] === 0) {
      assert.is(rec.measureFate[1], -1, 'not offered');
      neither++;
    } else if (rec.measureFate[1] >= 0) both++;
  }
  assert.ok(both > 0 && neither > 0, `${both} offered, ${neither} not`);
});

test('a ceasefire in force is played from round 1 without an acceptance game, and counts as accepted before the talks', () => {
  const s = scenarioFrom(`
id: f
title: In force
rounds: 3
${TWO(', sincerity: 1', ', sincerity: 1')}
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: in_force, miss: 0, false_alarm: 0 }
`);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  engine.run(1, 0, rec);
  assert.is(rec.measureRound[0], 0);
  assert.ok(rec.ceasefireRound[0] > 0, 'played in round 1');
});

test('an exchange in three tranches: one a round, and a side that reneges ends it', () => {
  const s = scenarioFrom(`
id: t
title: Tranches
rounds: 5
${TWO(', sincerity: 0.3', ', sincerity: 0.3')}
measures:
  swap: { kind: exchange, offered_by: a, between: [a, b], at: 1, parts: 3 }
`);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  const seen = new Set<number>();
  for (let r = 0; r < 400; r++) {
    engine.run(1, r, rec);
    seen.add(rec.tranches[0]);
    if (rec.tranches[0] === 3) assert.is(rec.measureFate[0], 1);
    if (rec.tranches[0] < 3) assert.ok(rec.measureFate[0] <= 0, 'not carried out, or never offered (no talks)');
  }
  assert.ok(seen.has(0) && seen.has(3), `tranches seen: ${[...seen]}`);
});

test('a ratifier that prefers no deal rejects it, and a rejected deal is not implemented', () => {
  const s = (ratifierPosition: number) => scenarioFrom(`
id: rat
title: Ratification
rounds: 4
${TWO(', sincerity: 1', ', sincerity: 1')}  p:
    name: Parliament
    role: ratifier
    capability: 0.5
    position: { x: ${ratifierPosition} }
    salience: { x: 1 }
    preferences: [{ outside_option: 0.7 }]
`);
  const ratified = (sc: Scenario) => {
    const agreed = share(sc, 600, (r) => r.outcome === AGREEMENT);
    return share(sc, 600, (r) => r.outcome === AGREEMENT && r.ratified[2] === 1) / agreed;
  };
  assert.ok(ratified(s(50)) > 0.95, 'a ratifier at the deal approves it');
  assert.ok(ratified(s(100)) < 0.05, 'a ratifier far from it rejects it');
  const engine = new RunEngine(s(100));
  const rec = newRunRecord(s(100));
  for (let r = 0; r < 200; r++) {
    engine.run(1, r, rec);
    if (rec.outcome === AGREEMENT && rec.ratified[2] === 0) assert.is(rec.implemented, 0);
  }
});

test('a guarantor of the deal raises its implementation', () => {
  const s = (g: number) => scenarioFrom(`
id: imp
title: Implementation
rounds: 4
${TWO(', sincerity: 0.3', ', sincerity: 0.3')}  u:
    name: Guarantor
    role: sponsor
    capability: 0.5
    guarantees: [{ of: deal, strength: ${g} }]
`);
  const implemented = (sc: Scenario) => share(sc, 800, (r) => r.implemented === 1);
  assert.ok(implemented(s(0.9)) > implemented(s(0)) + 0.1, `${implemented(s(0.9))} against ${implemented(s(0))}`);
});

test.run();
