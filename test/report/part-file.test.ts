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
  assert.is(parsePart(JSON.stringify(j)), 'tally.outcomes is not 4 finite numbers');
  const k = JSON.parse(partJson(parts3[0]));
  k.per_block.dealSum.pop();
  assert.match(parsePart(JSON.stringify(k)) as string, /^per_block\.dealSum is not 2 rows/);
});

/** parts3[0] as JSON, changed by `edit`, read back: the sentence it is refused with. */
function refusal(edit: (j: any) => void, p: Part = parts3[0]): string {
  const j = JSON.parse(partJson(p));
  edit(j);
  const r = parsePart(JSON.stringify(j));
  assert.type(r, 'string', 'the damaged part must be refused');
  return r as string;
}

test('every shipped scenario\'s parts pass the checks: they refuse forgeries, not real parts', async () => {
  for (const file of ['annan-2012', 'camp-david-2000', 'dayton-1995', 'geneva-2014', 'geneva-i-2012']) {
    const s = loadScenario(`scenarios/${file}.yaml`).scenario as Scenario;
    for (const [k, n] of [[1, 2], [2, 2]]) {
      const r = parsePart(partJson(await part(s, k, n, 3, 2500)));
      assert.ok(typeof r !== 'string', `${file} shard ${k}/${n}: ${String(r)}`);
    }
  }
});

test('counts that no run could give are refused, naming the field: negative, fractional, 1e300, not summing to the runs', () => {
  assert.is(refusal((j) => { j.tally.outcomes[1] = -3; }), 'tally.outcomes[1] is -3, not a count (a whole number >= 0)');
  assert.is(refusal((j) => { j.tally.attended[0] = 0.5; }), 'tally.attended[0] is 0.5, not a count (a whole number >= 0)');
  assert.is(refusal((j) => { j.tally.outcomes[0] = 1e300; }), 'tally.outcomes[0] is 1e+300, not a count (a whole number >= 0)');
  assert.is(refusal((j) => { j.tally.outcomes[0] += 300; j.tally.outcomes[2] -= 100; }), 'tally.outcomes sum to 2200, not to the 2000 runs (every run ends in exactly one outcome)');
  assert.is(refusal((j) => { j.tally.runs = 5000; }), 'tally.runs is 5000, but the slice holds 2000 runs');
  assert.match(refusal((j) => { j.tally.withdrew[1] += 1; }), /^tally\.withdrewAt of snc sums to \d+, not to its \d+ withdrawals$/);
  assert.match(refusal((j) => { j.tally.dealSum[0] = 1e9; }), /^tally\.dealSum\[0\] is 1000000000, outside \[0, 100 x \d+ agreements\]$/);
  assert.match(refusal((j) => { j.per_block.dealSumSq[1][0] = -1; }), /^per_block\[1\]: dealSumSq\[0\] is -1/);
});

test('a slice other than its shard\'s, or a shard beyond its count, is refused', () => {
  assert.is(refusal((j) => { j.blocks = [0, 3]; }), 'blocks is [0, 3), but shard 1/3 of 7000 runs plays blocks [0, 2)');
  assert.is(refusal((j) => { j.shard = { k: 4, n: 3 }; }), 'shard is not {k, n} with 1 <= k <= n <= 1000000');
  assert.is(refusal((j) => { j.runs = 1e12; }), 'runs is not a whole number from 1 to 100000000');
});

test('text a terminal would obey, or that reads other than it is, is refused wherever it is, naming the field', () => {
  assert.is(refusal((j) => { j.scenario.title = 'Geneva\u001b]0;owned\u0007\u001b[2J'; }), 'scenario.title: the text holds the control character U+001B; a part written by negsim never does');
  assert.is(refusal((j) => { j.scenario.actors[1].name = 'SNC\u202Edlrow'; }), 'scenario.actors[1].name: the text holds the bidirectional control U+202E; a part written by negsim never does');
  assert.is(refusal((j) => { j.scenario.actors[0].name = 'gov\u200B'; }), 'scenario.actors[0].name: the text holds the invisible character U+200B; a part written by negsim never does');
  assert.match(refusal((j) => { j.overrides = { 'model.lambda\u001b[8m': 3 }; }), /^overrides\.model\.lambda.*control character U\+001B/);
  // The source text (an article, in whatever script) is not a name; it is carried, never printed by merge.
  const ok = JSON.parse(partJson(parts3[0]));
  ok.scenario.source.text += ' \u200C';
  assert.ok(typeof parsePart(JSON.stringify(ok)) !== 'string');
});

test('a scenario that no loader would give is refused: ids, roles, measures, sizes', () => {
  assert.is(refusal((j) => { j.scenario.actors[0].id = 'Gov; rm -rf'; }), 'scenario.actors[0].id is not an id');
  assert.is(refusal((j) => { j.scenario.actors[1].id = 'gov'; }), "scenario.actors[1].id 'gov' is used twice");
  assert.is(refusal((j) => { j.scenario.actors[0].role = 'king'; }), 'scenario.actors[0].role is not one of party, sponsor, mediator');
  assert.is(refusal((j) => { j.scenario.measures[0].sides = [0, 99]; }), 'scenario.measures[0].sides is not 1 to 4 different actors');
  assert.is(refusal((j) => { j.scenario.window = -1; }), 'scenario.window is not a whole number from 0 to 200');
  assert.is(refusal((j) => { j.scenario.rounds = 1e6; }), 'scenario.rounds is not a whole number from 1 to 200');
  assert.is(refusal((j) => { j.scenario.hash = 'f'.repeat(64); }), 'scenario.hash does not match scenario_hash');
  assert.is(refusal((j) => { j.scenario_hash = 'not-a-hash'; }), 'scenario_hash is not a sha256 (64 hex digits)');
});

test.run();
