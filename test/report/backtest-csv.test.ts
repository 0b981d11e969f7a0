import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BACKTEST_HEADER, backtestCsv } from '../../src/report/backtest-csv.js';
import { backtestFixture } from './backtest-fixture.js';

const HASH = backtestFixture().scenarios[0].hash;

test('one row a question in long layout, observed as 1/0, CRLF line ends, numbers to 6 significant digits, seed and sha256 on every row', () => {
  const csv = backtestCsv(backtestFixture());
  assert.equal(BACKTEST_HEADER, ['scenario', 'question', 'ask', 'actor', 'measure', 'p', 'lo', 'hi', 'observed', 'brier', 'logloss', 'n', 'seed', 'scenario_sha256']);
  assert.is(csv,
    'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed,scenario_sha256\r\n' +
    `geneva-2014,gov_attends,attends,gov,,0.8,0.77,0.83,1,0.04,0.223144,1000,1,${HASH}\r\n` +
    `geneva-2014,cf_3,held,,cf,0.3,0.27,0.33,0,0.09,0.356675,1000,1,${HASH}\r\n`);
});

test.run();
