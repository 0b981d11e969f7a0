import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { applySets, parseSetArg, settablePaths } from '../../src/scenario/override.js';
import type { Scenario } from '../../src/scenario/types.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;
const set = (path: string, text: string) => applySets(geneva, [{ path, text }]);

test('parseSetArg splits at the first = and refuses an argument without one', () => {
  assert.equal(parseSetArg('model.lambda=10'), { path: 'model.lambda', text: '10' });
  assert.equal(parseSetArg('actors.x.with.a=b=c'), { path: 'actors.x.with.a', text: 'b=c' });
  assert.is((parseSetArg('model.lambda') as { severity: string }).severity, 'error');
  assert.is((parseSetArg('=3') as { severity: string }).severity, 'error');
});

test('a number replaces the distribution of the slot its path names, on a copy', () => {
  const r = set('actors.russia.pressure.0.strength', '0.9');
  assert.equal(r.diagnostics, []);
  assert.equal(r.overrides, { 'actors.russia.pressure.0.strength': 0.9 });
  const slot = r.scenario!.actors[2].pressure[0].strength;
  assert.equal(r.scenario!.params[slot].dist, { kind: 'fixed', value: 0.9 });
  assert.is.not(geneva.params[slot].dist.kind === 'fixed' && (geneva.params[slot].dist as { value: number }).value === 0.9, true);
  assert.is(r.scenario!.params.length, geneva.params.length);
});

test('an uncertain value in YAML flow syntax is accepted and recorded as written', () => {
  const r = set('actors.gov.capability', '{uniform: [0.5, 0.8]}');
  assert.equal(r.diagnostics, []);
  assert.equal(r.overrides, { 'actors.gov.capability': { uniform: [0.5, 0.8] } });
  assert.equal(r.scenario!.params[r.scenario!.actors[0].capability].dist, { kind: 'uniform', lo: 0.5, hi: 0.8 });
});

test('a shared default set on one actor gets a slot of its own; the model slot and the others keep theirs', () => {
  const r = set('actors.gov.flexibility', '0.3');
  assert.equal(r.diagnostics, []);
  const s = r.scenario!;
  assert.is(s.params.length, geneva.params.length + 1);
  assert.is(s.actors[0].flexibility, s.params.length - 1);
  assert.equal(s.params[s.actors[0].flexibility], { path: 'actors.gov.flexibility', dist: { kind: 'fixed', value: 0.3 }, min: 0, max: 1 });
  assert.is(s.actors[1].flexibility, geneva.model.flexibility);
  assert.equal(s.params[s.model.flexibility].dist, geneva.params[geneva.model.flexibility].dist);
});

test('setting model.flexibility changes every actor that shares it (as editing model: would)', () => {
  const s = set('model.flexibility', '0.4').scenario!;
  for (const a of s.actors) if (a.flexibility === s.model.flexibility) assert.equal(s.params[a.flexibility].dist, { kind: 'fixed', value: 0.4 });
  assert.ok(s.actors.some((a) => a.flexibility === s.model.flexibility));
});

test("an actor's audience cost set on its own carries the exits that default to it", () => {
  const gov = geneva.actors[0];
  const r = set('actors.gov.audience_cost', '0.7');
  const s = r.scenario!;
  assert.is(s.actors[0].audienceCost, s.params.length - 1);
  for (let j = 0; j < gov.exits.length; j++) {
    if (gov.exits[j].cost === gov.audienceCost) assert.is(s.actors[0].exits[j].cost, s.params.length - 1);
  }
});

test('an unknown path is refused with the nearest valid path as a hint', () => {
  const r = set('actors.gov.capabilty', '0.5');
  assert.is(r.scenario, undefined);
  assert.is(r.diagnostics.length, 1);
  assert.is(r.diagnostics[0].message, "--set actors.gov.capabilty=0.5: no number of geneva-2014 has the path 'actors.gov.capabilty'");
  assert.is(r.diagnostics[0].hint, "did you mean 'actors.gov.capability'?");
  const far = set('actors.gov.nothing_like_it', '0.5');
  assert.match(far.diagnostics[0].hint!, /^paths under actors\.gov: actors\.gov\.capability, /);
});

test('values are checked like the file: range, distribution rules, text', () => {
  assert.is(set('actors.gov.capability', '1.5').diagnostics[0].message, '--set actors.gov.capability=1.5: must be within [0, 1]; got 1.5');
  assert.match(set('model.lambda', '{beta: [1, 2]}').diagnostics[0].message, 'beta is only allowed on fields within [0, 1]');
  assert.match(set('model.lambda', '{uniform: [5, 2]}').diagnostics[0].message, 'uniform needs lo <= hi; got [5, 2]');
  assert.match(set('model.lambda', 'ten').diagnostics[0].message, "got a string ('ten')");
  assert.match(set('model.lambda', '{uniform: [1').diagnostics[0].message, 'not valid YAML flow text');
  assert.match(set('actors.gov.flexibility', '2').diagnostics[0].message, 'must be within [0, 1]; got 2');
});

test('the same path twice is refused', () => {
  const r = applySets(geneva, [{ path: 'model.lambda', text: '1' }, { path: 'model.lambda', text: '2' }]);
  assert.match(r.diagnostics[0].message, 'model.lambda is set twice');
});

test("model.boycott_cost, unset in the file, gets a slot of its own that every actor without its own boycott cost follows", () => {
  // geneva's model: block gives no boycott_cost: it reads model.audience_cost's slot
  assert.is(geneva.model.boycottCost, geneva.model.audienceCost);
  const r = set('model.boycott_cost', '0.25');
  assert.equal(r.diagnostics, []);
  const s = r.scenario!;
  assert.is(s.model.boycottCost, s.params.length - 1);
  assert.equal(s.params[s.model.boycottCost], { path: 'model.boycott_cost', dist: { kind: 'fixed', value: 0.25 }, min: 0, max: 10 });
  for (let i = 0; i < s.actors.length; i++) {
    const before = geneva.actors[i];
    assert.is(s.actors[i].boycottCost, before.boycottCost === geneva.model.boycottCost ? s.model.boycottCost : before.boycottCost);
    // the other roles and the audience cost itself stay where they were
    assert.equal([s.actors[i].walkoutCost, s.actors[i].offerCost, s.actors[i].audienceCost], [before.walkoutCost, before.offerCost, before.audienceCost]);
  }
  assert.ok(s.actors.some((a) => a.boycottCost === s.model.boycottCost));
  assert.is(s.model.audienceCost, geneva.model.audienceCost);
  assert.ok(settablePaths(geneva).includes('model.walkout_cost') && settablePaths(geneva).includes('model.offer_cost'));
});

test('settable paths are the params, the shared defaults, rounds and each ceasefire tolerance', () => {
  const p = settablePaths(geneva);
  assert.ok(p.includes('model.lambda') && p.includes('actors.gov.flexibility') && p.includes('measures.detainee_exchange.miss'));
  assert.ok(p.includes('rounds') && p.includes('measures.aleppo_ceasefire.tolerance'));
  assert.not.ok(p.includes('measures.detainee_exchange.tolerance')); // an exchange has none
  assert.is(new Set(p).size, p.length);
});

test('rounds and a ceasefire tolerance take a whole number, on a copy, and are recorded', () => {
  const r = applySets(geneva, [{ path: 'rounds', text: '3' }, { path: 'measures.aleppo_ceasefire.tolerance', text: '1' }]);
  assert.equal(r.diagnostics, []);
  assert.equal(r.overrides, { rounds: 3, 'measures.aleppo_ceasefire.tolerance': 1 });
  assert.is(r.scenario!.rounds, 3);
  assert.is(r.scenario!.measures[0].tolerance, 1);
  assert.is(geneva.rounds, 8);
  assert.is(geneva.measures[0].tolerance, 2);
  assert.is(r.scenario!.params.length, geneva.params.length); // no draw moves
});

test('rounds: not uncertain, not fractional, within 1..200 and not before a measure is offered', () => {
  assert.match(set('rounds', '2.5').diagnostics[0].message, 'rounds takes a whole number');
  assert.match(set('rounds', '{uniform: [2, 4]}').diagnostics[0].hint!, 'cannot be uncertain');
  assert.match(set('rounds', '0').diagnostics[0].message, '0 is outside 1..200');
  assert.match(set('rounds', '201').diagnostics[0].hint!, 'at most 200');
  const late = structuredClone(geneva);
  late.measures[1].at = 5;
  const r = applySets(late, [{ path: 'rounds', text: '4' }]);
  assert.match(r.diagnostics[0].message, '4 is outside 5..200');
  assert.match(r.diagnostics[0].hint!, 'measures.detainee_exchange is offered in round 5');
  assert.match(set('measures.aleppo_ceasefire.tolerance', '0').diagnostics[0].message, 'outside 1..100');
});

test('a YAML tag in a value is refused like the loader refuses it, and yaml prints no warning of its own', () => {
  const warnings: string[] = [];
  const emit = process.emitWarning;
  process.emitWarning = ((w: string | Error) => { warnings.push(String(w)); }) as typeof process.emitWarning;
  try {
    for (const [text, tag] of [['!!js/function "x"', '!!js/function'], ['!foo 3', '!foo'], ['{uniform: [5, !!binary aGVsbG8=]}', '!!binary']]) {
      const r = set('model.lambda', text);
      assert.is(r.scenario, undefined, text);
      assert.is(r.diagnostics[0].message, `--set model.lambda=${text}: YAML tag not allowed: ${tag}`);
    }
  } finally {
    process.emitWarning = emit;
  }
  assert.equal(warnings, []);
});

test.run();
