import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError, OptionError } from '../../src/api/errors.js';
import { loadScenario, withOverrides } from '../../src/api/scenario.js';
import { mergeParts, readPart, simulateShard } from '../../src/api/shard.js';
import { simulate } from '../../src/api/simulate.js';
import { summaryJson } from '../../src/report/json.js';

const talks = withOverrides(loadScenario(), { 'model.lambda': 12 });

test('the parts of three shards merge into the summary of one machine, byte for byte, overrides and all', async () => {
  const parts = [];
  for (const k of [3, 1, 2]) {
    const r = await simulateShard(talks, { runs: 5000, seed: 4, workers: 2, shard: { k, n: 3 } });
    parts.push({ name: `part-${k}.json`, text: r.text });
  }
  const merged = mergeParts(parts);
  const whole = await simulate(talks, { runs: 5000, seed: 4, workers: 1 });
  assert.is(summaryJson(merged.summary), summaryJson(whole.summary));
  assert.equal(merged.summary.scenario.overrides, { 'model.lambda': 12 });
  // parts already read merge the same
  assert.equal(mergeParts(parts.map((p) => ({ name: p.name, part: readPart(p.text) }))).summary, merged.summary);
});

test("a shard plays whole blocks of its slice, and says which runs", async () => {
  const r = await simulateShard(talks, { runs: 5000, seed: 4, workers: 1, shard: { k: 2, n: 3 } });
  assert.equal([r.first, r.end], [1000, 3000]);
  assert.equal(r.part.shard, { k: 2, n: 3 });
  assert.is(r.part.partial.tally.runs, 2000);
  const empty = await simulateShard(talks, { runs: 1000, seed: 4, workers: 1, shard: { k: 1, n: 2 } });
  assert.is(empty.first, empty.end, 'more shards than blocks: an empty slice');
});

test('parts that do not make a whole are refused with every problem, and nothing is merged', async () => {
  const one = await simulateShard(talks, { runs: 3000, seed: 4, workers: 1, shard: { k: 1, n: 3 } });
  let caught: unknown;
  try {
    mergeParts([{ name: 'part-1.json', text: one.text }, { name: 'junk.json', text: '{"format": "negsim-part"' }]);
  } catch (e) {
    caught = e;
  }
  assert.instance(caught, InputError);
  const problems = (caught as InputError).problems;
  assert.is(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /^junk\.json: not JSON \(/);
  try {
    mergeParts([{ name: 'part-1.json', text: one.text }]);
  } catch (e) {
    caught = e;
  }
  assert.match((caught as InputError).problems.join('\n'), 'runs 1000..2999 are in no part; shards 2/3, 3/3 are missing');
  assert.throws(() => readPart('[]'), (e: unknown) => e instanceof InputError);
  assert.throws(() => mergeParts([]), (e: unknown) => e instanceof InputError);
});

test('a shard out of range is an OptionError', async () => {
  for (const shard of [{ k: 0, n: 3 }, { k: 4, n: 3 }, { k: 1, n: 0 }]) {
    let caught: unknown;
    try {
      await simulateShard(talks, { runs: 1000, shard });
    } catch (e) {
      caught = e;
    }
    assert.instance(caught, OptionError, JSON.stringify(shard));
  }
});

test.run();
