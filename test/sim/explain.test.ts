import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { explainRuns, explainScenario, type ExplainOptions } from '../../src/sim/explain.js';
import type { Explanation } from '../../src/stats/explanation.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DECIDED_YAML, scenarioFrom } from './fixtures.js';

const s = scenarioFrom(DECIDED_YAML, 'decided.yaml');
const label = { id: s.id, title: s.title, file: 'decided.yaml', hash: s.hash };
const opts: ExplainOptions = { rows: 512, inner: 8, seed: 1, workers: 1, grouping: 'preference', counterfactualRuns: 1000, resamples: 400 };
const outcome = (e: Explanation, key: string) => e.sensitivity.outcomes.find((o) => o.outcome === key)!;

let explained: Explanation;

test('one input alone decides whether the talks happen: it ranks first with a total index above 0.9; an input that does nothing gets 0', async () => {
  explained = await explainScenario(s, label, 'test', opts);
  const noTalks = outcome(explained, 'no_talks');
  const [first, ...rest] = noTalks.indices;
  assert.is(first.input, 'actors.a.preferences.0');
  assert.ok(first.total.estimate > 0.9, `total ${first.total.estimate}`);
  assert.ok(first.total.lo > 0.8, `interval ${first.total.lo} .. ${first.total.hi}`);
  assert.ok(first.first.estimate > 0.8, `first order ${first.first.estimate}`);
  const observer = rest.find((x) => x.input === 'actors.observer.capability')!;
  // it changes no run, and every run of a row draws from the same generators: exactly 0, interval and all
  assert.equal([observer.first.estimate, observer.total.estimate, observer.total.lo, observer.total.hi], [0, 0, 0, 0]);
  // B's position moves the deal, never whether the talks happen
  const position = rest.find((x) => x.input === 'actors.b.position.x')!;
  assert.ok(Math.abs(position.total.estimate) < 0.02, `B's position: ${position.total.estimate}`);
  // the logit noise of lambda 10 is chance: a measurable share of a run's variance, not the inputs'
  assert.ok(noTalks.chance.estimate > 0.1 && noTalks.chance.estimate < 0.3, `chance ${noTalks.chance.estimate}`);
  assert.ok(Math.abs(noTalks.run_variance - noTalks.p * (1 - noTalks.p)) < 1e-12);
  assert.is(explained.sensitivity.model_runs, 512 * 5 * 8);
});

test('counterfactual: without A\'s inclination (strength 0 instead of a draw from [-1, 1], negative half the time) A attends more often; paired run by run', () => {
  const cf = explained.counterfactual!;
  assert.is(cf.runs, 1000);
  assert.equal(cf.preferences.map((p) => p.path), ['actors.a.preferences.0', 'actors.b.preferences.0']);
  const a = cf.preferences[0].effects.find((x) => x.outcome === 'attend.a')!;
  assert.is(a.baseline.n, 1000);
  assert.ok(a.flagged && a.difference.lo > 0.1, `A attends ${a.baseline.p} -> ${a.switched_off.p}`);
  // every run of the counterfactual is paired with the same run of the scenario: the scenario's share is the same for every preference
  assert.is(cf.preferences[1].effects.find((x) => x.outcome === 'attend.a')!.baseline.p, a.baseline.p);
  // without its inclination B attends less: its strength 1 was what brought it
  const b = cf.preferences[1].effects.find((x) => x.outcome === 'attend.b')!;
  assert.ok(b.flagged && b.difference.d < 0, `B attends ${b.baseline.p} -> ${b.switched_off.p}`);
  assert.ok(Math.abs(b.difference.d - (b.switched_off.p - b.baseline.p)) < 1e-12);
});

test('the same bytes with two workers; the runs it plays are the design\'s and the counterfactuals\'', async () => {
  const small = { ...opts, rows: 64, counterfactualRuns: 300 };
  const one = await explainScenario(s, label, 'test', small);
  const two = await explainScenario(s, label, 'test', { ...small, workers: 2 });
  assert.is(JSON.stringify(two), JSON.stringify(one));
  assert.equal(explainRuns(s, small), { design: 64 * 5 * 8, counterfactual: 3 * 300 });
});

test('Geneva II: every sampled number is an input, every headline outcome is explained', () => {
  const geneva = loadScenario('scenarios/geneva-2014.yaml').scenario!;
  assert.equal(explainRuns(geneva, { rows: 256, inner: 16, grouping: 'preference', counterfactualRuns: 10_000 }), { design: 256 * 38 * 16, counterfactual: 13 * 10_000 });
});

test.run();
