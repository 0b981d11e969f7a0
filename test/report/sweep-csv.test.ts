import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sweepCsv } from '../../src/report/sweep-csv.js';
import { summaryCsv } from '../../src/report/summary-csv.js';
import type { SweepResult } from '../../src/stats/sweep-summary.js';
import { summaryOf } from './fixture.js';

// Two points of a made-up sweep over two paths; the summaries are real ones (200 runs of the report fixture).
const a = await summaryOf(200, 1);
const b = await summaryOf(200, 2);
const sweep: SweepResult = {
  negsim: '0.0.0-test', scenario: { id: 'two-parties', title: 'Two parties', file: 'test.yaml', hash: 'ab' },
  seed: 1, runs: 200, rng: 'test-rng',
  vary: [{ path: 'model.lambda', from: 5, to: 10, step: 5, values: [5, 10] }, { path: 'actors.a.capability', from: 0.3, to: 0.3, step: 1, values: [0.3] }],
  points: [{ values: [5, 0.3], summary: a }, { values: [10, 0.3], summary: b }],
};

test('table layout: the varied values before each row of the point\'s summary CSV, one row a (point, metric)', () => {
  const lines = sweepCsv(sweep, 'table').split('\r\n');
  assert.is(lines[0], 'model.lambda,actors.a.capability,metric,actor,estimate,lo,hi,n,seed,scenario_sha256,overrides');
  // 200 runs of seed 1: 34 agreements (0.17), Wilson 95% interval [0.124279, 0.228159]
  assert.is(lines[1], `5,0.3,outcome.agreement,,0.17,0.124279,0.228159,200,1,${a.scenario.hash},`);
  assert.is(lines[5], `5,0.3,attend,a,0.98,0.949713,0.992196,200,1,${a.scenario.hash},`);
  const rowsA = summaryCsv(a).split('\r\n').slice(1, -1);
  const rowsB = summaryCsv(b).split('\r\n').slice(1, -1);
  assert.is(lines.length, 1 + rowsA.length + rowsB.length + 1);
  assert.equal(lines.slice(1, 1 + rowsA.length), rowsA.map((r) => `5,0.3,${r}`));
  assert.equal(lines.slice(1 + rowsA.length, -1), rowsB.map((r) => `10,0.3,${r}`));
  assert.is(lines[lines.length - 1], '');
});

test('wide layout: one row a point, runs, seed, sha256 and the fixed overrides, then each metric (per actor: metric.actor) with _lo and _hi', () => {
  const lines = sweepCsv(sweep, 'wide').split('\r\n');
  assert.is(lines.length, 4);
  const header = lines[0].split(',');
  assert.equal(header.slice(0, 10), [
    'model.lambda', 'actors.a.capability', 'runs', 'seed', 'scenario_sha256', 'overrides',
    'outcome.agreement', 'outcome.agreement_lo', 'outcome.agreement_hi', 'outcome.withdrawal',
  ]);
  assert.ok(header.includes('attend.a') && header.includes('withdraw_on_exit.b_hi') && header.includes('truce.broken_by.both'));
  assert.is(header.length, 6 + 3 * 20);
  const row = lines[1].split(',');
  assert.is(row.length, header.length);
  assert.equal(row.slice(0, 9), ['5', '0.3', '200', '1', 'ab', '', '0.17', '0.124279', '0.228159']);
  assert.is(row[header.indexOf('attend.a')], '0.98');
  assert.is(lines[2].split(',')[0], '10');
  assert.is(lines[3], '');
});

test('a mean over no agreements (NaN) is an empty field in both layouts', () => {
  const noDeal = structuredClone(a);
  noDeal.deal.x = { ...noDeal.deal.x, mean: NaN, lo: NaN, hi: NaN };
  const s: SweepResult = { ...sweep, vary: [sweep.vary[0]], points: [{ values: [5], summary: noDeal }] };
  assert.ok(sweepCsv(s, 'table').includes('\r\n5,deal.x,,,,,'));
  assert.ok(sweepCsv(s, 'wide').endsWith(',,,\r\n'));
});

test.run();
