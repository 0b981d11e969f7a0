import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blockRuns, shardBlocks } from '../../src/sim/shard.js';

test('shards cut 7000 runs (7 blocks) into consecutive whole-block slices that cover every block once', () => {
  assert.equal([1, 2, 3].map((k) => shardBlocks(7000, k, 3)), [[0, 2], [2, 4], [4, 7]]);
  assert.equal(shardBlocks(7000, 1, 1), [0, 7]);
  assert.equal([1, 2, 3, 4, 5, 6, 7].map((k) => shardBlocks(7000, k, 7)), [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7]]);
});

test('more shards than blocks leaves some slices empty, still covering all', () => {
  const s = [1, 2, 3, 4].map((k) => shardBlocks(2500, k, 4)); // 3 blocks
  assert.equal(s, [[0, 0], [0, 1], [1, 2], [2, 3]]);
});

test('blockRuns gives the runs of a slice, the last block cut at the run count', () => {
  assert.equal(blockRuns(2500, [1, 3]), [1000, 2500]);
  assert.equal(blockRuns(2500, [0, 0]), [0, 0]);
});

test('k outside 1..n is a bug and throws', () => {
  assert.throws(() => shardBlocks(7000, 0, 3));
  assert.throws(() => shardBlocks(7000, 4, 3));
});

test.run();
