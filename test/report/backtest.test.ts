import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { askLabel, backtestJson, backtestText, countsText, reliabilityText, scoresText } from '../../src/report/backtest.js';
import { painter } from '../../src/report/color.js';
import { backtestFixture, twoCases } from './backtest-fixture.js';

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
  // negsim (0.04 + 0.09) / 2 = 0.065, log loss (0.22314 + 0.35667) / 2 = 0.28991; always 0.5: 0.25, 0.693;
  // the base rate in sample is each answer itself (0); one file: the case-out rate has nothing to learn from, 0.5
  assert.ok(t.includes('\n  geneva-2014         2    0.0650      0.2500      0.0000      0.2500\n'), t);
  assert.ok(t.includes('\n  geneva-2014         2     0.290       0.693       0.000       0.693\n'), t);
  assert.match(t, /in sample/);
  assert.match(t, /\(attends 1\/1,\n?\s*held 0\/1\)/);
  assert.match(t, /2\s+questions with no other file at\s+all took 0\.5/);
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

test('the counts: cases, questions, the share on attendance, yes and no per kind in the schema order', () => {
  assert.equal(countsText(twoCases()), [
    'Questions: 6 in 2 cases; 3 on attendance (50.0%; asks attends and talks), 3',
    'others; 5 answered yes, 1 no',
    '  kind of question  questions    yes     no',
    '  attends                   2      2      0',
    '  agreement                 2      1      1',
    '  talks                     1      1      0',
    '  held                      1      1      0',
    '  all                       6      5      1',
  ]);
});

test('Brier scores of negsim and the three baselines: all, attendance apart, by kind, by case (fixture worked by hand)', () => {
  // negsim: 0.01, 0.04, 0.1225 | 0.0025, 0, 0.09; in-sample rates attends 1, agreement 1/2, held 1, talks 1;
  // case out: a_deal 1 (beta said yes), b_deal 0, b_talks 2/3 (pooled over alpha), the rest 1
  assert.equal(scoresText(twoCases(), 'brier'), [
    'Brier score: mean over questions of (p - answer)^2; lower is better',
    '                                       always   base rate   base rate',
    '                      n    negsim         0.5   in sample    case out',
    'all questions         6    0.0442      0.2500      0.0833      0.3519', // 0.265 / 6; 0.5 / 6; (1 + 1/9 + 1) / 6
    '  attendance          3    0.0042      0.2500      0.0000      0.0370', // 0.0125 / 3; (1/9) / 3
    '  other questions     3    0.0842      0.2500      0.1667      0.6667', // 0.2525 / 3; 0.5 / 3; 2 / 3
    'by kind of question',
    '  attends             2    0.0062      0.2500      0.0000      0.0000',
    '  agreement           2    0.0650      0.2500      0.2500      1.0000',
    '  talks               1    0.0000      0.2500      0.0000      0.1111',
    '  held                1    0.1225      0.2500      0.0000      0.0000',
    'by case',
    '  alpha               3    0.0575      0.2500      0.0833      0.3333',
    '  beta                3    0.0308      0.2500      0.0833      0.3704',
  ]);
  const ll = scoresText(twoCases(), 'logLoss');
  assert.is(ll[0], 'Log loss: mean over questions of -ln p(answer); lower is better');
  // agreement case out: a certain miss twice, -ln 1e-6 = 13.816
  assert.is(ll[8], '  agreement           2     0.290       0.693       0.693      13.816');
});

test('the reliability table: ten tenths, counts, mean forecast, share of yes with its Wilson interval; ECE of each forecaster', () => {
  const lines = reliabilityText(twoCases());
  assert.equal(lines.slice(0, 12), [
    "Reliability: negsim's forecasts in tenths against how often the answer was yes",
    '  forecast      n   mean forecast    yes   share yes [95% Wilson]',
    '  0.0-0.1       0               -      0   -',
    '  0.1-0.2       0               -      0   -',
    '  0.2-0.3       1           0.200      0   0.000 [0.000, 0.793]',
    '  0.3-0.4       0               -      0   -',
    '  0.4-0.5       0               -      0   -',
    '  0.5-0.6       0               -      0   -',
    '  0.6-0.7       1           0.650      1   1.000 [0.207, 1.000]',
    '  0.7-0.8       1           0.700      1   1.000 [0.207, 1.000]',
    '  0.8-0.9       0               -      0   -',
    '  0.9-1.0       3           0.950      3   1.000 [0.439, 1.000]',
  ]);
  // ECE negsim (0.2 + 0.35 + 0.3 + 3 x 0.05) / 6 = 1/6; always 0.5: |0.5 - 5/6| = 1/3; in sample: bins 0.5 (1 of 2)
  // and 1.0 (4 of 4) -> 0; case out: bin 0 (b_deal, 1 yes: 1), bin 6 (b_talks 2/3, yes: 1/3), bin 9 (a_deal no
  // among 4: |1 - 3/4| x 4 = 1) -> (1 + 1/3 + 1) / 6 = 0.389
  assert.match(lines.slice(12).join(' '), /negsim 0\.167; always 0\.5 0\.333; base rate in\s+sample 0\.000, case out 0\.389/);
  for (const l of lines) assert.ok(l.length <= 80, l);
});

test('the whole text fits 80 columns; the JSON carries the counts and every forecaster\'s scorecard', () => {
  const t = backtestText(twoCases());
  for (const l of t.split('\n')) assert.ok(l.length <= 80, l);
  const j = JSON.parse(backtestJson(twoCases(), { negsim: 'test', rng: 'xor4096', seed: 3, runs: 100 }));
  assert.equal(j.counts, {
    cases: 2, questions: 6, attendance: 3, attendanceShare: 0.5, yes: 5, no: 1,
    byKind: { attends: { n: 2, yes: 2, no: 0 }, agreement: { n: 2, yes: 1, no: 1 }, talks: { n: 1, yes: 1, no: 0 }, held: { n: 1, yes: 1, no: 0 } },
  });
  assert.equal(Object.keys(j.scorecards), ['negsim', 'half', 'baseRate', 'outOfSampleBaseRate']);
  assert.is(j.scorecards.outOfSampleBaseRate.nonAttendance.brier, 2 / 3);
  assert.is(j.scorecards.negsim.reliability[1].meanP, null, 'an empty bin: NaN as null');
  assert.equal(j.scenarios[1].questions.map((q: { outOfSampleBaseRate: number }) => q.outOfSampleBaseRate), [1, 2 / 3, 0]);
  assert.equal(j.scenarios[1].questions.map((q: { outOfSampleBasis: string }) => q.outOfSampleBasis), ['kind', 'pooled', 'kind']);
  assert.is(j.overall.outOfSampleBaseRate.n, 6);
});

test.run();
