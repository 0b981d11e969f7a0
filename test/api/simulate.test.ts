import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OptionError } from '../../src/api/errors.js';
import type { RunRecord } from '../../src/api/run-record.js';
import { loadScenario, withOverrides } from '../../src/api/scenario.js';
import { runRecords, simulate, widestOutcomeHalf } from '../../src/api/simulate.js';
import { summaryJson } from '../../src/report/json.js';
import { OUTCOMES } from '../../src/sim/run-record.js';

const talks = loadScenario();

async function collect(opts: Parameters<typeof simulate>[1]): Promise<RunRecord[]> {
  const out: RunRecord[] = [];
  await simulate(talks, { ...opts, onRun: (r) => { out.push(r); } });
  return out;
}

test("simulate's summary is the one negsim run --json prints: the committed reference output, byte for byte", async () => {
  const { summary } = await simulate(talks, { runs: 10_000, seed: 1, workers: 2 });
  assert.is(summaryJson(summary), readFileSync('results/geneva-2014.json', 'utf8'));
});

test('the run records come in run order, one a run, and count what the summary counts, for any number of workers', async () => {
  const one = await collect({ runs: 2500, seed: 3, workers: 1 });
  const two = await collect({ runs: 2500, seed: 3, workers: 2 });
  assert.equal(two, one);
  assert.equal(one.map((r) => r.run), [...Array(2500).keys()]);
  const { summary } = await simulate(talks, { runs: 2500, seed: 3, workers: 1 });
  for (const o of OUTCOMES) assert.is(one.filter((r) => r.outcome === o).length, summary.outcomes[o].count, o);
  assert.is(one.filter((r) => r.withdrew.some((w) => w.actor === 'snc' && w.trigger === 'exit')).length, summary.actors.snc.withdraw_on_exit!.count);
  assert.is(one.filter((r) => r.boycotted.includes('snc')).length, summary.actors.snc.attend!.n - summary.actors.snc.attend!.count);
  const agreed = one.filter((r) => r.outcome === 'agreement');
  assert.ok(agreed.length > 0 && agreed.every((r) => r.deal !== null && Object.keys(r.deal).length === talks.scenario.issues.length));
  assert.ok(one.every((r) => r.seed === 3 && (r.outcome === 'agreement') === (r.deal !== null)));
});

test('runRecords yields the same records as onRun, and leaving the loop early stops the Monte Carlo', async () => {
  const all = await collect({ runs: 2000, seed: 9, workers: 2 });
  const streamed: RunRecord[] = [];
  for await (const r of runRecords(talks, { runs: 2000, seed: 9, workers: 2 })) streamed.push(r);
  assert.equal(streamed, all);
  const t0 = Date.now();
  let n = 0;
  for await (const r of runRecords(talks, { runs: 10_000_000, seed: 9, workers: 2 })) {
    assert.is(r.run, n);
    if (++n === 1500) break;
  }
  assert.ok(Date.now() - t0 < 15_000, `10^7 runs were not played: stopped after ${Date.now() - t0} ms`);
});

test('runRecords passes on a failure of the Monte Carlo, and checks its options', async () => {
  let caught: unknown;
  try {
    for await (const _ of runRecords(talks, { runs: 0 })) assert.unreachable();
  } catch (e) {
    caught = e;
  }
  assert.instance(caught, OptionError);
  assert.is((caught as OptionError).option, 'runs');
});

test('with precision, simulate stops at the first block where every outcome interval is narrow enough: the result of that many runs', async () => {
  const r = await simulate(talks, { precision: 0.02, seed: 2, workers: 2 });
  assert.is(r.precisionReached, true);
  assert.ok(widestOutcomeHalf(r.tally) <= 0.02);
  assert.is(r.summary.runs % 1000, 0);
  const fewer = await simulate(talks, { runs: r.summary.runs - 1000, seed: 2, workers: 1 });
  assert.ok(widestOutcomeHalf(fewer.tally) > 0.02, 'a block fewer is not enough');
  assert.equal((await simulate(talks, { runs: r.summary.runs, seed: 2, workers: 1 })).summary, r.summary);
  const capped = await simulate(talks, { precision: 0.001, runs: 2000, seed: 2, workers: 1 });
  assert.is(capped.precisionReached, false);
  assert.is(capped.summary.runs, 2000);
});

test('overrides reach the runs and the summary names them', async () => {
  const pushed = withOverrides(talks, { rounds: 2 });
  const { summary } = await simulate(pushed, { runs: 1000, seed: 1, workers: 1 });
  assert.equal(summary.scenario.overrides, { rounds: 2 });
  assert.is(summary.rounds.length, 2);
});

test('options out of range throw OptionError naming the option; workers beyond the cores are capped, not refused', async () => {
  for (const [opts, option] of [[{ runs: 0 }, 'runs'], [{ runs: 1.5 }, 'runs'], [{ seed: 0.5 }, 'seed'], [{ workers: 0 }, 'workers'], [{ precision: 0.5 }, 'precision']] as const) {
    let caught: unknown;
    try {
      await simulate(talks, opts);
    } catch (e) {
      caught = e;
    }
    assert.instance(caught, OptionError, JSON.stringify(opts));
    assert.is((caught as OptionError).option, option);
  }
  assert.equal((await simulate(talks, { runs: 1000, workers: 256 })).summary, (await simulate(talks, { runs: 1000, workers: 1 })).summary);
});

test.run();
