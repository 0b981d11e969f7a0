/**
 * The backtest's HTML report on the hand-made two-case backtest (test/report/backtest-fixture.ts): the
 * reliability chart, every number equal to `backtest --json`'s, the baselines beside negsim.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backtestReportHtml } from '../../../src/report/html/backtest-report.js';
import { backtestJson } from '../../../src/report/backtest.js';
import { twoCases } from '../backtest-fixture.js';
import { dataCells, mismatches } from './cells.js';

const made = { negsim: 'test', rng: 'xor4096', seed: 3, runs: 100 };
const r = twoCases();
const html = await backtestReportHtml(r, made);

test('one chart, the reliability diagram, drawn as inline SVG with its points and whiskers', () => {
  assert.equal([...html.matchAll(/data-chart="([\w-]+)"/g)].map((m) => m[1]), ['reliability']);
  assert.is((html.match(/<svg /g) ?? []).length, 1);
  // four tenths hold questions: four labels yes/n
  for (const t of ['0/1', '1/1', '3/3']) assert.ok(html.includes(`>${t}</text>`), t);
  assert.ok(html.includes('>Share answered yes (whiskers: 95% Wilson interval)</text>'));
  assert.not.match(html, /<script/);
});

test('every number is backtest --json\'s: counts, scores of the four forecasters, the reliability table, the ECEs', () => {
  assert.equal(mismatches(html, JSON.parse(backtestJson(r, made))), []);
  const cells = dataCells(html);
  // counts: 4 kinds x 3 + 3; scores: 2 tables x 9 groups x 4 forecasters; reliability 10 x 4; ECE 4; cases 2
  assert.is(cells.length, 15 + 72 + 40 + 4 + 2);
  const brier = cells.find((c) => c.path === 'scorecards.outOfSampleBaseRate.nonAttendance' && c.attrs.metric === 'brier')!;
  assert.is(Number(brier.attrs.brier), 2 / 3);
  assert.ok(html.includes('>0.6667</td>'));
  const empty = cells.find((c) => c.path === 'scorecards.negsim.reliability.0' && c.attrs.metric === 'meanP')!;
  assert.is(empty.attrs.meanP, 'null');
});

test('the header names what was scored and how to run it again; the baselines are named in every score table', () => {
  assert.ok(html.includes('<h1>Backtest: 2 cases, 6 questions</h1>'));
  assert.ok(html.includes('6: 3 on attendance (50%), 3 others; 5 answered yes, 1 no'));
  assert.ok(html.includes('<code>negsim backtest FILES.. --runs 100 --seed 3 --report FILE</code>'));
  assert.is((html.match(/<th scope="col">Base rate, case left out<\/th>/g) ?? []).length, 2);
  assert.is((html.match(/<th scope="col">Always 0.5<\/th>/g) ?? []).length, 2);
  assert.ok(html.includes('<th scope="row">Attendance <span class="id">attends, talks</span></th>'));
});

test.run();
