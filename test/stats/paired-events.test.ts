import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import type { RunColumns } from '../../src/sim/block.js';
import { CF_BROKEN, CF_HELD, CF_REJECTED } from '../../src/sim/run-record.js';
import { eventKeys, eventReader, growEventColumns, newEventColumns, pairedCounts, recordEvents } from '../../src/stats/paired-events.js';
import { newRunRecord } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;

test('the events of Geneva II: attend and withdraw of each party, the ceasefire accepted and held, the exchange carried out', () => {
  assert.equal(eventKeys(geneva), [
    { metric: 'attend', actor: 'gov' }, { metric: 'withdraw', actor: 'gov' },
    { metric: 'attend', actor: 'snc' }, { metric: 'withdraw', actor: 'snc' },
    { metric: 'aleppo_ceasefire.accepted', actor: '' }, { metric: 'aleppo_ceasefire.held', actor: '' },
    { metric: 'detainee_exchange.carried_out', actor: '' },
  ]);
});

test("recordEvents reads each run's columns into one byte a run, at the block's place", () => {
  const nA = geneva.actors.length; // gov, snc, russia, west, un
  const gov = geneva.actors.findIndex((a) => a.id === 'gov');
  const snc = geneva.actors.findIndex((a) => a.id === 'snc');
  const cols = {
    first: 2, count: 3,
    attended: new Uint8Array(3 * nA).fill(1),
    withdrewRound: new Int32Array(3 * nA),
    // runs 2, 3, 4: ceasefire held / broken / rejected; exchange carried out / not / not offered
    measureFate: Int32Array.from([CF_HELD, 1, CF_BROKEN, 0, CF_REJECTED, -1]),
  } as unknown as RunColumns;
  cols.attended[1 * nA + snc] = 0; // run 3: the SNC boycotts
  cols.withdrewRound[2 * nA + gov] = 4; // run 4: the government walks out in round 4
  const ev = newEventColumns(geneva, 5);
  recordEvents(geneva, cols, ev);
  const at = (metric: string, actor = '') => Array.from(ev.bits[ev.keys.findIndex((k) => k.metric === metric && k.actor === actor)]);
  assert.equal(at('attend', 'snc'), [0, 0, 1, 0, 1]);
  assert.equal(at('attend', 'gov'), [0, 0, 1, 1, 1]);
  assert.equal(at('withdraw', 'gov'), [0, 0, 0, 0, 1]);
  assert.equal(at('aleppo_ceasefire.accepted'), [0, 0, 1, 1, 0]);
  assert.equal(at('aleppo_ceasefire.held'), [0, 0, 1, 0, 0]);
  assert.equal(at('detainee_exchange.carried_out'), [0, 0, 1, 0, 0]);
  const grown = growEventColumns(ev, 7);
  assert.equal(Array.from(grown.bits[0]), [0, 0, 1, 1, 1, 0, 0]);
});

test('pairedCounts tabulates both / first only / second only / neither for an event byte (code 1)', () => {
  assert.equal(pairedCounts(Uint8Array.from([1, 1, 0, 0, 1]), Uint8Array.from([1, 0, 1, 0, 1]), 1), [2, 1, 1, 1]);
});

test('eventReader reads the same events off one run\'s record as recordEvents reads off a block\'s columns', () => {
  const engine = new RunEngine(geneva);
  const rec = newRunRecord(geneva);
  const read = eventReader(geneva);
  const n = 40;
  const ev = newEventColumns(geneva, n);
  const out = new Uint8Array(eventKeys(geneva).length + 2);
  const seen = new Set<string>();
  for (let r = 0; r < n; r++) {
    engine.run(1, r, rec);
    read(rec, out, 2);
    const one = newEventColumns(geneva, 1);
    const cols = {
      first: 0, count: 1, attended: rec.attended, withdrewRound: rec.withdrewRound, measureFate: rec.measureFate,
    } as unknown as RunColumns;
    recordEvents(geneva, cols, one);
    assert.equal(Array.from(out.subarray(2)), one.bits.map((b) => b[0]), `run ${r}`);
    seen.add(Array.from(out.subarray(2)).join(''));
    for (let k = 0; k < ev.bits.length; k++) ev.bits[k][r] = out[2 + k];
  }
  // runs differ: the reader reads each run, not a constant
  assert.ok(seen.size > 2);
});

test.run();
