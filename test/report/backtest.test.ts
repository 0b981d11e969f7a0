import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { askLabel, backtestText } from '../../src/report/backtest.js';
import { painter } from '../../src/report/color.js';
import { backtestFixture } from './backtest-fixture.js';

test('askLabel names the party or measure, and for held the rounds', () => {
  assert.is(askLabel({ ask: 'attends', actor: 'gov', measure: '', rounds: 0 }), 'attends gov');
  assert.is(askLabel({ ask: 'held', actor: '', measure: 'cf', rounds: 3 }), 'held cf >= 3 rounds');
  assert.is(askLabel({ ask: 'held', actor: '', measure: 'cf', rounds: 0 }), 'held cf to the end');
  assert.is(askLabel({ ask: 'agreement', actor: '', measure: '', rounds: 0 }), 'agreement');
});

test('the text: header with seed and runs, one row a question, scores beside both baselines, position errors n/a', () => {
  const t = backtestText(backtestFixture());
  const lines = t.split('\n');
  assert.is(lines[0], 'Backtest: 1 scenario, 2 questions; seed 1, 1000 runs a scenario');
  assert.is(lines[2], 'geneva-2014: Geneva II (scenarios/geneva-2014.yaml, sha256 0123456789ab; encoded');
  assert.is(lines[3], '  as of 2014-01-17, observed 2014-02-15)');
  assert.is(lines[4], '  question     asks                 forecast [95% Wilson]  obs  sq.err');
  assert.is(lines[5], '  gov_attends  attends gov          0.800 [0.770, 0.830]   yes  0.0400');
  assert.is(lines[6], '  cf_3         held cf >= 3 rounds  0.300 [0.270, 0.330]   no   0.0900');
  for (const l of lines) assert.ok(l.length <= 80, l);
  // negsim (0.04 + 0.09) / 2 = 0.065, log loss (0.22314 + 0.35667) / 2 = 0.28991; always 0.5: 0.25, 0.693
  assert.ok(t.includes('geneva-2014    2   0.0650   0.290    0.2500   0.693    0.0000   0.000\n'), t);
  assert.not.ok(t.includes('overall'), 'one scenario: no overall row');
  assert.match(t, /in-sample/);
  assert.match(t, /\(attends 1\/1,\n?\s*held 0\/1\)/);
  assert.match(t, /clips forecasts to \[1e-6, 1 - 1e-6\]/);
  assert.match(t, /geneva-2014\s+n\/a\s+n\/a\s+n\/a\s+n\/a\n/);
  assert.ok(t.endsWith('\n'));
});

test('colour paints headings only; the numbers read the same', () => {
  const plain = backtestText(backtestFixture());
  const coloured = backtestText(backtestFixture(), painter(true));
  assert.ok(coloured.includes('\x1b[1m'));
  assert.is(coloured.replace(/\x1b\[\d+m/g, ''), plain);
});

test.run();
