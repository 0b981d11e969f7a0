import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { playJobs } from '../../src/sim/play-jobs.js';
import { outcomeEstimates, widestHalf } from '../../src/stats/comparison.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;

test('precision: rounds of 1000, 2000, 4000 runs until the widest half-width is <= E, the same count every time', async () => {
  const seen: number[] = [];
  const opts = {
    runs: 100_000, workers: 1, keepOutcomes: true,
    precise: (js: readonly { tally: { runs: number } }[]) => {
      seen.push(js[0].tally.runs);
      return js.every((j) => widestHalf(outcomeEstimates(j.tally as never)) <= 0.02);
    },
  };
  const a = await playJobs([{ scenario: geneva, seed: 1 }], opts);
  // p near 0.5: half-width 0.02 needs about 2400 runs, so 1000 and 2000 fall short and 4000 is enough
  assert.equal(seen, [1000, 2000, 4000]);
  assert.is(a[0].tally.runs, 4000);
  assert.ok(widestHalf(outcomeEstimates(a[0].tally)) <= 0.02);
  const whole = await monteCarlo(geneva, { runs: 4000, seed: 1, workers: 1 });
  assert.equal(Array.from(a[0].tally.outcomes), Array.from(whole.outcomes), 'the rounds play the runs a 4000-run Monte Carlo plays');
  assert.is(a[0].outcomes!.length, 4000);
});

test('max runs caps the rounds', async () => {
  const a = await playJobs([{ scenario: geneva, seed: 2 }], { runs: 1500, workers: 1, keepOutcomes: false, precise: () => false });
  assert.is(a[0].tally.runs, 1500);
});

test.run();
