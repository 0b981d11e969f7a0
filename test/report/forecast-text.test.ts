import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forecastText } from '../../src/report/forecast-text.js';

test('doc example: compromise and median with six significant digits', () => {
  assert.is(
    forecastText('scenarios/eu-car-emissions.csv', [{ id: 'issue', name: 'issue', actors: 10, compromise: 7.389955686853766, median: 7 }]),
    'Position forecasts: scenarios/eu-car-emissions.csv\n\nissue (10 actors)\n  compromise (weighted mean)     7.38996\n  median (weighted median)       7\n',
  );
});

test('the expected-utility model is a table of rounds; negsim shows the deal when agreed, or says none was reached', () => {
  const text = forecastText('s.yaml', [
    { id: 'tax', name: 'Tax rate', actors: 3, eum: [{ round: 0, median: 50, mean: 45.123456 }, { round: 1, median: 55, mean: 50 }],
      negsim: { mean: 52.5, lo: 50, hi: 55, sd: 3, n: 40, median: 52, q05: 45, q95: 60, agreements: 40, runs: 100, seed: 1 } },
    { id: 'x', name: 'x', actors: 1, negsim: null },
  ]);
  assert.ok(text.includes('tax — Tax rate (3 actors)\n'));
  assert.ok(text.includes('  eum (BDM, Scholz et al. 2011)  round   median     mean\n                                     0       50  45.1235\n                                     1       55       50\n'), text);
  assert.ok(text.includes('negsim (deal when agreed)      mean 52.5 [50, 55], median 52, 5%-95% 45-60\n                                 (40 of 100 runs, seed 1)\n'), text);
  assert.ok(text.split('\n').every((l) => l.length <= 80));
  assert.ok(text.includes('x (1 actor)\n  negsim (deal when agreed)      no run ended in agreement\n'));
});

test.run();
