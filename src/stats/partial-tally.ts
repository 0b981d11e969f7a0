/**
 * The tally of a slice of blocks in a form that merges exactly into the single machine's tally.
 *
 * A Tally's counts (and the sums of whole numbers: rounds held, decisions) are integers below 2^53, so
 * they add exactly in any grouping. The deal sums (`dealSum`, `dealSumSq`) are sums of non-integers, whose
 * rounding depends on the order of addition: the Monte Carlo adds block tallies one by one in block order,
 * ((b0 + b1) + b2) + ..., and a shard's (b2 + b3) added to (b0 + b1) is not the same number. So a partial
 * keeps those two arrays block by block (2 x issues numbers a block), and merging replays the additions
 * in block order.
 */
import type { Scenario } from '../scenario/types.js';
import { mergeTally, newTally, type Tally } from './tally.js';

/** Tally arrays whose sums are not exact (non-integer addends), kept per block. */
export const ORDER_SENSITIVE = ['dealSum', 'dealSumSq'] as const;
type OrderSensitive = (typeof ORDER_SENSITIVE)[number];

export interface PartialTally {
  /** Blocks [first, end) it covers. */
  blocks: [number, number];
  /** The slice's tally (its order-sensitive arrays are not used in merging). */
  tally: Tally;
  /** Per block, in order: the order-sensitive arrays of its tally. */
  perBlock: Record<OrderSensitive, Float64Array>[];
}

export function newPartialTally(s: Scenario, blocks: [number, number]): PartialTally {
  return { blocks, tally: newTally(s), perBlock: [] };
}

/** Add the next block's tally (blocks must come in order). */
export function addBlockTally(p: PartialTally, block: Tally): void {
  mergeTally(p.tally, block);
  p.perBlock.push({ dealSum: Float64Array.from(block.dealSum), dealSumSq: Float64Array.from(block.dealSumSq) });
}

/**
 * The tally of the union of partials that are consecutive slices, given in block order: the same bits as
 * the Monte Carlo of all their blocks on one machine.
 *
 * @example
 * // blocks 0-2 in one partial, 3-6 in another:
 * mergePartialTallies(s, [p012, p3456]) // === monteCarlo(s, {runs: 7000, ...}) bit for bit
 */
export function mergePartialTallies(s: Scenario, parts: readonly PartialTally[]): Tally {
  const total = newTally(s);
  for (const p of parts) {
    const exact = { ...p.tally } as Tally;
    // order-sensitive arrays are added block by block below, not from the slice's sum
    for (const k of ORDER_SENSITIVE) exact[k] = new Float64Array(p.tally[k].length);
    mergeTally(total, exact);
    for (const b of p.perBlock) {
      for (const k of ORDER_SENSITIVE) {
        const into = total[k], from = b[k];
        if (into.length !== from.length) throw new Error(`mergePartialTallies: ${k} has ${into.length} cells here and ${from.length} there`);
        for (let i = 0; i < into.length; i++) into[i] += from[i];
      }
    }
  }
  return total;
}
