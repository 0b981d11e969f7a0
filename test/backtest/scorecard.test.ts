/**
 * The scorecard (scorecard.ts) on small hand-made forecasts whose scores, bins and calibration error are
 * worked out in the comments.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { binOf, isAttendance, reliability, scorecard, type ScoredQuestion } from '../../src/backtest/scorecard.js';
import type { ObservedAsk } from '../../src/scenario/schema.js';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

const q = (c: string, question: string, ask: ObservedAsk, p: number, observed: boolean): ScoredQuestion =>
  ({ case: c, question, ask, asOf: c === 'a' ? '2000-01-01' : '', p, observed });

// case a: two attendance questions and one agreement; case b: talks, agreement, held
const ITEMS = [
  q('a', 'gov', 'attends', 0.95, true),   // Brier 0.0025
  q('a', 'snc', 'attends', 0.85, false),  // 0.7225
  q('a', 'deal', 'agreement', 0.3, false), // 0.09
  q('b', 'talks', 'talks', 1, true),      // 0
  q('b', 'deal', 'agreement', 0.6, true), // 0.16
  q('b', 'truce', 'held', 0.05, true),    // 0.9025
];

test('attendance is the asks attends and talks; every other ask is not', () => {
  assert.ok(isAttendance('attends'));
  assert.ok(isAttendance('talks'));
  for (const ask of ['withdraws', 'withdrawal', 'agreement', 'stalemate', 'accepted', 'held', 'carried_out',
    'unbroken', 'ratified', 'implemented', 'threatens'] as const) assert.not.ok(isAttendance(ask), ask);
});

test('overall, attendance and the rest: mean Brier and log loss over the questions of each, by hand', () => {
  const c = scorecard(ITEMS);
  // all six: (0.0025 + 0.7225 + 0.09 + 0 + 0.16 + 0.9025) / 6 = 1.8775 / 6
  assert.is(c.overall.n, 6);
  close(c.overall.brier, 1.8775 / 6);
  // log loss: -ln 0.95 - ln 0.15 - ln 0.7 - ln(1 - 1e-6) - ln 0.6 - ln 0.05
  const ll = -Math.log(0.95) - Math.log(0.15) - Math.log(0.7) - Math.log(1 - 1e-6) - Math.log(0.6) - Math.log(0.05);
  close(c.overall.logLoss, ll / 6);
  // attendance: gov, snc, talks: (0.0025 + 0.7225 + 0) / 3 = 0.725 / 3
  assert.is(c.attendance.n, 3);
  close(c.attendance.brier, 0.725 / 3);
  // the rest: two deals and the truce: (0.09 + 0.16 + 0.9025) / 3 = 1.1525 / 3
  assert.is(c.nonAttendance.n, 3);
  close(c.nonAttendance.brier, 1.1525 / 3);
  close(c.nonAttendance.logLoss, (-Math.log(0.7) - Math.log(0.6) - Math.log(0.05)) / 3);
});

test('by kind: in the schema order, with the yes answers and the mean forecast of each kind', () => {
  const c = scorecard(ITEMS);
  assert.equal(Object.keys(c.byKind), ['attends', 'agreement', 'talks', 'held']);
  const att = c.byKind.attends;
  assert.is(att.n, 2);
  assert.is(att.yes, 1);
  close(att.meanP, 0.9);
  close(att.brier, 0.3625); // (0.0025 + 0.7225) / 2
  const deal = c.byKind.agreement;
  assert.is(deal.n, 2);
  assert.is(deal.yes, 1);
  close(deal.meanP, 0.45);
  close(deal.brier, 0.125); // (0.09 + 0.16) / 2
  close(deal.logLoss, (-Math.log(0.7) - Math.log(0.6)) / 2);
  assert.equal([c.byKind.talks.n, c.byKind.talks.yes, c.byKind.talks.meanP, c.byKind.talks.brier], [1, 1, 1, 0]);
});

test('by case: in the order the cases first appear', () => {
  const c = scorecard([q('z', 'x', 'agreement', 0.5, true), ...ITEMS]);
  assert.equal(Object.keys(c.byCase), ['z', 'a', 'b']);
  close(c.byCase.a.brier, (0.0025 + 0.7225 + 0.09) / 3);
  close(c.byCase.b.brier, (0 + 0.16 + 0.9025) / 3);
  assert.equal(c.byCase.z, { n: 1, brier: 0.25, logLoss: Math.LN2 });
});

test('a decile bin holds lo <= p < hi; 1 falls in the last bin; edges that are sums of tenths stay put', () => {
  assert.is(binOf(0), 0);
  assert.is(binOf(0.0999999), 0);
  assert.is(binOf(0.1), 1);
  assert.is(binOf(0.3), 3);
  assert.is(binOf(3 / 10), 3);
  assert.is(binOf(0.1 + 0.2), 3); // 0.30000000000000004
  assert.is(binOf(0.7), 7);
  assert.is(binOf(0.9), 9);
  assert.is(binOf(1), 9);
  // counts of a Monte Carlo: 699/1000 in [0.6, 0.7), 700/1000 in [0.7, 0.8)
  assert.is(binOf(699 / 1000), 6);
  assert.is(binOf(700 / 1000), 7);
});

test('the reliability table: ten bins, counts, mean forecast, yes share with its 95% Wilson interval', () => {
  const c = scorecard(ITEMS);
  assert.is(c.reliability.length, 10);
  assert.equal(c.reliability.map((b) => b.n), [1, 0, 0, 1, 0, 0, 1, 0, 1, 2]);
  close(c.reliability[0].lo, 0);
  close(c.reliability[9].hi, 1);
  // bin 9 holds 0.95 (yes) and 1 (yes): mean 0.975, 2 of 2, Wilson [0.3423802275066532, 1]
  const top = c.reliability[9];
  close(top.meanP, 0.975);
  assert.is(top.yes, 2);
  assert.is(top.freq, 1);
  close(top.freqLo, 0.3423802275066532, 1e-12);
  assert.is(top.freqHi, 1);
  // bin 8 holds 0.85 (no): 0 of 1, Wilson [0, 0.7934506856227625]
  assert.equal([c.reliability[8].n, c.reliability[8].yes, c.reliability[8].freq, c.reliability[8].freqLo], [1, 0, 0, 0]);
  close(c.reliability[8].freqHi, 0.7934506856227625);
  // an empty bin: nothing to average, every share possible
  const empty = c.reliability[1];
  assert.equal([empty.n, empty.yes, empty.freqLo, empty.freqHi], [0, 0, 0, 1]);
  assert.ok(Number.isNaN(empty.meanP) && Number.isNaN(empty.freq));
});

test('expected calibration error: sum over bins of n_b / N * |meanP - freq|, by hand', () => {
  const c = scorecard(ITEMS);
  // bin 0: 0.05 vs 1 -> 0.95; bin 3: 0.3 vs 0 -> 0.3; bin 6: 0.6 vs 1 -> 0.4; bin 8: 0.85 vs 0 -> 0.85;
  // bin 9: 2 x |0.975 - 1| = 0.05. Sum 2.55, over 6 questions: 0.425
  close(c.ece, 0.425);
  // a calibrated forecaster: 0.25 said four times, one yes -> ECE 0
  assert.is(reliability([true, false, false, false].map((o) => ({ p: 0.25, observed: o }))).ece, 0);
});

test('no questions: n 0, NaN scores and ECE, ten empty bins', () => {
  const c = scorecard([]);
  assert.is(c.overall.n, 0);
  assert.ok(Number.isNaN(c.overall.brier) && Number.isNaN(c.ece));
  assert.is(c.attendance.n, 0);
  assert.equal(c.byKind, {});
  assert.equal(c.byCase, {});
  assert.equal(c.reliability.map((b) => b.n), new Array(10).fill(0));
});

test('a probability outside [0, 1] or NaN is a bug upstream: it throws, naming the question', () => {
  assert.throws(() => scorecard([q('a', 'deal', 'agreement', 1.2, true)]), /a\/deal has p = 1.2/);
  assert.throws(() => scorecard([q('a', 'deal', 'agreement', NaN, true)]), /p = NaN/);
});

test('the doc comment example', () => {
  const c = scorecard([
    { case: 'a', question: 'q1', ask: 'attends', asOf: '2000-01-01', p: 0.9, observed: true },
    { case: 'a', question: 'q2', ask: 'agreement', asOf: '2000-01-01', p: 0.3, observed: false },
  ]);
  close(c.overall.brier, 0.05);
  close(c.overall.logLoss, 0.2310177297982794);
  assert.is(c.attendance.n, 1);
  assert.equal(c.reliability[9], { lo: 0.9, hi: 1, n: 1, meanP: 0.9, yes: 1, freq: 1, freqLo: 0.20654931437723745, freqHi: 1 });
  close(c.ece, 0.2);
});

test.run();
