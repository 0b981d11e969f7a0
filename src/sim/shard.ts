/**
 * Shards: the k-th of N slices of a Monte Carlo, cut at whole blocks (block.ts) so that the shards' block
 * tallies, merged in block order, are the single machine's tally bit for bit.
 *
 * Shard k (1-based) of N plays blocks [floor((k-1)·B/N), floor(k·B/N)) of the B = ceil(runs / 1000) blocks:
 * consecutive, disjoint, covering all blocks, sizes differing by at most one block. With N > B some
 * shards are empty (they still write a part, so a job array's every task succeeds and merge sees N parts).
 *
 * @example
 * shardBlocks(7000, 2, 3); // [2, 4]: blocks 2 and 3, runs 2000..3999
 * shardBlocks(7000, 3, 3); // [4, 7]
 */
import { BLOCK_SIZE, blockCount } from './block.js';

export function shardBlocks(runs: number, k: number, n: number): [number, number] {
  if (!(Number.isSafeInteger(n) && n >= 1 && Number.isSafeInteger(k) && k >= 1 && k <= n)) {
    throw new RangeError(`shardBlocks: need 1 <= k <= n, got ${k}/${n}`);
  }
  const b = blockCount(runs);
  return [Math.floor(((k - 1) * b) / n), Math.floor((k * b) / n)];
}

/** The runs [start, end) of blocks [first, end). */
export function blockRuns(runs: number, blocks: readonly [number, number]): [number, number] {
  return [Math.min(runs, blocks[0] * BLOCK_SIZE), Math.min(runs, blocks[1] * BLOCK_SIZE)];
}
