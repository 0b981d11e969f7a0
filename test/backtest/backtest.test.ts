import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backtest, type BacktestInput } from '../../src/backtest/backtest.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { summarise } from '../../src/stats/summary.js';

const base = loadScenario('test/backtest/deadlock.yaml').scenario as Scenario;
// a second file: the same game, where history answered 'talks' no (questions: deal no, talks no, truce_2 no)
const other: Scenario = {
  ...base, id: 'deadlock-b',
  observed: { ...base.observed!, questions: base.observed!.questions.map((q) => (q.id === 'talks' ? { ...q, answer: false } : q)) },
};

async function input(s: Scenario): Promise<BacktestInput> {
  const tally = await monteCarlo(s, { runs: 500, seed: 2, workers: 1 });
  return { scenario: s, summary: summarise(s, tally, 2, 'test', 'test'), tally };
}

const r = backtest([await input(base), await input(other)]);

test('every question is scored with its forecast, answer, Brier score and log loss', () => {
  assert.equal(r.scenarios.map((s) => s.id), ['deadlock', 'deadlock-b']);
  const [deal, talks, truce] = r.scenarios[0].questions;
  assert.equal([deal.question, deal.ask, deal.observed, deal.forecast.p, deal.brier], ['deal', 'agreement', false, 0, 0]);
  assert.equal([talks.ask, talks.observed], ['talks', true]);
  assert.ok(Math.abs(talks.brier - (talks.forecast.p - 1) ** 2) < 1e-15);
  assert.ok(Math.abs(talks.logLoss + Math.log(talks.forecast.p)) < 1e-15);
  assert.equal([truce.ask, truce.measure, truce.rounds], ['held', 'truce', 2]);
  assert.ok(truce.forecast.lo <= truce.forecast.p && truce.forecast.p <= truce.forecast.hi);
  assert.is(r.clip, 1e-6);
});

test('the base rate of each ask pools the files: talks yes in one of two -> 0.5; agreement and held no in both -> 0', () => {
  assert.equal(r.baseRates, {
    agreement: { yes: 0, n: 2, rate: 0 },
    talks: { yes: 1, n: 2, rate: 0.5 },
    held: { yes: 0, n: 2, rate: 0 },
  });
  // per file, the base rate forecasts 0, 0.5, 0: Brier (0 + 0.25 + 0) / 3 each
  for (const s of r.scenarios) assert.ok(Math.abs(s.scores.baseRate.brier - 0.25 / 3) < 1e-15);
});

test('overall scores are the mean over all questions pooled; always 0.5 gives 0.25 and ln 2', () => {
  const qs = r.scenarios.flatMap((s) => s.questions);
  assert.is(r.overall.negsim.n, 6);
  const brier = qs.reduce((a, q) => a + q.brier, 0) / 6;
  const logLoss = qs.reduce((a, q) => a + q.logLoss, 0) / 6;
  assert.ok(Math.abs(r.overall.negsim.brier - brier) < 1e-15);
  assert.ok(Math.abs(r.overall.negsim.logLoss - logLoss) < 1e-15);
  // both files have 3 questions, so the pooled mean is also the mean of the two files' means
  assert.ok(Math.abs(r.overall.negsim.brier - (r.scenarios[0].scores.negsim.brier + r.scenarios[1].scores.negsim.brier) / 2) < 1e-15);
  assert.is(r.overall.half.brier, 0.25);
  assert.ok(Math.abs(r.overall.half.logLoss - Math.LN2) < 1e-15);
});

test('position errors per file and pooled', () => {
  assert.is(r.scenarios[0].positions.length, 1);
  assert.equal(r.positionErrors.median, { mae: 45, n: 2 });
  assert.is(r.positionErrors.negsim.n, 0);
});

test('a scenario without observed is a bug of the caller and throws', () => {
  const { observed: _o, ...bare } = base;
  assert.throws(() => backtest([{ scenario: bare, summary: null as never, tally: null as never }]), /has no observed block/);
});

test('the case-out base rate sees only the other file: talks yes here, no there -> each gets the other\'s answer', () => {
  const talks = r.scenarios.map((s) => s.questions.find((q) => q.question === 'talks')!);
  assert.equal(talks.map((q) => [q.observed, q.baseRate, q.outOfSampleBaseRate, q.outOfSampleBasis]), [[true, 0.5, 0, 'kind'], [false, 0.5, 1, 'kind']]);
  // both talks questions are certain misses out of sample: Brier 1 each; deal and truce no in both files: 0
  assert.is(r.overall.outOfSampleBaseRate.brier, 2 / 6);
  assert.is(r.scorecards.outOfSampleBaseRate.attendance.brier, 1);
  assert.is(r.scorecards.outOfSampleBaseRate.nonAttendance.brier, 0);
});

test('the counts and the scorecards: the same questions as the score sets, attendance apart, by kind and case', () => {
  assert.equal(r.counts, {
    cases: 2, questions: 6, attendance: 2, attendanceShare: 1 / 3, yes: 1, no: 5,
    byKind: { agreement: { n: 2, yes: 0, no: 2 }, talks: { n: 2, yes: 1, no: 1 }, held: { n: 2, yes: 0, no: 2 } },
  });
  for (const who of ['negsim', 'half', 'baseRate', 'outOfSampleBaseRate'] as const) {
    assert.equal(r.scorecards[who].overall, r.overall[who], who);
    assert.equal(r.scorecards[who].byCase.deadlock, r.scenarios[0].scores[who], who);
    assert.is(r.scorecards[who].attendance.n + r.scorecards[who].nonAttendance.n, 6);
  }
  assert.equal(Object.keys(r.scorecards.negsim.byKind), ['agreement', 'talks', 'held']);
  assert.is(r.scorecards.negsim.reliability.reduce((n, b) => n + b.n, 0), 6);
});

test.run();
