import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BACKTEST_HEADER, backtestCsv, backtestReliabilityCsv, backtestScoresCsv, RELIABILITY_HEADER, SCORES_HEADER } from '../../src/report/backtest-csv.js';
import { backtestFixture, twoCases } from './backtest-fixture.js';

const HASH = backtestFixture().scenarios[0].hash;

test('one row a question in long layout, observed as 1/0, CRLF line ends, numbers to 6 significant digits, seed and sha256 on every row', () => {
  const csv = backtestCsv(backtestFixture());
  // the first fourteen columns as they always were; attendance and the two base rates after them
  assert.equal(BACKTEST_HEADER.slice(0, 14), ['scenario', 'question', 'ask', 'actor', 'measure', 'p', 'lo', 'hi', 'observed', 'brier', 'logloss', 'n', 'seed', 'scenario_sha256']);
  assert.is(csv,
    'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed,scenario_sha256,attendance,base_rate,base_rate_out_of_sample\r\n' +
    `geneva-2014,gov_attends,attends,gov,,0.8,0.77,0.83,1,0.04,0.223144,1000,1,${HASH},1,1,0.5\r\n` +
    `geneva-2014,cf_3,held,,cf,0.3,0.27,0.33,0,0.09,0.356675,1000,1,${HASH},0,0,0.5\r\n`);
});

test('the question rows carry the out-of-sample base rate: its kind in the other case, or the pooled rate', () => {
  const rows = backtestCsv(twoCases()).split('\r\n').slice(1, -1).map((l) => l.split(','));
  assert.equal(rows.map((f) => [f[1], f[14], f[15], f[16]]), [
    ['a_att', '1', '1', '1'], ['a_deal', '0', '0.5', '1'], ['a_cf', '0', '1', '1'],
    ['b_att', '1', '1', '1'], ['b_talks', '1', '1', '0.666667'], ['b_deal', '0', '0.5', '0'],
  ]);
});

test('the scores CSV: a row a group (all, attendance, other, each kind, each case), negsim and the baselines side by side', () => {
  const csv = backtestScoresCsv(twoCases(), { seed: 3, runs: 100 });
  assert.equal(SCORES_HEADER, ['group', 'key', 'n', 'yes',
    'negsim_brier', 'half_brier', 'base_rate_brier', 'base_rate_out_of_sample_brier',
    'negsim_logloss', 'half_logloss', 'base_rate_logloss', 'base_rate_out_of_sample_logloss', 'seed', 'runs']);
  const rows = csv.split('\r\n').slice(1, -1).map((l) => l.split(','));
  assert.equal(rows.map((f) => f.slice(0, 4).join(' ')), [
    'all  6 5', 'attendance  3 3', 'other  3 2',
    'kind attends 2 2', 'kind agreement 2 1', 'kind talks 1 1', 'kind held 1 1',
    'case alpha 3 2', 'case beta 3 3',
  ]);
  // all: negsim 0.265 / 6, always 0.5 0.25, in sample 0.5 / 6, case out (1 + 1/9 + 1) / 6
  assert.equal(rows[0].slice(4, 8), ['0.0441667', '0.25', '0.0833333', '0.351852']);
  assert.equal(rows[0].slice(12), ['3', '100']);
  // agreement out of sample: two certain misses, log loss -ln 1e-6
  assert.equal(rows[4].slice(8, 12), ['0.289909', '0.693147', '0.693147', '13.815511']);
});

test('the reliability CSV: ten rows a forecaster, empty bins with empty mean and share, the ECE on every row', () => {
  const csv = backtestReliabilityCsv(twoCases(), { seed: 3, runs: 100 });
  assert.equal(RELIABILITY_HEADER, ['forecaster', 'lo', 'hi', 'n', 'mean_p', 'yes', 'freq', 'freq_lo', 'freq_hi', 'ece', 'seed', 'runs']);
  const rows = csv.split('\r\n').slice(1, -1);
  assert.is(rows.length, 40);
  assert.equal([...new Set(rows.map((l) => l.split(',')[0]))], ['negsim', 'half', 'base_rate', 'base_rate_out_of_sample']);
  assert.is(rows[1], 'negsim,0.1,0.2,0,,0,,0,1,0.166667,3,100');
  assert.is(rows[2], 'negsim,0.2,0.3,1,0.2,0,0,0,0.793451,0.166667,3,100');
  assert.is(rows[9], 'negsim,0.9,1,3,0.95,3,1,0.438503,1,0.166667,3,100');
  // always 0.5: all six in [0.5, 0.6), five yes; Wilson 5 of 6: (5 + z²/2 ∓ z sqrt(5/6 + z²/4)) / (6 + z²) = 0.436497, 0.969947
  assert.is(rows[15], 'half,0.5,0.6,6,0.5,5,0.833333,0.436497,0.969947,0.333333,3,100');
});

test.run();
