import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { POINTS_PER_TABLE, sweepReportHtml } from '../../../src/report/html/sweep-report.js';
import { sweepJson } from '../../../src/report/sweep.js';
import { dataCells, mismatches } from './cells.js';
import { sweep, tiny } from './fixture.js';

const r = await sweep;
const html = await sweepReportHtml(r, tiny);

test('one chart of every headline metric against the varied value, drawn as small multiples', () => {
  assert.equal([...html.matchAll(/data-chart="([\w-]+)"/g)].map((m) => m[1]), ['sweep']);
  assert.is((html.match(/<svg /g) ?? []).length, 1);
  // a title a small chart, in the SVG
  for (const t of ['Agreement', 'B withdraws', 'truce: held to the end']) assert.ok(html.includes(`>${t}</text>`), t);
});

test('every number is sweep --json\'s: 10 points x 10 metrics, in tables of eight points', () => {
  assert.equal(mismatches(html, JSON.parse(sweepJson(r))), []);
  const cells = dataCells(html);
  assert.is(cells.length, 100);
  assert.ok(cells.some((c) => c.path === 'points.9.summary.measures.truce.fate.held'));
  assert.is(POINTS_PER_TABLE, 8);
  assert.is((html.match(/<table class="numbers">/g) ?? []).length, 2);
  assert.ok(html.includes('points 9–10 of 10'));
  assert.ok(html.includes('<span data-vary="actors.s.pressure.1.strength" data-value="0.45">0.45</span>'));
});

test('the header names the varied path, its range and how to run the sweep again', () => {
  assert.ok(html.includes('<code>actors.s.pressure.1.strength</code> from 0 to 0.45 in steps of 0.05 (10 values)'));
  assert.ok(html.includes('<code>negsim sweep test.yaml --vary actors.s.pressure.1.strength=0:0.45:0.05 --runs 150 --seed 2 --report FILE</code>'));
});

test.run();
