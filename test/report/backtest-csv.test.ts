import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BACKTEST_HEADER, backtestCsv } from '../../src/report/backtest-csv.js';
import { backtestFixture } from './backtest-fixture.js';

test('one row a question in long layout, observed as 1/0, CRLF line ends, numbers to 6 significant digits', () => {
  const csv = backtestCsv(backtestFixture());
  assert.equal(BACKTEST_HEADER, ['scenario', 'question', 'ask', 'actor', 'measure', 'p', 'lo', 'hi', 'observed', 'brier', 'logloss', 'n', 'seed']);
  assert.is(csv,
    'scenario,question,ask,actor,measure,p,lo,hi,observed,brier,logloss,n,seed\r\n' +
    'geneva-2014,gov_attends,attends,gov,,0.8,0.77,0.83,1,0.04,0.223144,1000,1\r\n' +
    'geneva-2014,cf_3,held,,cf,0.3,0.27,0.33,0,0.09,0.356675,1000,1\r\n');
});

test.run();
