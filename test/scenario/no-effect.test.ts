/** Entries the model never reads are warned about, each naming what would have effect instead. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { THREE_SIDES, warnings } from './scenario-text.js';

const sponsor = (extra: string) => THREE_SIDES.replace('us: { name: United States, role: sponsor, capability: 0.9, position: { power: 50 } }',
  `us: { name: United States, role: sponsor, capability: 0.9, position: { power: 50 }, ${extra} }`);

test('a red line, exit or priority of a sponsor has no effect', () => {
  const w = warnings(sponsor("preferences: [{ red_line: 'power <= 60' }, { exit: 'deviation > 10' }, { priority: [power, land] }]"));
  assert.equal(w.map((d) => d.message), [
    "actors.us: a red line of a sponsor has no effect: only parties' and ratifiers' judge a deal",
    'actors.us: an exit of a sponsor has no effect: only parties sit at the table and can walk out',
    "actors.us: a priority of a sponsor has no effect: only parties' and ratifiers' judge a deal",
  ]);
  assert.match(w[0].hint ?? '', /a sponsor acts through pressure and guarantees/);
});

test('beliefs of a sponsor that plays no measure, and beliefs about an actor nobody needs, have no effect', () => {
  assert.equal(warnings(sponsor('beliefs: { gov: { sincere: 0.4 } }')).map((d) => d.message),
    ['actors.us: the beliefs of a sponsor that is not a side of any measure have no effect']);
  const aboutSponsor = THREE_SIDES.replace('capability: 0.4, position: { power: 80, land: 70 } }', 'capability: 0.4, position: { power: 80, land: 70 }, beliefs: { us: { sincere: 0.4 } } }');
  assert.equal(warnings(aboutSponsor).map((d) => d.message), ["actors.reb: a belief about 'us' has no effect: it is neither an essential party nor a side of a measure"]);
  // a sponsor that is a side of an exchange does weigh the other side's sincerity
  assert.equal(warnings(sponsor('beliefs: { gov: { sincere: 0.4 } }') + 'measures:\n  swap: { kind: exchange, offered_by: us, between: [us, gov] }\n'), []);
});

test('pressure toward actions the actor pressed never takes, war_gain without a ceasefire, an inclination to comply with nothing', () => {
  const w = warnings(sponsor('pressure: [{ on: parl, toward: [attend, accept] }, { on: gov, toward: comply, strength: 0.2 }]'.replace('toward: [attend, accept] }', 'toward: [attend, accept], strength: 0.1 }')));
  assert.equal(w.map((d) => d.message), [
    "actors.us: pressure on 'parl' toward attend has no effect: parl never chooses to attend",
    "actors.us: pressure on 'gov' toward comply has no effect: gov never chooses to comply",
  ]);
  const war = warnings(THREE_SIDES.replace('capability: 0.6,', 'capability: 0.6, war_gain: 0.1, preferences: [{ inclination: comply, strength: 0.1 }],'));
  assert.equal(war.map((d) => d.message), [
    'actors.gov: war_gain has no effect: it is read by ceasefires, and gov is a side of none',
    'actors.gov: an inclination to comply has no effect: this party never chooses to comply',
  ]);
});

test('a scenario whose every entry is read gets no warning', () => {
  assert.equal(warnings(THREE_SIDES), []);
});

test.run();
