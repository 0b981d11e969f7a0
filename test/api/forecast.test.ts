import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OptionError } from '../../src/api/errors.js';
import { ActorsCsvError, forecast, readActorsCsv, scenarioIssues } from '../../src/api/forecast.js';
import { loadScenario } from '../../src/api/scenario.js';
import { simulate } from '../../src/api/simulate.js';
import { expectedUtilityModel } from '../../src/forecast/expected-utility.js';

const eu = readActorsCsv(readFileSync('scenarios/eu-car-emissions.csv', 'utf8'), 'eu-car-emissions.csv');

test("a CSV's forecast: the published starting values of the EU car-emissions example and the expected-utility model's rounds", async () => {
  const [car] = await forecast(eu);
  assert.equal(Object.keys(car).sort(), ['actors', 'compromise', 'eum', 'id', 'median', 'name'], 'every model but negsim, which needs a scenario');
  assert.ok(Math.abs(car.compromise! - 7.38996) < 1e-5, String(car.compromise));
  assert.is(car.median, 7);
  assert.equal(car.eum, expectedUtilityModel(eu[0].actors).map(({ round, median, mean }) => ({ round, median, mean })));
  const [eight] = await forecast(eu, { models: ['eum'], eum: { rounds: 8, stop: 'rounds' } });
  assert.is(eight.eum!.length, 9, 'the starting positions and 8 rounds');
});

test("a CSV that cannot be read throws ActorsCsvError with where and what", () => {
  let caught: unknown;
  try {
    readActorsCsv('actor,capability,position,salience\nUK,0.16,ten,0.9\n', 'bad.csv');
  } catch (e) {
    caught = e;
  }
  assert.instance(caught, ActorsCsvError);
  const e = caught as ActorsCsvError;
  assert.equal([e.file, e.line, e.column], ['bad.csv', 2, 9]);
  assert.match(e.message, /^bad\.csv:2:9: error: /);
});

test("the negsim model needs a scenario, and forecasts its deal from the Monte Carlo simulate plays", async () => {
  let caught: unknown;
  try {
    await forecast(eu, { models: ['negsim'] });
  } catch (e) {
    caught = e;
  }
  assert.instance(caught, OptionError);
  const talks = loadScenario();
  const fs = await forecast(talks, { runs: 1000, seed: 3, workers: 2 });
  assert.equal(fs.map((f) => f.id), scenarioIssues(talks).map((i) => i.id));
  const { summary } = await simulate(talks, { runs: 1000, seed: 3, workers: 1 });
  const agreements = summary.outcomes.agreement.count;
  for (const f of fs) {
    const deal = summary.deal[f.id];
    assert.equal(f.negsim, deal && agreements > 0 ? { ...deal, agreements, runs: 1000, seed: 3 } : null, f.id);
  }
  // a summary given is used instead of a Monte Carlo
  assert.equal(await forecast(talks, { models: ['negsim'], summary }), fs.map((f) => ({ id: f.id, name: f.name, actors: f.actors, negsim: f.negsim })));
});

test.run();
