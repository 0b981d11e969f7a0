import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseActorsCsv } from '../../src/forecast/actors-csv.js';
import { forecastIssue, negsimForecast } from '../../src/forecast/forecast.js';
import type { Summary } from '../../src/stats/summary.js';

const eu = parseActorsCsv(readFileSync('scenarios/eu-car-emissions.csv', 'utf8'), 'eu.csv')[0];

test('scenarios/eu-car-emissions.csv reproduces the published starting values: weighted mean 7.38996, weighted median 7.0', () => {
  const f = forecastIssue(eu, ['compromise', 'median', 'eum']);
  assert.ok(Math.abs(f.compromise! - 7.38996) < 1e-5, String(f.compromise));
  assert.is(f.median, 7.0);
  assert.is(f.actors, 10);
  assert.is(f.eum![0].median, 7);
  assert.ok(Math.abs(f.eum![0].mean - 7.38996) < 1e-5);
});

test('only the models asked for are computed', () => {
  const f = forecastIssue(eu, ['median']);
  assert.equal(Object.keys(f).sort(), ['actors', 'id', 'median', 'name']);
  assert.is(forecastIssue(eu, ['eum'], { rounds: 2 }).eum!.length, 3);
});

test("negsim's forecast is the summary's deal block with the agreement count; null without agreements", () => {
  const deal = { mean: 40, lo: 38, hi: 42, sd: 5, n: 12, median: 41, q05: 30, q95: 50 };
  const summary = { runs: 100, seed: 7, deal: { tax: deal }, outcomes: { agreement: { count: 12 } } } as unknown as Summary;
  assert.equal(negsimForecast(summary, 'tax'), { ...deal, agreements: 12, runs: 100, seed: 7 });
  assert.is(negsimForecast(summary, 'other'), null);
  const none = { ...summary, outcomes: { agreement: { count: 0 } } } as unknown as Summary;
  assert.is(negsimForecast(none, 'tax'), null);
});

test.run();
