import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvRows } from '../../src/report/csv.js';
import { summaryJson } from '../../src/report/json.js';
import { runsCsvHeader, runsCsvRows } from '../../src/report/runs-csv.js';
import { summaryCsv } from '../../src/report/summary-csv.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { BlockRunner } from '../../src/sim/block.js';
import { monteCarlo, resolveWorkers, WorkerPool } from '../../src/sim/monte-carlo.js';
import { summarise } from '../../src/stats/summary.js';

const { scenario } = loadScenario('scenarios/geneva-2014.yaml');
const geneva = scenario as Scenario;

async function outputs(runs: number, seed: number, workers: number): Promise<string> {
  let rows = csvRows(runsCsvHeader(geneva), []);
  const tally = await monteCarlo(geneva, {
    runs, seed, workers, keepRuns: true,
    onBlock: (res) => { rows += runsCsvRows(geneva, res.columns!, seed); },
  });
  const summary = summarise(geneva, tally, seed, 'test', 'rng');
  return summaryJson(summary) + summaryCsv(summary) + rows;
}

test('the bundled scenario loads', () => {
  assert.ok(scenario, 'scenarios/geneva-2014.yaml loads');
});

test('same seed, same bytes: repeating a Monte Carlo gives identical outputs', async () => {
  const a = await outputs(1500, 5, 1);
  const b = await outputs(1500, 5, 1);
  assert.is(a, b);
  assert.ok(a.length > 10_000);
});

test('same bytes for 1, 2 and 4 worker threads (JSON, summary CSV and the runs CSV)', async () => {
  const one = await outputs(2500, 11, 1);
  const two = await outputs(2500, 11, 2);
  const four = await outputs(2500, 11, 4);
  assert.is(two, one);
  assert.is(four, one);
});

test('another seed gives other draws', async () => {
  assert.is.not(await outputs(1000, 1, 1), await outputs(1000, 2, 1));
});

test('a run count that is not a multiple of the block size is played exactly', async () => {
  const tally = await monteCarlo(geneva, { runs: 1234, seed: 1, workers: 2 });
  assert.is(tally.runs, 1234);
  assert.is(tally.outcomes.reduce((a, b) => a + b, 0), 1234);
});

test('workers auto means one per core', () => {
  assert.ok(resolveWorkers('auto') >= 1);
  assert.is(resolveWorkers(3), 3);
});

test('a slow taker holds the threads back: at most 4 blocks a thread are played ahead of the one handed on, and all arrive in order', async () => {
  const pool = new WorkerPool(geneva, 2);
  const local = new BlockRunner(geneva);
  let requested = 0;
  let widest = 0;
  const taken: number[] = [];
  try {
    await pool.runBlocks(30, (i) => {
      requested = i + 1;
      widest = Math.max(widest, requested - taken.length);
      return { seq: i, block: i, seed: 1, start: i * 200, end: (i + 1) * 200, keepRuns: false };
    }, async (_res, i) => {
      taken.push(i);
      await new Promise((r) => setTimeout(r, 40)); // a reader far slower than three threads playing
    }, () => false, (q) => local.begin(q.block, q.seed, q.start, q.end, q.keepRuns));
  } finally {
    await pool.close();
  }
  assert.equal(taken, [...Array(30).keys()]);
  assert.ok(widest <= 4 * 3, `${widest} blocks ahead`);
  assert.ok(widest >= 4, `${widest}: the threads did play ahead`);
});

test.run();
