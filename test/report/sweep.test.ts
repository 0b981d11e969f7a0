import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { painter } from '../../src/report/color.js';
import { sweepJson, sweepTable } from '../../src/report/sweep.js';
import type { SweepResult } from '../../src/stats/sweep-summary.js';
import { summaryOf } from './fixture.js';

const a = await summaryOf(200, 1);
const b = await summaryOf(200, 2);
const sweep: SweepResult = {
  negsim: '0.0.0-test', scenario: { id: 'two-parties', title: 'Two parties', file: 'test.yaml', hash: '0123456789abcdef', overrides: { 'model.lambda': 3 } },
  seed: 1, runs: 200, rng: 'test-rng',
  vary: [{ path: 'actors.b.capability', from: 0.25, to: 0.5, step: 0.25, values: [0.25, 0.5] }],
  points: [{ values: [0.25], summary: a }, { values: [0.5], summary: b }],
};

test('the table names scenario, hash, seed, runs and each varied path, and gives a row a point of the four outcomes, within 80 columns', () => {
  const text = sweepTable(sweep);
  assert.match(text, 'scenario two-parties (test.yaml, sha256 0123456789ab)');
  assert.match(text, 'overrides: model.lambda=3');
  assert.match(text, '2 points, seed 1 and 200 runs at each (common random numbers), test-rng');
  assert.match(text, '  [1] actors.b.capability: 0.25 to 0.5 step 0.25 (2 values)');
  const lines = text.split('\n');
  const head = lines.findIndex((l) => l.includes('agreement'));
  assert.is(lines[head], '  [1]   agreement   withdrawal  stalemate   no_talks');
  // seed 1, 200 runs: agreement 34 (17.0%, wider side of its Wilson interval 5.8 points), withdrawal 150 (75.0%: 6.4),
  // stalemate 6 (3.0%: 3.4), no talks 10 (5.0%: 4.0)
  assert.is(lines[head + 1], '  0.25   17.0 ±5.8   75.0 ±6.4    3.0 ±3.4    5.0 ±4.0');
  assert.match(lines[head + 2], /^ {2}0\.5 {4}/);
  for (const l of lines) assert.ok(l.length <= 80, l);
});

test('painted, only the headings carry escape codes; unpainted, none', () => {
  assert.not.match(sweepTable(sweep), '\x1b[');
  const painted = sweepTable(sweep, painter(true)).split('\n');
  assert.is(painted[0], '\x1b[1mTwo parties\x1b[22m');
  assert.ok(painted.filter((l) => l.includes('\x1b[')).length === 2);
});

test('JSON is the whole result, NaN as null', () => {
  const noDeal = structuredClone(a);
  noDeal.deal.x = { ...noDeal.deal.x, mean: NaN };
  const j = JSON.parse(sweepJson({ ...sweep, points: [{ values: [0.25], summary: noDeal }] }));
  assert.is(j.points[0].summary.deal.x.mean, null);
  assert.equal(j.vary[0].values, [0.25, 0.5]);
  assert.is(j.points[0].summary.outcomes.agreement.count, 34);
});

test.run();
