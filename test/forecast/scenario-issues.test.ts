import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forecastIssuesOfScenario } from '../../src/forecast/scenario-issues.js';
import { loadScenario } from '../../src/scenario/load.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;

test('Geneva II: one forecast issue per scenario issue, each with the actors holding a position on it', () => {
  const issues = forecastIssuesOfScenario(geneva);
  assert.equal(issues.map((i) => i.id), geneva.issues.map((i) => i.id));
  const assad = issues.find((i) => i.id === 'assad_role')!;
  assert.ok(assad.actors.length >= 2);
  // the mediator holds no positions and is not an input of the forecasts
  for (const i of issues) assert.ok(!i.actors.some((a) => a.name === 'un'), i.id);
});

test('uncertain numbers are read at their mean: gov capability triangular [0.6, 0.7, 0.8] -> 0.7', () => {
  const gov = forecastIssuesOfScenario(geneva)[0].actors.find((a) => a.name === 'gov')!;
  assert.ok(Math.abs(gov.capability - 0.7) < 1e-12, String(gov.capability));
});

test('a fixed scenario reads its numbers as written; a salience of 0 leaves the actor out', () => {
  const yaml = `id: t\ntitle: T\nrounds: 2\nissues:\n  tax: { low: a, high: b }\nactors:\n  a: { name: A, role: party, capability: 0.5, position: { tax: 20 }, salience: { tax: 0.8 } }\n  b: { name: B, role: party, capability: 1, position: { tax: 90 }, salience: { tax: 0 } }\n`;
  const r = loadScenario('t.yaml', { text: yaml });
  assert.ok(r.scenario, JSON.stringify(r.diagnostics));
  assert.equal(forecastIssuesOfScenario(r.scenario!)[0].actors, [{ name: 'a', capability: 0.5, position: 20, salience: 0.8 }]);
});

test.run();
