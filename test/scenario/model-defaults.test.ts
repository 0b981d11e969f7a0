import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileGivesModelKey, withModelDefaults } from '../../src/scenario/model-defaults.js';
import { applySets } from '../../src/scenario/override.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

// test/backtest/deadlock.yaml has model: { lambda: 10 } and nothing else
const deadlock = loadScenario('test/backtest/deadlock.yaml').scenario as Scenario;
const dist = (s: Scenario, path: string) => s.params.find((p) => p.path === path)!.dist;

test('a key the file gives is kept; a key it leaves to the default takes the value', () => {
  assert.ok(fileGivesModelKey(deadlock, 'lambda'));
  assert.not.ok(fileGivesModelKey(deadlock, 'miss'));
  const r = withModelDefaults(deadlock, { lambda: 40, miss: 0.1 });
  assert.equal(r.diagnostics, []);
  assert.equal(r.kept, ['lambda']);
  assert.equal(r.applied, { 'model.miss': 0.1 });
  assert.equal(dist(r.scenario!, 'model.lambda'), { kind: 'fixed', value: 10 });
  assert.equal(dist(r.scenario!, 'model.miss'), { kind: 'fixed', value: 0.1 });
  assert.equal(dist(deadlock, 'model.miss'), { kind: 'fixed', value: 0.2 }, 'the scenario given is not touched');
});

test('values come through bit for bit, and mean what --set of the same value means', () => {
  const x = 0.1 + 0.2; // 0.30000000000000004
  const r = withModelDefaults(deadlock, { flexibility: x });
  assert.equal(dist(r.scenario!, 'model.flexibility'), { kind: 'fixed', value: x });
  assert.equal(r.scenario, applySets(deadlock, [{ path: 'model.flexibility', text: String(x) }]).scenario);
});

test('a value outside its key\'s range is a diagnostic, and no scenario', () => {
  const r = withModelDefaults(deadlock, { miss: 2 });
  assert.is(r.scenario, undefined);
  assert.match(r.diagnostics[0].message, /model\.miss=2/);
});

test.run();
