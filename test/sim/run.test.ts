import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newRunRecord, AGREEMENT, NO_TALKS, OUTCOMES, WITHDRAWAL } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import type { TraceEvent } from '../../src/sim/trace-event.js';
import { addRun, newTally } from '../../src/stats/tally.js';
import type { Scenario } from '../../src/scenario/types.js';
import { twoParties } from './fixtures.js';

/** A record as plain text (NaN-safe: uvu's deep equality treats NaN in typed arrays as unequal). */
function show(r: object): string {
  return JSON.stringify(r, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => String(x)) : v));
}

function tallyOf(s: Scenario, runs: number, seed = 1) {
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  const t = newTally(s);
  for (let r = 0; r < runs; r++) {
    engine.run(seed, r, rec);
    addRun(t, s, rec);
  }
  return t;
}

test('a run is a function of (scenario, seed, run) only: replaying it gives the same record', () => {
  const s = twoParties();
  const e1 = new RunEngine(s), e2 = new RunEngine(s);
  const r1 = newRunRecord(s), r2 = newRunRecord(s);
  e1.run(7, 3, r1);
  e1.run(7, 4, r1); // a different run in between must not leak state
  e1.run(7, 3, r1);
  e2.run(7, 3, r2);
  assert.is(show(r1), show(r2));
});

test('every run ends in exactly one of the four outcomes, with consistent details', () => {
  const s = twoParties({ redLineB: 'x >= 70', exitB: 'deviation > 20' });
  const engine = new RunEngine(s);
  const rec = newRunRecord(s);
  const seen = new Set<number>();
  for (let r = 0; r < 400; r++) {
    engine.run(1, r, rec);
    seen.add(rec.outcome);
    if (rec.outcome === NO_TALKS) assert.is(rec.endRound, 0);
    else assert.ok(rec.endRound >= 1 && rec.endRound <= s.rounds);
    if (rec.outcome === WITHDRAWAL) assert.ok(Array.from(rec.withdrewRound).some((w) => w === rec.endRound));
    if (rec.outcome === AGREEMENT) assert.ok(rec.deal.every((x) => x >= 0 && x <= 100));
    else assert.ok(rec.deal.every((x) => Number.isNaN(x)));
  }
  assert.ok(seen.size >= 2, `outcomes seen: ${[...seen].map((o) => OUTCOMES[o])}`);
});

test('a red line no proposal can meet makes P(agreement) exactly 0', () => {
  // A never accepts more than 20, B never less than 80: no deal meets both
  const s = twoParties({ redLineA: 'x <= 20', redLineB: 'x >= 80' });
  const t = tallyOf(s, 3000);
  assert.is(t.outcomes[AGREEMENT], 0);
  assert.ok(t.outcomes[1] + t.outcomes[2] > 0);
});

test('the same red lines with room between them allow agreement', () => {
  const s = twoParties({ redLineA: 'x <= 60', redLineB: 'x >= 40' });
  const t = tallyOf(s, 3000);
  assert.ok(t.outcomes[AGREEMENT] > 100, `agreements: ${t.outcomes[AGREEMENT]}`);
});

test('an exit preference makes withdrawals more frequent than without it', () => {
  const without = tallyOf(twoParties(), 4000);
  const withExit = tallyOf(twoParties({ exitB: 'deviation > 10' }), 4000);
  assert.ok(withExit.withdrew[1] > without.withdrew[1], `with exit ${withExit.withdrew[1]} vs without ${without.withdrew[1]}`);
  assert.ok(withExit.withdrewOnExit[1] > 0);
  assert.is(without.withdrewOnExit[1], 0);
});

test('a trace narrates the same run the Monte Carlo plays', () => {
  const s = twoParties({ exitB: 'deviation > 10' });
  const engine = new RunEngine(s);
  const plain = newRunRecord(s), traced = newRunRecord(s);
  const events: TraceEvent[] = [];
  engine.run(1, 11, plain);
  engine.run(1, 11, traced, events);
  assert.is(show(plain), show(traced));
  assert.ok(events.some((e) => e.kind === 'game' && e.game === 'attendance'));
  assert.ok(events.some((e) => e.kind === 'outcome'));
  const games = events.filter((e) => e.kind === 'game');
  for (const g of games) {
    if (g.kind !== 'game') continue;
    for (const p of g.players) assert.ok(Math.abs(p.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  }
});

test('the inputs hook sees the sampled parameters and may overwrite them; the run\'s own draws go on unchanged', () => {
  const s = twoParties({ redLineB: 'x >= 70', exitB: 'deviation > 20' });
  const engine = new RunEngine(s);
  const plain = newRunRecord(s), same = newRunRecord(s), set = newRunRecord(s);
  engine.run(3, 5, plain);
  let seen: number[] = [];
  // writing back what was sampled changes nothing
  engine.run(3, 5, same, null, (v) => { seen = Array.from(v); v.set(seen); });
  assert.equal(seen, Array.from(plain.values));
  assert.is(show(same), show(plain));
  // a pressure of 5 on A toward attending: the run keeps that value
  const k = s.actors[2].pressure[0].strength;
  engine.run(3, 5, set, null, (v) => { v[k] = 5; });
  assert.is(set.values[k], 5);
  for (let i = 0; i < s.params.length; i++) if (i !== k) assert.is(set.values[i], plain.values[i]);
});

test.run();
