import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadScenario } from '../../src/scenario/load.js';
import { applySets } from '../../src/scenario/override.js';
import type { Scenario } from '../../src/scenario/types.js';
import { BLOCK_SIZE, blockCount } from '../../src/sim/block.js';
import { monteCarlo } from '../../src/sim/monte-carlo.js';
import { shardBlocks } from '../../src/sim/shard.js';
import { summaryJson } from '../../src/report/json.js';
import { checkPartSet, orderParts, parsePart, partJson, type Part } from '../../src/report/part-file.js';
import { addBlockTally, mergePartialTallies, newPartialTally } from '../../src/stats/partial-tally.js';
import { summarise } from '../../src/stats/summary.js';

const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario as Scenario;
const RUNS = 7000;

async function part(s: Scenario, k: number, n: number, seed = 1, runs = RUNS, overrides = {}): Promise<Part> {
  const blocks = shardBlocks(runs, k, n);
  const partial = newPartialTally(s, blocks);
  await monteCarlo(s, { runs, seed, workers: 1, blocks, onBlock: (r) => addBlockTally(partial, r.tally) });
  return { negsim: '0.1.0', rng: 'seedrandom.xor4096', scenario: s, overrides, seed, runs, shard: { k, n }, partial };
}

const roundTrip = (p: Part): Part => {
  const r = parsePart(partJson(p));
  if (typeof r === 'string') throw new Error(r);
  return r;
};

const wholeJson = summaryJson(summarise(geneva, await monteCarlo(geneva, { runs: RUNS, seed: 1, workers: 1 }), 1, '0.1.0', 'seedrandom.xor4096'));
const parts3 = await Promise.all([1, 2, 3].map((k) => part(geneva, k, 3)));

for (const n of [1, 3, 7]) {
  test(`${n} shard${n === 1 ? '' : 's'} of 7000 runs, written, read back and merged, give run --json's bytes`, async () => {
    const parts = n === 3 ? parts3 : await Promise.all(Array.from({ length: n }, (_, i) => part(geneva, i + 1, n)));
    const named = parts.map((p, i) => ({ name: `part-${i + 1}.json`, part: roundTrip(p) })).reverse(); // any order on the command line
    assert.equal(checkPartSet(named, blockCount, BLOCK_SIZE), []);
    const ordered = orderParts(named);
    const merged = mergePartialTallies(geneva, ordered.map((q) => q.part.partial));
    assert.is(summaryJson(summarise(ordered[0].part.scenario, merged, 1, '0.1.0', 'seedrandom.xor4096')), wholeJson);
  });
}

const named = (ps: Part[]) => ps.map((p, i) => ({ name: `p${i + 1}`, part: p }));

test('a missing slice is refused, naming its runs and the missing shard', () => {
  assert.equal(checkPartSet(named([parts3[0], parts3[2]]), blockCount, BLOCK_SIZE),
    ['the parts do not cover all 7000 runs: runs 2000..3999 are in no part; shard 2/3 is missing']);
});

test('overlapping slices are refused', async () => {
  const other = await part(geneva, 1, 2); // blocks 0-2
  const problems = checkPartSet(named([parts3[0], parts3[1], parts3[2], other]), blockCount, BLOCK_SIZE);
  assert.ok(problems.some((p) => /overlaps/.test(p)), problems.join('\n'));
});

test('parts of a different seed, run count or overrides are refused', async () => {
  const seed2 = await part(geneva, 2, 3, 2);
  assert.match(checkPartSet(named([parts3[0], seed2, parts3[2]]), blockCount, BLOCK_SIZE)[0], 'differ in seed: 2 vs 1');
  const runs = { ...parts3[1], runs: 8000 };
  assert.match(checkPartSet(named([parts3[0], runs, parts3[2]]), blockCount, BLOCK_SIZE)[0], 'differ in total runs');
  const set = applySets(geneva, [{ path: 'model.lambda', text: '10' }]);
  const ov = await part(set.scenario!, 2, 3, 1, RUNS, set.overrides);
  assert.match(checkPartSet(named([parts3[0], ov, parts3[2]]), blockCount, BLOCK_SIZE)[0], 'differ in overrides');
  const hash = { ...parts3[1], scenario: { ...geneva, hash: 'f'.repeat(64) } };
  assert.match(checkPartSet(named([parts3[0], hash, parts3[2]]), blockCount, BLOCK_SIZE)[0], 'differ in scenario');
});

test('a file that is not a part, or a damaged one, is refused with a sentence', () => {
  assert.match(parsePart('{"a": 1}') as string, 'not a negsim part file');
  assert.match(parsePart('not json') as string, 'not JSON');
  const j = JSON.parse(partJson(parts3[0]));
  j.tally.outcomes = [1, 2];
  assert.is(parsePart(JSON.stringify(j)), 'tally.outcomes is not 4 numbers');
  const k = JSON.parse(partJson(parts3[0]));
  k.per_block.dealSum.pop();
  assert.match(parsePart(JSON.stringify(k)) as string, /^per_block\.dealSum is not 2 rows/);
});

test.run();
