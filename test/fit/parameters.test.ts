import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FIT_PARAMETERS, fitParameter, fromSearch, modelDefault, startValue, toSearch } from '../../src/fit/parameters.js';
import { MODEL_KEYS, MODEL_SHARED_KEYS } from '../../src/scenario/resolve.js';
import { RANGE } from '../../src/scenario/schema.js';

const rangeOf = (key: string) => {
  const own = MODEL_KEYS.find(([k]) => k === key);
  const shared = MODEL_SHARED_KEYS.find(([k]) => k === key);
  return RANGE[(own ?? shared)![3]];
};

test('every row is a model key, once, with bounds inside the key\'s range in the file format, and a reason', () => {
  const keys = FIT_PARAMETERS.map((p) => p.key);
  assert.is(new Set(keys).size, keys.length);
  for (const p of FIT_PARAMETERS) {
    const [min, max] = rangeOf(p.key);
    assert.ok(min <= p.lo && p.lo < p.hi && p.hi <= max, `${p.key}: [${p.lo}, ${p.hi}] in [${min}, ${max}]`);
    if (p.scale === 'log') assert.ok(p.lo > 0, `${p.key}: a log scale needs lo > 0`);
    assert.ok(p.why.length > 10, p.key);
  }
  assert.ok(keys.includes('lambda'));
});

test('toSearch and fromSearch are inverses inside the bounds, on both scales', () => {
  for (const p of FIT_PARAMETERS) {
    for (const u of [0.01, 0.2, 0.5, 0.77, 0.99]) {
      const x = p.scale === 'log' ? p.lo * (p.hi / p.lo) ** u : p.lo + u * (p.hi - p.lo);
      assert.ok(Math.abs(fromSearch(p, toSearch(p, x)) - x) <= 1e-12 * Math.max(1, Math.abs(x)), `${p.key} ${x}`);
    }
  }
});

test('every search coordinate maps inside the bounds, even far out (the search never leaves them)', () => {
  for (const p of FIT_PARAMETERS) {
    for (const z of [-1e6, -50, -3, 0, 3, 50, 1e6]) {
      const x = fromSearch(p, z);
      assert.ok(x >= p.lo && x <= p.hi, `${p.key} z=${z} -> ${x}`);
    }
  }
  const lambda = fitParameter('lambda')!;
  // the middle of the log scale is the geometric mean of the bounds: sqrt(0.5 x 200) = 10
  assert.ok(Math.abs(fromSearch(lambda, 0) - 10) < 1e-12);
  assert.ok(Math.abs(fromSearch(fitParameter('miss')!, 0) - 0.3) < 1e-15);
});

test('the search starts at the model\'s defaults (lambda\'s, miss 0.2), moved in from a bound when a default sits on one', () => {
  assert.is(startValue(fitParameter('lambda')!), modelDefault('lambda'));
  assert.is(modelDefault('lambda'), MODEL_KEYS.find(([k]) => k === 'lambda')![2]);
  assert.is(startValue(fitParameter('miss')!), 0.2);
  // a row with its default on its lower bound (war_gain, default 0, searched on [0, 0.5]) starts 2% of the way in
  const war = { key: 'war_gain', lo: 0, hi: 0.5, scale: 'linear' as const, why: 'a test row' };
  assert.is(modelDefault('war_gain'), 0);
  assert.ok(Math.abs(startValue(war) - 0.01) < 1e-12, String(startValue(war)));
  // a shared key defaults to its base key's default (boycott_cost -> audience_cost 0.551)
  assert.is(modelDefault('boycott_cost'), 0.551);
  assert.throws(() => modelDefault('no_such_key'), /not a model key/);
  assert.is(fitParameter('no_such_key'), undefined);
});

test.run();
