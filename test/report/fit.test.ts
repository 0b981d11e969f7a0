import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scorecard, type ScoredQuestion } from '../../src/backtest/scorecard.js';
import type { CvForecaster, CvScheme } from '../../src/fit/cross-validate.js';
import { PARAMS_FORMAT, type ParamsFile } from '../../src/fit/params-file.js';
import { cvCsv, cvJson, cvReliabilityCsv, cvScoresCsv, cvText, fitCsv, fitText, sig, type CvReport } from '../../src/report/fit.js';

const params: ParamsFile = {
  format: PARAMS_FORMAT, negsim: '0.1.0', rng: 'seedrandom.xor4096', seed: 3, runs: 300,
  record: { sha256: 'ab'.repeat(32), questions: 4, cases: [{ id: 'a', file: 'a.yaml', sha256: 'x', questions: 2 }, { id: 'b', file: 'b.yaml', sha256: 'y', questions: 2 }] },
  objective: { what: 'mean log loss', start: 0.91234, fitted: 0.61234 },
  search: { method: 'Nelder-Mead', evaluations: 57, maxEvaluations: 80, converged: true },
  intervals: { method: 'one-step bootstrap over cases (percentile)', level: 0.95, replicates: 2000, h: 0.3 },
  parameters: {
    lambda: { value: 14.2345, lo: 9.81, hi: 21.456, identified: true, start: 8, bounds: [0.5, 200], scale: 'log' },
    false_alarm: { value: 0.0512, lo: 0, hi: 0.3, identified: false, start: 0.05, bounds: [0, 0.3], scale: 'linear' },
  },
};

test('sig: four significant digits, plain', () => {
  assert.equal([sig(14.2345), sig(0.05123), sig(200), sig(0), sig(1234.5), sig(0.0001234), sig(NaN)], ['14.23', '0.05123', '200', '0', '1235', '1.23e-4', 'n/a']);
});

test('the fit in text: what it was fitted on, the objective, one row a parameter (an unidentified one said so), 80 columns', () => {
  const t = fitText(params);
  assert.match(t, /^negsim fit: 2 cases, 4 questions \(record sha256 abababababab\)\nseed 3, 300 runs a case at each evaluation\n/);
  assert.match(t, /\nmean log loss \(forecasts \(k \+ 1\/2\)\/\(n \+ 1\)\): 0\.9123 at the start, 0\.6123 fitted\n/);
  assert.match(t, /\nNelder-Mead: 57 evaluations \(converged\)\n/);
  assert.match(t, /\nlambda +14\.23 +\[9\.81, 21\.46\] +8 +0\.5-200 \(log\)\n/);
  assert.match(t, /\nfalse_alarm +0\.0512 +not identified +0\.05 +0-0\.3\n/);
  assert.match(t.replace(/\s+/g, ' '), /"not identified": the record leaves it flat/);
  for (const l of t.split('\n')) assert.ok(l.length <= 80, l);
});

test('the fit as CSV: one row a parameter with what made it', () => {
  const rows = fitCsv(params).split('\r\n');
  assert.is(rows.length, 4);
  assert.is(rows[1], `lambda,14.2345,9.81,21.456,1,8,0.5,200,log,0.61234,0.91234,57,1,2,4,${'ab'.repeat(32)},3,300`);
  assert.match(rows[2], /^false_alarm,0\.0512,0,0\.3,0,/);
});

// a hand-made cross-validation: two cases, two questions each
const q = (c: string, id: string, ask: 'attends' | 'agreement', p: number, observed: boolean): ScoredQuestion => ({ case: c, question: id, ask, asOf: c === 'a' ? '1999-01-01' : '2005-01-01', p, observed });
const forecasts: Record<CvForecaster, ScoredQuestion[]> = {
  negsim: [q('a', 'x', 'attends', 0.9, true), q('a', 'd', 'agreement', 0.2, false), q('b', 'x', 'attends', 0.8, true), q('b', 'd', 'agreement', 0.6, true)],
  half: [q('a', 'x', 'attends', 0.5, true), q('a', 'd', 'agreement', 0.5, false), q('b', 'x', 'attends', 0.5, true), q('b', 'd', 'agreement', 0.5, true)],
  baseRate: [q('a', 'x', 'attends', 1, true), q('a', 'd', 'agreement', 1, false), q('b', 'x', 'attends', 1, true), q('b', 'd', 'agreement', 0, true)],
  logistic: [q('a', 'x', 'attends', 0.7, true), q('a', 'd', 'agreement', 0.6, false), q('b', 'x', 'attends', 0.7, true), q('b', 'd', 'agreement', 0.4, true)],
};
const cards = Object.fromEntries(Object.entries(forecasts).map(([k, v]) => [k, scorecard(v)])) as CvScheme['scorecards'];
const report: CvReport = {
  fit: params, scoreRuns: 2000, foldEvaluations: 0,
  schemes: [
    { kind: 'case-out', label: 'leave one case out', trainCases: 1, testCases: 1, folds: [{ test: ['a'], train: 1, values: [12, 0.05], evaluations: 0 }, { test: ['b'], train: 1, values: [15, 0.06], evaluations: 0 }], forecasts, scorecards: cards },
    { kind: 'time', year: 2000, label: 'fit before 2000', trainCases: 1, testCases: 1, folds: [{ test: ['b'], train: 1, values: [10, 0.04], evaluations: 33, trainLogLoss: 0.5 }],
      forecasts: { negsim: forecasts.negsim.slice(2), half: forecasts.half.slice(2), baseRate: forecasts.baseRate.slice(2), logistic: forecasts.logistic.slice(2) },
      scorecards: { negsim: scorecard(forecasts.negsim.slice(2)), half: scorecard(forecasts.half.slice(2)), baseRate: scorecard(forecasts.baseRate.slice(2)), logistic: scorecard(forecasts.logistic.slice(2)) } },
  ],
};

test('the cross-validation in text: each design, four forecasters, attendance apart, by kind and reliability; within 80 columns', () => {
  const t = cvText(report);
  for (const l of t.split('\n')) assert.ok(l.length <= 80, l);
  const flat = t.replace(/\s+/g, ' ');
  assert.match(flat, /negsim fit --cv: 2 cases, 4 questions \(record sha256 abababababab\); seed 3; fits with 300 runs a case, forecasts scored with 2000/);
  assert.match(flat, /Leave one case out: 2 folds, each fitted on 1 cases/);
  assert.match(flat, /By time: fitted on the 1 case before 2000 \(33 evaluations, from the defaults\), scored on the 1 case from 2000 on/);
  // negsim, all 4: Brier (0.01 + 0.04 + 0.04 + 0.16) / 4 = 0.0625; attendance (0.01 + 0.04)/2 = 0.025; other (0.04 + 0.16)/2 = 0.1
  assert.match(t, /\nnegsim +4 +0\.0625 +\d\.\d{3} +0\.0250 +\d\.\d{3} +0\.1000 +\d\.\d{3} +\d\.\d{3}\n/);
  // always 0.5 against 3 yes of 4: ECE |0.5 - 0.75| = 0.25
  assert.match(t, /\nalways 0\.5 +4 +0\.2500 +0\.693 +0\.2500 +0\.693 +0\.2500 +0\.693 +0\.250\n/);
  // the base rate said 0 to a yes: its log loss is clipped, 13.8 on that question
  assert.match(t, /\n {2}agreement +2 +1 +/);
  assert.match(t, /\nlogistic \(kind\) \(ECE \d\.\d{3}\)\n/);
  assert.match(t, /\nnegsim fit: 2 cases/, 'the full fit closes the report');
});

test('JSON and the three CSVs carry the seed and the runs on every row', () => {
  const j = JSON.parse(cvJson(report));
  assert.equal([j.seed, j.runs, j.scoreRuns], [3, 300, 2000]);
  assert.equal(j.schemes[0].folds[1].values, { lambda: 15, false_alarm: 0.06 });
  assert.is(j.schemes[1].scorecards.base_rate.overall.n, 2);
  const rows = cvCsv(report).split('\r\n');
  assert.is(rows.length - 2, 4 * 4 + 4 * 2);
  assert.is(rows[1], 'case_out,negsim,a,x,attends,1999-01-01,1,0.9,1,0.01,0.105361,3,300,2000');
  const scores = cvScoresCsv(report).split('\r\n');
  // by hand: negsim log loss (-ln 0.9 - 2 ln 0.8 - ln 0.6) / 4; the base rate's two certain misses cost -ln 1e-6 each;
  // logistic Brier (0.09 + 0.36 + 0.09 + 0.36) / 4, log loss (-2 ln 0.7 - 2 ln 0.4) / 4
  assert.is(scores[1], 'case_out,all,,4,3,0.0625,0.25,0.5,0.225,0.265618,0.693147,6.907756,0.636483,3,300,2000');
  assert.ok(scores.slice(1, -1).every((l) => l.endsWith(',3,300,2000')));
  assert.match(scores.slice(1).find((l) => l.startsWith('before_2000,all'))!, /^before_2000,all,,2,2,/);
  const rel = cvReliabilityCsv(report).split('\r\n');
  assert.is(rel.length - 2, 2 * 4 * 10);
  assert.match(rel[10], /^case_out,negsim,0\.9,1,1,0\.9,1,1,/);
});

test.run();
