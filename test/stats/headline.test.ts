import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { newRunRecord, OUTCOMES, WITHDRAWAL } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import { headlineOutcomes, headlineReader } from '../../src/stats/headline.js';
import { addRun, newTally } from '../../src/stats/tally.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;

test('Geneva II\'s headline outcomes: the four outcomes, each party\'s attendance and walk-out, each measure\'s fate', () => {
  const h = headlineOutcomes(geneva);
  assert.equal(h.map((o) => o.key), ['agreement', 'withdrawal', 'stalemate', 'no_talks', 'attend.gov', 'withdraw.gov', 'attend.snc',
    'withdraw.snc', 'aleppo_ceasefire.accepted', 'aleppo_ceasefire.held', 'detainee_exchange.carried_out']);
  assert.equal(h[7], { key: 'withdraw.snc', metric: 'withdraw', actor: 'snc', label: 'Syrian National Coalition (al-Maleh) withdraws' });
  assert.is(h[9].label, 'aleppo_ceasefire held to the end');
  assert.is(h[0].label, 'agreement');
});

test('read run by run, the outcomes count what the summary\'s tally counts', () => {
  const engine = new RunEngine(geneva), rec = newRunRecord(geneva);
  const read = headlineReader(geneva);
  const keys = headlineOutcomes(geneva).map((o) => o.key);
  const out = new Uint8Array(keys.length);
  const counts = new Array<number>(keys.length).fill(0);
  const t = newTally(geneva);
  for (let r = 0; r < 300; r++) {
    engine.run(2, r, rec);
    addRun(t, geneva, rec);
    read(rec, out, 0);
    assert.is(out[0] + out[1] + out[2] + out[3], 1);
    out.forEach((b, q) => { counts[q] += b; });
  }
  OUTCOMES.forEach((_, o) => assert.is(counts[o], t.outcomes[o]));
  const snc = geneva.actors.findIndex((a) => a.id === 'snc');
  assert.is(counts[keys.indexOf('withdraw.snc')], t.withdrew[snc]);
  assert.is(counts[keys.indexOf('attend.snc')], t.attended[snc]);
  assert.ok(t.outcomes[WITHDRAWAL] > 0);
});

test.run();
