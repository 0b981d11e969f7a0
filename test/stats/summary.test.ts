import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newRunRecord, AGREEMENT, STALEMATE, WITHDRAWAL } from '../../src/sim/run-record.js';
import { histogramQuantile, summarise } from '../../src/stats/summary.js';
import { addRun, newTally } from '../../src/stats/tally.js';
import { twoParties } from '../sim/fixtures.js';

test('histogram quantiles spread values evenly within unit bins', () => {
  const h = new Float64Array(101);
  h[10] = 1; h[20] = 1; h[30] = 2;
  // 4 values; the median's target count 2 is reached at the end of bin 20, i.e. at 21
  assert.is(histogramQuantile(h, 0, 101, 0.5), 21);
  // the 5% point: 0.2 of the way into bin 10
  assert.ok(Math.abs(histogramQuantile(h, 0, 101, 0.05) - 10.2) < 1e-12);
  assert.ok(Number.isNaN(histogramQuantile(new Float64Array(101), 0, 101, 0.5)));
});

test('outcome probabilities sum to 1 and carry Wilson intervals; survival falls round by round', () => {
  const s = twoParties({ rounds: 3 });
  const t = newTally(s);
  const add = (outcome: number, end: number) => {
    const r = newRunRecord(s);
    r.outcome = outcome; r.endRound = end; r.attended.fill(1);
    if (outcome === AGREEMENT) r.deal.fill(50); else r.deal.fill(NaN);
    if (outcome === WITHDRAWAL) r.withdrewRound[1] = end;
    addRun(t, s, r);
  };
  add(AGREEMENT, 1); add(WITHDRAWAL, 2); add(STALEMATE, 3); add(STALEMATE, 3);
  const sum = summarise(s, t, 9, 'v', 'rng');
  const ps = Object.values(sum.outcomes).map((e) => e.p);
  assert.is(ps.reduce((a, b) => a + b, 0), 1);
  assert.is(sum.outcomes.agreement.p, 0.25);
  // Wilson 1/4: (0.25 + 0.960365) / 4.841459... -> [0.04558, 0.69936] (hand/scipy)
  assert.ok(Math.abs(sum.outcomes.agreement.lo - 0.045586) < 1e-5, String(sum.outcomes.agreement.lo));
  assert.ok(Math.abs(sum.outcomes.agreement.hi - 0.699358) < 1e-5, String(sum.outcomes.agreement.hi));
  assert.equal(sum.rounds.map((r) => r.talking.count), [4, 3, 2]);
  assert.equal(sum.rounds.map((r) => r.withdrawal_hazard.count), [0, 1, 0]);
  assert.is(sum.rounds[1].withdrawal_hazard.n, 3);
  assert.is(sum.end_round.median, 2); // the lower median of 1, 2, 3, 3
  assert.is(sum.end_round.mean, (1 + 2 + 3 + 3) / 4);
  assert.is(sum.deal.x.mean, 50);
  assert.is(sum.seed, 9);
});

test.run();
