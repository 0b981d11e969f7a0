/**
 * What the text on the table is worth to each party present: D_i, whether it can sign, C_i and V_i, with
 * numbers worked by hand from docs/MODEL.md §2.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MeasurePlayer } from '../../src/sim/measures.js';
import { PartyValues } from '../../src/sim/party-values.js';
import { newRunRecord } from '../../src/sim/run-record.js';
import { RunInputs } from '../../src/sim/run-inputs.js';
import { inputsScenario, stateFor } from './fixtures.js';

const A = 0;
const B = 1;
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

/** Values over inputsScenario(sincerityB) with both parties present and essential. */
function values(sincerityB = 1) {
  const s = inputsScenario(sincerityB);
  const st = stateFor(s);
  const inp = new RunInputs(s, st);
  inp.sample(null);
  const measures = new MeasurePlayer(st);
  measures.reset(newRunRecord(s));
  const present = Uint8Array.of(1, 1);
  return { v: new PartyValues(s, st, inp, measures, present, Uint8Array.of(1, 1)), present };
}

test('D_i: the utility of the text, less the penalty of a soft red line it breaks, when the others are trusted', () => {
  const { v } = values();
  v.valueDeals(1, Float64Array.of(30, 80), false);
  // U_A = 1 - (0.75 * |30 - 20| + 0.25 * 0) / 100 = 0.925; y >= 90 is soft: - 0.2
  assert.is(v.canAccept[A], 1);
  close(v.deal[A], 0.725);
});

test('D_i at the framework stage: only the framework\'s issues weigh, and only the conditions on them count', () => {
  const { v } = values();
  v.valueDeals(1, Float64Array.of(30, 80), true);
  close(v.deal[A], 0.9); // 1 - |30 - 20| / 100, the soft red line on y not counted
});

test('a text that breaks a binding red line cannot be signed', () => {
  const { v } = values();
  v.valueDeals(1, Float64Array.of(50, 80), false);
  assert.is(v.canAccept[A], 0);
  assert.is(v.canAccept[B], 1);
});

test('D_i with distrust: pi = 0.3 (B sincere with probability 0.3, no guarantee) mixes the deal with the outside option less betrayal', () => {
  const { v, present } = values(0.3);
  assert.is(v.minTrust(A), 0.3);
  v.valueDeals(1, Float64Array.of(30, 80), false);
  // 0.3 * 0.925 + 0.7 * (0.4 - 0.1) - 0.2
  close(v.deal[A], 0.2875);
  present[B] = 0;
  assert.is(v.minTrust(A), 1, 'an absent party is not distrusted');
});

test('C_i and V_i: the outside option plus the discounted gain of the deal, less delay in a round of talks; the outside option in the last', () => {
  const { v } = values();
  v.valueDeals(1, Float64Array.of(30, 80), false);
  close(v.entryValue(A), 0.4 + 0.9 * (0.725 - 0.4));
  close(v.continuation(A, 1), 0.4 + 0.9 * (0.725 - 0.4) - 0.02);
  close(v.continuation(A, 4), 0.4);
});

test.run();
