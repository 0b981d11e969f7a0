/**
 * The resolver's own additions to the format: time (calendar, deadline, window, framework) and the newer
 * actor keys (at_table, the ratifier role, war_gain, the audience cost split by role, guarantees,
 * attend_if). The older rules are load.test.ts's.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEAL } from '../../src/scenario/types.js';
import { THREE_SIDES, ok, oneError, warnings } from './scenario-text.js';

const top = (keys: string) => THREE_SIDES.replace('rounds: 6\n', 'rounds: 6\n' + keys);
const path = (s: ReturnType<typeof ok>, slot: number) => s.params[slot].path;

test('calendar, deadline, window and framework resolve to rounds and issue indexes', () => {
  const s = ok(top('calendar: { start: 2010-01-11, every_days: 7 }\ndeadline: { date: 2010-02-03, cost: 0.2 }\nwindow: 3\nframework: [land]\n'));
  assert.equal(s.calendar, { start: '2010-01-11', everyDays: 7 });
  assert.is(s.deadline, 4, '3 February falls after the fourth weekly round (1 February)');
  assert.equal([s.window, s.framework, path(s, s.deadlineCost)], [3, [1], 'deadline.cost']);
  const byRound = ok(top('deadline: { round: 2 }\n'));
  assert.equal([byRound.deadline, byRound.params[byRound.deadlineCost].dist], [2, { kind: 'fixed', value: 0 }]);
  const dates = ok(top('calendar: { dates: [2010-01-11, 2010-01-12, 2010-01-20, 2010-02-01, 2010-03-01, 2010-03-02] }\n'));
  assert.equal(dates.calendar, { dates: ['2010-01-11', '2010-01-12', '2010-01-20', '2010-02-01', '2010-03-01', '2010-03-02'] });
});

test('time misuse is located and explained', () => {
  assert.is(oneError(top('calendar: { dates: [2010-01-11, 2010-01-12] }\n')).message, 'calendar.dates lists 2 dates, and the scenario has 6 rounds');
  assert.is(oneError(top('calendar: { dates: [2010-01-11, 2010-01-11, 2010-01-20, 2010-02-01, 2010-03-01, 2010-03-02] }\n')).message, 'calendar.dates: 2010-01-11 does not come after 2010-01-11');
  assert.is(oneError(top('deadline: { date: 2010-02-03 }\n')).message, 'deadline: a date needs a calendar');
  assert.is(oneError(top('deadline: { round: 2, date: 2010-02-03 }\n')).message, 'deadline: give round or date (one of them)');
  assert.is(oneError(top('deadline: { round: 9 }\n')).message, 'deadline.round: 9 is after the last round (rounds: 6)');
  assert.is(oneError(top('calendar: { start: 2010-01-11, every_days: 7 }\ndeadline: { date: 2010-01-01 }\n')).message, 'deadline: 2010-01-01 falls before the first round');
  assert.is(oneError(top('deadline: { round: 2 }\n') + 'measures:\n  c: { kind: concession, by: gov, at: 4 }\n').message, "measures.c is offered in round 4, after the deadline's round (2)");
  assert.is(oneError(top('framework: [lnd]\n')).message, "unknown issue 'lnd' in framework");
  assert.match(warnings(top('framework: [land, power]\n'))[0].message, /^the framework covers every issue/);
  assert.match(warnings(top('calendar: { start: 2009-12-01, every_days: 7 }\n'))[0].message, /^the first round \(2009-12-01\) opens before the scenario's as_of/);
});

test('at_table defaults by role; a ratifier never sits at the table; an excluded party is not essential', () => {
  const s = ok(THREE_SIDES.replace('essential: false, capability: 0.2', 'at_table: false, capability: 0.2'));
  const [gov, , mil, us, parl] = s.actors;
  assert.equal([gov.atTable, mil.atTable, us.atTable, parl.atTable], [true, false, false, false]);
  assert.equal([mil.essential, parl.role], [false, 'ratifier']);
  assert.is(oneError(THREE_SIDES.replace('role: ratifier,', 'role: ratifier, at_table: true,')).message, 'actors.parl: a ratifier approves a signed deal and never sits at the table');
  assert.is(oneError(THREE_SIDES.replace('essential: false, capability: 0.2', 'essential: true, at_table: false, capability: 0.2')).message,
    'actors.mil: a party excluded from the table (at_table: false) cannot be essential');
});

test('the audience cost split by role: an actor\'s own audience_cost sets all three, else the model\'s per role', () => {
  const s = ok(top('model: { audience_cost: 0.2, walkout_cost: 0.4 }\n').replace('capability: 0.6,', 'capability: 0.6, offer_cost: 0.05,').replace('capability: 0.4,', 'capability: 0.4, audience_cost: 0.3,'));
  const [gov, reb] = s.actors;
  assert.equal([path(s, gov.boycottCost), path(s, gov.walkoutCost), path(s, gov.offerCost)], ['model.audience_cost', 'model.walkout_cost', 'actors.gov.offer_cost']);
  assert.equal([path(s, reb.boycottCost), path(s, reb.walkoutCost), path(s, reb.offerCost)], ['actors.reb.audience_cost', 'actors.reb.audience_cost', 'actors.reb.audience_cost']);
  assert.equal([path(s, gov.warGain), path(s, gov.sincerity)], ['model.war_gain', 'model.sincerity']);
  const own = ok(THREE_SIDES.replace('capability: 0.6,', 'capability: 0.6, war_gain: {uniform: [-0.2, 0.3]},'));
  assert.equal(own.params[own.actors[0].warGain].dist, { kind: 'uniform', lo: -0.2, hi: 0.3 });
  assert.match(oneError(THREE_SIDES.replace('capability: 0.6,', 'capability: 0.6, war_gain: 2,')).message, /war_gain must be within \[-1, 1\]/);
});

test('guarantees of the deal or of a measure, and attend_if preconditions', () => {
  const s = ok(THREE_SIDES.replace("us: { name: United States, role: sponsor, capability: 0.9, position: { power: 50 } }",
    'us: { name: United States, role: sponsor, capability: 0.9, position: { power: 50 }, guarantees: [{ of: deal, strength: 0.6 }, { of: release, strength: {beta: [2, 2]} }] }')
    .replace("reb: { name: Rebels, role: party, armed: true, capability: 0.4, position: { power: 80, land: 70 } }",
      'reb: { name: Rebels, role: party, armed: true, capability: 0.4, position: { power: 80, land: 70 }, preferences: [{ attend_if: release, firmness: 0.7 }] }')
    + 'measures:\n  release: { kind: concession, by: gov }\n');
  const us = s.actors[3];
  assert.equal(us.guarantees.map((g) => [g.of, path(s, g.strength)]), [[DEAL, 'actors.us.guarantees.0.strength'], [0, 'actors.us.guarantees.1.strength']]);
  const reb = s.actors[1];
  assert.equal(reb.attendIf.map((a) => [a.measure, path(s, a.firmness), path(s, a.penalty)]), [[0, 'actors.reb.preferences.0.firmness', 'actors.reb.preferences.0.penalty']]);
  const later = oneError(THREE_SIDES.replace("reb: { name: Rebels, role: party, armed: true, capability: 0.4, position: { power: 80, land: 70 } }",
    'reb: { name: Rebels, role: party, armed: true, capability: 0.4, position: { power: 80, land: 70 }, preferences: [{ attend_if: release }] }')
    + 'measures:\n  release: { kind: concession, by: gov, at: 2 }\n');
  assert.is(later.message, "actors.reb.preferences.0: attend_if needs a measure offered before the talks, and 'release' is offered in round 2");
  assert.is(oneError(THREE_SIDES.replace('position: { power: 50 } }', 'position: { power: 50 }, guarantees: [{ of: nothing, strength: 0.5 }] }')).message,
    "unknown measure 'nothing' in actors.us.guarantees.0");
});

test.run();
