/**
 * Each feature of the record's format (issue 13) read by the model, through the engine: changing it moves
 * the forecast the way docs/SCENARIO.md and docs/MODEL.md say.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AGREEMENT, newRunRecord, WITHDRAWAL, type RunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { Scenario } from '../../src/scenario/types.js';
import { PINNED_MODEL, scenarioFrom, share } from './fixtures.js';


/** Two parties on one issue; `a` and `b` add keys to each actor, `rest` adds top-level text after the actors. */
function two(o: { a?: string; b?: string; top?: string; rest?: string; rounds?: number; salA?: number } = {}): Scenario {
  return scenarioFrom(`
id: f
title: Format features
rounds: ${o.rounds ?? 5}${o.top ?? `\nmodel: { ${PINNED_MODEL} }`}
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, armed: true, capability: 0.5, position: { x: 30 }, salience: { x: ${o.salA ?? 0.5} }${o.a ?? ''} }
  b: { name: B, role: party, armed: true, capability: 0.5, position: { x: 70 }, salience: { x: 0.5 }${o.b ?? ''} }
${o.rest ?? ''}`);
}

test('attend_if: a hard precondition not met means a boycott; met, attendance', () => {
  const s = (cost: number) => two({
    a: ', preferences: [{ attend_if: release, firmness: 1 }]',
    rest: `measures:\n  release: { kind: concession, by: b, at: before, cost: ${cost} }\n`,
  });
  const attends = (sc: Scenario) => share(sc, 600, (r) => r.attended[0] === 1);
  const released = (sc: Scenario) => share(sc, 600, (r) => r.tranches[0] === 1);
  // whenever the release was not carried out, A boycotted
  const sc = s(0.2);
  const engine = new RunEngine(sc);
  const rec = newRunRecord(sc);
  for (let r = 0; r < 300; r++) {
    engine.run(1, r, rec);
    if (rec.tranches[0] === 0) assert.is(rec.attended[0], 0);
  }
  assert.ok(attends(s(0)) > attends(s(0.6)), 'a cheaper release, met more often, more attendance');
  assert.ok(released(s(0)) > released(s(0.6)));
});

test('boycott_cost: more blame for a boycott, more attendance', () => {
  const s = (c: number) => two({ a: `, boycott_cost: ${c}, preferences: [{ outside_option: 0.8 }]` });
  const low = share(s(0), 1000, (r) => r.attended[0] === 1);
  const high = share(s(0.3), 1000, (r) => r.attended[0] === 1);
  assert.ok(high > low + 0.05, `${high} against ${low}`);
});

test('walkout_cost: a dearer walk-out, fewer withdrawals', () => {
  const s = (c: number) => two({ b: `, walkout_cost: ${c}, preferences: [{ red_line: "x >= 80" }, { outside_option: 0.5 }]`, top: `\nmodel: { ${PINNED_MODEL.replace('lambda: 60', 'lambda: 20')} }` });
  const low = share(s(0), 1000, (r) => r.withdrewRound[1] > 0);
  const high = share(s(0.3), 1000, (r) => r.withdrewRound[1] > 0);
  assert.ok(high < low - 0.05, `${high} against ${low}`);
});

test("offer_cost: turning down its own public offer costs the offering side, so it accepts its ceasefire more", () => {
  const s = (c: number) => two({
    a: `, offer_cost: ${c}, war_gain: 0.05`,
    rest: 'measures:\n  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: before }\n',
  });
  const low = share(s(0), 1000, (r) => r.measureRound[0] >= 0);
  const high = share(s(0.4), 1000, (r) => r.measureRound[0] >= 0);
  assert.ok(high > low, `${high} against ${low}`);
});

test('framework: the framework is reached first, and the full deal after it', () => {
  const s = scenarioFrom(`
id: fw
title: Framework first
rounds: 8
framework: [x]
issues:
  x: { low: "none", high: "all" }
  y: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 45, y: 40 }, salience: { x: 0.5, y: 0.5 } }
  b: { name: B, role: party, capability: 0.5, position: { x: 55, y: 60 }, salience: { x: 0.5, y: 0.5 } }
`);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let frameworks = 0;
  for (let r = 0; r < 400; r++) {
    engine.run(1, r, rec);
    if (rec.outcome === AGREEMENT) assert.ok(rec.frameworkRound > 0 && rec.frameworkRound < rec.endRound, 'a deal comes after its framework');
    if (rec.frameworkRound > 0) frameworks++;
  }
  assert.ok(frameworks > 200, `framework in ${frameworks} of 400`);
});

test('window: a ceasefire is played on after the talks end', () => {
  const s = two({
    a: ', sincerity: 1, preferences: [{ red_line: "x <= 20" }]', b: ', sincerity: 1, preferences: [{ red_line: "x >= 80" }]',
    top: `\nwindow: 4\nmodel: { ${PINNED_MODEL} }`, rounds: 3,
    rest: 'measures:\n  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: before, miss: 0, false_alarm: 0 }\n',
  });
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let checked = 0;
  for (let r = 0; r < 100; r++) {
    engine.run(1, r, rec);
    if (rec.measureRound[0] < 0 || rec.endedRound[0] > 0) continue;
    checked++;
    assert.ok(rec.ceasefireRound[s.rounds + s.window - 1] > 0, 'played in the last round of the window');
  }
  assert.ok(checked > 50);
});

test('at_table: a sponsor seated at the table pulls the proposal; one that is not, does not', () => {
  const s = (seated: boolean) => scenarioFrom(`
id: t
title: At the table
rounds: 1
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 40 }, salience: { x: 0.5 } }
  b: { name: B, role: party, capability: 0.5, essential: false, position: { x: 60 }, salience: { x: 0.5 } }
  s: { name: S, role: sponsor, at_table: ${seated}, capability: 1, position: { x: 100 }, salience: { x: 1 } }
`);
  const meanDeal = (sc: Scenario) => {
    const engine = new RunEngine(sc);
    const rec = newRunRecord(sc);
    let sum = 0, n = 0;
    for (let r = 0; r < 300; r++) {
      engine.run(1, r, rec);
      if (rec.outcome === AGREEMENT) { sum += rec.deal[0]; n++; }
    }
    return sum / n;
  };
  assert.ok(meanDeal(s(true)) > meanDeal(s(false)) + 5, `${meanDeal(s(true))} against ${meanDeal(s(false))}`);
});

test('delay_cost: a dearer delay, agreement sooner', () => {
  const s = (d: number) => two({ top: `\nmodel: { ${PINNED_MODEL.replace('lambda: 60', 'lambda: 20')}, delay_cost: ${d} }`, rounds: 6 });
  const early = (sc: Scenario) => share(sc, 1500, (r) => r.outcome === AGREEMENT && r.endRound <= 2);
  assert.ok(early(s(0.1)) > early(s(0)) + 0.03, `${early(s(0.1))} against ${early(s(0))}`);
});

test("a measure's issue: its stakes scale with the side's salience (a concession worth more than it costs is carried out more the more the side cares)", () => {
  const s = (sal: number) => two({
    a: ', sincerity: 1', salA: sal, top: `\nmodel: { ${PINNED_MODEL.replace('lambda: 60', 'lambda: 10')} }`,
    rest: 'measures:\n  corridor: { kind: concession, by: a, at: before, cost: 0.1, peace: 0.3, issue: x }\n',
  });
  const done = (sc: Scenario) => share(sc, 1000, (r) => r.tranches[0] === 1);
  assert.ok(done(s(0.9)) > done(s(0.3)) + 0.05, `${done(s(0.9))} against ${done(s(0.3))}`);
});

test('a withdrawal by a party that is not essential does not end the talks', () => {
  const s = scenarioFrom(`
id: ne
title: Not essential
rounds: 4
issues:
  x: { low: "none", high: "all" }
actors:
  a: { name: A, role: party, capability: 0.5, position: { x: 40 }, salience: { x: 0.5 } }
  b: { name: B, role: party, capability: 0.5, position: { x: 60 }, salience: { x: 0.5 } }
  c: { name: C, role: party, essential: false, capability: 0.5, position: { x: 100 }, salience: { x: 0.9 }, preferences: [{ exit: "deviation > 5", cost: 1 }] }
`);
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  let walkouts = 0;
  for (let r = 0; r < 300; r++) {
    engine.run(1, r, rec);
    if (rec.withdrewRound[2] > 0) {
      walkouts++;
      assert.is.not(rec.outcome === WITHDRAWAL && rec.withdrewRound[0] === 0 && rec.withdrewRound[1] === 0, true);
    }
  }
  assert.ok(walkouts > 100, `C walked out in ${walkouts}`);
});

test.run();
