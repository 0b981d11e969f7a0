import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SobolRunner } from '../../src/sim/sobol-block.js';
import { drawRow } from '../../src/sim/sobol-design.js';
import { newRunRecord, NO_TALKS } from '../../src/sim/run-record.js';
import { RunEngine } from '../../src/sim/run.js';
import { uncertainInputs } from '../../src/scenario/uncertain-inputs.js';
import { headlineOutcomes } from '../../src/stats/headline.js';
import { crossA, CROSS_AB, rowWidth, SUM_A, SUM_B, sumAB } from '../../src/stats/sobol-batch.js';
import { DECIDED_YAML, scenarioFrom } from './fixtures.js';

const s = scenarioFrom(DECIDED_YAML);
const groups = uncertainInputs(s).map((i) => i.slots);
const k = groups.length, w = rowWidth(k), outputs = headlineOutcomes(s).length;
const M = 4;

test('row j, evaluation A: run m is run j·M + m of the seed with the row\'s A as its inputs', () => {
  const runner = new SobolRunner(s, groups, M);
  const r = runner.rows(5, 2, 4);
  assert.equal([r.first, r.count, r.runs, r.sums.length], [2, 2, 2 * (k + 2) * M, 2 * outputs * w]);
  const engine = new RunEngine(s), rec = newRunRecord(s);
  const a = new Float64Array(s.params.length), b = new Float64Array(s.params.length);
  for (const row of [2, 3]) {
    drawRow(s, 5, row, a, b);
    let noTalksA = 0, noTalksB = 0, both = 0;
    for (let m = 0; m < M; m++) {
      engine.run(5, row * M + m, rec, null, (v) => v.set(a));
      const ya = rec.outcome === NO_TALKS ? 1 : 0;
      engine.run(5, row * M + m, rec, null, (v) => v.set(b));
      const yb = rec.outcome === NO_TALKS ? 1 : 0;
      noTalksA += ya; noTalksB += yb; both += ya & yb;
    }
    const o = ((row - 2) * outputs + NO_TALKS) * w;
    assert.equal([r.sums[o + SUM_A], r.sums[o + SUM_B], r.sums[o + CROSS_AB]], [noTalksA, noTalksB, both]);
  }
});

test('the sums of every output are counts out of M, and a row played in slices is the same row', () => {
  const runner = new SobolRunner(s, groups, M);
  const whole = runner.rows(1, 0, 5);
  for (const x of whole.sums) assert.ok(Number.isInteger(x) && x >= 0 && x <= M);
  // the observer's capability (the last group) changes no run: A_B^(obs) happens exactly when A does
  for (let row = 0; row < 5; row++) {
    for (let q = 0; q < outputs; q++) {
      const o = (row * outputs + q) * w;
      assert.is(whole.sums[o + sumAB(k - 1)], whole.sums[o + SUM_A]);
      assert.is(whole.sums[o + crossA(k, k - 1)], whole.sums[o + SUM_A]);
    }
  }
  const slices = new SobolRunner(s, groups, M).begin(1, 0, 5);
  let res = null;
  let steps = 0;
  while ((res = slices.step(7)) === null) steps++;
  assert.ok(steps > 3);
  assert.equal(Array.from(res.sums), Array.from(whole.sums));
  assert.throws(() => new SobolRunner(s, groups, 1), /2 runs or more/);
});

test.run();
