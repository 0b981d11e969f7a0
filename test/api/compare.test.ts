import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareScenarios, compareSeeds } from '../../src/api/compare.js';
import { OptionError } from '../../src/api/errors.js';
import { loadScenario, withOverrides } from '../../src/api/scenario.js';
import { simulate } from '../../src/api/simulate.js';

const base = loadScenario();
const pushed = withOverrides(base, { 'actors.russia.pressure.0.strength': 0.9 });

test('compareSeeds: each seed is the Monte Carlo simulate plays with that seed, and the seeds are tested for agreement', async () => {
  const c = await compareSeeds(base, { seeds: [1, 2], runs: 1000, workers: 2 });
  assert.equal(c.seeds.map((s) => s.seed), [1, 2]);
  for (const s of c.seeds) assert.equal(s.outcomes, (await simulate(base, { runs: 1000, seed: s.seed, workers: 1 })).summary.outcomes);
  assert.is(c.scenario.file, 'geneva-2014.yaml');
  assert.is(typeof c.agree, 'boolean');
  assert.ok(c.homogeneity.withdrawal.p_value >= 0 && c.homogeneity.withdrawal.p_value <= 1);
  assert.is(c.homogeneity.withdrawal.pooled.n, 2000);
});

test('compareScenarios: side by side under one seed, each labelled by its file, with paired differences from the first', async () => {
  const c = await compareScenarios([base, pushed], { runs: 1000, seed: 5, workers: 2 });
  assert.equal(c.scenarios.map((s) => s.label), ['geneva-2014.yaml (1)', 'geneva-2014.yaml (2)']);
  assert.equal(c.scenarios[1].overrides, { 'actors.russia.pressure.0.strength': 0.9 });
  const a = (await simulate(base, { runs: 1000, seed: 5, workers: 1 })).summary.outcomes;
  const b = (await simulate(pushed, { runs: 1000, seed: 5, workers: 1 })).summary.outcomes;
  assert.equal(c.scenarios[0].outcomes, a);
  assert.equal(c.scenarios[1].outcomes, b);
  const d = c.differences.find((x) => x.metric === 'withdrawal' && x.actor === '')!;
  assert.ok(Math.abs(d.d - (b.withdrawal.p - a.withdrawal.p)) < 1e-12, 'the difference is the second minus the first');
  assert.ok(d.lo <= d.d && d.d <= d.hi);
  const named = await compareScenarios([{ loaded: base, label: 'as filed' }, { loaded: pushed, label: 'pushed' }], { runs: 1000, seed: 5, workers: 1 });
  assert.equal(named.scenarios.map((s) => s.label), ['as filed', 'pushed']);
  assert.equal(named.differences.map((x) => x.d), c.differences.map((x) => x.d));
});

test('comparing fewer than two scenarios, no seeds or a seed twice is an OptionError', async () => {
  for (const run of [() => compareScenarios([base]), () => compareSeeds(base, { seeds: [] }), () => compareSeeds(base, { seeds: [3, 3] })]) {
    let caught: unknown;
    try {
      await run();
    } catch (e) {
      caught = e;
    }
    assert.instance(caught, OptionError);
  }
});

test.run();
