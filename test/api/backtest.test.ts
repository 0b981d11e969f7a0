import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backtestScenarios } from '../../src/api/backtest.js';
import { OptionError } from '../../src/api/errors.js';
import { loadScenario, parseScenario } from '../../src/api/scenario.js';
import { simulate } from '../../src/api/simulate.js';
import { backtest } from '../../src/backtest/backtest.js';

const files = ['record/dayton-1995.yaml', 'record/camp-david-2000.yaml'];

test('each scenario is played as simulate plays it and scored against its observed answers, overall beside the baselines', async () => {
  const loaded = files.map((f) => loadScenario(f));
  const r = await backtestScenarios(loaded, { runs: 1000, seed: 2, workers: 2 });
  const inputs = [];
  for (const l of loaded) {
    const { summary, tally } = await simulate(l, { runs: 1000, seed: 2, workers: 1 });
    inputs.push({ scenario: l.scenario, summary, tally });
  }
  assert.equal(r, backtest(inputs));
  assert.equal(r.scenarios.map((s) => s.file), ['dayton-1995.yaml', 'camp-david-2000.yaml']);
  const n = loaded.reduce((k, l) => k + l.scenario.observed!.questions.length, 0);
  assert.is(r.overall.negsim.n, n);
  assert.is(r.overall.half.brier, 0.25, 'always 0.5 scores 0.25');
});

test('progress counts the runs of every scenario', async () => {
  const seen: [number, number][] = [];
  await backtestScenarios(files.map((f) => loadScenario(f)), { runs: 1000, seed: 2, workers: 1, onProgress: (d, t) => seen.push([d, t]) });
  assert.equal(seen, [[1000, 2000], [2000, 2000]]);
});

test('a scenario without observed: (or none at all) is an OptionError naming it', async () => {
  const text = (await import('node:fs')).readFileSync('scenarios/geneva-2014.yaml', 'utf8');
  const blind = parseScenario(text.slice(0, text.indexOf('\nobserved:')), { name: 'scenarios/blind.yaml' });
  assert.is(blind.scenario.observed, undefined);
  for (const list of [[blind], []]) {
    let caught: unknown;
    try {
      await backtestScenarios(list, { runs: 1000 });
    } catch (e) {
      caught = e;
    }
    assert.instance(caught, OptionError);
    if (list.length > 0) assert.match((caught as OptionError).message, 'scenarios/blind.yaml has no observed: block');
  }
});

test.run();
