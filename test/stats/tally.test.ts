import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newRunRecord, AGREEMENT, CF_BROKEN, WITHDRAWAL, TRIGGER_EXIT } from '../../src/sim/run-record.js';
import { addRun, mergeTally, newTally } from '../../src/stats/tally.js';
import { twoParties } from '../sim/fixtures.js';

const s = twoParties();

function record(outcome: number, endRound: number, deal = NaN) {
  const r = newRunRecord(s);
  r.outcome = outcome;
  r.endRound = endRound;
  r.attended.fill(1);
  r.deal.fill(deal);
  r.measureFate[0] = CF_BROKEN;
  r.brokenBy[0] = 1;
  r.heldRounds[0] = 2;
  return r;
}

test('a tally counts outcomes, end rounds, withdrawals and the deal', () => {
  const t = newTally(s);
  addRun(t, s, record(AGREEMENT, 2, 40));
  addRun(t, s, record(AGREEMENT, 3, 60));
  const w = record(WITHDRAWAL, 1);
  w.withdrewRound[1] = 1;
  w.trigger[1] = TRIGGER_EXIT;
  addRun(t, s, w);
  assert.is(t.runs, 3);
  assert.equal(Array.from(t.outcomes), [2, 1, 0, 0]);
  assert.equal(Array.from(t.endRound).slice(0, 4), [0, 1, 1, 1]);
  assert.is(t.withdrew[1], 1);
  assert.is(t.withdrewOnExit[1], 1);
  assert.is(t.withdrewAt[1 * s.rounds + 0], 1);
  assert.is(t.dealSum[0], 100);
  assert.is(t.dealSumSq[0], 40 * 40 + 60 * 60);
  assert.is(t.dealHist[40], 1);
  assert.is(t.dealHist[60], 1);
  assert.is(t.fates[CF_BROKEN], 3);
  assert.is(t.brokenBy[1], 3);
  assert.is(t.heldRounds[0], 6);
});

test('merging tallies of disjoint runs gives the tally of their union', () => {
  const a = newTally(s), b = newTally(s), all = newTally(s);
  const recs = [record(AGREEMENT, 2, 40), record(WITHDRAWAL, 1), record(AGREEMENT, 4, 70)];
  addRun(a, s, recs[0]);
  addRun(b, s, recs[1]);
  addRun(b, s, recs[2]);
  for (const r of recs) addRun(all, s, r);
  mergeTally(a, b);
  assert.equal(JSON.stringify(a, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)),
    JSON.stringify(all, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
});

test.run();
