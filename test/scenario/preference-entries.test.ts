import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { preferenceEntries } from '../../src/scenario/preference-entries.js';
import { scenarioFrom } from '../sim/fixtures.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;

test('Geneva II: every stated preference, belief and pressure, by its path in the file, each with the quotation the file gives', () => {
  const entries = preferenceEntries(geneva);
  assert.equal(entries.map((e) => `${e.path} ${e.kind}`), [
    'actors.gov.preferences.0 red_line', 'actors.gov.preferences.1 priority', 'actors.gov.preferences.2 outside_option',
    'actors.gov.beliefs.snc belief',
    'actors.snc.preferences.0 precondition', 'actors.snc.preferences.1 exit', 'actors.snc.preferences.2 exit',
    'actors.snc.preferences.3 inclination', 'actors.snc.preferences.4 outside_option', 'actors.snc.beliefs.gov belief',
    'actors.russia.pressure.0 pressure', 'actors.west.pressure.0 pressure',
  ]);
  const belief = entries.find((e) => e.path === 'actors.snc.beliefs.gov')!;
  assert.is(belief.quote, 'The opposition has accused the government of reneging on promises in the past and declaring cease-fires only to buy time.');
  assert.is(belief.label, 'the belief of Syrian National Coalition (al-Maleh) that Syrian government (al-Moallem) is sincere');
  assert.is(belief.short, 'snc: belief gov sincere');
  assert.equal(belief.slots.map((k) => geneva.params[k].path), ['actors.snc.beliefs.gov.sincere']);
  // a belief the file states without a quotation has none
  assert.is(entries.find((e) => e.path === 'actors.gov.beliefs.snc')!.quote, undefined);
});

test('an entry owns the numbers written under its path, not the defaults it shares', () => {
  const entries = preferenceEntries(geneva);
  const pre = entries.find((e) => e.path === 'actors.snc.preferences.0')!;
  // its penalty is not in the file: the model's shared default (model.penalty), not the precondition's own
  assert.equal(pre.slots.map((k) => geneva.params[k].path), ['actors.snc.preferences.0.with.demand', 'actors.snc.preferences.0.firmness']);
  assert.is(geneva.params[geneva.actors[1].conditions[0].penalty].path, 'model.penalty');
  assert.is(pre.label, 'the precondition of Syrian National Coalition (al-Maleh): assad_role >= demand');
  const s = scenarioFrom(`
id: t
title: T
rounds: 3
issues: { x: { low: a, high: b } }
actors:
  a:
    name: A
    role: party
    capability: 0.5
    position: { x: 10 }
    preferences:
      - exit: "deviation > 20"
        source: "we will leave"
  b: { name: B, role: party, capability: 0.5, position: { x: 90 } }
`);
  const [exit] = preferenceEntries(s);
  // its cost is the actor's audience cost, model.audience_cost: not the exit's own number
  assert.equal([exit.path, exit.kind, exit.slots, exit.quote], ['actors.a.preferences.0', 'exit', [], 'we will leave']);
  // an outside option the file does not state is the model's, no preference of the actor's
  assert.not.ok(preferenceEntries(s).some((e) => e.kind === 'outside_option'));
});

test.run();
