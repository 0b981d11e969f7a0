import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { playSobol, sobolRuns } from '../../src/sim/sobol.js';
import { uncertainInputs } from '../../src/scenario/uncertain-inputs.js';
import { DECIDED_YAML, scenarioFrom } from './fixtures.js';

const s = scenarioFrom(DECIDED_YAML);
const groups = uncertainInputs(s).map((i) => i.slots);

test('the design in this thread and with two threads (sobol-worker.ts) gives the same sums, in row order', async () => {
  const progress: number[] = [];
  const opts = { rows: 120, inner: 4, seed: 9 };
  const one = await playSobol(s, groups, { ...opts, workers: 1, onProgress: (d) => progress.push(d) });
  const two = await playSobol(s, groups, { ...opts, workers: 2 });
  assert.equal(Array.from(two), Array.from(one));
  assert.is(progress[progress.length - 1], sobolRuns(groups.length, 120, 4));
  assert.is(sobolRuns(groups.length, 120, 4), 120 * (groups.length + 2) * 4);
  const other = await playSobol(s, groups, { ...opts, seed: 10, workers: 1 });
  assert.not.equal(Array.from(other), Array.from(one));
});

test.run();
