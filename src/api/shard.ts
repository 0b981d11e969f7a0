/**
 * A Monte Carlo spread over machines: shard k of N plays its slice of the runs (whole blocks of 1,000)
 * and gives a part (JSON text: the slice's streaming counts, the scenario, seed, runs, slice); the parts
 * of every shard merged give the Summary one machine would have made, bit for bit. What
 * `negsim run --shard k/N --out F` and `negsim merge` do, without the files.
 *
 * @example
 * const parts = [];
 * for (let k = 1; k <= 4; k++) parts.push({ name: `part-${k}`, text: (await simulateShard(talks, { runs: 8000, shard: { k, n: 4 } })).text });
 * mergeParts(parts).summary; // deepEqual (await simulate(talks, { runs: 8000 })).summary
 */
import { checkPartSet, MAX_SHARDS, orderParts, parsePart, partJson, type Part } from '../report/part-file.js';
import { BLOCK_SIZE, blockCount } from '../sim/block.js';
import { monteCarlo } from '../sim/monte-carlo.js';
import { rngName } from '../sim/rng.js';
import { blockRuns, shardBlocks } from '../sim/shard.js';
import { addBlockTally, mergePartialTallies, newPartialTally } from '../stats/partial-tally.js';
import { summarise, type Summary } from '../stats/summary.js';
import type { Tally } from '../stats/tally.js';
import { InputError, OptionError } from './errors.js';
import { runsOption, seedOption, wholeOption, workersOption, type RunOptions } from './options.js';
import type { LoadedScenario } from './scenario.js';
import { VERSION } from './version.js';

export { MAX_SHARDS };
export type { Part };

export interface ShardOptions extends RunOptions {
  /** This shard, k of n (1 <= k <= n). `runs` and `seed` are the whole Monte Carlo's, the same for every shard. */
  shard: { k: number; n: number };
  onProgress?: (done: number, total: number) => void;
}

export interface ShardResult {
  /** The part as `negsim run --shard k/N --out F` writes it: mergeParts and `negsim merge` read it. */
  text: string;
  part: Part;
  /** The runs [first, end) this shard played (empty with more shards than blocks of 1,000 runs). */
  first: number;
  end: number;
}

/** Play shard k of n of a Monte Carlo. Throws OptionError for options out of range. */
export async function simulateShard(loaded: LoadedScenario, opts: ShardOptions): Promise<ShardResult> {
  const runs = runsOption(opts.runs);
  const seed = seedOption(opts.seed);
  const workers = workersOption(opts.workers);
  const n = wholeOption('shard.n', opts.shard?.n, 1, MAX_SHARDS);
  const k = wholeOption('shard.k', opts.shard?.k, 1, MAX_SHARDS);
  if (k > n) throw new OptionError('shard', `shard.k must be at most shard.n; got ${k} of ${n}`);
  const { scenario, overrides } = loaded;
  const blocks = shardBlocks(runs, k, n);
  const [first, end] = blockRuns(runs, blocks);
  const partial = newPartialTally(scenario, blocks);
  opts.onProgress?.(0, end - first);
  await monteCarlo(scenario, {
    runs, seed, workers, blocks,
    onBlock: (res) => addBlockTally(partial, res.tally),
    onProgress: opts.onProgress ? (done) => opts.onProgress!(done, end - first) : undefined,
  });
  const part: Part = { negsim: VERSION, rng: rngName, scenario, overrides, seed, runs, shard: { k, n }, partial };
  return { text: partJson(part), part, first, end };
}

/**
 * A part read from its text and checked as untrusted input (its text, scenario, slice and counts).
 * Throws InputError with what is wrong, naming the field.
 */
export function readPart(text: string): Part {
  const p = parsePart(text);
  if (typeof p === 'string') throw new InputError([p]);
  return p;
}

/** A part to merge: its name (for messages) and its text, or the part readPart made of it. */
export type PartInput = { name: string; text: string } | { name: string; part: Part };

/**
 * Merge the parts of a sharded Monte Carlo into the Summary one machine would have made. Every part
 * is checked as untrusted input (readPart), and the set must share its scenario, overrides, seed and
 * runs and cover every run once; else InputError lists every problem (a part's name first) and
 * nothing is merged.
 */
export function mergeParts(parts: readonly PartInput[]): { summary: Summary; tally: Tally } {
  if (parts.length === 0) throw new InputError(['no parts to merge']);
  const read: { name: string; part: Part }[] = [];
  const bad: string[] = [];
  for (const input of parts) {
    if ('part' in input) {
      read.push(input);
      continue;
    }
    const p = parsePart(input.text);
    if (typeof p === 'string') bad.push(`${input.name}: ${p}`);
    else read.push({ name: input.name, part: p });
  }
  if (bad.length > 0) throw new InputError(bad);
  const problems = checkPartSet(read, blockCount, BLOCK_SIZE);
  if (problems.length > 0) throw new InputError(problems);
  const ordered = orderParts(read);
  const head = ordered[0].part;
  const tally = mergePartialTallies(head.scenario, ordered.map((q) => q.part.partial));
  return { summary: summarise(head.scenario, tally, head.seed, head.negsim, head.rng, head.overrides), tally };
}
