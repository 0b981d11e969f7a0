import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BLOCK_SIZE, blockCount, blockRange, BlockRunner, type BlockResult } from '../../src/sim/block.js';
import { twoParties } from './fixtures.js';

test('blocks of 1,000 runs, the last one short', () => {
  assert.is(BLOCK_SIZE, 1000);
  assert.is(blockCount(2500), 3);
  assert.equal(blockRange(0, 2500), [0, 1000]);
  assert.equal(blockRange(2, 2500), [2000, 2500]);
});

test('a block played a slice at a time is the same bytes as played at once (tally and run columns)', () => {
  const s = twoParties({ rounds: 4 });
  const whole = new BlockRunner(s).run(1, 9, 1000, 1250, true);
  const slices = new BlockRunner(s).begin(1, 9, 1000, 1250, true);
  const got: (ReturnType<typeof slices.step>)[] = [];
  for (const n of [1, 99, 100, 7, 500]) got.push(slices.step(n));
  assert.equal(got.slice(0, 4), [null, null, null, null]); // 1 + 99 + 100 + 7 = 207 of 250 runs
  const sliced = got[4]!;
  assert.ok(sliced !== null);
  const bytes = (r: BlockResult) => [...Object.values(r.tally), ...Object.values(r.columns!)]
    .map((v) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex') : JSON.stringify(v)))
    .join('|');
  assert.is(bytes(sliced), bytes(whole));
  assert.is(sliced.tally.runs, 250);
});

test.run();
